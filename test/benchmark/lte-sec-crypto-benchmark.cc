// Speed of the security core against raw OpenSSL EVP calls, measured side by side in one run.
// For each case the two variants alternate in short rounds; the figure is the median of the
// per-round ratios (ours / raw, in operations per second: 1.0 = as fast as raw OpenSSL).
//
//   lte-sec-crypto-benchmark [--rounds N] [--round-ms MS]
#include "ns3/lte-sec-algorithm.h"
#include "ns3/lte-sec-kdf.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <string>
#include <vector>

using namespace ns3::ltesec;
using Clock = std::chrono::steady_clock;

namespace
{

volatile uint32_t g_sink; // keeps results alive

/// Runs \p op repeatedly for about \p ms milliseconds; returns operations per second.
double
Rate(const std::function<void()>& op, int ms)
{
    uint64_t n = 0;
    auto start = Clock::now();
    auto end = start + std::chrono::milliseconds(ms);
    Clock::time_point now;
    do
    {
        for (int i = 0; i < 64; ++i)
        {
            op();
        }
        n += 64;
        now = Clock::now();
    } while (now < end);
    return n / std::chrono::duration<double>(now - start).count();
}

struct Figure
{
    double ours;
    double raw;
    double ratio;
};

Figure
Compare(const std::function<void()>& ours, const std::function<void()>& raw, int rounds, int ms)
{
    std::vector<double> r;
    std::vector<double> a;
    std::vector<double> b;
    Rate(ours, ms / 4); // warm-up
    Rate(raw, ms / 4);
    for (int i = 0; i < rounds; ++i)
    {
        double x = Rate(ours, ms);
        double y = Rate(raw, ms);
        a.push_back(x);
        b.push_back(y);
        r.push_back(x / y);
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    return {median(a), median(b), median(r)};
}

} // namespace

int
main(int argc, char** argv)
{
    int rounds = 7;
    int ms = 150;
    for (int i = 1; i + 1 < argc; i += 2)
    {
        std::string a = argv[i];
        if (a == "--rounds")
        {
            rounds = std::max(1, std::atoi(argv[i + 1]));
        }
        else if (a == "--round-ms")
        {
            ms = std::max(10, std::atoi(argv[i + 1]));
        }
        else
        {
            std::fprintf(stderr, "unknown option %s (--rounds N, --round-ms MS)\n", a.c_str());
            return 2;
        }
    }

    Kenb kenb =
        Kenb::FromHex("c4c7bc798ab94e3d354cd6608e79aa92f5569df46519507850051e36f018ca5f", "kenb");
    AlgKey key = AlgKey::FromHex("d3c5d592327fb11c4035c6680af8c6d1", "key");

    std::printf("%-30s %14s %14s %8s\n", "case", "ours [op/s]", "raw [op/s]", "ratio");

    // --- KDF: KRRCint (FC 0x15) vs EVP_MAC HMAC-SHA-256 over the same S
    {
        EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
        EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
        char digest[] = "SHA256";
        OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                               OSSL_PARAM_construct_end()};
        const uint8_t s[] = {0x15, 0x04, 0x00, 0x01, 0x02, 0x00, 0x01};
        auto ours = [&] { g_sink = DeriveAsKey(kenb, AlgKeyType::RRC_INT, 2).Data()[0]; };
        auto raw = [&] {
            uint8_t out[32];
            size_t len;
            EVP_MAC_init(ctx, kenb.Data(), 32, params);
            EVP_MAC_update(ctx, s, sizeof(s));
            EVP_MAC_final(ctx, out, &len, sizeof(out));
            g_sink = out[16];
        };
        Figure f = Compare(ours, raw, rounds, ms);
        std::printf("%-30s %14.0f %14.0f %8.3f\n", "kdf (derivations/s)", f.ours, f.raw, f.ratio);
        EVP_MAC_CTX_free(ctx);
        EVP_MAC_free(mac);
    }

    AlgorithmInput in;
    in.count = 0x398a59b4;
    in.bearer = 0x15;
    in.direction = Direction::DOWNLINK;

    for (int size : {40, 400, 1500})
    {
        std::vector<uint8_t> buf(size, 0x5a);

        // --- EEA2 vs EVP AES-128-CTR, keyed once, IV per PDU
        {
            EeaCipher c(Eea::EEA2, key);
            EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
            EVP_EncryptInit_ex2(ctx, EVP_aes_128_ctr(), key.Data(), nullptr, nullptr);
            auto ours = [&] {
                c.Apply(in, buf.data(), buf.data(), size * 8);
                g_sink = buf[0];
            };
            auto raw = [&] {
                uint8_t iv[16] = {0x39, 0x8a, 0x59, 0xb4, 0xac, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
                int outl;
                EVP_EncryptInit_ex2(ctx, nullptr, nullptr, iv, nullptr);
                EVP_EncryptUpdate(ctx, buf.data(), &outl, buf.data(), size);
                g_sink = buf[0];
            };
            Figure f = Compare(ours, raw, rounds, ms);
            std::string name = "eea2 " + std::to_string(size) + " B (MB/s)";
            std::printf("%-30s %14.1f %14.1f %8.3f\n",
                        name.c_str(),
                        f.ours * size / 1e6,
                        f.raw * size / 1e6,
                        f.ratio);
            EVP_CIPHER_CTX_free(ctx);
        }

        // --- EIA2 vs EVP_MAC AES-CMAC, keyed once, header + PDU per message
        {
            EiaIntegrity e(Eia::EIA2, key);
            EVP_MAC* mac = EVP_MAC_fetch(nullptr, "CMAC", nullptr);
            EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
            char cipher[] = "AES-128-CBC";
            OSSL_PARAM params[] = {
                OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, cipher, 0),
                OSSL_PARAM_construct_end()};
            EVP_MAC_init(ctx, key.Data(), 16, params);
            auto ours = [&] { g_sink = e.ComputeMac(in, buf.data(), size * 8); };
            auto raw = [&] {
                const uint8_t header[8] = {0x39, 0x8a, 0x59, 0xb4, 0xac, 0, 0, 0};
                uint8_t tag[16];
                size_t len;
                EVP_MAC_init(ctx, nullptr, 0, nullptr);
                EVP_MAC_update(ctx, header, 8);
                EVP_MAC_update(ctx, buf.data(), size);
                EVP_MAC_final(ctx, tag, &len, sizeof(tag));
                g_sink = tag[0];
            };
            Figure f = Compare(ours, raw, rounds, ms);
            std::string name = "eia2 " + std::to_string(size) + " B (MB/s)";
            std::printf("%-30s %14.1f %14.1f %8.3f\n",
                        name.c_str(),
                        f.ours * size / 1e6,
                        f.raw * size / 1e6,
                        f.ratio);
            EVP_MAC_CTX_free(ctx);
            EVP_MAC_free(mac);
        }
    }
    std::printf("ratio = ours / raw OpenSSL, median of %d alternating rounds of %d ms\n",
                rounds,
                ms);
    return 0;
}
