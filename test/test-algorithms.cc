// EEA/EIA behaviour beyond the published sets: bit lengths and their limits, null algorithms, bad
// input, library errors, memory bounds, threads. Also defines the OpenSSL watch of openssl-spy.h.
#include "openssl-spy.h"
#include "vector-file.h"

#include "ns3/lte-sec-algorithm.h"

#include <boost/test/unit_test.hpp>
#include <dlfcn.h>
#include <functional>
#include <limits>
#include <malloc.h>
#include <memory>
#include <openssl/evp.h>
#include <thread>

using namespace ns3::ltesec;

// ---------------------------------------------------------------------------------------------
// The OpenSSL watch (openssl-spy.h)

namespace ltesec_test
{
namespace
{
thread_local OpenSslSpy* t_spy = nullptr;

template <typename F>
F
Real(const char* name)
{
    void* f = dlsym(RTLD_NEXT, name);
    if (f == nullptr)
    {
        std::abort(); // libcrypto must follow the test program in the lookup order
    }
    return reinterpret_cast<F>(f);
}

/// \return true if the call returning to \p returnAddress comes from the module's library (not
/// from OpenSSL itself, which calls these functions too).
bool
FromModule(const void* returnAddress)
{
    static const void* moduleBase = [] {
        Dl_info info{};
        dladdr(reinterpret_cast<const void*>(&ns3::ltesec::SecureWipe), &info);
        return info.dli_fbase;
    }();
    Dl_info info{};
    return dladdr(returnAddress, &info) != 0 && info.dli_fbase == moduleBase;
}

/// Consumes one of \p n: true if this call is to be altered.
bool
Take(int& n)
{
    if (n > 0)
    {
        --n;
        return true;
    }
    return false;
}
} // namespace

OpenSslSpy::OpenSslSpy()
{
    t_spy = this;
}

OpenSslSpy::~OpenSslSpy()
{
    t_spy = nullptr;
}

bool
OpenSslSpy::MacContextHoldsKey(const uint8_t* key, std::size_t len) const
{
    std::vector<uint8_t> k(key, key + len);
    for (const auto& [ctx, last] : macKeys)
    {
        if (last == k)
        {
            return true;
        }
    }
    return false;
}
} // namespace ltesec_test

using ltesec_test::t_spy;

extern "C" EVP_CIPHER_CTX*
EVP_CIPHER_CTX_new()
{
    static auto real = ltesec_test::Real<EVP_CIPHER_CTX* (*)()>("EVP_CIPHER_CTX_new");
    EVP_CIPHER_CTX* c = real();
    if (t_spy != nullptr && c != nullptr && ltesec_test::FromModule(__builtin_return_address(0)))
    {
        t_spy->calls++;
        t_spy->cipherContextsCreated++;
    }
    return c;
}

extern "C" void
EVP_CIPHER_CTX_free(EVP_CIPHER_CTX* c)
{
    static auto real = ltesec_test::Real<void (*)(EVP_CIPHER_CTX*)>("EVP_CIPHER_CTX_free");
    if (t_spy != nullptr && c != nullptr && ltesec_test::FromModule(__builtin_return_address(0)))
    {
        t_spy->calls++;
        t_spy->cipherContextsFreed++;
    }
    real(c);
}

extern "C" int
EVP_EncryptInit_ex2(EVP_CIPHER_CTX* ctx,
                    const EVP_CIPHER* cipher,
                    const unsigned char* key,
                    const unsigned char* iv,
                    const OSSL_PARAM params[])
{
    static auto real = ltesec_test::Real<int (*)(EVP_CIPHER_CTX*,
                                                 const EVP_CIPHER*,
                                                 const unsigned char*,
                                                 const unsigned char*,
                                                 const OSSL_PARAM*)>("EVP_EncryptInit_ex2");
    if (t_spy != nullptr && ltesec_test::FromModule(__builtin_return_address(0)))
    {
        t_spy->calls++;
        if (ltesec_test::Take(t_spy->failEncryptInit))
        {
            return 0;
        }
    }
    return real(ctx, cipher, key, iv, params);
}

