// Key types: parsing, fingerprints, comparison and wiping.
#include "ns3/lte-sec-kdf.h"
#include "ns3/lte-sec-key.h"

#include "test-print.h"

#include <boost/test/unit_test.hpp>

#include <functional>
#include <new>
#include <ostream>
#include <type_traits>

using namespace ns3::ltesec;

namespace
{
const std::string KASME_HEX = "6144c681d1bea9dae1b8cf6cd10a686341db8046a1e7a9ab4d1ea0e33c994ac0";

template <typename T, typename = void>
struct IsStreamable : std::false_type
{
};

template <typename T>
struct IsStreamable<T, std::void_t<decltype(std::declval<std::ostream&>() << std::declval<T>())>>
    : std::true_type
{
};

std::string
ErrorOf(const std::function<void()>& f)
{
    try
    {
        f();
    }
    catch (const std::invalid_argument& e)
    {
        return e.what();
    }
    return "";
}
} // namespace

BOOST_AUTO_TEST_SUITE(keys)

BOOST_AUTO_TEST_CASE(keys_cannot_be_streamed)
{
    static_assert(!IsStreamable<Kasme>::value, "keys must not be printable");
    static_assert(!IsStreamable<AlgKey>::value, "keys must not be printable");
    static_assert(!std::is_convertible<Kenb, Kasme>::value, "key roles are distinct types");
    BOOST_TEST(true);
}

BOOST_AUTO_TEST_CASE(hex_round_trip_and_fingerprint)
{
    Kasme k = Kasme::FromHex(KASME_HEX, "kasme");
    BOOST_TEST(k.RevealHex() == KASME_HEX);
    BOOST_TEST(Kasme::FromHex("0x" + KASME_HEX, "kasme") == k);
    std::string fp = k.Fingerprint();
    BOOST_TEST(fp.size() == 8u);
    BOOST_TEST(KASME_HEX.find(fp) == std::string::npos);
    Kasme other = k;
    other.Data()[31] ^= 1;
    BOOST_TEST(other != k);
    BOOST_TEST(other.Fingerprint() != fp);
    BOOST_TEST(Kasme().IsZero());
    BOOST_TEST(!k.IsZero());
}

BOOST_AUTO_TEST_CASE(hex_errors_name_the_argument)
{
    BOOST_TEST(ErrorOf([] { ParseHex("abc", "--data"); }) ==
               "--data: odd number of hex digits (3)");
    BOOST_TEST(ErrorOf([] { ParseHex("zz", "--key"); }) ==
               "--key: 'z' at position 0 is not a hex digit");
    BOOST_TEST(ErrorOf([] { ParseHex("0g", "--key"); }) ==
               "--key: 'g' at position 1 is not a hex digit");
    BOOST_TEST(ErrorOf([] { AlgKey::FromHex("00", "--key"); }) ==
               "--key: expected 16 bytes (32 hex digits), got 1 bytes");
}

BOOST_AUTO_TEST_CASE(key_is_wiped_when_destroyed)
{
    alignas(Kasme) unsigned char storage[sizeof(Kasme)];
    auto* k = new (storage) Kasme(Kasme::FromHex(KASME_HEX, "kasme"));
    BOOST_TEST(!k->IsZero());
    const unsigned char* bytes = storage;
    bool nonzeroBefore = false;
    for (std::size_t i = 0; i < sizeof(Kasme); ++i)
    {
        nonzeroBefore |= bytes[i] != 0;
    }
    BOOST_TEST(nonzeroBefore);
    k->~Kasme();
    for (std::size_t i = 0; i < sizeof(Kasme); ++i)
    {
        BOOST_TEST(static_cast<int>(bytes[i]) == 0);
    }
}

BOOST_AUTO_TEST_CASE(secure_wipe_clears_buffers)
{
    std::vector<uint8_t> buf = ParseHex(KASME_HEX, "k");
    SecureWipe(buf.data(), buf.size());
    BOOST_TEST(buf == std::vector<uint8_t>(32, 0), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(assignment_overwrites)
{
    Kenb a = Kenb::FromHex(KASME_HEX, "k");
    Kenb b;
    b = a;
    BOOST_TEST(b == a);
    a = Kenb();
    BOOST_TEST(a.IsZero());
}

BOOST_AUTO_TEST_SUITE_END()
