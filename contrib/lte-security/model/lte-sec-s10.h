/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_S10_H
#define LTE_SEC_S10_H

#include "lte-sec-context.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace ltesec
{

/**
 * \ingroup lte-security
 * The GTPv2-C MM Context IE "EPS Security Context and Quadruplets" (TS 29.274 8.38, type 107) as an
 * MME sends it on S10 in a Forward Relocation Request: security mode 4, KSI_ASME, the used NAS
 * algorithms, the NAS downlink and uplink COUNTs (24 bits each), KASME, no quadruplets, NH and NCC
 * (NHI = 1), the UE network capability (EEA and EIA octets), no MS network capability, no MEI, and
 * the access restriction data octet (all zero). The NAS keys are not carried: the target derives
 * them from KASME and the algorithm identities.
 */
struct S10MmContext
{
    uint8_t ksi{0};                        ///< KSI_ASME, 0..7
    Eea nasEea{Eea::EEA0};                 ///< used NAS cipher
    Eia nasEia{Eia::EIA0};                 ///< used NAS integrity protection algorithm
    uint32_t dlNasCount{0};                ///< NAS downlink COUNT (24 bits on the wire)
    uint32_t ulNasCount{0};                ///< NAS uplink COUNT (24 bits on the wire)
    Kasme kasme;                           ///< KASME
    Nh nh;                                 ///< Next Hop
    uint8_t ncc{0};                        ///< NCC of \ref nh, 0..7
    UeSecurityCapabilities ueCapabilities; ///< as the UE network capability's first two octets

    static constexpr uint8_t TYPE = 107;                ///< IE type
    static constexpr uint32_t VALUE_SIZE = 80;          ///< octets after the 4-octet IE header
    static constexpr uint32_t IE_SIZE = 4 + VALUE_SIZE; ///< the whole IE

    /// \return the whole IE (type, length, instance 0, value); throws for values out of range
    std::vector<uint8_t> Encode() const;
    /**
     * Decodes a whole IE.
     * \param ie the IE bytes
     * \param[out] error why it does not decode
     * \return false on a wrong type, length or security mode, or truncated fields
     */
    bool Decode(const std::vector<uint8_t>& ie, std::string& error);
};

/**
 * \ingroup lte-security
 * What the design adds on S10 and the standard has no field for, as a GTPv2-C Private Extension
 * IE (TS 29.274 8.67, type 255): enterprise ID 32473 (the IANA number reserved for
 * documentation, RFC 5612), then the value. Instance 0 carries KeNB (32 octets): 38 octets as an
 * IE.
 */
struct S10KenbExtension
{
    Kenb kenb; ///< the KeNB the source eNB forwards (the design's inter-MME step)

    static constexpr uint8_t TYPE = 255;             ///< IE type
    static constexpr uint16_t ENTERPRISE_ID = 32473; ///< RFC 5612
    static constexpr uint8_t INSTANCE = 0;           ///< instance that carries KeNB
    static constexpr uint32_t IE_SIZE = 4 + 2 + 32;  ///< the whole IE

    /// \return the whole IE
    std::vector<uint8_t> Encode() const;
    /// Decodes a whole IE; \return false (with \p error) if it is not this extension
    bool Decode(const std::vector<uint8_t>& ie, std::string& error);
};

} // namespace ltesec
} // namespace ns3

#endif /* LTE_SEC_S10_H */