extern "C" int
EVP_EncryptUpdate(EVP_CIPHER_CTX* ctx,
                  unsigned char* out,
                  int* outl,
                  const unsigned char* in,
                  int inl)
{
    static auto real = ltesec_test::Real<
        int (*)(EVP_CIPHER_CTX*, unsigned char*, int*, const unsigned char*, int)>(
        "EVP_EncryptUpdate");
    int r = real(ctx, out, outl, in, inl);
    if (t_spy != nullptr && ltesec_test::FromModule(__builtin_return_address(0)))
    {
        t_spy->calls++;
        if (r == 1 && *outl > 0 && ltesec_test::Take(t_spy->shortEncryptUpdate))
        {
            *outl -= 1;
        }
    }
    return r;
}

extern "C" EVP_MAC_CTX*
EVP_MAC_CTX_new(EVP_MAC* mac)
{
    static auto real = ltesec_test::Real<EVP_MAC_CTX* (*)(EVP_MAC*)>("EVP_MAC_CTX_new");
    EVP_MAC_CTX* c = real(mac);
    if (t_spy != nullptr && c != nullptr && ltesec_test::FromModule(__builtin_return_address(0)))
    {
        t_spy->calls++;
        t_spy->macContextsCreated++;
    }
    return c;
}

extern "C" void
EVP_MAC_CTX_free(EVP_MAC_CTX* c)
{
    static auto real = ltesec_test::Real<void (*)(EVP_MAC_CTX*)>("EVP_MAC_CTX_free");
    if (t_spy != nullptr && c != nullptr && ltesec_test::FromModule(__builtin_return_address(0)))
    {
        t_spy->calls++;
        t_spy->macContextsFreed++;
        t_spy->macKeys.erase(c);
    }
    real(c);
}

extern "C" int
EVP_MAC_init(EVP_MAC_CTX* ctx, const unsigned char* key, size_t keylen, const OSSL_PARAM params[])
{
    static auto real =
        ltesec_test::Real<int (*)(EVP_MAC_CTX*, const unsigned char*, size_t, const OSSL_PARAM*)>(
            "EVP_MAC_init");
    if (t_spy != nullptr && ltesec_test::FromModule(__builtin_return_address(0)))
    {
        t_spy->calls++;
        if (key != nullptr)
        {
            if (ltesec_test::Take(t_spy->failMacInit))
            {
                return 0;
            }
            t_spy->macKeys[ctx] = std::vector<uint8_t>(key, key + keylen);
        }
    }
    return real(ctx, key, keylen, params);
}

// ---------------------------------------------------------------------------------------------

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

BOOST_AUTO_TEST_CASE(length_limits)
{
    const uint64_t u32 = std::numeric_limits<uint32_t>::max();
    const uint64_t u64 = std::numeric_limits<uint64_t>::max();
    BOOST_TEST(ZUC_MAX_BIT_LENGTH == 65504u);
    BOOST_TEST(MaxBitLength(Eea::EEA0) == u32);
    BOOST_TEST(MaxBitLength(Eea::EEA1) == u32 - 7);
    BOOST_TEST(MaxBitLength(Eea::EEA2) == u32);
    BOOST_TEST(MaxBitLength(Eea::EEA3) == 65504u);
    BOOST_TEST(MaxBitLength(Eia::EIA0) == u64);
    BOOST_TEST(MaxBitLength(Eia::EIA1) == u32);
    BOOST_TEST(MaxBitLength(Eia::EIA2) == u64);
    BOOST_TEST(MaxBitLength(Eia::EIA3) == 65504u);
    for (int a = 0; a <= 3; ++a)
    {
        BOOST_TEST(MinBitLength(static_cast<Eea>(a)) == 0u);
    }
    BOOST_TEST(MinBitLength(Eia::EIA0) == 0u);
    BOOST_TEST(MinBitLength(Eia::EIA1) == 1u);
    BOOST_TEST(MinBitLength(Eia::EIA2) == 0u);
    BOOST_TEST(MinBitLength(Eia::EIA3) == 1u);
}

