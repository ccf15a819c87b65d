// libFuzzer target: bytes from an S10 link into the GTPv2-C decoder, and what decodes back into
// the encoder. A crash, a sanitizer report or a leak fails the run.
#include "epc-s10-message.h"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    std::vector<uint8_t> bytes(data, data + size);
    ns3::EpcS10Message msg;
    std::string error;
    if (ns3::EpcS10Message::Decode(bytes, msg, error))
    {
        try
        {
            msg.Encode();
            msg.GetSecurityIeBytes();
        }
        catch (const std::invalid_argument&)
        {
            // a decoded value that cannot be encoded again (refused, not a crash)
        }
    }
    else if (error.empty())
    {
        __builtin_trap(); // a refused message must say why
    }
    return 0;
}
