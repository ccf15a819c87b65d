// Key types: parsing, fingerprints, comparison and wiping; the key log file.
#include "test-print.h"

#include "ns3/lte-sec-kdf.h"
#include "ns3/lte-sec-key-log.h"
#include "ns3/lte-sec-key.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <functional>
#include <ostream>
#include <sstream>
#include <sys/stat.h>
#include <type_traits>
#include <unistd.h>

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
    // the number is the same 4 bytes
    BOOST_TEST(k.FingerprintValue() == std::stoul(fp, nullptr, 16));
    BOOST_TEST(other.FingerprintValue() != k.FingerprintValue());
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

/// Wiping is observed while the memory is alive (SecureWipe's test observer), not read after
/// the object's lifetime: destroying a key and overwriting it each wipe exactly its N bytes at
/// its address, and they are zero at that moment.
BOOST_AUTO_TEST_CASE(key_is_wiped_when_destroyed_or_overwritten)
{
    struct Wipe
    {
        const void* p;
        std::size_t len;
        bool zero;
    };

    static std::vector<Wipe> wipes;
    wipes.clear();
    SetWipeObserverForTests([](const void* p, std::size_t len) {
        const auto* b = static_cast<const unsigned char*>(p);
        bool zero = std::all_of(b, b + len, [](unsigned char c) { return c == 0; });
        wipes.push_back({p, len, zero});
    });
    auto wipedAt = [](const void* p, std::size_t len) {
        return std::count_if(wipes.begin(), wipes.end(), [&](const Wipe& w) {
            return w.p == p && w.len == len && w.zero;
        });
    };

    const void* where = nullptr;
    {
        Kasme k = Kasme::FromHex(KASME_HEX, "kasme");
        where = k.Data();
        wipes.clear();
    }
    BOOST_TEST(wipedAt(where, Kasme::SIZE) == 1);

    AlgKey target = AlgKey::FromHex("2bd6459f82c5b300952c49104881ff48", "k");
    AlgKey source = AlgKey::FromHex("00112233445566778899aabbccddeeff", "k");
    wipes.clear();
    target = source;
    BOOST_TEST(wipedAt(target.Data(), AlgKey::SIZE) == 1); // the old value, before the copy
    BOOST_TEST(target == source);
    wipes.clear();
    target = target; // self-assignment keeps the key
    BOOST_TEST(target == source);
    BOOST_TEST(wipedAt(target.Data(), AlgKey::SIZE) == 0);

    auto* heap = new Kenb(Kenb::FromHex(KASME_HEX, "k"));
    where = heap->Data();
    wipes.clear();
    delete heap;
    BOOST_TEST(wipedAt(where, Kenb::SIZE) == 1);

    SetWipeObserverForTests(nullptr);
    wipes.clear();
    {
        Kasme k;
    }
    BOOST_TEST(wipes.empty());
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

/// The key log holds keys: mode 0600 whatever the umask, also when the file existed with 0644
/// (it is then truncated).
BOOST_AUTO_TEST_CASE(key_log_is_private)
{
    std::string path = "key-log-mode-test-" + std::to_string(::getpid()) + ".txt";
    auto modeOf = [&]() {
        struct stat st
        {
        };
        BOOST_REQUIRE(::stat(path.c_str(), &st) == 0);
        return st.st_mode & 07777;
    };
    mode_t oldMask = ::umask(022);
    std::remove(path.c_str());
    {
        ns3::Ptr<ns3::LteSecKeyLog> log = ns3::Create<ns3::LteSecKeyLog>(path);
        BOOST_TEST(modeOf() == 0600u);
        log->Write("enb", 1, 2, "KeNB", "00ff");
    }
    {
        std::ofstream old(path, std::ios::trunc);
        old << "old content\n";
    }
    BOOST_REQUIRE(::chmod(path.c_str(), 0644) == 0);
    BOOST_REQUIRE(modeOf() == 0644u);
    {
        ns3::Ptr<ns3::LteSecKeyLog> log = ns3::Create<ns3::LteSecKeyLog>(path);
        BOOST_TEST(modeOf() == 0600u);
        log->Write("ue", 3, 4, "KRRCint(eia2)", "abcd");
        std::ifstream in(path);
        std::stringstream ss;
        ss << in.rdbuf();
        BOOST_TEST(ss.str() == "# time_s entity imsi rnti key hex\n0 ue 3 4 KRRCint(eia2) abcd\n");
    }
    ::umask(oldMask);
    std::remove(path.c_str());
}

BOOST_AUTO_TEST_SUITE_END()
