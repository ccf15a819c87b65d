/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_KDF_H
#define LTE_SEC_KDF_H

#include "lte-sec-algorithm.h"
#include "lte-sec-key.h"

#include <array>
#include <cstdint>
#include <vector>

namespace ns3
{
namespace ltesec
{

/**
 * \ingroup lte-security
 * FC values of the key derivations (TS 33.401 Annex A, TS 33.220 Annex B.2.2).
 */
enum KdfFc : uint8_t
{
    FC_KENB = 0x11,          ///< KeNB from KASME and uplink NAS COUNT (TS 33.401 A.3)
    FC_NH = 0x12,            ///< NH from KASME and SYNC-input (A.4)
    FC_KENB_STAR = 0x13,     ///< KeNB* from KeNB/NH, PCI and EARFCN-DL (A.5)
    FC_ALGORITHM_KEY = 0x15, ///< NAS/RRC/UP algorithm keys (A.7)
    /**
     * KRRCenc/KRRCint/KUPenc from KeNB and C-RNTI, the refresh of the design this module
     * implements. No 3GPP encoding exists; this value is not assigned in TS 33.220 and is used
     * only inside this model. See doc/ for the full encoding.
     */
    FC_SEED_CRNTI_REFRESH = 0xF0,
    /// KASME of an IMSI from a simulation master key: this model's stand-in for authentication.
    FC_MODEL_KASME_PROVISIONING = 0xF1,
    /**
     * TR 33.821 alternative 2 as this model defines it: the target's KeNB from the source's KeNB
     * and the target cell (PCI, EARFCN-DL). Not assigned in TS 33.220; see doc/.
     */
    FC_ALT2_TARGET_KENB = 0xF2,
    /**
     * TR 33.821 alternative 1 as this model defines it: the target's KeNB from KASME and the
     * MME's fresh input. Not assigned in TS 33.220; see doc/.
     */
    FC_ALT1_TARGET_KENB = 0xF3,
    /**
     * The NAS key refresh of S3-070553's second countermeasure as this model defines it: a
     * fresh KASME from KASME and the MME's NonceMME of the NAS security mode command. Not
     * assigned in TS 33.220; see doc/.
     */
    FC_MODEL_NAS_REFRESH = 0xF4,
};

/**
 * \ingroup lte-security
 * Algorithm type distinguishers, P0 of the FC 0x15 derivation (TS 33.401 Table A.7-1).
 */
enum class AlgKeyType : uint8_t
{
    NAS_ENC = 0x01,
    NAS_INT = 0x02,
    RRC_ENC = 0x03,
    RRC_INT = 0x04,
    UP_ENC = 0x05,
    UP_INT = 0x06,
};

/// \return "nas-enc", "rrc-int", ... (the key tool's spelling).
const char* AlgKeyTypeName(AlgKeyType t);

/// Parses "nas-enc" ... "up-int"; throws std::invalid_argument naming \p what otherwise.
AlgKeyType ParseAlgKeyType(const std::string& s, const std::string& what);

/**
 * \ingroup lte-security
 * The input string S = FC || P0 || L0 || P1 || L1 || ... of the generic KDF
 * (TS 33.220 Annex B.2), Li being the 2-byte big-endian length of Pi.
 */
class KdfInput
{
  public:
    explicit KdfInput(uint8_t fc);
    /// Appends a parameter Pi and its length Li.
    KdfInput& Add(const uint8_t* p, uint16_t len);
    /// Appends an unsigned integer parameter of \p octets bytes, big-endian.
    KdfInput& AddUint(uint64_t value, uint16_t octets);
    ~KdfInput();
    KdfInput(const KdfInput&) = delete;
    KdfInput& operator=(const KdfInput&) = delete;

    const uint8_t* Data() const
    {
        return m_s.data();
    }

    std::size_t Size() const
    {
        return m_size;
    }

    /// A copy of S (for tests and the key log).
    std::vector<uint8_t> Bytes() const
    {
        return std::vector<uint8_t>(m_s.begin(), m_s.begin() + m_size);
    }

    /// Longest S accepted: every EPS derivation needs at most 36 bytes.
    static constexpr std::size_t MAX_SIZE = 96;

