// libFuzzer target: bytes into the module's own security IE decoders (lte-sec-wire.h), the first
// byte choosing the decoder: the X2 AS Security Information IE, S1AP UE Security Capabilities,
// S1AP Security Context, the NAS transparent container, S1AP NAS Security Parameters. What
// decodes is encoded again; what does not must say why. A crash, a sanitizer report or a leak
// fails the run.
#include "ns3/lte-sec-wire.h"

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
    switch (data[0] % 5)
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
    case 3: {
        NasTransparentContainer c;
        if (c.Decode(bytes, error))
        {
            c.Encode();
        }
        else if (error.empty())
        {
            __builtin_trap();
        }
        break;
    }
    default:
        Value<S1apNasSecurityParameters>(bytes);
        break;
    }
    return 0;
}
