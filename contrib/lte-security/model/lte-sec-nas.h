/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_NAS_H
#define LTE_SEC_NAS_H

#include "lte-sec-algorithm.h"
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
 * The EPS mobility management messages the model sends (TS 24.301 9.8).
 */
enum class NasMessageType : uint8_t
{
    TAU_REQUEST = 0x48,            ///< TRACKING AREA UPDATE REQUEST (UE -> MME)
    TAU_ACCEPT = 0x49,             ///< TRACKING AREA UPDATE ACCEPT (MME -> UE)
    SECURITY_MODE_COMMAND = 0x5d,  ///< SECURITY MODE COMMAND (MME -> UE)
    SECURITY_MODE_COMPLETE = 0x5e, ///< SECURITY MODE COMPLETE (UE -> MME)
};

/// \return the message's name as TS 24.301 writes it, e.g. "SECURITY MODE COMMAND"
const char* NasMessageName(NasMessageType type);

/**
 * \ingroup lte-security
 * Security header types of EMM messages (TS 24.301 9.3.1).
 */
enum class NasSecurityHeader : uint8_t
{
    PLAIN = 0,
    INTEGRITY = 1,                      ///< integrity protected
    INTEGRITY_CIPHERED = 2,             ///< integrity protected and ciphered
    INTEGRITY_NEW_CONTEXT = 3,          ///< integrity protected with new EPS security context
    INTEGRITY_CIPHERED_NEW_CONTEXT = 4, ///< ... and ciphered, with new EPS security context
};

/**
 * \ingroup lte-security
 * What an MME does when a UE arriving by inter-MME handover gets other NAS algorithms (the
 * seed's editor's note on S3-070553, and TS 33.401's final rule).
 */
enum class NasAlgorithmChange : uint8_t
{
    /// TS 33.401: the algorithms change in the handover command's NAS part; the NAS COUNTs
    /// travel in the MM context and are never reset while KASME stays
    TS33401,
    /// a regular NAS security mode command after the handover that resets the NAS COUNTs and
    /// clears the replay state (the vulnerable variant)
    SMC_RESET,
    /// countermeasure 1: a NAS security mode command that keeps the NAS COUNTs
    SMC_KEEP,
    /// countermeasure 2: a NAS security mode command that refreshes the NAS keys (a NonceMME
    /// makes a fresh KASME), with the COUNTs restarting under the fresh keys
    SMC_REFRESH,
};

/// \return "ts33401", "smc-reset", "smc-keep" or "smc-refresh"
const char* NasAlgorithmChangeName(NasAlgorithmChange p);

/**
 * \ingroup lte-security
 * A plain EMM message (TS 24.301 8.2) as the model writes it: its mandatory IEs, and NonceMME
 * in a security mode command that refreshes the NAS keys.
 */
struct NasEmmMessage
{
    NasMessageType type{NasMessageType::TAU_REQUEST}; ///< the message
    /// SECURITY MODE COMMAND: selected NAS security algorithms (9.9.3.23)
    Eea eea{Eea::EEA0};
    Eia eia{Eia::EIA0}; ///< see eea
    /// SECURITY MODE COMMAND and TRACKING AREA UPDATE REQUEST: NAS key set identifier (0..6)
    uint8_t ksi{0};
    /// SECURITY MODE COMMAND: replayed UE security capabilities (EEA and EIA octets)
    UeSecurityCapabilities replayedCapabilities;
    bool haveNonceMme{false}; ///< SECURITY MODE COMMAND: NonceMME present (IEI 0x56)
    uint32_t nonceMme{0};     ///< its value
    /// TRACKING AREA UPDATE REQUEST: the M-TMSI of the old GUTI (PLMN 001/01, MMEGI 1, MMEC 1)
    uint32_t mTmsi{0};

    /// \return the message's octets
    std::vector<uint8_t> Encode() const;
    /**
     * Decodes a plain EMM message of one of the types above.
     * \param bytes the octets
     * \param[out] error why it does not decode (when false is returned)
     * \return true if it decodes
     */
    bool Decode(const std::vector<uint8_t>& bytes, std::string& error);
};

/**
 * \ingroup lte-security
 * A security protected NAS message (TS 24.301 9.1): security header type and protocol
 * discriminator, message authentication code, sequence number, the (ciphered) NAS message.
 */
struct NasProtectedMessage
{
    static constexpr uint32_t HEADER_SIZE = 6; ///< octets before the NAS message

    NasSecurityHeader header{NasSecurityHeader::INTEGRITY_CIPHERED}; ///< security header type
    uint32_t mac{0};                                                 ///< NAS-MAC
    uint8_t sqn{0};               ///< the 8 least significant bits of the NAS COUNT
    std::vector<uint8_t> message; ///< the NAS message, ciphered for header types 2 and 4

    /// \return the octets
    std::vector<uint8_t> Encode() const;
    /**
     * \param bytes a protected NAS message
     * \param[out] error why it does not decode (when false is returned)
     * \return true if \p bytes is a protected EMM message
     */
    bool Decode(const std::vector<uint8_t>& bytes, std::string& error);
};

/**
 * \ingroup lte-security
 * Protects a NAS message (TS 24.301 4.4.3, TS 33.401 8.1, B.1, B.2): ciphers it with KNASenc for
 * header types 2 and 4, then computes NAS-MAC with KNASint over SQN and the message, with COUNT
 * the NAS COUNT, BEARER 0 and the direction.
 * \param msg the plain message
 * \param header the security header type (not PLAIN)
 * \param ctx the NAS security context: algorithms and keys
 * \param count the NAS COUNT of this message
 * \param direction uplink (UE) or downlink (MME)
 * \return the protected message's octets
 */
std::vector<uint8_t> ProtectNas(const NasEmmMessage& msg,
                                NasSecurityHeader header,
                                const NasSecurityContext& ctx,
                                uint32_t count,
                                Direction direction);

/// Outcome of checking a received protected NAS message
enum class NasCheck : uint8_t
{
    ACCEPTED,  ///< integrity verified at a NAS COUNT not used before
    MALFORMED, ///< does not decode
    INTEGRITY, ///< NAS-MAC does not verify
    REPLAY,    ///< NAS-MAC verifies only at a NAS COUNT already used: a replayed message
};

/// \return "accepted", "malformed", "integrity" or "replay"
const char* NasCheckName(NasCheck c);

/**
 * \ingroup lte-security
 * Checks a received protected NAS message (TS 24.301 4.4.3.1, 4.4.3.2): estimates its NAS COUNT
 * as the smallest one not below \p next that ends in its SQN, verifies NAS-MAC there and
 * deciphers. A message whose NAS-MAC verifies only at the COUNT 256 below (the one used before)
 * is a replay.
 * \param pdu the octets received
 * \param ctx the receiver's NAS security context
 * \param next the lowest NAS COUNT the receiver still accepts
 * \param direction the message's direction
 * \param[out] msg the plain message (ACCEPTED)
 * \param[out] count its NAS COUNT (ACCEPTED)
 * \param[out] header its security header type (ACCEPTED)
 * \param[out] error what is wrong (otherwise)
 * \return the outcome
 */
NasCheck UnprotectNas(const std::vector<uint8_t>& pdu,
                      const NasSecurityContext& ctx,
                      uint32_t next,
                      Direction direction,
                      NasEmmMessage& msg,
                      uint32_t& count,
                      NasSecurityHeader& header,
                      std::string& error);

} // namespace ltesec
} // namespace ns3

#endif /* LTE_SEC_NAS_H */
