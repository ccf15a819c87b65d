/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-algorithm.h"

#include <intel-ipsec-mb.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <cstring>
#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace ltesec
{

const char*
EeaName(Eea a)
{
    static const char* names[] = {"eea0", "eea1", "eea2", "eea3"};
    return names[static_cast<uint8_t>(a) & 3];
}

const char*
EiaName(Eia a)
{
    static const char* names[] = {"eia0", "eia1", "eia2", "eia3"};
    return names[static_cast<uint8_t>(a) & 3];
}

std::ostream&
operator<<(std::ostream& os, Eea a)
{
    return os << EeaName(a);
}

std::ostream&
operator<<(std::ostream& os, Eia a)
{
    return os << EiaName(a);
}

static int
ParseAlgorithmNumber(const std::string& s, const char* prefix, const std::string& what)
{
    std::string t = s;
    if (t.rfind(prefix, 0) == 0)
    {
        t = t.substr(std::strlen(prefix));
    }
    else if (t.rfind("128-", 0) == 0 && t.substr(4).rfind(prefix, 0) == 0)
    {
        t = t.substr(4 + std::strlen(prefix));
    }
    if (t.size() == 1 && t[0] >= '0' && t[0] <= '3')
    {
        return t[0] - '0';
    }
    throw std::invalid_argument(what + ": unknown algorithm '" + s + "' (" + prefix + "0.." +
                                prefix + "3 or 0..3)");
}

Eea
ParseEea(const std::string& s, const std::string& what)
{
    return static_cast<Eea>(ParseAlgorithmNumber(s, "eea", what));
}

Eia
ParseEia(const std::string& s, const std::string& what)
{
    return static_cast<Eia>(ParseAlgorithmNumber(s, "eia", what));
}

template <typename Alg, typename Parse>
static std::vector<Alg>
ParseList(const std::string& list, const std::string& what, Parse parse)
{
    std::vector<Alg> out;
    std::string item;
    std::istringstream in(list);
    while (std::getline(in, item, ','))
    {
        out.push_back(parse(item, what));
    }
    if (out.empty())
    {
        throw std::invalid_argument(what + ": empty algorithm list");
    }
    return out;
}

template <typename Alg, typename Name>
static std::string
ListToString(const std::vector<Alg>& list, Name name)
{
    std::string s;
    for (Alg a : list)
    {
        s += (s.empty() ? "" : ",") + std::string(name(a));
    }
    return s;
}

std::vector<Eea>
ParseEeaList(const std::string& list, const std::string& what)
{
    return ParseList<Eea>(list, what, ParseEea);
}

std::vector<Eia>
ParseEiaList(const std::string& list, const std::string& what)
{
    return ParseList<Eia>(list, what, ParseEia);
}

std::string
ToString(const std::vector<Eea>& list)
{
    return ListToString(list, EeaName);
}

std::string
ToString(const std::vector<Eia>& list)
{
    return ListToString(list, EiaName);
}

template <typename Alg>
static uint8_t
Bitmap(const std::vector<Alg>& algorithms)
{
    uint8_t b = 0;
    for (Alg a : algorithms)
    {
        b |= 0x80 >> static_cast<uint8_t>(a);
    }
    return b;
}

template <typename Alg>
static std::vector<Alg>
Supported(const UeSecurityCapabilities& c)
{
    std::vector<Alg> v;
    for (uint8_t a = 0; a < 4; ++a)
    {
        if (c.Supports(static_cast<Alg>(a)))
        {
            v.push_back(static_cast<Alg>(a));
        }
    }
    return v;
}

void
UeSecurityCapabilities::Set(const std::vector<Eea>& algorithms)
{
    eea = Bitmap(algorithms);
}

void
UeSecurityCapabilities::Set(const std::vector<Eia>& algorithms)
{
    eia = Bitmap(algorithms);
}

UeSecurityCapabilities
UeSecurityCapabilities::FromLists(const std::string& eeaList, const std::string& eiaList)
{
    UeSecurityCapabilities c;
    c.Set(ParseEeaList(eeaList, "EEA capability list"));
    c.Set(ParseEiaList(eiaList, "EIA capability list"));
    return c;
}

std::string
UeSecurityCapabilities::EeaList() const
{
    return ToString(Supported<Eea>(*this));
}

std::string
UeSecurityCapabilities::EiaList() const
{
    return ToString(Supported<Eia>(*this));
}

namespace
{

void
CheckBearer(const AlgorithmInput& in)
{
    if (in.bearer > 31)
    {
        throw std::invalid_argument("bearer: " + std::to_string(in.bearer) +
                                    " does not fit in 5 bits (0..31)");
    }
}

void
PutU32(uint8_t* p, uint32_t v)
{
    p[0] = static_cast<uint8_t>(v >> 24);
    p[1] = static_cast<uint8_t>(v >> 16);
    p[2] = static_cast<uint8_t>(v >> 8);
    p[3] = static_cast<uint8_t>(v);
}

/// Zeroes the bits past \p bitLength in the last byte of \p out.
void
ClearTrailingBits(uint8_t* out, uint64_t bitLength)
{
    unsigned rem = bitLength % 8;
    if (rem != 0)
    {
        out[bitLength / 8] &= static_cast<uint8_t>(0xff << (8 - rem));
    }
}

/// The 16-byte IV of 128-EEA1 (UEA2 f8) and 128-EEA3:
/// COUNT || BEARER | DIRECTION | 0^26, twice (TS 33.401 B.1.2, B.1.4).
void
CipherIv(const AlgorithmInput& in, uint8_t iv[16])
{
    PutU32(iv, in.count);
    iv[4] = static_cast<uint8_t>((in.bearer << 3) | (static_cast<uint8_t>(in.direction) << 2));
    iv[5] = iv[6] = iv[7] = 0;
    std::memcpy(iv + 8, iv, 8);
}

/// The per-thread ipsec-mb manager, initialised for the best instruction set of this CPU.
IMB_MGR*
IpsecMbManager()
{
    struct Holder
    {
        IMB_MGR* mgr;

        Holder()
            : mgr(alloc_mb_mgr(0))
        {
            if (mgr != nullptr)
            {
                init_mb_mgr_auto(mgr, nullptr);
                if (imb_get_errno(mgr) != 0)
                {
                    free_mb_mgr(mgr);
                    mgr = nullptr;
                }
            }
        }

        ~Holder()
        {
            if (mgr != nullptr)
            {
                free_mb_mgr(mgr);
            }
        }
    };

    thread_local Holder h;
    if (h.mgr == nullptr)
    {
        throw std::runtime_error("ipsec-mb: cannot initialise a multi-buffer manager");
    }
    return h.mgr;
}

const EVP_CIPHER*
Aes128Ctr()
{
    static EVP_CIPHER* c = EVP_CIPHER_fetch(nullptr, "AES-128-CTR", nullptr);
    if (c == nullptr)
    {
        throw std::runtime_error("OpenSSL has no AES-128-CTR");
    }
    return c;
}

EVP_MAC*
CmacAlgorithm()
{
    static EVP_MAC* m = EVP_MAC_fetch(nullptr, "CMAC", nullptr);
    if (m == nullptr)
    {
        throw std::runtime_error("OpenSSL has no CMAC");
    }
    return m;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Ciphering

class EeaCipher::Impl
{
  public:
    virtual ~Impl() = default;
    virtual void Apply(const AlgorithmInput& in4,
                       const uint8_t* in,
                       uint8_t* out,
                       uint32_t bitLength) = 0;
};

namespace
{

class Eea0 : public EeaCipher::Impl
{
  public:
    void Apply(const AlgorithmInput&, const uint8_t* in, uint8_t* out, uint32_t bitLength) override
    {
        std::memmove(out, in, (bitLength + 7) / 8);
    }
};

/// 128-EEA2: AES-128 in CTR mode, T1 = COUNT || BEARER || DIRECTION || 0^26 || 0^64 (B.1.3).
class Eea2 : public EeaCipher::Impl
{
  public:
    explicit Eea2(const AlgKey& key)
        : m_ctx(EVP_CIPHER_CTX_new())
    {
        if (m_ctx == nullptr ||
            EVP_EncryptInit_ex2(m_ctx, Aes128Ctr(), key.Data(), nullptr, nullptr) != 1)
        {
            throw std::runtime_error("128-EEA2: AES-128-CTR initialisation failed in OpenSSL");
        }
    }

    ~Eea2() override
    {
        EVP_CIPHER_CTX_free(m_ctx); // cleanses the key schedule
    }

    void Apply(const AlgorithmInput& in4, const uint8_t* in, uint8_t* out, uint32_t bitLength)
        override
    {
        uint8_t iv[16] = {0};
        PutU32(iv, in4.count);
        iv[4] = static_cast<uint8_t>((in4.bearer << 3) | (static_cast<uint8_t>(in4.direction) << 2));
        int len = static_cast<int>((bitLength + 7) / 8);
        int outl = 0;
        if (EVP_EncryptInit_ex2(m_ctx, nullptr, nullptr, iv, nullptr) != 1 ||
            EVP_EncryptUpdate(m_ctx, out, &outl, in, len) != 1)
        {
            throw std::runtime_error("128-EEA2: AES-128-CTR failed in OpenSSL");
        }
    }

  private:
    EVP_CIPHER_CTX* m_ctx;
};

/// 128-EEA1: SNOW 3G f8 of UEA2 (B.1.2), through ipsec-mb.
class Eea1 : public EeaCipher::Impl
{
  public:
    explicit Eea1(const AlgKey& key)
        : m_mgr(IpsecMbManager())
    {
        if (IMB_SNOW3G_INIT_KEY_SCHED(m_mgr, key.Data(), &m_ks) != 0)
        {
            throw std::runtime_error("128-EEA1: SNOW 3G key schedule failed in ipsec-mb");
        }
    }

    ~Eea1() override
    {
        SecureWipe(&m_ks, sizeof(m_ks));
    }

    void Apply(const AlgorithmInput& in4, const uint8_t* in, uint8_t* out, uint32_t bitLength)
        override
    {
        uint8_t iv[16];
        CipherIv(in4, iv);
        IMB_SNOW3G_F8_1_BUFFER_BIT(m_mgr, &m_ks, iv, in, out, bitLength, 0);
    }

  private:
    IMB_MGR* m_mgr;
    snow3g_key_schedule_t m_ks;
};

/// 128-EEA3: ZUC (B.1.4), through ipsec-mb.
class Eea3 : public EeaCipher::Impl
{
  public:
    explicit Eea3(const AlgKey& key)
        : m_mgr(IpsecMbManager()),
          m_key(key)
    {
    }

    void Apply(const AlgorithmInput& in4, const uint8_t* in, uint8_t* out, uint32_t bitLength)
        override
    {
        uint8_t iv[16];
        CipherIv(in4, iv);
        IMB_ZUC_EEA3_1_BUFFER(m_mgr, m_key.Data(), iv, in, out, (bitLength + 7) / 8);
    }

  private:
    IMB_MGR* m_mgr;
    AlgKey m_key;
};

} // namespace

EeaCipher::EeaCipher(Eea algorithm, const AlgKey& key)
    : m_alg(algorithm)
{
    switch (algorithm)
    {
    case Eea::EEA0:
        m_impl = std::make_unique<Eea0>();
        break;
    case Eea::EEA1:
        m_impl = std::make_unique<Eea1>(key);
        break;
    case Eea::EEA2:
        m_impl = std::make_unique<Eea2>(key);
        break;
    case Eea::EEA3:
        m_impl = std::make_unique<Eea3>(key);
        break;
    default:
        throw std::invalid_argument("EeaCipher: unknown algorithm " +
                                    std::to_string(static_cast<int>(algorithm)));
    }
}

EeaCipher::~EeaCipher() = default;

void
EeaCipher::Apply(const AlgorithmInput& in4, const uint8_t* in, uint8_t* out, uint32_t bitLength)
{
    CheckBearer(in4);
    if (bitLength == 0)
    {
        return;
    }
    m_impl->Apply(in4, in, out, bitLength);
    ClearTrailingBits(out, bitLength);
}

// ---------------------------------------------------------------------------------------------
// Integrity

class EiaIntegrity::Impl
{
  public:
    virtual ~Impl() = default;
    virtual uint32_t Mac(const AlgorithmInput& in4, const uint8_t* msg, uint64_t bitLength) = 0;
};

namespace
{

class Eia0 : public EiaIntegrity::Impl
{
  public:
    uint32_t Mac(const AlgorithmInput&, const uint8_t*, uint64_t) override
    {
        return 0;
    }
};

uint32_t
GetU32(const uint8_t* p)
{
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
}

/// 128-EIA2: AES-CMAC over COUNT || BEARER || DIRECTION || 0^26 || MESSAGE, MAC = first 32 bits
/// (B.2.3), with OpenSSL's CMAC.
class Eia2 : public EiaIntegrity::Impl
{
  public:
    explicit Eia2(const AlgKey& key)
        : m_ctx(EVP_MAC_CTX_new(CmacAlgorithm())),
          m_key(key)
    {
        static char cipher[] = "AES-128-CBC";
        OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, cipher, 0),
                               OSSL_PARAM_construct_end()};
        if (m_ctx == nullptr || EVP_MAC_init(m_ctx, key.Data(), AlgKey::SIZE, params) != 1)
        {
            throw std::runtime_error("128-EIA2: AES-CMAC initialisation failed in OpenSSL");
        }
    }

    ~Eia2() override
    {
        EVP_MAC_CTX_free(m_ctx);
        SecureWipe(m_subkeyDiff, sizeof(m_subkeyDiff));
    }

    uint32_t Mac(const AlgorithmInput& in4, const uint8_t* msg, uint64_t bitLength) override
    {
        uint8_t header[8] = {0};
        PutU32(header, in4.count);
        header[4] =
            static_cast<uint8_t>((in4.bearer << 3) | (static_cast<uint8_t>(in4.direction) << 2));
        uint8_t tag[16];
        std::size_t tagLen = 0;
        bool ok = EVP_MAC_init(m_ctx, nullptr, 0, nullptr) == 1;
        if (bitLength % 8 == 0)
        {
            ok = ok && EVP_MAC_update(m_ctx, header, 8) == 1 &&
                 EVP_MAC_update(m_ctx, msg, bitLength / 8) == 1;
        }
        else
        {
            std::vector<uint8_t> padded = PadBitString(header, msg, bitLength);
            ok = ok && EVP_MAC_update(m_ctx, padded.data(), padded.size()) == 1;
            SecureWipe(padded.data(), padded.size()); // its last block reveals K1 ^ K2
        }
        ok = ok && EVP_MAC_final(m_ctx, tag, &tagLen, sizeof(tag)) == 1;
        if (!ok)
        {
            throw std::runtime_error("128-EIA2: AES-CMAC failed in OpenSSL");
        }
        return GetU32(tag);
    }

  private:
    /**
     * CMAC is defined on bit strings (NIST SP 800-38B), OpenSSL's on bytes. For a message whose
     * length is not a multiple of 8 the last block is incomplete: CMAC pads it with 10* and XORs
     * subkey K2. We hand OpenSSL the padded last block XORed with K1^K2 as a complete block, for
     * which it XORs K1: the result is the CMAC of the bit string.
     */
    std::vector<uint8_t> PadBitString(const uint8_t header[8], const uint8_t* msg, uint64_t bits)
    {
        if (!m_haveSubkeyDiff)
        {
            ComputeSubkeyDiff();
        }
        uint64_t total = 64 + bits;
        std::size_t blocks = (total + 127) / 128;
        std::vector<uint8_t> buf(blocks * 16, 0);
        std::memcpy(buf.data(), header, 8);
        std::memcpy(buf.data() + 8, msg, (bits + 7) / 8);
        ClearTrailingBits(buf.data(), total);
        buf[total / 8] |= static_cast<uint8_t>(0x80 >> (total % 8));
        for (int i = 0; i < 16; ++i)
        {
            buf[(blocks - 1) * 16 + i] ^= m_subkeyDiff[i];
        }
        return buf;
    }

    static void Double(uint8_t b[16])
    {
        uint8_t carry = b[0] >> 7;
        for (int i = 0; i < 15; ++i)
        {
            b[i] = static_cast<uint8_t>((b[i] << 1) | (b[i + 1] >> 7));
        }
        b[15] = static_cast<uint8_t>((b[15] << 1) ^ (carry ? 0x87 : 0));
    }

    void ComputeSubkeyDiff()
    {
        uint8_t zero[16] = {0};
        uint8_t k1[16];
        int outl = 0;
        EVP_CIPHER_CTX* ecb = EVP_CIPHER_CTX_new();
        bool ok = ecb != nullptr &&
                  EVP_EncryptInit_ex2(ecb, EVP_aes_128_ecb(), m_key.Data(), nullptr, nullptr) == 1 &&
                  EVP_CIPHER_CTX_set_padding(ecb, 0) == 1 &&
                  EVP_EncryptUpdate(ecb, k1, &outl, zero, 16) == 1 && outl == 16;
        EVP_CIPHER_CTX_free(ecb);
        if (!ok)
        {
            throw std::runtime_error("128-EIA2: AES-128 failed in OpenSSL");
        }
        Double(k1); // K1 = dbl(L)
        std::memcpy(m_subkeyDiff, k1, 16);
        Double(k1); // K2 = dbl(K1)
        for (int i = 0; i < 16; ++i)
        {
            m_subkeyDiff[i] ^= k1[i];
        }
        SecureWipe(k1, sizeof(k1));
        m_haveSubkeyDiff = true;
    }

    EVP_MAC_CTX* m_ctx;
    AlgKey m_key;
    uint8_t m_subkeyDiff[16]{};
    bool m_haveSubkeyDiff{false};
};

/// 128-EIA1: SNOW 3G f9 of UIA2 with FRESH = BEARER || 0^27 (B.2.2), through ipsec-mb.
class Eia1 : public EiaIntegrity::Impl
{
  public:
    explicit Eia1(const AlgKey& key)
        : m_mgr(IpsecMbManager())
    {
        if (IMB_SNOW3G_INIT_KEY_SCHED(m_mgr, key.Data(), &m_ks) != 0)
        {
            throw std::runtime_error("128-EIA1: SNOW 3G key schedule failed in ipsec-mb");
        }
    }

    ~Eia1() override
    {
        SecureWipe(&m_ks, sizeof(m_ks));
    }

    uint32_t Mac(const AlgorithmInput& in4, const uint8_t* msg, uint64_t bitLength) override
    {
        uint32_t fresh = static_cast<uint32_t>(in4.bearer) << 27;
        uint32_t dir = static_cast<uint32_t>(in4.direction);
        uint8_t iv[16];
        PutU32(iv, in4.count);
        PutU32(iv + 4, fresh);
        PutU32(iv + 8, in4.count ^ (dir << 31));
        PutU32(iv + 12, fresh ^ (dir << 15));
        uint8_t tag[4];
        IMB_SNOW3G_F9_1_BUFFER(m_mgr, &m_ks, iv, msg, bitLength, tag);
        return GetU32(tag);
    }

  private:
    IMB_MGR* m_mgr;
    snow3g_key_schedule_t m_ks;
};

/// 128-EIA3: ZUC integrity (B.2.4), through ipsec-mb.
class Eia3 : public EiaIntegrity::Impl
{
  public:
    explicit Eia3(const AlgKey& key)
        : m_mgr(IpsecMbManager()),
          m_key(key)
    {
    }

    uint32_t Mac(const AlgorithmInput& in4, const uint8_t* msg, uint64_t bitLength) override
    {
        uint8_t dir = static_cast<uint8_t>(in4.direction);
        uint8_t iv[16] = {0};
        PutU32(iv, in4.count);
        iv[4] = static_cast<uint8_t>(in4.bearer << 3);
        std::memcpy(iv + 8, iv, 8);
        iv[8] ^= static_cast<uint8_t>(dir << 7);
        iv[14] ^= static_cast<uint8_t>(dir << 7);
        uint32_t tag = 0; // ipsec-mb stores the MAC in network byte order
        IMB_ZUC_EIA3_1_BUFFER(m_mgr, m_key.Data(), iv, msg, static_cast<uint32_t>(bitLength), &tag);
        return GetU32(reinterpret_cast<const uint8_t*>(&tag));
    }

  private:
    IMB_MGR* m_mgr;
    AlgKey m_key;
};

} // namespace

EiaIntegrity::EiaIntegrity(Eia algorithm, const AlgKey& key)
    : m_alg(algorithm)
{
    switch (algorithm)
    {
    case Eia::EIA0:
        m_impl = std::make_unique<Eia0>();
        break;
    case Eia::EIA1:
        m_impl = std::make_unique<Eia1>(key);
        break;
    case Eia::EIA2:
        m_impl = std::make_unique<Eia2>(key);
        break;
    case Eia::EIA3:
        m_impl = std::make_unique<Eia3>(key);
        break;
    default:
        throw std::invalid_argument("EiaIntegrity: unknown algorithm " +
                                    std::to_string(static_cast<int>(algorithm)));
    }
}

EiaIntegrity::~EiaIntegrity() = default;

uint32_t
EiaIntegrity::ComputeMac(const AlgorithmInput& in4, const uint8_t* msg, uint64_t bitLength)
{
    CheckBearer(in4);
    return m_impl->Mac(in4, msg, bitLength);
}

static void
CheckLength(std::size_t bytes, uint64_t bitLength)
{
    if (bytes * 8 < bitLength)
    {
        throw std::invalid_argument("data: " + std::to_string(bytes * 8) +
                                    " bits given, shorter than length " +
                                    std::to_string(bitLength));
    }
}

std::vector<uint8_t>
Encrypt(Eea algorithm,
        const AlgKey& key,
        const AlgorithmInput& in4,
        const std::vector<uint8_t>& data,
        uint32_t bitLength)
{
    CheckLength(data.size(), bitLength);
    std::vector<uint8_t> out((bitLength + 7) / 8);
    EeaCipher(algorithm, key).Apply(in4, data.data(), out.data(), bitLength);
    return out;
}

uint32_t
ComputeMac(Eia algorithm,
           const AlgKey& key,
           const AlgorithmInput& in4,
           const std::vector<uint8_t>& data,
           uint64_t bitLength)
{
    CheckLength(data.size(), bitLength);
    return EiaIntegrity(algorithm, key).ComputeMac(in4, data.data(), bitLength);
}

} // namespace ltesec
} // namespace ns3
