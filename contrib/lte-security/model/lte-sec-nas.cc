/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-nas.h"

#include "lte-sec-wire.h"

#include <stdexcept>

namespace ns3
{
namespace ltesec
{

namespace
{

constexpr uint8_t EMM = 0x07;               ///< protocol discriminator: EPS mobility management
constexpr uint8_t NONCE_MME_IEI = 0x56;     ///< NonceMME (TS 24.301 8.2.20.8)
constexpr uint8_t GUTI_LENGTH = 11;         ///< EPS mobile identity of type GUTI (9.9.3.12)
const uint8_t PLMN[3] = {0x00, 0xf1, 0x10}; ///< MCC 001, MNC 01
constexpr uint8_t MMEGI[2] = {0x00, 0x01};  ///< MME group ID of the old GUTI
constexpr uint8_t MMEC = 0x01;              ///< MME code of the old GUTI

void
Put32(std::vector<uint8_t>& b, uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
    {
        b.push_back(static_cast<uint8_t>(v >> shift));
    }
}

uint32_t
Get32(const std::vector<uint8_t>& b, std::size_t at)
{
    return (uint32_t(b[at]) << 24) | (uint32_t(b[at + 1]) << 16) | (uint32_t(b[at + 2]) << 8) |
           b[at + 3];
}

bool
Fail(std::string& error, const std::string& what)
{
    error = what;
    return false;
}

/// The plain EMM message's expected size, by type (0: unknown type)
std::size_t
PlainSize(NasMessageType type, bool nonce)
{
    switch (type)
    {
    case NasMessageType::TAU_REQUEST:
        return 3 + 1 + GUTI_LENGTH;
    case NasMessageType::TAU_ACCEPT:
        return 3;
    case NasMessageType::SECURITY_MODE_COMMAND:
        return 7 + (nonce ? 5 : 0);
    case NasMessageType::SECURITY_MODE_COMPLETE:
        return 2;
    }
    return 0;
}

/// NAS-MAC over SQN || message (TS 24.301 4.4.3.3), BEARER 0
uint32_t
NasMac(const NasSecurityContext& ctx,
       uint32_t count,
       Direction direction,
       uint8_t sqn,
       const std::vector<uint8_t>& message)
{
    std::vector<uint8_t> input;
    input.reserve(1 + message.size());
    input.push_back(sqn);
    input.insert(input.end(), message.begin(), message.end());
    AlgorithmInput in;
    in.count = count;
    in.bearer = 0;
    in.direction = direction;
    return ComputeMac(ctx.nasEia, ctx.nasInt, in, input, uint64_t(input.size()) * 8);
}

bool
Ciphered(NasSecurityHeader h)
{
    return h == NasSecurityHeader::INTEGRITY_CIPHERED ||
           h == NasSecurityHeader::INTEGRITY_CIPHERED_NEW_CONTEXT;
}

std::vector<uint8_t>
Cipher(const NasSecurityContext& ctx,
       uint32_t count,
       Direction direction,
       const std::vector<uint8_t>& data)
{
    AlgorithmInput in;
    in.count = count;
    in.bearer = 0;
    in.direction = direction;
    return Encrypt(ctx.nasEea, ctx.nasEnc, in, data, static_cast<uint32_t>(data.size() * 8));
}

} // namespace

const char*
NasMessageName(NasMessageType type)
{
    switch (type)
    {
    case NasMessageType::TAU_REQUEST:
        return "TRACKING AREA UPDATE REQUEST";
    case NasMessageType::TAU_ACCEPT:
        return "TRACKING AREA UPDATE ACCEPT";
    case NasMessageType::SECURITY_MODE_COMMAND:
        return "SECURITY MODE COMMAND";
    case NasMessageType::SECURITY_MODE_COMPLETE:
        return "SECURITY MODE COMPLETE";
    }
    return "unknown EMM message";
}

const char*
NasAlgorithmChangeName(NasAlgorithmChange p)
{
    switch (p)
    {
    case NasAlgorithmChange::TS33401:
        return "ts33401";
    case NasAlgorithmChange::SMC_RESET:
        return "smc-reset";
    case NasAlgorithmChange::SMC_KEEP:
        return "smc-keep";
    case NasAlgorithmChange::SMC_REFRESH:
        return "smc-refresh";
    }
    return "unknown";
}

const char*
NasCheckName(NasCheck c)
{
    switch (c)
    {
    case NasCheck::ACCEPTED:
        return "accepted";
    case NasCheck::MALFORMED:
        return "malformed";
    case NasCheck::INTEGRITY:
        return "integrity";
    case NasCheck::REPLAY:
        return "replay";
    }
    return "unknown";
}

std::vector<uint8_t>
NasEmmMessage::Encode() const
{
    std::vector<uint8_t> b{EMM, static_cast<uint8_t>(type)};
    switch (type)
    {
    case NasMessageType::TAU_REQUEST:
        // NAS key set identifier (high half, TSC 0 native) and EPS update type 0 (TA updating)
        b.push_back(static_cast<uint8_t>((ksi & 0x07) << 4));
        b.push_back(GUTI_LENGTH); // old GUTI (LV)
        b.push_back(0xf6);        // 1111 | odd/even 0 | type of identity 110 (GUTI)
        b.insert(b.end(), PLMN, PLMN + 3);
        b.insert(b.end(), MMEGI, MMEGI + 2);
        b.push_back(MMEC);
        Put32(b, mTmsi);
        break;
    case NasMessageType::TAU_ACCEPT:
        b.push_back(0x00); // spare half octet, EPS update result 0 (TA updated)
        break;
    case NasMessageType::SECURITY_MODE_COMMAND:
        // selected NAS security algorithms: ciphering in bits 5-7, integrity in bits 1-3
        b.push_back(
            static_cast<uint8_t>((static_cast<uint8_t>(eea) << 4) | static_cast<uint8_t>(eia)));
        b.push_back(static_cast<uint8_t>(ksi & 0x07)); // spare half octet, NAS KSI (TSC 0)
        b.push_back(2);                                // replayed UE security capabilities (LV)
        b.push_back(replayedCapabilities.eea);
        b.push_back(replayedCapabilities.eia);
        if (haveNonceMme)
        {
            b.push_back(NONCE_MME_IEI);
            Put32(b, nonceMme);
        }
        break;
    case NasMessageType::SECURITY_MODE_COMPLETE:
        break;
    }
    return b;
}

bool
NasEmmMessage::Decode(const std::vector<uint8_t>& bytes, std::string& error)
{
    if (bytes.size() < 2)
    {
        return Fail(error, "EMM message of " + std::to_string(bytes.size()) + " octets");
    }
    if (bytes[0] != EMM)
    {
        return Fail(error,
                    "not a plain EMM message (first octet " + std::to_string(bytes[0]) + ")");
    }
    NasEmmMessage m;
    m.type = static_cast<NasMessageType>(bytes[1]);
    bool nonce = m.type == NasMessageType::SECURITY_MODE_COMMAND && bytes.size() > 7;
    std::size_t size = PlainSize(m.type, nonce);
    if (size == 0)
    {
        return Fail(error, "EMM message type " + std::to_string(bytes[1]) + " not modelled");
    }
    if (bytes.size() != size)
    {
        return Fail(error,
                    std::string(NasMessageName(m.type)) + " of " + std::to_string(bytes.size()) +
                        " octets (" + std::to_string(size) + " expected)");
    }
    switch (m.type)
    {
    case NasMessageType::TAU_REQUEST:
        if ((bytes[2] & 0x0f) != 0 || bytes[3] != GUTI_LENGTH || bytes[4] != 0xf6)
        {
            return Fail(error, "TRACKING AREA UPDATE REQUEST: update type or old GUTI");
        }
        m.ksi = (bytes[2] >> 4) & 0x07;
        m.mTmsi = Get32(bytes, 11);
        break;
    case NasMessageType::TAU_ACCEPT:
        break;
    case NasMessageType::SECURITY_MODE_COMMAND: {
        uint8_t e = (bytes[2] >> 4) & 0x07;
        uint8_t i = bytes[2] & 0x07;
        if (e > 3 || i > 3 || bytes[4] != 2)
        {
            return Fail(error, "SECURITY MODE COMMAND: algorithm or capabilities length");
        }
        m.eea = static_cast<Eea>(e);
        m.eia = static_cast<Eia>(i);
        m.ksi = bytes[3] & 0x07;
        m.replayedCapabilities.eea = bytes[5];
        m.replayedCapabilities.eia = bytes[6];
        if (nonce)
        {
            if (bytes[7] != NONCE_MME_IEI)
            {
                return Fail(error, "SECURITY MODE COMMAND: unknown IE " + std::to_string(bytes[7]));
            }
            m.haveNonceMme = true;
            m.nonceMme = Get32(bytes, 8);
        }
        break;
    }
    case NasMessageType::SECURITY_MODE_COMPLETE:
        break;
    }
    *this = m;
    return true;
}

std::vector<uint8_t>
NasProtectedMessage::Encode() const
{
    std::vector<uint8_t> b{static_cast<uint8_t>((static_cast<uint8_t>(header) << 4) | EMM)};
    Put32(b, mac);
    b.push_back(sqn);
    b.insert(b.end(), message.begin(), message.end());
    return b;
}

bool
NasProtectedMessage::Decode(const std::vector<uint8_t>& bytes, std::string& error)
{
    if (bytes.size() < HEADER_SIZE + 2)
    {
        return Fail(error, "protected NAS message of " + std::to_string(bytes.size()) + " octets");
    }
    uint8_t h = bytes[0] >> 4;
    if ((bytes[0] & 0x0f) != EMM || h == 0 || h > 4)
    {
        return Fail(error,
                    "not a security protected EMM message (first octet " +
                        std::to_string(bytes[0]) + ")");
    }
    header = static_cast<NasSecurityHeader>(h);
    mac = Get32(bytes, 1);
    sqn = bytes[5];
    message.assign(bytes.begin() + HEADER_SIZE, bytes.end());
    return true;
}

std::vector<uint8_t>
ProtectNas(const NasEmmMessage& msg,
           NasSecurityHeader header,
           const NasSecurityContext& ctx,
           uint32_t count,
           Direction direction)
{
    if (header == NasSecurityHeader::PLAIN)
    {
        throw std::invalid_argument("ProtectNas: a protected security header type is needed");
    }
    NasProtectedMessage p;
    p.header = header;
    p.sqn = static_cast<uint8_t>(count & 0xff);
    p.message = msg.Encode();
    if (Ciphered(header))
    {
        p.message = Cipher(ctx, count, direction, p.message);
    }
    p.mac = NasMac(ctx, count, direction, p.sqn, p.message);
    return p.Encode();
}

NasCheck
UnprotectNas(const std::vector<uint8_t>& pdu,
             const NasSecurityContext& ctx,
             uint32_t next,
             Direction direction,
             NasEmmMessage& msg,
             uint32_t& count,
             NasSecurityHeader& header,
             std::string& error)
{
    NasProtectedMessage p;
    if (!p.Decode(pdu, error))
    {
        return NasCheck::MALFORMED;
    }
    uint32_t estimate = EstimateDlNasCount(next, p.sqn);
    if (NasMac(ctx, estimate, direction, p.sqn, p.message) != p.mac)
    {
        // the COUNT used before with this SQN: a message that verifies there was sent already
        if (estimate >= 256 && NasMac(ctx, estimate - 256, direction, p.sqn, p.message) == p.mac)
        {
            error = "NAS COUNT " + std::to_string(estimate - 256) + " used already (the lowest " +
                    "accepted is " + std::to_string(next) + ")";
            return NasCheck::REPLAY;
        }
        error = "NAS-MAC does not verify at NAS COUNT " + std::to_string(estimate);
        return NasCheck::INTEGRITY;
    }
    std::vector<uint8_t> plain =
        Ciphered(p.header) ? Cipher(ctx, estimate, direction, p.message) : p.message;
    NasEmmMessage m;
    if (!m.Decode(plain, error))
    {
        return NasCheck::MALFORMED;
    }
    msg = m;
    count = estimate;
    header = p.header;
    return NasCheck::ACCEPTED;
}

} // namespace ltesec
} // namespace ns3
