/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-kdf.h"

#include <cstring>
#include <memory>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <stdexcept>

namespace ns3
{
namespace ltesec
{

const char*
AlgKeyTypeName(AlgKeyType t)
{
    switch (t)
    {
    case AlgKeyType::NAS_ENC:
        return "nas-enc";
    case AlgKeyType::NAS_INT:
        return "nas-int";
    case AlgKeyType::RRC_ENC:
        return "rrc-enc";
    case AlgKeyType::RRC_INT:
        return "rrc-int";
    case AlgKeyType::UP_ENC:
        return "up-enc";
    case AlgKeyType::UP_INT:
        return "up-int";
    }
    return "?";
}

AlgKeyType
ParseAlgKeyType(const std::string& s, const std::string& what)
{
    for (uint8_t v = 0x01; v <= 0x06; ++v)
    {
        if (s == AlgKeyTypeName(static_cast<AlgKeyType>(v)))
        {
            return static_cast<AlgKeyType>(v);
        }
    }
    throw std::invalid_argument(what + ": unknown key type '" + s +
                                "' (nas-enc, nas-int, rrc-enc, rrc-int, up-enc, up-int)");
}

KdfInput::KdfInput(uint8_t fc)
{
    m_s[0] = fc;
    m_size = 1;
}

KdfInput::~KdfInput()
{
    SecureWipe(m_s.data(), m_size);
}

KdfInput&
KdfInput::Add(const uint8_t* p, uint16_t len)
{
    if (m_size + len + 2 > MAX_SIZE)
    {
        throw std::invalid_argument("KdfInput: S longer than " + std::to_string(MAX_SIZE) +
                                    " bytes");
    }
    std::memcpy(m_s.data() + m_size, p, len);
    m_size += len;
    m_s[m_size++] = static_cast<uint8_t>(len >> 8);
    m_s[m_size++] = static_cast<uint8_t>(len & 0xff);
    return *this;
}

KdfInput&
KdfInput::AddUint(uint64_t value, uint16_t octets)
{
    uint8_t buf[8];
    for (uint16_t i = 0; i < octets; ++i)
    {
        buf[octets - 1 - i] = static_cast<uint8_t>(value >> (8 * i));
    }
    return Add(buf, octets);
}

namespace
{

struct MacDeleter
{
    void operator()(EVP_MAC* m) const
    {
        EVP_MAC_free(m);
    }

