// Single-byte mutations of valid messages fed to a decoder: what decodes re-encodes (or is refused
// as an impossible value); what does not decode says why.
#ifndef LTESEC_TEST_MUTATIONS_H
#define LTESEC_TEST_MUTATIONS_H

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace ltesec_test
{

/**
 * Decodes \p rounds mutations of the \p valid messages (one byte changed each), with Msg's static
 * Decode(bytes, msg, error) and its Encode().
 * \return the number of mutations that decoded
 */
template <typename Msg>
int
DecodeMutations(const std::vector<std::vector<uint8_t>>& valid, std::mt19937& rng, int rounds)
{
    int decoded = 0;
    Msg d;
    std::string error;
    for (int i = 0; i < rounds; ++i)
    {
        std::vector<uint8_t> m = valid[rng() % valid.size()];
        m[rng() % m.size()] ^= static_cast<uint8_t>(1 + rng() % 255);
        if (Msg::Decode(m, d, error))
        {
            ++decoded;
            try
            {
                d.Encode(); // what decodes encodes, or is refused as an impossible value
            }
            catch (const std::invalid_argument&)
            {
            }
        }
        else
        {
            BOOST_TEST(!error.empty());
        }
    }
    return decoded;
}

} // namespace ltesec_test

#endif