  private:
    std::array<uint8_t, MAX_SIZE> m_s; // inline: no allocation per derivation
    std::size_t m_size{0};
};

/**
 * The generic KDF: HMAC-SHA-256(Key, S) through OpenSSL's EVP_MAC (TS 33.220 B.2.0).
 * \param key key bytes
 * \param keyLen key length in bytes (32 for every EPS derivation)
 * \param s the input string
 * \return the 256-bit output
 */
Key256 Kdf(const uint8_t* key, std::size_t keyLen, const KdfInput& s);

/// KeNB = KDF(KASME, FC 0x11 || UL NAS COUNT) (TS 33.401 A.3).
Kenb DeriveKenb(const Kasme& kasme, uint32_t ulNasCount);

/// NH = KDF(KASME, FC 0x12 || SYNC-input), SYNC-input the KeNB after initial setup (A.4).
Nh DeriveNh(const Kasme& kasme, const Kenb& syncInput);
/// NH = KDF(KASME, FC 0x12 || SYNC-input), SYNC-input the previous NH (A.4).
Nh DeriveNh(const Kasme& kasme, const Nh& syncInput);

/// Largest EARFCN-DL (18 bits, TS 36.101).
constexpr uint32_t MAX_EARFCN = 262143;
/// Largest physical cell identity.
constexpr uint16_t MAX_PCI = 503;

/**
 * KeNB* = KDF(KeNB or NH, FC 0x13 || PCI || EARFCN-DL) (TS 33.401 A.5). EARFCN-DL is encoded
 * in 2 bytes up to 65535 and in 3 bytes above. Throws std::invalid_argument if pci > 503 or
 * earfcnDl > 262143.
 */
Kenb DeriveKenbStar(const Kenb& kenb, uint16_t pci, uint32_t earfcnDl);
/// KeNB* from NH (vertical key derivation).
Kenb DeriveKenbStar(const Nh& nh, uint16_t pci, uint32_t earfcnDl);

/**
 * TR 33.821 alternative 2 (this model's encoding): the target's KeNB =
 * KDF(source KeNB, FC 0xF2 || P0 = target PCI (2 B) || P1 = target EARFCN-DL (2 B up to 65535,
 * 3 B above)). Throws std::invalid_argument if pci > 503 or earfcnDl > 262143.
 */
Kenb DeriveAlt2Kenb(const Kenb& sourceKenb, uint16_t pci, uint32_t earfcnDl);

/**
 * TR 33.821 alternative 1 (this model's encoding): the target's KeNB, made by the MME =
 * KDF(KASME, FC 0xF3 || P0 = the MME's fresh input (16 B) || L0 = 0x0010). Throws
 * std::invalid_argument unless \p fresh has 16 octets.
 */
Kenb DeriveAlt1Kenb(const Kasme& kasme, const std::vector<uint8_t>& fresh);

/// The full 256-bit output of the FC 0x15 algorithm key derivation (A.7) from any 256-bit key.
Key256 KdfAlgorithmKey(const uint8_t* key32, AlgKeyType type, uint8_t algorithmId);

/// KASME' = KDF(KASME, FC 0xF4 || NonceMME): the model's NAS key refresh (countermeasure 2).
Kasme DeriveRefreshedKasme(const Kasme& kasme, uint32_t nonceMme);

/// KNASenc / KNASint from KASME (A.7); the 128-bit key.
AlgKey DeriveNasKey(const Kasme& kasme, AlgKeyType type, uint8_t algorithmId);

/// KRRCenc / KRRCint / KUPenc / KUPint from KeNB as TS 33.401 defines it (A.7); the 128-bit key.
AlgKey DeriveAsKey(const Kenb& kenb, AlgKeyType type, uint8_t algorithmId);

/**
 * The full 256-bit output of this model's C-RNTI refresh:
 * KDF(KeNB, FC 0xF0 || P0 = type distinguisher (1 B) || P1 = algorithm id (1 B)
 *          || P2 = C-RNTI (2 B) [|| P3 = nonce (16 B)]).
 * Throws std::invalid_argument for a type other than RRC_ENC, RRC_INT, UP_ENC.
 */
Key256 KdfSeedCrntiRefresh(const Kenb& kenb,
                           AlgKeyType type,
                           uint8_t algorithmId,
                           uint16_t cRnti,
                           const std::vector<uint8_t>& nonce = {});

/// The 128-bit key of KdfSeedCrntiRefresh().
AlgKey DeriveSeedAsKey(const Kenb& kenb,
                       AlgKeyType type,
                       uint8_t algorithmId,
                       uint16_t cRnti,
                       const std::vector<uint8_t>& nonce = {});

} // namespace ltesec
} // namespace ns3

#endif /* LTE_SEC_KDF_H */
