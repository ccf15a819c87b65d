/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_WIRE_H
#define LTE_SEC_WIRE_H

#include "lte-sec-context.h"

#include "ns3/lte-rrc-sap.h"
#include "ns3/lte-security-bytes.h"

#include <cstdint>
#include <string>

namespace ns3
{
namespace ltesec
{

/**
 * \ingroup lte-security
 * The content of the X2 AS Security Information IE as the seed scheme fills it: KeNB, the UE's
 * EEA and EIA capability bitmaps, and the algorithms in use (EEA << 4 | EIA). ns-3's X2 header
 * adds the IE header (id 240, criticality, length).
 */
struct AsSecurityInformation
{
    Kenb kenb;                            ///< KeNB, forwarded unchanged
    UeSecurityCapabilities ueCapabilities; ///< as the source knows them
    AsAlgorithms algorithms;               ///< in use at the source

    static constexpr uint32_t SIZE = 32 + 2 + 1;  ///< bytes of content
    static constexpr uint32_t IE_SIZE = 4 + SIZE; ///< with the X2 IE header

    /// \return the IE content (SIZE bytes, zeroed when freed)
    SecurityBytes Encode() const;

    /**
     * Decodes IE content.
     * \param bytes the content
     * \param[out] error why it does not decode (when false is returned)
     * \return false for a wrong length or an unknown algorithm
     */
    bool Decode(const SecurityBytes& bytes, std::string& error);
};

/**
 * \ingroup lte-security
 * The MAC-I that PDCP would put on an RRC message, for ideal RRC, which bypasses PDCP: EIA over
 * the message as ns-3 serializes it, with the given COUNT, BEARER 0 (SRB1) and \p direction.
 * \param eia the algorithm
 * \param krrcInt KRRCint
 * \param count the per-connection COUNT of the sender
 * \param direction UPLINK for the UE's messages
 * \param msg the message (its ideal MAC-I fields are not part of it)
 * \return the MAC-I
 */
uint32_t IdealMacI(Eia eia,
                   const AlgKey& krrcInt,
                   uint32_t count,
                   Direction direction,
                   const LteRrcSap::RrcConnectionReconfiguration& msg);
/// \copydoc IdealMacI
uint32_t IdealMacI(Eia eia,
                   const AlgKey& krrcInt,
                   uint32_t count,
                   Direction direction,
                   const LteRrcSap::RrcConnectionReconfigurationCompleted& msg);

/**
 * \return the bytes that securityConfigHO adds to \p msg as ns-3 serializes it (its security
 * bytes on the air, before the PDCP MAC-I)
 */
uint32_t SecurityConfigHoBytes(const LteRrcSap::RrcConnectionReconfiguration& msg);

} // namespace ltesec
} // namespace ns3

#endif /* LTE_SEC_WIRE_H */
