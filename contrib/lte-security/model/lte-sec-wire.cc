/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-wire.h"

#include "lte-sec-kdf.h"

#include "ns3/lte-rrc-header.h"
#include "ns3/packet.h"

#include <stdexcept>
#include <vector>

namespace ns3
{
namespace ltesec
{

SecurityBytes
AsSecurityInformation::Encode() const
{
    SecurityBytes b(kenb.Data(), kenb.Data() + Kenb::SIZE);
    b.push_back(ueCapabilities.eea);
    b.push_back(ueCapabilities.eia);
    b.push_back(static_cast<uint8_t>((static_cast<uint8_t>(algorithms.ciphering) << 4) |
                                     static_cast<uint8_t>(algorithms.integrity)));
    if (haveNcc)
    {
        if (ncc > 7)
        {
            throw std::invalid_argument("AS Security Information: NCC " + std::to_string(ncc) +
                                        " above 7");
        }
        b.push_back(ncc);
    }
    return b;
}

bool
AsSecurityInformation::Decode(const SecurityBytes& b, std::string& error)
{
    if (b.size() != SIZE && b.size() != SIZE_WITH_NCC)
    {
        error = "AS Security Information IE of " + std::to_string(b.size()) + " bytes, " +
                std::to_string(SIZE) + " or " + std::to_string(SIZE_WITH_NCC) + " expected";
        return false;
    }
    if (b.size() == SIZE_WITH_NCC && b[SIZE] > 7)
    {
        error = "AS Security Information with NCC " + std::to_string(b[SIZE]) + " (0..7)";
        return false;
    }
    uint8_t eea = b[34] >> 4;
    uint8_t eia = b[34] & 0x0f;
    if (eea > 3 || eia > 3)
    {
        error = "unknown algorithm in AS Security Information (EEA " + std::to_string(eea) +
                ", EIA " + std::to_string(eia) + ")";
        return false;
    }
    kenb = Kenb(b.data());
    ueCapabilities.eea = b[32];
    ueCapabilities.eia = b[33];
    algorithms.ciphering = static_cast<Eea>(eea);
    algorithms.integrity = static_cast<Eia>(eia);
    haveNcc = b.size() == SIZE_WITH_NCC;
    ncc = haveNcc ? b[SIZE] : 0;
    return true;
}

std::vector<uint8_t>
S1apUeSecurityCapabilities::EncodeValue() const
{
    // our bitmaps: 0x80 EEA0/EIA0, 0x40 EEA1/EIA1, 0x20 ..2, 0x10 ..3; S1AP: first bit = 1
    ns3::EpcAperWriter w;
    w.Bits(0, 1); // extension bit
    w.Bits(0, 1); // iE-Extensions absent
    w.Bits(0, 1); // EncryptionAlgorithms: size in the root (16)
    w.Bits(uint16_t(capabilities.eea & 0x70) << 9, 16);
    w.Bits(0, 1); // IntegrityProtectionAlgorithms: size in the root (16)
    w.Bits(uint16_t(capabilities.eia & 0x70) << 9, 16);
    return w.Bytes();
}

bool
S1apUeSecurityCapabilities::DecodeValue(const std::vector<uint8_t>& value, std::string& error)
{
    try
    {
        ns3::EpcAperReader r(value.data(), value.size());
        if (r.Bits(1) != 0 || r.Bits(1) != 0)
        {
            error = "UE Security Capabilities: extensions are not supported";
            return false;
        }
        uint8_t bitmaps[2];
        for (uint8_t& b : bitmaps)
        {
            if (r.Bits(1) != 0)
            {
                error = "UE Security Capabilities: a bitmap of another size than 16";
                return false;
            }
            b = static_cast<uint8_t>((r.Bits(16) >> 9) & 0x70);
        }
        if (!r.AtEnd())
        {
            error = "UE Security Capabilities: bytes after the value";
            return false;
        }
        // EEA0 and EIA0 have no bit: every UE implements them (TS 33.401 5.1.3.2, 5.1.4.2)
        capabilities.eea = 0x80 | bitmaps[0];
        capabilities.eia = 0x80 | bitmaps[1];
        return true;
    }
    catch (const ns3::EpcAperDecodeError& e)
    {
        error = std::string("UE Security Capabilities: ") + e.what();
        return false;
    }
}

void
S1apUeSecurityCapabilities::WriteIe(ns3::EpcAperWriter& w) const
{
    ns3::EpcS1apWriteIe(w, IE_ID, ns3::EpcS1apCriticality::REJECT, EncodeValue());
}

std::vector<uint8_t>
S1apSecurityContext::EncodeValue() const
{
    ns3::EpcAperWriter w;
    w.Bits(0, 1); // extension bit
    w.Bits(0, 1); // iE-Extensions absent
    w.Constrained(ncc, 0, 7);
    w.Octets(nh.Data(), Nh::SIZE); // BIT STRING (SIZE(256)): octet aligned
    return w.Bytes();
}

bool
S1apSecurityContext::DecodeValue(const std::vector<uint8_t>& value, std::string& error)
{
    try
    {
        ns3::EpcAperReader r(value.data(), value.size());
        if (r.Bits(1) != 0 || r.Bits(1) != 0)
        {
            error = "Security Context: extensions are not supported";
            return false;
        }
        uint8_t count = static_cast<uint8_t>(r.Constrained(0, 7));
        Nh key;
        r.Octets(key.Data(), Nh::SIZE);
        if (!r.AtEnd())
        {
            error = "Security Context: bytes after the value";
            return false;
        }
        ncc = count;
        nh = key;
        return true;
    }
    catch (const ns3::EpcAperDecodeError& e)
    {
        error = std::string("Security Context: ") + e.what();
        return false;
    }
}

void
S1apSecurityContext::WriteIe(ns3::EpcAperWriter& w) const
{
    ns3::EpcS1apWriteIe(w, IE_ID, ns3::EpcS1apCriticality::REJECT, EncodeValue());
}

namespace
{

/**
 * The message as ns-3 serializes it, then its RRC transaction identifier in full: ns-3's ideal RRC
 * counts transaction identifiers past the 0..3 of the ASN.1 (TS 36.331), which the serializer
 * cannot take, so the message is serialized with the identifier modulo 4.
 */
template <typename H, typename M>
std::vector<uint8_t>
Serialize(M msg)
{
    uint8_t transactionId = msg.rrcTransactionIdentifier;
    msg.rrcTransactionIdentifier &= 3;
    H h;
    h.SetMessage(msg);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);
    std::vector<uint8_t> bytes(p->GetSize());
    p->CopyData(bytes.data(), bytes.size());
    bytes.push_back(transactionId);
    return bytes;
}

uint32_t
Mac(Eia eia, const AlgKey& key, uint32_t count, Direction direction, const std::vector<uint8_t>& b)
{
    AlgorithmInput in;
    in.count = count;
    in.bearer = 0; // SRB1
    in.direction = direction;
    return ComputeMac(eia, key, in, b, uint64_t(b.size()) * 8);
}

} // namespace

uint32_t
IdealMacI(Eia eia,
          const AlgKey& krrcInt,
          uint32_t count,
          Direction direction,
          const LteRrcSap::RrcConnectionReconfiguration& msg)
{
    return Mac(eia, krrcInt, count, direction, Serialize<RrcConnectionReconfigurationHeader>(msg));
}

uint32_t
IdealMacI(Eia eia,
          const AlgKey& krrcInt,
          uint32_t count,
          Direction direction,
          const LteRrcSap::RrcConnectionReconfigurationCompleted& msg)
{
    return Mac(eia,
               krrcInt,
               count,
               direction,
               Serialize<RrcConnectionReconfigurationCompleteHeader>(msg));
}

std::vector<uint8_t>
VarShortMacInput::Encode() const
{
    if (cellIdentity >= (1u << 28) || physCellId > 503)
    {
        throw std::invalid_argument("VarShortMAC-Input: cellIdentity " +
                                    std::to_string(cellIdentity) + " or physCellId " +
                                    std::to_string(physCellId) + " out of range");
    }
    // 28 + 9 + 16 = 53 bits from the most significant end of a 56-bit word
    uint64_t bits =
        (uint64_t(cellIdentity) << 28) | (uint64_t(physCellId) << 19) | (uint64_t(cRnti) << 3);
    std::vector<uint8_t> out(SIZE);
    for (uint32_t i = 0; i < SIZE; ++i)
    {
        out[i] = static_cast<uint8_t>(bits >> (8 * (SIZE - 1 - i)));
    }
    return out;
}

uint16_t
ShortMacI(Eia eia, const AlgKey& krrcInt, const VarShortMacInput& input)
{
    if (eia == Eia::EIA0)
    {
        return 0; // TS 33.401: EIA0 gives a MAC of zeros
    }
    AlgorithmInput in;
    in.count = 0xffffffff;
    in.bearer = 0x1f;
    in.direction = Direction::DOWNLINK; // the DIRECTION bit set to 1
    std::vector<uint8_t> bytes = input.Encode();
    return static_cast<uint16_t>(ComputeMac(eia, krrcInt, in, bytes, bytes.size() * 8) & 0xffff);
}

uint32_t
SecurityConfigHoBytes(const LteRrcSap::RrcConnectionReconfiguration& msg)
{
    RrcConnectionReconfigurationHeader with;
    with.SetMessage(msg);
    LteRrcSap::RrcConnectionReconfiguration plain = msg;
    plain.haveSecurityConfigHo = false;
    RrcConnectionReconfigurationHeader without;
    without.SetMessage(plain);
    return with.GetSerializedSize() - without.GetSerializedSize();
}

/// The octets NAS-MAC covers: algorithms, KSI, SQN
static std::vector<uint8_t>
NasMacInput(const NasTransparentContainer& c)
{
    return {static_cast<uint8_t>((static_cast<uint8_t>(c.eea) << 4) | static_cast<uint8_t>(c.eia)),
            static_cast<uint8_t>(c.ksi & 0x07),
            c.sqn};
}

void
NasTransparentContainer::Protect(const Kasme& kasme, uint32_t dlNasCount)
{
    sqn = static_cast<uint8_t>(dlNasCount & 0xff);
    AlgKey knasInt = DeriveNasKey(kasme, AlgKeyType::NAS_INT, static_cast<uint8_t>(eia));
    nasMac = Mac(eia, knasInt, dlNasCount, Direction::DOWNLINK, NasMacInput(*this));
}

bool
NasTransparentContainer::Verify(const Kasme& kasme, uint32_t dlNasCount) const
{
    if ((dlNasCount & 0xff) != sqn)
    {
        return false;
    }
    AlgKey knasInt = DeriveNasKey(kasme, AlgKeyType::NAS_INT, static_cast<uint8_t>(eia));
    return Mac(eia, knasInt, dlNasCount, Direction::DOWNLINK, NasMacInput(*this)) == nasMac;
}

std::vector<uint8_t>
NasTransparentContainer::Encode() const
{
    std::vector<uint8_t> b{static_cast<uint8_t>(nasMac >> 24),
                           static_cast<uint8_t>(nasMac >> 16),
                           static_cast<uint8_t>(nasMac >> 8),
                           static_cast<uint8_t>(nasMac)};
    std::vector<uint8_t> rest = NasMacInput(*this);
    b.insert(b.end(), rest.begin(), rest.end());
    return b;
}

bool
NasTransparentContainer::Decode(const std::vector<uint8_t>& bytes, std::string& error)
{
    if (bytes.size() != SIZE)
    {
        error = "NAS container of " + std::to_string(bytes.size()) + " octets (7 expected)";
        return false;
    }
    uint8_t e = bytes[4] >> 4;
    uint8_t i = bytes[4] & 0x0f;
    if (e > 3 || i > 3)
    {
        error =
            "NAS container: unknown algorithm EEA" + std::to_string(e) + "/EIA" + std::to_string(i);
        return false;
    }
    nasMac = (uint32_t(bytes[0]) << 24) | (uint32_t(bytes[1]) << 16) | (uint32_t(bytes[2]) << 8) |
             bytes[3];
    eea = static_cast<Eea>(e);
    eia = static_cast<Eia>(i);
    ksi = bytes[5] & 0x07;
    sqn = bytes[6];
    return true;
}

bool
S1apNasSecurityParameters::Empty() const
{
    return nasContainer.empty() && freshInput.empty();
}

std::vector<uint8_t>
S1apNasSecurityParameters::EncodeValue() const
{
    if (!nasContainer.empty() && nasContainer.size() != NasTransparentContainer::SIZE)
    {
        throw std::invalid_argument("NAS Security Parameters: a NAS container of " +
                                    std::to_string(nasContainer.size()) + " octets");
    }
    if (!freshInput.empty() && freshInput.size() != FRESH_INPUT_SIZE)
    {
        throw std::invalid_argument("NAS Security Parameters: a fresh input of " +
                                    std::to_string(freshInput.size()) + " octets");
    }
    std::vector<uint8_t> v(nasContainer);
    v.insert(v.end(), freshInput.begin(), freshInput.end());
    return v;
}

bool
S1apNasSecurityParameters::DecodeValue(const std::vector<uint8_t>& value, std::string& error)
{
    const std::size_t c = NasTransparentContainer::SIZE;
    const std::size_t f = FRESH_INPUT_SIZE;
    std::size_t n = value.size();
    if (n != 0 && n != c && n != f && n != c + f)
    {
        error = "NAS Security Parameters of " + std::to_string(n) + " octets (0, 7, 16 or 23)";
        return false;
    }
    std::size_t split = (n == c || n == c + f) ? c : 0;
    nasContainer.assign(value.begin(), value.begin() + split);
    freshInput.assign(value.begin() + split, value.end());
    return true;
}

uint32_t
S1apNasSecurityParameters::IeSize() const
{
    return Empty() ? 0 : IE_OVERHEAD + nasContainer.size() + freshInput.size();
}

uint32_t
EstimateDlNasCount(uint32_t next, uint8_t sqn)
{
    uint32_t count = (next & ~0xffu) | sqn;
    return count < next ? count + 0x100 : count;
}

} // namespace ltesec
} // namespace ns3
