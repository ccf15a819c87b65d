/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-algorithm.h"

#include <atomic>
#include <cstring>
#include <intel-ipsec-mb.h>
#include <limits>
#include <mutex>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace ltesec
{

uint64_t
MinBitLength(Eea)
{
    return 0;
}

uint64_t
MaxBitLength(Eea algorithm)
{
    switch (algorithm)
    {
    case Eea::EEA1:
        return uint64_t{std::numeric_limits<uint32_t>::max() / 8} * 8; // 2^32 - 8
    case Eea::EEA3:
        return ZUC_MAX_BIT_LENGTH;
    default:
        return std::numeric_limits<uint32_t>::max();
    }
}

uint64_t
MinBitLength(Eia algorithm)
{
    return algorithm == Eia::EIA1 || algorithm == Eia::EIA3 ? 1 : 0;
}

uint64_t
MaxBitLength(Eia algorithm)
{
    switch (algorithm)
    {
    case Eia::EIA1:
        return std::numeric_limits<uint32_t>::max();
    case Eia::EIA3:
        return ZUC_MAX_BIT_LENGTH;
    default:
        return std::numeric_limits<uint64_t>::max();
    }
}

namespace
{

template <typename Alg>
void
CheckBitLength(Alg algorithm, uint64_t bitLength, const char* name)
{
    if (bitLength < MinBitLength(algorithm) || bitLength > MaxBitLength(algorithm))
    {
        throw std::invalid_argument("length: " + std::to_string(bitLength) +
                                    " bits is outside the range of " + name + " (" +
                                    std::to_string(MinBitLength(algorithm)) + ".." +
                                    std::to_string(MaxBitLength(algorithm)) + " bits)");
    }
}

/// ceil(bitLength / 8), without overflow.
uint64_t
ByteLength(uint64_t bitLength)
{
    return bitLength / 8 + (bitLength % 8 != 0 ? 1 : 0);
}

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

/// The per-thread ipsec-mb manager, initialised for the best instruction set of this CPU. Keyed
/// objects fetch it at each call (never keep it): it dies with its thread.
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

/// Throws std::runtime_error with ipsec-mb's error text if the manager's error state is set.
void
CheckIpsecMb(IMB_MGR* mgr, const char* what)
{
    int err = imb_get_errno(mgr);
    if (err != 0)
    {
        const char* text = imb_get_strerror(err);
        throw std::runtime_error(std::string(what) + ": ipsec-mb error " + std::to_string(err) +
                                 ": " + (text != nullptr ? text : "unknown"));
    }
}

/**
 * The per-thread ipsec-mb manager with a clear error state, for a call after which CheckIpsecMb()
 * is to be trusted. ipsec-mb sets the state on a refused call, and its ZUC and SNOW 3G f8 calls
 * reset it to 0 on success, but SNOW 3G f9 and the key schedule do not (1.3; imb_set_errno is
 * not exported): a stale error is cleared here by a 1-byte ZUC EEA3 call on a stack byte with a
 * zero key, which succeeds and resets the state.
 */
IMB_MGR*
ReadyIpsecMb()
{
    IMB_MGR* mgr = IpsecMbManager();
    if (imb_get_errno(mgr) != 0)
    {
        static const uint8_t zeroKey[16] = {0};
        const uint8_t iv[16] = {0};
        uint8_t byte = 0;
        IMB_ZUC_EEA3_1_BUFFER(mgr, zeroKey, iv, &byte, &byte, 1);
        CheckIpsecMb(mgr, "ipsec-mb: clearing the error state");
    }
    return mgr;
}

struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX* c) const
    {
        EVP_CIPHER_CTX_free(c); // cleanses the key schedule
    }
};

struct MacCtxDeleter
{
    void operator()(EVP_MAC_CTX* c) const
    {
        EVP_MAC_CTX_free(c); // cleanses the key schedule
    }
};

using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

/**
 * The one OpenSSL context of an algorithm (EEA2 or EIA2) in the process, keyed for one object at
 * a time: a keyed context per object would cost 0.7 kB (AES-CTR) or 1 kB (CMAC) per bearer,
 * direction and side, most of the security state of a UE. An object keys it when it finds it
 * keyed for another (an AES key schedule, well under a microsecond), and wipes it when it goes
 * away while the context holds its key, so no key outlives its object. The mutex makes objects
 * usable from any thread.
 */