/// ipsec-mb refuses ZUC above 65504 bits and EIA1/EIA3 of 0 bits and then leaves its output
/// alone: EEA3 in place used to leave the plaintext, EIA3 used to give 00000000 for any key.
BOOST_AUTO_TEST_CASE(lengths_outside_the_range_are_refused)
{
    std::vector<uint8_t> big(8189);
    for (std::size_t i = 0; i < big.size(); ++i)
    {
        big[i] = static_cast<uint8_t>(i * 7 + 1);
    }
    auto message = [](const std::function<void()>& f) -> std::string {
        try
        {
            f();
        }
        catch (const std::invalid_argument& e)
        {
            return e.what();
        }
        return "(nothing thrown)";
    };
    std::string err = message([&] { ComputeMac(Eia::EIA3, KEY, Input(), big, 65512); });
    BOOST_TEST(err == "length: 65512 bits is outside the range of eia3 (1..65504 bits)");
    BOOST_CHECK_THROW(ComputeMac(Eia::EIA3, KEY, Input(), big, 65505), std::invalid_argument);
    BOOST_CHECK_THROW(Encrypt(Eea::EEA3, KEY, Input(), big, 65505), std::invalid_argument);
    BOOST_CHECK_THROW(ComputeMac(Eia::EIA3, KEY, Input(), big, 0), std::invalid_argument);
    BOOST_CHECK_THROW(ComputeMac(Eia::EIA1, KEY, Input(), big, 0), std::invalid_argument);
    BOOST_TEST(message([&] { ComputeMac(Eia::EIA1, KEY, Input(), big, 0); }).find("length:") == 0u);

    // in place: refused before anything is touched
    EeaCipher eea3(Eea::EEA3, KEY);
    std::vector<uint8_t> buf = big;
    BOOST_CHECK_THROW(eea3.Apply(Input(), buf.data(), buf.data(), 65512), std::invalid_argument);
    BOOST_TEST(buf == big, boost::test_tools::per_element());

    // the keyed calls check too, without reading the message (it is only 1 byte long here)
    uint8_t one = 0;
    EiaIntegrity eia1(Eia::EIA1, KEY);
    BOOST_CHECK_THROW(eia1.ComputeMac(Input(), &one, MaxBitLength(Eia::EIA1) + 1),
                      std::invalid_argument);
    EeaCipher eea1(Eea::EEA1, KEY);
    BOOST_CHECK_THROW(
        eea1.Apply(Input(), &one, &one, static_cast<uint32_t>(MaxBitLength(Eea::EEA1) + 1)),
        std::invalid_argument);
    BOOST_TEST(one == 0);

    // the limits themselves are accepted, and give keystream and MACs
    std::vector<uint8_t> in(big.begin(), big.begin() + 8188);
    BOOST_TEST(ToHex(Encrypt(Eea::EEA3, KEY, Input(), in, 65504)) != ToHex(in));
    BOOST_TEST(ComputeMac(Eia::EIA3, KEY, Input(), in, 65504) !=
               ComputeMac(Eia::EIA3, KEY, Input(), in, 65503));
    BOOST_TEST(ComputeMac(Eia::EIA1, KEY, Input(), in, 1) !=
               ComputeMac(Eia::EIA1, KEY, Input(1), in, 1));
    BOOST_TEST(ComputeMac(Eia::EIA3, KEY, Input(), in, 1) !=
               ComputeMac(Eia::EIA3, KEY, Input(1), in, 1));
    // 0 bits: nothing to cipher for every EEA; EIA0/EIA2 defined
    for (int a = 0; a <= 3; ++a)
    {
        BOOST_TEST(Encrypt(static_cast<Eea>(a), KEY, Input(), {}, 0).empty());
    }
    BOOST_TEST(ComputeMac(Eia::EIA0, KEY, Input(), {}, 0) == 0u);
    BOOST_TEST(ComputeMac(Eia::EIA2, KEY, Input(), {}, 0) !=
               ComputeMac(Eia::EIA2, KEY, Input(1), {}, 0));
}

