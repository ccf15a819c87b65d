/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_WIRE_H
#define LTE_SEC_WIRE_H

#include "lte-sec-context.h"

#include "ns3/epc-s1ap-pdu.h"
#include "ns3/lte-rrc-sap.h"
#include "ns3/lte-security-bytes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace ltesec
{

/**
 * \ingroup lte-security
 * The content of the X2 AS Security Information IE: the scheme's key (KeNB for the seed, KeNB*
 * for TS 33.401, the target's KeNB for alternative 2), the UE's EEA and EIA capability bitmaps,
 * the algorithms in use (EEA << 4 | EIA), and, for a scheme with an NH chain, one octet of NCC
 * (0..7), as TS 36.423 9.2.29 pairs Key eNodeB Star with NCC. ns-3's X2 header adds the IE header
 * (id 240, criticality, length).
 */
struct AsSecurityInformation
{
    Kenb kenb;                             ///< the key the scheme forwards
    UeSecurityCapabilities ueCapabilities; ///< as the source knows them
    AsAlgorithms algorithms;               ///< in use at the source
    bool haveNcc{false};                   ///< the NCC octet is present
    uint8_t ncc{0};                        ///< NCC of \ref kenb, 0..7

    static constexpr uint32_t SIZE = 32 + 2 + 1;               ///< bytes of content without NCC
    static constexpr uint32_t SIZE_WITH_NCC = SIZE + 1;        ///< bytes of content with NCC
    static constexpr uint32_t IE_HEADER_SIZE = 4;              ///< the X2 IE header
    static constexpr uint32_t IE_SIZE = IE_HEADER_SIZE + SIZE; ///< with the X2 IE header

    /// \return the IE content (SIZE or SIZE_WITH_NCC bytes, zeroed when freed); throws
    /// std::invalid_argument for NCC > 7
    SecurityBytes Encode() const;

    /**
     * Decodes IE content (SIZE bytes, or SIZE_WITH_NCC with the NCC octet).
     * \param bytes the content
     * \param[out] error why it does not decode (when false is returned)
     * \return false for a wrong length, an unknown algorithm or an NCC above 7
     */
    bool Decode(const SecurityBytes& bytes, std::string& error);
};

/**
 * \ingroup lte-security
 * The S1AP UE Security Capabilities IE (TS 36.413 9.2.1.40, id 107) in aligned PER: an extensible
 * SEQUENCE of two extensible 16-bit BIT STRINGs, EncryptionAlgorithms and
 * IntegrityProtectionAlgorithms, whose first bit is 128-EEA1/EIA1, the second 128-EEA2/EIA2, the
 * third 128-EEA3/EIA3 (EEA0 is always supported and has no bit; EIA0 has none either). 9 bytes as
 * an IE.
 */
struct S1apUeSecurityCapabilities
{
    /// EEA0 and EIA0 have no bit (every UE implements them): decoding sets both
    UeSecurityCapabilities capabilities;

    static constexpr uint16_t IE_ID = 107;    ///< id-UESecurityCapabilities
    static constexpr uint32_t IE_SIZE = 9;    ///< bytes as a ProtocolIE-Field
    static constexpr uint32_t VALUE_SIZE = 5; ///< bytes of the value (36 bits)

    /// \return the value's aligned-PER encoding
    std::vector<uint8_t> EncodeValue() const;
    /// Decodes a value; \return false (with \p error) if it does not decode
    bool DecodeValue(const std::vector<uint8_t>& value, std::string& error);
    /// Appends the IE (id, criticality reject, value) to \p w.
    void WriteIe(ns3::EpcAperWriter& w) const;
};

/**
 * \ingroup lte-security
 * The S1AP Security Context IE (TS 36.413 9.2.1.26, id 40) in aligned PER: an extensible SEQUENCE
 * of nextHopChainingCount (INTEGER 0..7) and nextHopParameter (the 256-bit Security Key, a fixed
 * BIT STRING, octet aligned). 37 bytes as an IE.
 */
struct S1apSecurityContext
{
    uint8_t ncc{0}; ///< Next Hop Chaining Count, 0..7
    Nh nh;          ///< the Next Hop parameter

    static constexpr uint16_t IE_ID = 40;      ///< id-SecurityContext
    static constexpr uint32_t IE_SIZE = 37;    ///< bytes as a ProtocolIE-Field
    static constexpr uint32_t VALUE_SIZE = 33; ///< bytes of the value

    /// \return the value's aligned-PER encoding (throws std::invalid_argument for NCC > 7)
    std::vector<uint8_t> EncodeValue() const;
    /// Decodes a value; \return false (with \p error) if it does not decode
    bool DecodeValue(const std::vector<uint8_t>& value, std::string& error);
    /// Appends the IE (id, criticality reject, value) to \p w.
    void WriteIe(ns3::EpcAperWriter& w) const;
};

/**
 * \ingroup lte-security
 * The NAS part of the design's inter-MME handover command, laid out as the 7-octet value of the
 * Intra N1 mode NAS transparent container (TS 24.501 9.11.2.6, keys and MAC as TS 33.501
 * 6.9.2.3.3): NAS-MAC (4 octets); the selected NAS algorithms, EEA in bits 8-5 and EIA in bits
 * 4-1; KSI_ASME in bits 3-1 (TSC 0); SQN, the 8 least significant bits of the downlink NAS COUNT.
 * NAS-MAC = EIA(KNASint of the selected EIA, COUNT = that downlink NAS COUNT, BEARER 0,
 * DIRECTION downlink) over the last three octets. The target MME sends it in the HANDOVER
 * REQUEST's NAS Security Parameters to E-UTRAN; the target eNB puts it in the handover command.
 */
struct NasTransparentContainer
{
    Eea eea{Eea::EEA0}; ///< selected NAS cipher
    Eia eia{Eia::EIA0}; ///< selected NAS integrity algorithm
    uint8_t ksi{0};     ///< KSI_ASME, 0..6
    uint8_t sqn{0};     ///< the 8 least significant bits of the downlink NAS COUNT
    uint32_t nasMac{0}; ///< NAS-MAC

    static constexpr uint32_t SIZE = 7; ///< octets

    /// Sets \ref sqn and \ref nasMac for a KASME and the downlink NAS COUNT it is sent with.
    void Protect(const Kasme& kasme, uint32_t dlNasCount);
    /// \return true if \ref nasMac verifies with this KASME and downlink NAS COUNT
    bool Verify(const Kasme& kasme, uint32_t dlNasCount) const;
    /// \return the 7 octets
    std::vector<uint8_t> Encode() const;
    /// Decodes the 7 octets; \return false (with \p error) on a wrong size or algorithm
    bool Decode(const std::vector<uint8_t>& bytes, std::string& error);
};

/**
 * \ingroup lte-security
 * The value of HANDOVER REQUEST's NAS Security Parameters to E-UTRAN (TS 36.413 9.2.3.30, an
 * OCTET STRING) as this model fills it: the inter-MME NAS part (NasTransparentContainer, opaque
 * to the eNB), then alternative 1's fresh input (16 octets); either may be absent. The target eNB
 * puts both in the handover command.
 */
struct S1apNasSecurityParameters
{
    static constexpr uint16_t IE_ID = 136;           ///< id-NASSecurityParameterstoE-UTRAN
    static constexpr uint32_t FRESH_INPUT_SIZE = 16; ///< octets of the fresh input
    /// the ProtocolIE-Field's bytes besides the value: id 2, criticality 1, open type length 1,
    /// OCTET STRING length 1
    static constexpr uint32_t IE_OVERHEAD = 5;

    std::vector<uint8_t> nasContainer; ///< empty or NasTransparentContainer::SIZE octets
    std::vector<uint8_t> freshInput;   ///< empty or FRESH_INPUT_SIZE octets

    /// \return true if neither part is present (the IE is left out)
    bool Empty() const;
    /// \return the value's octets; throws std::invalid_argument if a part has a wrong size
    std::vector<uint8_t> EncodeValue() const;
    /// Decodes a value of 0, 7, 16 or 23 octets; \return false (with \p error) otherwise
    bool DecodeValue(const std::vector<uint8_t>& value, std::string& error);
    /// \return the IE's bytes in the message (0 if Empty())
    uint32_t IeSize() const;
};

/**
 * \ingroup lte-security
 * \param next the lowest downlink NAS COUNT a UE still accepts
 * \param sqn the 8 least significant bits of a received COUNT
 * \return the smallest COUNT not below \p next that ends in \p sqn (TS 24.301 4.4.3.1)
 */
uint32_t EstimateDlNasCount(uint32_t next, uint8_t sqn);

/**
 * \ingroup lte-security
 * The MAC-I that PDCP would put on an RRC message, for ideal RRC, which bypasses PDCP: EIA over
 * the message as ns-3 serializes it (with its RRC transaction identifier modulo 4, then the
 * identifier in full as one more octet), with the given COUNT, BEARER 0 (SRB1) and \p direction.
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
 * \ingroup lte-security
 * VarShortMAC-Input (TS 36.331 5.3.7.4, 6.3.6 and 7.1): what the shortMAC-I of an
 * RRCConnectionReestablishmentRequest covers, in unaligned PER: cellIdentity (28 bits, of the
 * cell the request goes to), physCellId (9 bits) and c-RNTI (16 bits) of the cell the UE names,
 * padded with zero bits to 7 octets.
 */
struct VarShortMacInput
{
    static constexpr uint32_t SIZE = 7; ///< octets

    uint32_t cellIdentity{0}; ///< E-UTRAN cell identity (28 bits; ns-3: the cell ID)
    uint16_t physCellId{0};   ///< 0..503
    uint16_t cRnti{0};        ///< C-RNTI

    /// \return the 7 octets; throws std::invalid_argument for values out of range
    std::vector<uint8_t> Encode() const;
};

/**
 * \ingroup lte-security
 * shortMAC-I (TS 36.331 5.3.7.4): the 16 least significant bits of the MAC-I computed over
 * VarShortMAC-Input with KRRCint and the integrity algorithm of the cell the UE names, with
 * COUNT, BEARER and DIRECTION all ones.
 * \param eia the integrity algorithm (EIA0: 0)
 * \param krrcInt KRRCint
 * \param input what the MAC covers
 * \return shortMAC-I
 */
uint16_t ShortMacI(Eia eia, const AlgKey& krrcInt, const VarShortMacInput& input);

/**
 * \return the bytes that securityConfigHO adds to \p msg as ns-3 serializes it (its security
 * bytes on the air, before the PDCP MAC-I)
 */
uint32_t SecurityConfigHoBytes(const LteRrcSap::RrcConnectionReconfiguration& msg);

} // namespace ltesec
} // namespace ns3

#endif /* LTE_SEC_WIRE_H */