template <typename Ctx, typename Deleter>
struct SharedContext
{
    std::mutex mutex;
    std::unique_ptr<Ctx, Deleter> ctx;
    uint64_t owner{0}; ///< the object it is keyed for (0: none)

    /// Frees the context (its free cleanses the key schedule) if it holds \p object's key
    void Forget(uint64_t object)
    {
        std::lock_guard<std::mutex> lock(mutex);
        if (owner == object)
        {
            ctx.reset();
            owner = 0;
        }
    }
};

/// \return a number no other keyed object of the process has
uint64_t
NewOwnerId()
{
    static std::atomic<uint64_t> next{0};
    return ++next;
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
        std::memmove(out, in, ByteLength(bitLength));
    }
};

/// 128-EEA2: AES-128 in CTR mode, T1 = COUNT || BEARER || DIRECTION || 0^26 || 0^64 (B.1.3).
class Eea2 : public EeaCipher::Impl
{
  public:
    explicit Eea2(const AlgKey& key)
        : m_key(key),
          m_id(NewOwnerId())
    {
    }

    ~Eea2() override
    {
        Shared().Forget(m_id);
    }

    void Apply(const AlgorithmInput& in4,
               const uint8_t* in,
               uint8_t* out,
               uint32_t bitLength) override
    {
        uint8_t iv[16] = {0};
        PutU32(iv, in4.count);
        iv[4] =
            static_cast<uint8_t>((in4.bearer << 3) | (static_cast<uint8_t>(in4.direction) << 2));
        // at most 2^29 bytes (MaxBitLength): fits OpenSSL's int
        int len = static_cast<int>(ByteLength(bitLength));
        int outl = 0;
        auto& shared = Shared();
        std::lock_guard<std::mutex> lock(shared.mutex);
        if (shared.owner != m_id)
        {
            shared.owner = 0;
            if (!shared.ctx)
            {
                shared.ctx.reset(EVP_CIPHER_CTX_new());
            }
            if (!shared.ctx || EVP_EncryptInit_ex2(shared.ctx.get(),
                                                   Aes128Ctr(),
                                                   m_key.Data(),
                                                   nullptr,
                                                   nullptr) != 1)
            {
                shared.ctx.reset(); // a half-keyed context keeps nothing
                throw std::runtime_error("128-EEA2: AES-128-CTR initialisation failed in OpenSSL");
            }
            shared.owner = m_id;
        }
        if (EVP_EncryptInit_ex2(shared.ctx.get(), nullptr, nullptr, iv, nullptr) != 1 ||
            EVP_EncryptUpdate(shared.ctx.get(), out, &outl, in, len) != 1)
        {
            throw std::runtime_error("128-EEA2: AES-128-CTR failed in OpenSSL");
        }
        if (outl != len)
        {
            throw std::runtime_error("128-EEA2: AES-128-CTR in OpenSSL returned " +
                                     std::to_string(outl) + " of " + std::to_string(len) +
                                     " bytes");
        }
    }

  private:
    using Context = SharedContext<EVP_CIPHER_CTX, CipherCtxDeleter>;

    static Context& Shared()
    {
        static Context* shared = new Context; // outlives every object, whatever the exit order
        return *shared;
    }

    AlgKey m_key; ///< wiped by its destructor
    uint64_t m_id;
};

/// A SNOW 3G key schedule (128-EEA1/EIA1), wiped on destruction, also when its owner's
/// constructor throws.
class Snow3gKey
{
  public:
    Snow3gKey(const AlgKey& key, const char* what)
    {
        IMB_MGR* mgr = ReadyIpsecMb();
        if (IMB_SNOW3G_INIT_KEY_SCHED(mgr, key.Data(), &m_ks) != 0)
        {
            SecureWipe(&m_ks, sizeof(m_ks));
            CheckIpsecMb(mgr, what);
            throw std::runtime_error(std::string(what) +
                                     ": SNOW 3G key schedule failed in ipsec-mb");
        }
        CheckIpsecMb(mgr, what);
    }

