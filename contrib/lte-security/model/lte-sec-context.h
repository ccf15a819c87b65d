/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_CONTEXT_H
#define LTE_SEC_CONTEXT_H

#include "lte-sec-algorithm.h"
#include "lte-sec-kdf.h"
#include "lte-sec-key.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace ltesec
{

/**
 * \ingroup lte-security
 * How RRC and UP keys are obtained when a UE arrives at a cell.
 */
enum class AsKeyScheme : uint8_t
{
    /// The design this module implements: KeNB forwarded unchanged, KRRCenc/KRRCint/KUPenc
    /// = KDF(KeNB, C-RNTI) (FC 0xF0, see DeriveSeedAsKey()).
    SEED_CRNTI_REFRESH = 0,
    /// TS 33.401 as adopted: keys = KDF(KeNB, FC 0x15) from a KeNB* made per target cell.
    TS33401 = 1,
};

/// The RRC and UP algorithms in use on a connection.
struct AsAlgorithms
{
    Eea ciphering{Eea::EEA0};
    Eia integrity{Eia::EIA0};

    bool operator==(const AsAlgorithms& o) const
    {
        return ciphering == o.ciphering && integrity == o.integrity;
    }
};

/// The three access-stratum keys of a connection (TS 33.401 clause 6.2).
struct AsKeys
{
    AlgKey rrcEnc; ///< KRRCenc
    AlgKey rrcInt; ///< KRRCint
    AlgKey upEnc;  ///< KUPenc

    bool operator==(const AsKeys& o) const
    {
        return rrcEnc == o.rrcEnc && rrcInt == o.rrcInt && upEnc == o.upEnc;
    }
};

/**
 * Derives KRRCenc, KRRCint and KUPenc for \p algs from \p kenb. With SEED_CRNTI_REFRESH the
 * keys depend on \p cRnti (and \p nonce when not empty); with TS33401 both are ignored.
 */
AsKeys DeriveAsKeys(AsKeyScheme scheme,
                    const Kenb& kenb,
                    const AsAlgorithms& algs,
                    uint16_t cRnti,
                    const std::vector<uint8_t>& nonce = {});

/**
 * Picks the first algorithm of \p priority that the UE supports (TS 33.401 7.2.4.2.1).
 * \return false if none is supported.
 */
bool SelectAlgorithm(const std::vector<Eea>& priority, const UeSecurityCapabilities& ue, Eea& out);
/// \copydoc SelectAlgorithm
bool SelectAlgorithm(const std::vector<Eia>& priority, const UeSecurityCapabilities& ue, Eia& out);

/**
 * \ingroup lte-security
 * The NAS security context the MME and the UE share (TS 33.401 clause 3.1, 7.2.4).
 */
struct NasSecurityContext
{
    uint8_t ksiAsme{0}; ///< key set identifier
    Kasme kasme;
    Eea nasEea{Eea::EEA0};
    Eia nasEia{Eia::EIA0};
    AlgKey nasEnc; ///< KNASenc
    AlgKey nasInt; ///< KNASint
    uint32_t ulNasCount{0};
    uint32_t dlNasCount{0};

    /// Derives KNASenc and KNASint for the selected NAS algorithms.
    void DeriveNasKeys();
};

/**
 * \ingroup lte-security
 * The MME's per-UE security state: NAS context, UE capabilities, and the NH chain.
 */
class MmeUeSecurityContext
{
  public:
    uint64_t imsi{0};
    UeSecurityCapabilities ueCapabilities;
    NasSecurityContext nas;
    Nh nh;          ///< last NH computed
    uint8_t ncc{0}; ///< Next hop Chaining Counter of \ref nh, 3 bits
    Kenb kenb;      ///< the KeNB of the last initial context setup (the seed scheme keeps it)

    /**
     * KeNB for a transition to connected (TS 33.401 7.2.8.1): KDF(KASME, uplink NAS COUNT of the
     * message that started it), the NCC 0 value; also restarts the NH chain: \ref nh = NH1 from
     * this KeNB, \ref ncc = 1 (the first S1 handover then steps to NCC 2).
     */
    Kenb DeriveInitialKenb();

    /// Advances the NH chain by one (NH from the previous NH) and increments NCC mod 8.
    void AdvanceNh();
};

/**
 * \ingroup lte-security
 * The eNB's AS security state for one UE (TS 33.401 7.2.4.3, 7.2.8).
 */
class EnbUeSecurityContext
{
  public:
    UeSecurityCapabilities ueCapabilities;
    Kenb kenb;
    uint8_t ncc{0};           ///< NCC of \ref kenb (0 after initial setup)
    Nh nh;                    ///< TS 33.401: the NH of the last PATH SWITCH REQUEST ACKNOWLEDGE
    uint8_t nhNcc{0};         ///< NCC of \ref nh
    bool haveUnusedNh{false}; ///< \ref nh not yet used: the next handover is vertical
    std::vector<uint8_t> freshInput; ///< alternative 1: the MME's fresh input for this KeNB
    AsAlgorithms algorithms;
    uint16_t cRnti{0};
    AsKeys keys;

    /// Derives \ref keys for the current \ref kenb, \ref algorithms and \ref cRnti.
    void RefreshKeys(AsKeyScheme scheme, const std::vector<uint8_t>& nonce = {});
};

/**
 * \ingroup lte-security
 * The UE's security state: NAS context (its copy of KASME) and the current AS context.
 */
class UeSecurityContext
{
  public:
    uint64_t imsi{0};
    UeSecurityCapabilities capabilities;
    NasSecurityContext nas;
    Kenb kenb;
    uint8_t kenbNcc{0}; ///< NCC of \ref kenb (0 after initial setup)
    Nh nh;              ///< last NH computed
    uint8_t ncc{0};     ///< NCC of \ref nh
    AsAlgorithms algorithms;
    uint16_t cRnti{0};
    std::vector<uint8_t> refreshNonce; ///< the seed's nonce of the last handover command, if any
    AsKeys keys;

    /// KeNB from KASME and the uplink NAS COUNT, as the MME does (NH1 with NCC 1).
    void DeriveInitialKenb();

    /// Derives \ref keys for the current \ref kenb, \ref algorithms and \ref cRnti.
    void RefreshKeys(AsKeyScheme scheme, const std::vector<uint8_t>& nonce = {});
};

} // namespace ltesec
} // namespace ns3

#endif /* LTE_SEC_CONTEXT_H */
