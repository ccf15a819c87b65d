// libFuzzer target: bytes into the module's own decoders and those of the patches' NAS transport,
// the first byte choosing the decoder: the X2 AS Security Information IE, S1AP UE Security
// Capabilities, S1AP Security Context, the NAS transparent container, S1AP NAS Security Parameters
// (lte-sec-wire.h), a plain EMM message, a protected NAS message checked by a receiver
// (lte-sec-nas.h), RRC UL/DLInformationTransfer with its dedicatedInfoNAS (patch 0015) and
// RRCConnectionReestablishmentRequest with its shortMAC-I (patch 0016). What
// decodes is encoded again; what does not must say why. A crash, a sanitizer report or a leak
// fails the run.
#include "ns3/lte-rrc-header.h"
#include "ns3/lte-sec-nas.h"
#include "ns3/lte-sec-wire.h"
#include "ns3/packet.h"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::ltesec;

namespace
{

template <typename Ie, typename Bytes>
void
Value(const Bytes& bytes)
{
    Ie ie;
    std::string error;
    if (ie.DecodeValue(bytes, error))
    {
        try
        {
            ie.EncodeValue();
        }
        catch (const std::invalid_argument&)
        {
            // a decoded value that cannot be encoded again (refused, not a crash)
        }
    }
    else if (error.empty())
    {
        __builtin_trap(); // a refused IE must say why
    }
}

/// A whole message type (Decode(bytes, error) / Encode()): what decodes is encoded again
template <typename M>
void
Message(const std::vector<uint8_t>& bytes)
{
    M m;
    std::string error;
    if (m.Decode(bytes, error))
    {
        m.Encode();
    }
    else if (error.empty())
    {
        __builtin_trap(); // a refused message must say why
    }
}

/// The receiver's NAS context: fixed keys, EEA2 / EIA2
const NasSecurityContext&
ReceiverContext()
{
    static const NasSecurityContext ctx = [] {
        NasSecurityContext c;
        c.kasme = Kasme::FromHex("2ba0c6e0cd61e1c5d1bf5c3d1e2ec8f1e6d71f9a3fe6f2c8a74f1b0a2e5c9d11",
                                 "kasme");
        c.nasEea = Eea::EEA2;
        c.nasEia = Eia::EIA2;
        c.DeriveNasKeys();
        return c;
    }();
    return ctx;
}

/// An RRC header from the bytes, as ns-3's real RRC protocol reads it; what it found is
/// written again
template <typename H>
void
RrcHeader(const std::vector<uint8_t>& bytes)
{
    if (bytes.empty())
    {
        return; // ns-3's RRC never reads an empty PDU
    }
    Ptr<Packet> p = Create<Packet>(bytes.data(), bytes.size());
    H h;
    p->RemoveHeader(h);
    H again;
    again.SetMessage(h.GetMessage());
    Ptr<Packet> q = Create<Packet>();
    q->AddHeader(again);
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    if (size == 0)
    {
        return 0;
    }
    std::vector<uint8_t> bytes(data + 1, data + size);
    std::string error;
    switch (data[0] % 8)
    {
    case 0: {
        AsSecurityInformation ie;
        if (ie.Decode(SecurityBytes(bytes.begin(), bytes.end()), error))
        {
            try
            {
                ie.Encode();
            }
            catch (const std::invalid_argument&)
            {
            }
        }
        else if (error.empty())
        {
            __builtin_trap();
        }
        break;
    }
    case 1:
        Value<S1apUeSecurityCapabilities>(bytes);
        break;
    case 2:
        Value<S1apSecurityContext>(bytes);
        break;
    case 3:
        Message<NasTransparentContainer>(bytes);
        break;
    case 4:
        Value<S1apNasSecurityParameters>(bytes);
        break;
    case 5:
        Message<NasEmmMessage>(bytes);
        Message<NasProtectedMessage>(bytes);
        break;
    case 6: {
        // the receiver expects COUNT 0x000000ff: its estimate crosses a SQN wrap
        NasEmmMessage m;
        uint32_t count = 0;
        NasSecurityHeader header;
        NasCheck c = UnprotectNas(bytes,
                                  ReceiverContext(),
                                  0xff,
                                  Direction::UPLINK,
                                  m,
                                  count,
                                  header,
                                  error);
        if (c != NasCheck::ACCEPTED && error.empty())
        {
            __builtin_trap();
        }
        break;
    }
    default:
        if ((data[0] & 0x18) == 0x10)
        {
            RrcHeader<RrcConnectionReestablishmentRequestHeader>(bytes);
        }
        else if (data[0] & 0x08)
        {
            RrcHeader<UlInformationTransferHeader>(bytes);
        }
        else
        {
            RrcHeader<DlInformationTransferHeader>(bytes);
        }
        break;
    }
    return 0;
}
