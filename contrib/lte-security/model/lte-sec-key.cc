/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-key.h"

#include <atomic>
#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace ns3
{
namespace ltesec
{

namespace
{
std::atomic<WipeObserver> g_wipeObserver{nullptr};
} // namespace

void
SecureWipe(void* p, std::size_t len)
{
    if (p != nullptr && len > 0)
    {
        OPENSSL_cleanse(p, len);
        WipeObserver observer = g_wipeObserver.load(std::memory_order_relaxed);
        if (observer != nullptr)
        {
            observer(p, len);
        }
    }
}

void
SetWipeObserverForTests(WipeObserver observer)
{
    g_wipeObserver.store(observer, std::memory_order_relaxed);
}

bool
SecureEqual(const uint8_t* a, const uint8_t* b, std::size_t len)
{
    return CRYPTO_memcmp(a, b, len) == 0;
}

uint32_t
KeyFingerprintValue(const uint8_t* key, std::size_t len)
{
    static const char label[] = "LTESEC-FP";
    uint8_t digest[EVP_MAX_MD_SIZE];
    unsigned int dlen = 0;
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    bool ok = ctx != nullptr && EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr) == 1 &&
              EVP_DigestUpdate(ctx, label, sizeof(label) - 1) == 1 &&
              EVP_DigestUpdate(ctx, key, len) == 1 && EVP_DigestFinal_ex(ctx, digest, &dlen) == 1;
    EVP_MD_CTX_free(ctx);
    if (!ok)
    {
        throw std::runtime_error("KeyFingerprint: SHA-256 failed in OpenSSL");
    }
    return (uint32_t(digest[0]) << 24) | (uint32_t(digest[1]) << 16) | (uint32_t(digest[2]) << 8) |
           digest[3];
}

std::string
KeyFingerprint(const uint8_t* key, std::size_t len)
{
    uint32_t v = KeyFingerprintValue(key, len);
    const uint8_t bytes[4] = {uint8_t(v >> 24), uint8_t(v >> 16), uint8_t(v >> 8), uint8_t(v)};
    return ToHex(bytes, 4);
}

std::string
ToHex(const uint8_t* p, std::size_t len)
{
    static const char digits[] = "0123456789abcdef";
    std::string s;
    s.reserve(2 * len);
    for (std::size_t i = 0; i < len; ++i)
    {
        s.push_back(digits[p[i] >> 4]);
        s.push_back(digits[p[i] & 0x0f]);
    }
    return s;
}

std::string
ToHex(const std::vector<uint8_t>& v)
{
    return ToHex(v.data(), v.size());
}

static int
HexValue(char c)
{
    if (c >= '0' && c <= '9')
    {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f')
    {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F')
    {
        return c - 'A' + 10;
    }
    return -1;
}

std::vector<uint8_t>
ParseHex(const std::string& hex, const std::string& what)
{
    std::size_t start = 0;
    if (hex.size() >= 2 && hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X'))
    {
        start = 2;
    }
    std::size_t digits = hex.size() - start;
    if (digits % 2 != 0)
    {
        throw std::invalid_argument(what + ": odd number of hex digits (" + std::to_string(digits) +
                                    ")");
    }
    std::vector<uint8_t> out(digits / 2);
    for (std::size_t i = 0; i < digits; i += 2)
    {
        int hi = HexValue(hex[start + i]);
        int lo = HexValue(hex[start + i + 1]);
        if (hi < 0 || lo < 0)
        {
            std::size_t bad = start + i + (hi < 0 ? 0 : 1);
            SecureWipe(out.data(), out.size());
            throw std::invalid_argument(what + ": '" + std::string(1, hex[bad]) + "' at position " +
                                        std::to_string(bad) + " is not a hex digit");
        }
        out[i / 2] = static_cast<uint8_t>((hi << 4) | lo);
    }
    return out;
}

AlgKey
TruncateToAlgKey(const Key256& kdfOutput)
{
    return AlgKey(kdfOutput.Data() + 16);
}

} // namespace ltesec
} // namespace ns3