    ~Snow3gKey()
    {
        SecureWipe(&m_ks, sizeof(m_ks));
    }

    Snow3gKey(const Snow3gKey&) = delete;
    Snow3gKey& operator=(const Snow3gKey&) = delete;

    const snow3g_key_schedule_t* Get() const
    {
        return &m_ks;
    }

  private:
    snow3g_key_schedule_t m_ks;
};

/**
 * 128-EEA1: SNOW 3G f8 of UEA2 (B.1.2), through ipsec-mb's byte API on ceil(bitLength/8) bytes,
 * which touches exactly those bytes (the bits past the length are ciphered, then cleared by
 * EeaCipher::Apply; the keystream does not depend on the length). ipsec-mb 1.3's bit-length f8
 * reads and writes the byte after the last one (heap corruption): it is not used.
 */
class Eea1 : public EeaCipher::Impl
{
  public:
    explicit Eea1(const AlgKey& key)
        : m_ks(key, "128-EEA1")
    {
    }

    void Apply(const AlgorithmInput& in4,
               const uint8_t* in,
               uint8_t* out,
               uint32_t bitLength) override
    {
        uint8_t iv[16];
        CipherIv(in4, iv);
        IMB_MGR* mgr = ReadyIpsecMb();
        // the length of the byte API is in bytes, whatever its documentation says
        IMB_SNOW3G_F8_1_BUFFER(mgr,
                               m_ks.Get(),
                               iv,
                               in,
                               out,
                               static_cast<uint32_t>(ByteLength(bitLength)));
        CheckIpsecMb(mgr, "128-EEA1");
    }

  private:
    Snow3gKey m_ks;
};

/// 128-EEA3: ZUC (B.1.4), through ipsec-mb's byte API on ceil(bitLength/8) bytes.
class Eea3 : public EeaCipher::Impl
{
  public:
    explicit Eea3(const AlgKey& key)
        : m_key(key)
    {
    }

    void Apply(const AlgorithmInput& in4,
               const uint8_t* in,
               uint8_t* out,
               uint32_t bitLength) override
    {
        uint8_t iv[16];
        CipherIv(in4, iv);
        IMB_MGR* mgr = ReadyIpsecMb();
        IMB_ZUC_EEA3_1_BUFFER(mgr,
                              m_key.Data(),
                              iv,
                              in,
                              out,
                              static_cast<uint32_t>(ByteLength(bitLength)));
        CheckIpsecMb(mgr, "128-EEA3");
    }

  private:
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
    CheckBitLength(m_alg, bitLength, EeaName(m_alg));
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
        : m_key(key),
          m_id(NewOwnerId())
    {
    }

    ~Eia2() override
    {
        Shared().Forget(m_id);
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
        std::vector<uint8_t> padded;
        if (bitLength % 8 != 0)
        {
            padded = PadBitString(header, msg, bitLength);
        }
        auto& shared = Shared();
        std::lock_guard<std::mutex> lock(shared.mutex);
        Key(shared);
        EVP_MAC_CTX* ctx = shared.ctx.get();
        bool ok = EVP_MAC_init(ctx, nullptr, 0, nullptr) == 1;
        if (padded.empty())
        {
            ok = ok && EVP_MAC_update(ctx, header, 8) == 1 &&
                 EVP_MAC_update(ctx, msg, bitLength / 8) == 1;
        }
        else
        {
            ok = ok && EVP_MAC_update(ctx, padded.data(), padded.size()) == 1;
            SecureWipe(padded.data(), padded.size()); // its last block reveals K1 ^ K2
        }
        ok = ok && EVP_MAC_final(ctx, tag, &tagLen, sizeof(tag)) == 1;
        if (!ok)
        {
            throw std::runtime_error("128-EIA2: AES-CMAC failed in OpenSSL");
        }
        return GetU32(tag);
    }

  private:
    using Context = SharedContext<EVP_MAC_CTX, MacCtxDeleter>;

    static Context& Shared()
    {
        static Context* shared = new Context; // outlives every object, whatever the exit order
        return *shared;
    }