    void operator()(EVP_MAC_CTX* c) const
    {
        EVP_MAC_CTX_free(c); // cleanses the HMAC state and OpenSSL's copy of the key
    }
};

EVP_MAC*
HmacAlgorithm()
{
    static std::unique_ptr<EVP_MAC, MacDeleter> mac(EVP_MAC_fetch(nullptr, "HMAC", nullptr));
    if (!mac)
    {
        throw std::runtime_error("Kdf: OpenSSL has no HMAC");
    }
    return mac.get();
}

} // namespace

Key256
Kdf(const uint8_t* key, std::size_t keyLen, const KdfInput& s)
{
    static char digest[] = "SHA256";
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                           OSSL_PARAM_construct_end()};
    // One context per derivation, freed (and so cleansed) before returning, also on error: a
    // context kept for reuse would hold the HMAC state of the last key (its inner and outer
    // hashes are as good as the key). Costs about 0.2 us per derivation.
    std::unique_ptr<EVP_MAC_CTX, MacDeleter> ctx(EVP_MAC_CTX_new(HmacAlgorithm()));
    Key256 out;
    std::size_t outLen = 0;
    if (!ctx || EVP_MAC_init(ctx.get(), key, keyLen, params) != 1 ||
        EVP_MAC_update(ctx.get(), s.Data(), s.Size()) != 1 ||
        EVP_MAC_final(ctx.get(), out.Data(), &outLen, Key256::SIZE) != 1 || outLen != Key256::SIZE)
    {
        throw std::runtime_error("Kdf: HMAC-SHA-256 failed in OpenSSL");
    }
    return out;
}

Kenb
DeriveKenb(const Kasme& kasme, uint32_t ulNasCount)
{
    KdfInput s(FC_KENB);
    s.AddUint(ulNasCount, 4);
    return Kenb::From(Kdf(kasme.Data(), Kasme::SIZE, s));
}

static Nh
DeriveNhFrom(const Kasme& kasme, const uint8_t* sync)
{
    KdfInput s(FC_NH);
    s.Add(sync, 32);
    return Nh::From(Kdf(kasme.Data(), Kasme::SIZE, s));
}

Nh
DeriveNh(const Kasme& kasme, const Kenb& syncInput)
{
    return DeriveNhFrom(kasme, syncInput.Data());
}

Nh
DeriveNh(const Kasme& kasme, const Nh& syncInput)
{
    return DeriveNhFrom(kasme, syncInput.Data());
}

static Kenb
DeriveCellBoundKey(const uint8_t* key32, uint8_t fc, uint16_t pci, uint32_t earfcnDl)
{
    if (pci > MAX_PCI)
    {
        throw std::invalid_argument("pci: " + std::to_string(pci) + " is above " +
                                    std::to_string(MAX_PCI));
    }
    if (earfcnDl > MAX_EARFCN)
    {
        throw std::invalid_argument("earfcn-dl: " + std::to_string(earfcnDl) + " is above " +
                                    std::to_string(MAX_EARFCN));
    }
    KdfInput s(fc);
    s.AddUint(pci, 2);
    s.AddUint(earfcnDl, earfcnDl <= 0xffff ? 2 : 3);
    return Kenb::From(Kdf(key32, 32, s));
}

static Kenb
DeriveKenbStarFrom(const uint8_t* key32, uint16_t pci, uint32_t earfcnDl)
{
    return DeriveCellBoundKey(key32, FC_KENB_STAR, pci, earfcnDl);
}

Kenb
DeriveKenbStar(const Kenb& kenb, uint16_t pci, uint32_t earfcnDl)
{
    return DeriveKenbStarFrom(kenb.Data(), pci, earfcnDl);
}

Kenb
DeriveKenbStar(const Nh& nh, uint16_t pci, uint32_t earfcnDl)
{
    return DeriveKenbStarFrom(nh.Data(), pci, earfcnDl);
}

Kenb
DeriveAlt2Kenb(const Kenb& sourceKenb, uint16_t pci, uint32_t earfcnDl)
{
    return DeriveCellBoundKey(sourceKenb.Data(), FC_ALT2_TARGET_KENB, pci, earfcnDl);
}

Kenb
DeriveAlt1Kenb(const Kasme& kasme, const std::vector<uint8_t>& fresh)
{
    if (fresh.size() != 16)
    {
        throw std::invalid_argument("DeriveAlt1Kenb: a fresh input of " +
                                    std::to_string(fresh.size()) + " octets (16 expected)");
    }
    KdfInput s(FC_ALT1_TARGET_KENB);
    s.Add(fresh.data(), 16);
    return Kenb::From(Kdf(kasme.Data(), Kasme::SIZE, s));
}

Key256
KdfAlgorithmKey(const uint8_t* key32, AlgKeyType type, uint8_t algorithmId)
{
    KdfInput s(FC_ALGORITHM_KEY);
    s.AddUint(static_cast<uint8_t>(type), 1);
    s.AddUint(algorithmId, 1);
    return Kdf(key32, 32, s);
}

Kasme
DeriveRefreshedKasme(const Kasme& kasme, uint32_t nonceMme)
{
    KdfInput s(FC_MODEL_NAS_REFRESH);
    s.AddUint(nonceMme, 4);
    return Kasme::From(Kdf(kasme.Data(), Kasme::SIZE, s));
}

AlgKey
DeriveNasKey(const Kasme& kasme, AlgKeyType type, uint8_t algorithmId)
{
    if (type != AlgKeyType::NAS_ENC && type != AlgKeyType::NAS_INT)
    {
        throw std::invalid_argument("DeriveNasKey: a NAS key type is needed");
    }
    return TruncateToAlgKey(KdfAlgorithmKey(kasme.Data(), type, algorithmId));
}

AlgKey
DeriveAsKey(const Kenb& kenb, AlgKeyType type, uint8_t algorithmId)
{
    if (type == AlgKeyType::NAS_ENC || type == AlgKeyType::NAS_INT)
    {
        throw std::invalid_argument("DeriveAsKey: an RRC or UP key type is needed");
    }
    return TruncateToAlgKey(KdfAlgorithmKey(kenb.Data(), type, algorithmId));
}

Key256
KdfSeedCrntiRefresh(const Kenb& kenb,
                    AlgKeyType type,
                    uint8_t algorithmId,
                    uint16_t cRnti,
                    const std::vector<uint8_t>& nonce)
{
    if (type != AlgKeyType::RRC_ENC && type != AlgKeyType::RRC_INT && type != AlgKeyType::UP_ENC)
    {
        throw std::invalid_argument(
            std::string("seed-refresh: key type must be rrc-enc, rrc-int or up-enc, not ") +
            AlgKeyTypeName(type));
    }
    if (!nonce.empty() && nonce.size() != 16)
    {
        throw std::invalid_argument("seed-refresh: the nonce must be 16 bytes");
    }
    KdfInput s(FC_SEED_CRNTI_REFRESH);
    s.AddUint(static_cast<uint8_t>(type), 1);
    s.AddUint(algorithmId, 1);
    s.AddUint(cRnti, 2);
    if (!nonce.empty())
    {
        s.Add(nonce.data(), static_cast<uint16_t>(nonce.size()));
    }
    return Kdf(kenb.Data(), Kenb::SIZE, s);
}

AlgKey
DeriveSeedAsKey(const Kenb& kenb,
                AlgKeyType type,
                uint8_t algorithmId,
                uint16_t cRnti,
                const std::vector<uint8_t>& nonce)
{
    return TruncateToAlgKey(KdfSeedCrntiRefresh(kenb, type, algorithmId, cRnti, nonce));
}

} // namespace ltesec
} // namespace ns3