/// An error that ipsec-mb reports (here a null message, which it refuses) is an exception with
/// its text, and the error state it leaves does not fail the next call: SNOW 3G f9 keeps a stale
/// error state on success.
BOOST_AUTO_TEST_CASE(ipsec_mb_errors_throw_and_do_not_stick)
{
    std::vector<uint8_t> m(40, 0x5a);
    uint32_t eia1 = ComputeMac(Eia::EIA1, KEY, Input(), m, 320);
    uint32_t eia3 = ComputeMac(Eia::EIA3, KEY, Input(), m, 320);
    auto eea1 = Encrypt(Eea::EEA1, KEY, Input(), m, 320);
    auto eea3 = Encrypt(Eea::EEA3, KEY, Input(), m, 320);
    auto runtimeError = [](const std::function<void()>& f) -> std::string {
        try
        {
            f();
        }
        catch (const std::runtime_error& e)
        {
            return e.what();
        }
        return "(nothing thrown)";
    };

    EiaIntegrity i1(Eia::EIA1, KEY);
    EiaIntegrity i3(Eia::EIA3, KEY);
    EeaCipher c1(Eea::EEA1, KEY);
    EeaCipher c3(Eea::EEA3, KEY);
    std::vector<uint8_t> out(40);
    std::string err = runtimeError([&] { i3.ComputeMac(Input(), nullptr, 320); });
    BOOST_TEST(err.find("128-EIA3: ipsec-mb error ") == 0u, err);
    BOOST_TEST(i1.ComputeMac(Input(), m.data(), 320) == eia1); // f9 right after an error
    err = runtimeError([&] { i1.ComputeMac(Input(), nullptr, 320); });
    BOOST_TEST(err.find("128-EIA1: ipsec-mb error ") == 0u, err);
    BOOST_TEST(i1.ComputeMac(Input(), m.data(), 320) == eia1);
    BOOST_TEST(i3.ComputeMac(Input(), m.data(), 320) == eia3);
    err = runtimeError([&] { c1.Apply(Input(), nullptr, out.data(), 320); });
    BOOST_TEST(err.find("128-EEA1: ipsec-mb error ") == 0u, err);
    BOOST_TEST(i1.ComputeMac(Input(), m.data(), 320) == eia1);
    err = runtimeError([&] { c3.Apply(Input(), nullptr, out.data(), 320); });
    BOOST_TEST(err.find("128-EEA3: ipsec-mb error ") == 0u, err);
    // a key schedule made while the error state is set
    EiaIntegrity fresh(Eia::EIA1, KEY);
    BOOST_TEST(fresh.ComputeMac(Input(), m.data(), 320) == eia1);
    c1.Apply(Input(), m.data(), out.data(), 320);
    BOOST_TEST(out == eea1, boost::test_tools::per_element());
    c3.Apply(Input(), m.data(), out.data(), 320);
    BOOST_TEST(out == eea3, boost::test_tools::per_element());
}

/// ipsec-mb 1.3's bit-length SNOW 3G f8 reads and writes the byte after the last one: heap
/// corruption where the allocator leaves no slack (a malloc of 5000, 8184, 1000 or 40 bytes has
/// none on 64-bit glibc). Every EEA may touch ceil(length/8) bytes and no more: guard bytes
/// after the input and the output stay as they were, in place and out of place, and the result
/// is the prefix of a longer computation.
BOOST_AUTO_TEST_CASE(eea_touches_only_its_bytes)
{
    const uint8_t guard = 0xa5;
    for (int a = 0; a <= 3; ++a)
    {
        Eea alg = static_cast<Eea>(a);
        for (uint32_t bits : {40000u, 39999u, 65504u, 65497u, 8000u, 320u, 253u, 8u, 1u})
        {
            if (bits > MaxBitLength(alg))
            {
                continue;
            }
            BOOST_TEST_CONTEXT(EeaName(alg) << " " << bits << " bits")
            {
                std::size_t n = (bits + 7) / 8;
                std::vector<uint8_t> data(n + 16, guard);
                for (std::size_t i = 0; i < n; ++i)
                {
                    data[i] = static_cast<uint8_t>(i * 13 + 5);
                }
                // reference: the same message inside a longer one (the keystream does not
                // depend on the length); bits past the length zero
                std::vector<uint8_t> longer = data;
                std::size_t longBits = (n + 16) * 8;
                std::vector<uint8_t> expected =
                    longBits <= MaxBitLength(alg)
                        ? Encrypt(alg, KEY, Input(), longer, static_cast<uint32_t>(longBits))
                        : Encrypt(alg, KEY, Input(), longer, bits);
                expected.resize(n);
                if (bits % 8 != 0)
                {
                    expected[n - 1] &= static_cast<uint8_t>(0xff << (8 - bits % 8));
                }

                EeaCipher c(alg, KEY);
                std::vector<uint8_t> out(n + 16, guard);
                std::vector<uint8_t> in = data;
                c.Apply(Input(), in.data(), out.data(), bits); // out of place
                BOOST_TEST(std::vector<uint8_t>(out.begin(), out.begin() + n) == expected,
                           boost::test_tools::per_element());
                BOOST_TEST(in == data, boost::test_tools::per_element());
                BOOST_TEST(std::vector<uint8_t>(out.begin() + n, out.end()) ==
                               std::vector<uint8_t>(16, guard),
                           boost::test_tools::per_element());
                c.Apply(Input(), in.data(), in.data(), bits); // in place
                BOOST_TEST(std::vector<uint8_t>(in.begin(), in.begin() + n) == expected,
                           boost::test_tools::per_element());
                BOOST_TEST(std::vector<uint8_t>(in.begin() + n, in.end()) ==
                               std::vector<uint8_t>(16, guard),
                           boost::test_tools::per_element());
            }
        }
    }
}