    /// Keys the shared context with this object's key unless it holds it already
    void Key(Context& shared)
    {
        if (shared.owner == m_id)
        {
            return;
        }
        shared.owner = 0;
        static char cipher[] = "AES-128-CBC";
        OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, cipher, 0),
                               OSSL_PARAM_construct_end()};
        bool fresh = !shared.ctx;
        if (fresh)
        {
            shared.ctx.reset(EVP_MAC_CTX_new(CmacAlgorithm()));
        }
        if (!shared.ctx ||
            EVP_MAC_init(shared.ctx.get(), m_key.Data(), AlgKey::SIZE, fresh ? params : nullptr) !=
                1)
        {
            shared.ctx.reset(); // a half-keyed context keeps nothing
            throw std::runtime_error("128-EIA2: AES-CMAC initialisation failed in OpenSSL");
        }
        shared.owner = m_id;
    }

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
        // bits % 8 != 0; byte counts, which cannot overflow for any uint64_t bits
        std::size_t msgBytes = static_cast<std::size_t>(bits / 8) + 1;
        std::size_t blocks = (8 + msgBytes + 15) / 16;
        std::vector<uint8_t> buf(blocks * 16, 0);
        std::memcpy(buf.data(), header, 8);
        std::memcpy(buf.data() + 8, msg, msgBytes);
        uint8_t* last = buf.data() + 8 + bits / 8; // the header is 64 bits: same bit offset
        unsigned rem = bits % 8;
        *last &= static_cast<uint8_t>(0xff << (8 - rem));
        *last |= static_cast<uint8_t>(0x80 >> rem);
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
        CipherCtxPtr ecb(EVP_CIPHER_CTX_new());
        bool ok =
            ecb &&
            EVP_EncryptInit_ex2(ecb.get(), EVP_aes_128_ecb(), m_key.Data(), nullptr, nullptr) ==
                1 &&
            EVP_CIPHER_CTX_set_padding(ecb.get(), 0) == 1 &&
            EVP_EncryptUpdate(ecb.get(), k1, &outl, zero, 16) == 1 && outl == 16;
        ecb.reset();
        if (!ok)
        {
            SecureWipe(k1, sizeof(k1));
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

    AlgKey m_key; ///< wiped by its destructor
    uint64_t m_id;
    uint8_t m_subkeyDiff[16]{};
    bool m_haveSubkeyDiff{false};
};

/// 128-EIA1: SNOW 3G f9 of UIA2 with FRESH = BEARER || 0^27 (B.2.2), through ipsec-mb.
class Eia1 : public EiaIntegrity::Impl
{
  public:
    explicit Eia1(const AlgKey& key)
        : m_ks(key, "128-EIA1")
    {
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
        uint8_t tag[4] = {0};
        IMB_MGR* mgr = ReadyIpsecMb(); // f9 does not reset a stale error state
        IMB_SNOW3G_F9_1_BUFFER(mgr, m_ks.Get(), iv, msg, bitLength, tag);
        CheckIpsecMb(mgr, "128-EIA1");
        return GetU32(tag);
    }

  private:
    Snow3gKey m_ks;
};

/// 128-EIA3: ZUC integrity (B.2.4), through ipsec-mb.
class Eia3 : public EiaIntegrity::Impl
{
  public:
    explicit Eia3(const AlgKey& key)
        : m_key(key)
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
        IMB_MGR* mgr = ReadyIpsecMb();
        IMB_ZUC_EIA3_1_BUFFER(mgr, m_key.Data(), iv, msg, static_cast<uint32_t>(bitLength), &tag);
        CheckIpsecMb(mgr, "128-EIA3");
        return GetU32(reinterpret_cast<const uint8_t*>(&tag));
    }

  private:
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
    CheckBitLength(m_alg, bitLength, EiaName(m_alg));
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
    CheckBitLength(algorithm, bitLength, EeaName(algorithm));
    CheckLength(data.size(), bitLength);
    std::vector<uint8_t> out(ByteLength(bitLength));
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
    CheckBitLength(algorithm, bitLength, EiaName(algorithm));
    CheckLength(data.size(), bitLength);
    return EiaIntegrity(algorithm, key).ComputeMac(in4, data.data(), bitLength);
}

} // namespace ltesec
} // namespace ns3
