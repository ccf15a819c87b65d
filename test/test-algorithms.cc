// EEA/EIA behaviour beyond the published sets: bit lengths, null algorithms, bad input.
#include "ns3/lte-sec-algorithm.h"

#include <boost/test/unit_test.hpp>

using namespace ns3::ltesec;

namespace
{
const AlgKey KEY = AlgKey::FromHex("2bd6459f82c5b300952c49104881ff48", "key");

AlgorithmInput
Input(uint32_t count = 0x38a6f056, uint8_t bearer = 0x18, Direction d = Direction::UPLINK)
{
    AlgorithmInput in;
    in.count = count;
    in.bearer = bearer;
    in.direction = d;
    return in;
}
} // namespace

BOOST_AUTO_TEST_SUITE(algorithms)

BOOST_AUTO_TEST_CASE(eea_clears_bits_past_length)
{
    std::vector<uint8_t> data(5, 0xff);
    for (int a = 0; a <= 3; ++a)
    {
        BOOST_TEST_CONTEXT("eea" << a)
        {
            auto out = Encrypt(static_cast<Eea>(a), KEY, Input(), data, 35);
            BOOST_TEST(out.size() == 5u);
            BOOST_TEST((out[4] & 0x1f) == 0);
        }
    }
    BOOST_TEST(ToHex(Encrypt(Eea::EEA0, KEY, Input(), data, 35)) == "ffffffffe0");
}

BOOST_AUTO_TEST_CASE(eia_ignores_bits_past_length)
{
    std::vector<uint8_t> a = {0x33, 0x32, 0x34, 0x62, 0x63, 0x39, 0x38, 0x40};
    std::vector<uint8_t> b = a;
    b[7] |= 0x3f; // bits 58..63 lie past a 58-bit message
    for (int alg = 1; alg <= 3; ++alg)
    {
        BOOST_TEST_CONTEXT("eia" << alg)
        {
            Eia e = static_cast<Eia>(alg);
            BOOST_TEST(ComputeMac(e, KEY, Input(), a, 58) == ComputeMac(e, KEY, Input(), b, 58));
            BOOST_TEST(ComputeMac(e, KEY, Input(), a, 58) != ComputeMac(e, KEY, Input(), a, 57));
        }
    }
}

BOOST_AUTO_TEST_CASE(eia_depends_on_count_bearer_direction)
{
    std::vector<uint8_t> m(40, 0x5a);
    for (int alg = 1; alg <= 3; ++alg)
    {
        BOOST_TEST_CONTEXT("eia" << alg)
        {
            Eia e = static_cast<Eia>(alg);
            uint32_t base = ComputeMac(e, KEY, Input(1, 1), m, 320);
            BOOST_TEST(base != ComputeMac(e, KEY, Input(2, 1), m, 320));
            BOOST_TEST(base != ComputeMac(e, KEY, Input(1, 2), m, 320));
            BOOST_TEST(base != ComputeMac(e, KEY, Input(1, 1, Direction::DOWNLINK), m, 320));
        }
    }
}

BOOST_AUTO_TEST_CASE(null_algorithms)
{
    std::vector<uint8_t> m = {1, 2, 3};
    BOOST_TEST(ComputeMac(Eia::EIA0, KEY, Input(), m, 24) == 0u);
    BOOST_TEST(Encrypt(Eea::EEA0, KEY, Input(), m, 24) == m, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(bad_input_is_refused)
{
    std::vector<uint8_t> m(4);
    BOOST_CHECK_THROW(Encrypt(Eea::EEA2, KEY, Input(0, 32), m, 32), std::invalid_argument);
    BOOST_CHECK_THROW(ComputeMac(Eia::EIA2, KEY, Input(0, 32), m, 32), std::invalid_argument);
    BOOST_CHECK_THROW(Encrypt(Eea::EEA2, KEY, Input(), m, 33), std::invalid_argument);
    BOOST_CHECK_THROW(ComputeMac(Eia::EIA1, KEY, Input(), m, 33), std::invalid_argument);
    BOOST_CHECK_THROW(ParseEea("eea4", "--alg"), std::invalid_argument);
    BOOST_CHECK_THROW(ParseEia("aes", "--alg"), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(algorithm_names)
{
    BOOST_TEST(ParseEea("eea2", "x") == Eea::EEA2);
    BOOST_TEST(ParseEea("128-eea1", "x") == Eea::EEA1);
    BOOST_TEST(ParseEia("3", "x") == Eia::EIA3);
    BOOST_TEST(std::string(EeaName(Eea::EEA3)) == "eea3");
    BOOST_TEST(std::string(EiaName(Eia::EIA0)) == "eia0");
}

BOOST_AUTO_TEST_CASE(capabilities_bitmaps)
{
    auto c = UeSecurityCapabilities::FromLists("eea0,eea2", "eia2");
    BOOST_TEST(c.eea == 0xa0);
    BOOST_TEST(c.eia == 0x20);
    BOOST_TEST(c.Supports(Eea::EEA2));
    BOOST_TEST(!c.Supports(Eea::EEA1));
    BOOST_TEST(!c.Supports(Eia::EIA0));
    BOOST_CHECK_THROW(UeSecurityCapabilities::FromLists("eea9", ""), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