/// Exact-size heap buffers, where the allocator leaves no slack: in place and out of place agree
/// with a computation in a larger buffer. Without the fix this corrupts the heap (glibc aborts,
/// or valgrind reports it).
BOOST_AUTO_TEST_CASE(eea1_on_exact_size_buffers)
{
    for (std::size_t n : {5000u, 8184u, 8188u, 1000u, 40u})
    {
        BOOST_TEST_CONTEXT(n << " bytes")
        {
            auto bits = static_cast<uint32_t>(n * 8);
            std::vector<uint8_t> roomy(n + 64, 0x33);
            std::vector<uint8_t> reference = Encrypt(Eea::EEA1, KEY, Input(), roomy, bits);
            for (int round = 0; round < 3; ++round)
            {
                auto in = std::make_unique<uint8_t[]>(n);
                auto out = std::make_unique<uint8_t[]>(n);
                std::fill(in.get(), in.get() + n, 0x33);
                EeaCipher c(Eea::EEA1, KEY);
                c.Apply(Input(), in.get(), out.get(), bits);
                BOOST_TEST(std::vector<uint8_t>(out.get(), out.get() + n) == reference,
                           boost::test_tools::per_element());
                c.Apply(Input(), in.get(), in.get(), bits);
                BOOST_TEST(std::vector<uint8_t>(in.get(), in.get() + n) == reference,
                           boost::test_tools::per_element());
            }
        }
    }
}

/// A keyed object made on one thread and used on another after the first ended (the ipsec-mb
/// manager of a thread dies with it: objects must not keep it) gives the published values.
BOOST_AUTO_TEST_CASE(keyed_objects_work_on_another_thread)
{
    int checked = 0;
    for (const auto& v : ltesec_test::AllVectors(LTESEC_VECTOR_DIR))
    {
        const std::string& a = v["algorithm"];
        if (a.rfind("eea", 0) != 0 && a.rfind("eia", 0) != 0)
        {
            continue;
        }
        BOOST_TEST_CONTEXT(v.Name())
        {
            AlgKey key = AlgKey::FromHex(v["key"], "key");
            AlgorithmInput in4;
            in4.count = static_cast<uint32_t>(std::stoul(v["count"], nullptr, 16));
            in4.bearer = static_cast<uint8_t>(std::stoul(v["bearer"], nullptr, 16));
            in4.direction = static_cast<Direction>(std::stoi(v["direction"]));
            auto bits = std::stoull(v["length"]);
            std::vector<uint8_t> input = ParseHex(v["input"], "input");
            std::unique_ptr<EeaCipher> cipher;
            std::unique_ptr<EiaIntegrity> integrity;
            std::thread maker([&] {
                if (a.rfind("eea", 0) == 0)
                {
                    cipher = std::make_unique<EeaCipher>(ParseEea(a, "a"), key);
                }
                else
                {
                    integrity = std::make_unique<EiaIntegrity>(ParseEia(a, "a"), key);
                }
            });
            maker.join();
            std::string result;
            std::thread user([&] {
                // reuse the heap the first thread left, so that a manager it freed is gone
                std::vector<std::vector<uint8_t>> scribble;
                for (int i = 0; i < 8; ++i)
                {
                    scribble.emplace_back(256 * 1024, 0xa5);
                }
                if (cipher)
                {
                    std::vector<uint8_t> buf = input;
                    cipher->Apply(in4, buf.data(), buf.data(), static_cast<uint32_t>(bits));
                    result = ToHex(buf);
                }
                else
                {
                    uint32_t mac = integrity->ComputeMac(in4, input.data(), bits);
                    uint8_t b[4] = {uint8_t(mac >> 24),
                                    uint8_t(mac >> 16),
                                    uint8_t(mac >> 8),
                                    uint8_t(mac)};
                    result = ToHex(b, 4);
                }
            });
            user.join();
            BOOST_TEST(result == v["output"]);
            ++checked;
        }
    }
    BOOST_TEST(checked >= 20);
}

