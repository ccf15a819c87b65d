/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_KEY_H
#define LTE_SEC_KEY_H

#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace ns3
{
namespace ltesec
{

/// Overwrites \p len bytes at \p p in a way the compiler cannot remove (OPENSSL_cleanse).
void SecureWipe(void* p, std::size_t len);

/// Called by SecureWipe() after each wipe with the address and length wiped, while that memory is
/// still alive. Tests only.
using WipeObserver = void (*)(const void* p, std::size_t len);

/// Installs \p observer (nullptr: none, the default). For tests that check which bytes are wiped
/// without reading memory after its lifetime; not for use in models.
void SetWipeObserverForTests(WipeObserver observer);

/// Constant-time comparison of two byte strings of the same length (CRYPTO_memcmp).
bool SecureEqual(const uint8_t* a, const uint8_t* b, std::size_t len);

/**
 * Short, non-reversible identifier of key material: the first 4 bytes of SHA-256("LTESEC-FP" ||
 * key) as 8 hex digits. Two parties hold the same key exactly when their fingerprints agree (up to
 * 2^-32).
 */
std::string KeyFingerprint(const uint8_t* key, std::size_t len);

/// The fingerprint of KeyFingerprint() as a number (its 4 bytes, big-endian).
uint32_t KeyFingerprintValue(const uint8_t* key, std::size_t len);

/// Lowercase hex of \p len bytes.
std::string ToHex(const uint8_t* p, std::size_t len);
std::string ToHex(const std::vector<uint8_t>& v);

/**
 * Parses hex into bytes. Throws std::invalid_argument naming \p what on an odd number of digits or
 * a non-hex character. Accepts an optional "0x" prefix; no separators.
 */
std::vector<uint8_t> ParseHex(const std::string& hex, const std::string& what);

/**
 * \ingroup lte-security
 * Secret key material of a fixed size. The Tag makes keys of different roles distinct types
 * (a KeNB cannot be passed where a KASME is expected). The bytes are wiped when the object is
 * destroyed or overwritten; there is no stream operator: use Fingerprint() in logs, and
 * RevealHex() only for a key log the user asked for.
 */
template <std::size_t N, typename Tag>
class SecretKey
{
  public:
    static constexpr std::size_t SIZE = N; ///< size in bytes

    SecretKey()
    {
        m_bytes.fill(0);
    }

    /// Copies N bytes from \p p.
    explicit SecretKey(const uint8_t* p)
    {
        for (std::size_t i = 0; i < N; ++i)
        {
            m_bytes[i] = p[i];
        }
    }

    SecretKey(const SecretKey&) = default;

    /// Wipes the old bytes, then copies.
    SecretKey& operator=(const SecretKey& o)
    {
        if (this != &o)
        {
            SecureWipe(m_bytes.data(), N);
            m_bytes = o.m_bytes;
        }
        return *this;
    }

    ~SecretKey()
    {
        SecureWipe(m_bytes.data(), N);
    }

    /**
     * Parses a key from exactly 2*N hex digits; throws std::invalid_argument naming \p what
     * (for example "--kasme") on malformed hex or a wrong length.
     */
    static SecretKey FromHex(const std::string& hex, const std::string& what)
    {
        std::vector<uint8_t> v = ParseHex(hex, what);
        if (v.size() != N)
        {
            SecureWipe(v.data(), v.size());
            throw std::invalid_argument(what + ": expected " + std::to_string(N) + " bytes (" +
                                        std::to_string(2 * N) + " hex digits), got " +
                                        std::to_string(v.size()) + " bytes");
        }
        SecretKey k(v.data());
        SecureWipe(v.data(), v.size());
        return k;
    }

    /// Reinterprets the same bytes as a key of another role of the same size.
    template <typename OtherTag>
    static SecretKey From(const SecretKey<N, OtherTag>& other)
    {
        return SecretKey(other.Data());
    }

    const uint8_t* Data() const
    {
        return m_bytes.data();
    }

    uint8_t* Data()
    {
        return m_bytes.data();
    }

    /// \return true if every byte is zero (an unset key).
    bool IsZero() const
    {
        uint8_t acc = 0;
        for (uint8_t b : m_bytes)
        {
            acc |= b;
        }
        return acc == 0;
    }

    /// \return the fingerprint (see KeyFingerprint()); safe to log.
    std::string Fingerprint() const
    {
        return KeyFingerprint(m_bytes.data(), N);
    }

    /// \return the fingerprint as a number (see KeyFingerprintValue()).
    uint32_t FingerprintValue() const
    {
        return KeyFingerprintValue(m_bytes.data(), N);
    }

    /// \return the key as hex. Only for an explicit key log or the key tool.
    std::string RevealHex() const
    {
        return ToHex(m_bytes.data(), N);
    }

    bool operator==(const SecretKey& o) const
    {
        return SecureEqual(m_bytes.data(), o.m_bytes.data(), N);
    }

    bool operator!=(const SecretKey& o) const
    {
        return !(*this == o);
    }

  private:
    std::array<uint8_t, N> m_bytes;
};

/// \name Key roles of the EPS key hierarchy (TS 33.401 clause 6.2)
/// @{
struct Key256Tag;
struct KasmeTag;
struct KenbTag;
struct NhTag;
struct AlgKeyTag;
using Key256 = SecretKey<32, Key256Tag>; ///< a full 256-bit KDF output
using Kasme = SecretKey<32, KasmeTag>;   ///< KASME, root of the EPS hierarchy
using Kenb = SecretKey<32, KenbTag>;     ///< KeNB (also KeNB*, which becomes the target's KeNB)
using Nh = SecretKey<32, NhTag>;         ///< Next Hop parameter
using AlgKey =
    SecretKey<16, AlgKeyTag>; ///< 128-bit algorithm key: KNASenc/int, KRRCenc/int, KUPenc/int
/// @}

/// \return the 128-bit algorithm key: the last 16 bytes of a 256-bit KDF output (TS 33.401 A.7).
AlgKey TruncateToAlgKey(const Key256& kdfOutput);

} // namespace ltesec
} // namespace ns3

#endif /* LTE_SEC_KEY_H */
