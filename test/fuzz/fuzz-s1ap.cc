// libFuzzer target: bytes from the S1-MME link into the S1AP decoder, and what decodes back into
// the encoder. A crash, a sanitizer report or a leak fails the run.
#include "epc-s1ap-pdu.h"

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size)
{
    std::vector<uint8_t> bytes(data, data + size);
    ns3::EpcS1apMessage msg;
    std::string error;
    if (ns3::EpcS1apMessage::Decode(bytes, msg, error))
    {
        try
        {
            msg.Encode();
            msg.GetSecurityIeBytes();
            msg.DecodeSourceToTargetContainer(msg.rrcContainer, error);
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