namespace
{
/// Leaves the shared EEA2 and EIA2 contexts freed: an object keys them and goes away
void
FreeSharedContexts()
{
    std::vector<uint8_t> buf(16, 0);
    EeaCipher(Eea::EEA2, KEY).Apply(Input(), buf.data(), buf.data(), 128);
    EiaIntegrity(Eia::EIA2, KEY).ComputeMac(Input(), buf.data(), 128);
}
} // namespace

/// EEA2/EIA2 objects key one shared OpenSSL context when they use it: when the keying fails the
/// context is freed (nothing half-keyed stays), the next use keys it again, and an object that
/// goes away frees the context if it holds its key.
BOOST_AUTO_TEST_CASE(shared_openssl_contexts_keep_no_key)
{
    std::vector<uint8_t> buf(40, 1);
    FreeSharedContexts();
    {
        ltesec_test::OpenSslSpy spy;
        {
            EeaCipher c(Eea::EEA2, KEY);
            EiaIntegrity i(Eia::EIA2, KEY);
            BOOST_TEST(spy.cipherContextsCreated == 0); // keyed on use, not when made
            c.Apply(Input(), buf.data(), buf.data(), 320);
            i.ComputeMac(Input(), buf.data(), 320);
            BOOST_TEST(spy.MacContextHoldsKey(KEY.Data(), AlgKey::SIZE));
        }
        // the module's calls reach the watch: the checks below mean something
        BOOST_REQUIRE(spy.cipherContextsCreated == 1);
        BOOST_REQUIRE(spy.macContextsCreated == 1);
        BOOST_TEST(spy.cipherContextsFreed == 1);
        BOOST_TEST(spy.macContextsFreed == 1);
        BOOST_TEST(!spy.MacContextHoldsKey(KEY.Data(), AlgKey::SIZE));
    }
    std::vector<uint8_t> expected(40, 1);
    EeaCipher(Eea::EEA2, KEY).Apply(Input(), expected.data(), expected.data(), 320);
    uint32_t expectedMac = EiaIntegrity(Eia::EIA2, KEY).ComputeMac(Input(), buf.data(), 320);
    {
        ltesec_test::OpenSslSpy spy;
        EeaCipher c(Eea::EEA2, KEY);
        std::vector<uint8_t> out(40, 1);
        spy.failEncryptInit = 1;
        BOOST_CHECK_THROW(c.Apply(Input(), out.data(), out.data(), 320), std::runtime_error);
        BOOST_TEST(spy.failEncryptInit == 0);
        BOOST_TEST(spy.cipherContextsCreated == 1);
        BOOST_TEST(spy.cipherContextsFreed == 1);
        out.assign(40, 1);
        c.Apply(Input(), out.data(), out.data(), 320);
        BOOST_TEST(out == expected);
    }
    {
        ltesec_test::OpenSslSpy spy;
        EiaIntegrity i(Eia::EIA2, KEY);
        spy.failMacInit = 1;
        BOOST_CHECK_THROW(i.ComputeMac(Input(), buf.data(), 320), std::runtime_error);
        BOOST_TEST(spy.failMacInit == 0);
        BOOST_TEST(spy.macContextsCreated == 1);
        BOOST_TEST(spy.macContextsFreed == 1);
        BOOST_TEST(i.ComputeMac(Input(), buf.data(), 320) == expectedMac);
    }
}

/// Objects alive at once, used in turn, each give the results of its own key (the shared context
/// is keyed again for each), with the published vectors.
BOOST_AUTO_TEST_CASE(interleaved_objects_use_their_own_keys)
{
    struct Keyed
    {
        std::unique_ptr<EeaCipher> cipher;
        std::unique_ptr<EiaIntegrity> integrity;
        AlgorithmInput in4;
        uint64_t bits;
        std::vector<uint8_t> input;
        std::string output;
    };
    std::vector<Keyed> objects;
    for (const auto& v : ltesec_test::AllVectors(LTESEC_VECTOR_DIR))
    {
        const std::string& a = v["algorithm"];
        if (a != "eea2" && a != "eia2")
        {
            continue;
        }
        Keyed k;
        AlgKey key = AlgKey::FromHex(v["key"], "key");
        if (a == "eea2")
        {
            k.cipher = std::make_unique<EeaCipher>(Eea::EEA2, key);
        }
        else
        {
            k.integrity = std::make_unique<EiaIntegrity>(Eia::EIA2, key);
        }
        k.in4.count = static_cast<uint32_t>(std::stoul(v["count"], nullptr, 16));
        k.in4.bearer = static_cast<uint8_t>(std::stoul(v["bearer"], nullptr, 16));
        k.in4.direction = static_cast<Direction>(std::stoi(v["direction"]));
        k.bits = std::stoull(v["length"]);
        k.input = ParseHex(v["input"], "input");
        k.output = v["output"];
        objects.push_back(std::move(k));
    }
    BOOST_REQUIRE(objects.size() >= 5); // 2 EEA2 and 3 EIA2 sets
    for (int round = 0; round < 3; ++round)
    {
        for (std::size_t o = 0; o < objects.size(); ++o)
        {
            Keyed& k = objects[(o * 5 + round) % objects.size()]; // another order each round
            if (k.cipher)
            {
                std::vector<uint8_t> buf = k.input;
                k.cipher->Apply(k.in4, buf.data(), buf.data(), static_cast<uint32_t>(k.bits));
                BOOST_TEST(ToHex(buf) == k.output);
            }
            else
            {
                uint32_t mac = k.integrity->ComputeMac(k.in4, k.input.data(), k.bits);
                uint8_t b[4] = {uint8_t(mac >> 24), uint8_t(mac >> 16), uint8_t(mac >> 8), uint8_t(mac)};
                BOOST_TEST(ToHex(b, 4) == k.output);
            }
        }
    }
}

/// A keyed object holds its key, not a key schedule: the heap of an EEA2 or EIA2 object in use
/// is a small fraction of OpenSSL's keyed contexts (about 0.7 and 1 kB), so that a UE's security
/// state (a cipher and an integrity object per bearer and side) stays small.
BOOST_AUTO_TEST_CASE(keyed_objects_are_small)
{
    FreeSharedContexts();
    std::vector<uint8_t> buf(64, 1);
    for (int a = 0; a <= 3; ++a)
    {
        BOOST_TEST_CONTEXT("eea" << a << " / eia" << a)
        {
            // the first use of each kind, outside the count: the library's own tables and
            // the one shared context
            EeaCipher(static_cast<Eea>(a), KEY).Apply(Input(), buf.data(), buf.data(), 512);
            EiaIntegrity(static_cast<Eia>(a), KEY).ComputeMac(Input(), buf.data(), 512);
            const int n = 64;
            std::vector<std::unique_ptr<EeaCipher>> ciphers;
            std::vector<std::unique_ptr<EiaIntegrity>> integrities;
            std::size_t before = mallinfo2().uordblks;
            for (int i = 0; i < n; ++i)
            {
                ciphers.push_back(std::make_unique<EeaCipher>(static_cast<Eea>(a), KEY));
                integrities.push_back(std::make_unique<EiaIntegrity>(static_cast<Eia>(a), KEY));
                ciphers.back()->Apply(Input(), buf.data(), buf.data(), 512);
                integrities.back()->ComputeMac(Input(), buf.data(), 512);
            }
            std::size_t perPair = (mallinfo2().uordblks - before) / n;
            BOOST_TEST(perPair <= 256u);
        }
    }
}

/// EVP_EncryptUpdate returning fewer bytes than asked is an error, not a partly ciphered PDU.
BOOST_AUTO_TEST_CASE(short_openssl_output_is_an_error)
{
    EeaCipher c(Eea::EEA2, KEY);
    std::vector<uint8_t> buf(40, 1);
    ltesec_test::OpenSslSpy spy;
    spy.shortEncryptUpdate = 1;
    BOOST_CHECK_THROW(c.Apply(Input(), buf.data(), buf.data(), 320), std::runtime_error);
    BOOST_TEST(spy.shortEncryptUpdate == 0);
    BOOST_CHECK_NO_THROW(c.Apply(Input(), buf.data(), buf.data(), 320));
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
