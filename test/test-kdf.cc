// KDF encodings: the S strings of every derivation, the EARFCN rule, the C-RNTI refresh.
#include "openssl-spy.h"
#include "test-print.h"

#include "ns3/lte-sec-context.h"
#include "ns3/lte-sec-kdf.h"
#include "ns3/lte-sec-mme.h"
#include "ns3/string.h"

#include <boost/test/unit_test.hpp>
#include <openssl/hmac.h>

using namespace ns3::ltesec;

namespace
{
const std::string KENB_HEX = "c4c7bc798ab94e3d354cd6608e79aa92f5569df46519507850051e36f018ca5f";

/// HMAC-SHA-256 straight through OpenSSL's one-shot API, independent of the module's Kdf().
std::string
RawHmac(const Kenb& key, const std::vector<uint8_t>& s)
{
    uint8_t out[32];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.Data(), 32, s.data(), s.size(), out, &len);
    return ToHex(out, len);
}
} // namespace

BOOST_AUTO_TEST_SUITE(kdf)

BOOST_AUTO_TEST_CASE(input_string_layout)
{
    KdfInput s(0x15);
    s.AddUint(0x04, 1).AddUint(0x02, 1);
    BOOST_TEST(ToHex(s.Bytes()) == "15040001020001");
    KdfInput t(0x11);
    t.AddUint(0x01020304, 4);
    BOOST_TEST(ToHex(t.Bytes()) == "11010203040004");
}

BOOST_AUTO_TEST_CASE(earfcn_uses_two_bytes_up_to_65535_and_three_above)
{
    Kenb k = Kenb::FromHex(KENB_HEX, "k");
    // FC || PCI (2) || 0x0002 || EARFCN || L
    BOOST_TEST(Key256::From(DeriveKenbStar(k, 1, 65535)).RevealHex() ==
               RawHmac(k, ParseHex("1300010002ffff0002", "s")));
    BOOST_TEST(Key256::From(DeriveKenbStar(k, 1, 65536)).RevealHex() ==
               RawHmac(k, ParseHex("13000100020100000003", "s")));
    BOOST_TEST(Key256::From(DeriveKenbStar(k, 503, MAX_EARFCN)).RevealHex() ==
               RawHmac(k, ParseHex("1301f7000203ffff0003", "s")));
}

BOOST_AUTO_TEST_CASE(out_of_range_inputs_are_refused)
{
    Kenb k = Kenb::FromHex(KENB_HEX, "k");
    BOOST_CHECK_THROW(DeriveKenbStar(k, 504, 100), std::invalid_argument);
    BOOST_CHECK_THROW(DeriveKenbStar(k, 1, MAX_EARFCN + 1), std::invalid_argument);
    BOOST_CHECK_THROW(DeriveSeedAsKey(k, AlgKeyType::NAS_ENC, 1, 1), std::invalid_argument);
    BOOST_CHECK_THROW(DeriveSeedAsKey(k, AlgKeyType::UP_INT, 1, 1), std::invalid_argument);
    BOOST_CHECK_THROW(DeriveSeedAsKey(k, AlgKeyType::RRC_INT, 1, 1, std::vector<uint8_t>(5)),
                      std::invalid_argument);
    BOOST_CHECK_THROW(ParseAlgKeyType("rrc", "--type"), std::invalid_argument);
}

/// The encoding documented in doc/: FC 0xF0 || type || 0x0001 || alg || 0x0001 || C-RNTI || 0x0002
/// [|| nonce || 0x0010].
BOOST_AUTO_TEST_CASE(seed_refresh_encoding)
{
    Kenb k = Kenb::FromHex(KENB_HEX, "k");
    BOOST_TEST(KdfSeedCrntiRefresh(k, AlgKeyType::RRC_INT, 2, 0x1234).RevealHex() ==
               RawHmac(k,
                       ParseHex("f0040001020001123400"
                                "02",
                                "s")));
    BOOST_TEST(KdfSeedCrntiRefresh(k, AlgKeyType::UP_ENC, 1, 7).RevealHex() ==
               RawHmac(k,
                       ParseHex("f0050001010001000700"
                                "02",
                                "s")));
    std::vector<uint8_t> nonce(16, 0xab);
    BOOST_TEST(KdfSeedCrntiRefresh(k, AlgKeyType::RRC_ENC, 3, 1, nonce).RevealHex() ==
               RawHmac(k,
                       ParseHex("f003000103000100010002"
                                "abababababababababababababababab0010",
                                "s")));
}

BOOST_AUTO_TEST_CASE(seed_refresh_keys_depend_on_every_input)
{
    Kenb k = Kenb::FromHex(KENB_HEX, "k");
    AlgKey base = DeriveSeedAsKey(k, AlgKeyType::RRC_INT, 2, 100);
    BOOST_TEST(base == DeriveSeedAsKey(k, AlgKeyType::RRC_INT, 2, 100));
    BOOST_TEST(base != DeriveSeedAsKey(k, AlgKeyType::RRC_INT, 2, 101));
    BOOST_TEST(base != DeriveSeedAsKey(k, AlgKeyType::RRC_ENC, 2, 100));
    BOOST_TEST(base != DeriveSeedAsKey(k, AlgKeyType::RRC_INT, 1, 100));
    BOOST_TEST(base != DeriveSeedAsKey(k, AlgKeyType::RRC_INT, 2, 100, std::vector<uint8_t>(16)));
    // and differ from the TS 33.401 key of the same KeNB and algorithm
    BOOST_TEST(base != DeriveAsKey(k, AlgKeyType::RRC_INT, 2));
    Kenb k2 = k;
    k2.Data()[0] ^= 0x80;
    BOOST_TEST(base != DeriveSeedAsKey(k2, AlgKeyType::RRC_INT, 2, 100));
}

/// No HMAC context keyed with a derivation's key outlives the derivation (a reused context holds
/// the inner and outer hash states of its last key, as good as the key).
BOOST_AUTO_TEST_CASE(kdf_keeps_no_hmac_state)
{
    Kenb k = Kenb::FromHex(KENB_HEX, "k");
    Kasme kasme = Kasme::From(k);
    DeriveAsKey(k, AlgKeyType::RRC_INT, 2); // a context made before the watch, if any
    ltesec_test::OpenSslSpy spy;
    AlgKey a = DeriveAsKey(k, AlgKeyType::RRC_INT, 2);
    BOOST_REQUIRE(spy.macKeys.size() + spy.macContextsFreed >= 1); // the watch sees the KDF
    BOOST_TEST(!spy.MacContextHoldsKey(k.Data(), Kenb::SIZE));
    Kenb kenb = DeriveKenb(kasme, 7);
    BOOST_TEST(!spy.MacContextHoldsKey(kasme.Data(), Kasme::SIZE));
    DeriveSeedAsKey(kenb, AlgKeyType::UP_ENC, 1, 3);
    BOOST_TEST(!spy.MacContextHoldsKey(kenb.Data(), Kenb::SIZE));
    BOOST_TEST(spy.macContextsCreated == spy.macContextsFreed);
    BOOST_TEST(a == DeriveAsKey(k, AlgKeyType::RRC_INT, 2)); // and derivations still agree
}

/// KasmeMasterKey round-trips through Get/SetAttribute: two MMEs, one set from the other's value,
/// give the same KASMEs.
BOOST_AUTO_TEST_CASE(kasme_master_key_round_trips)
{
    using namespace ns3;
    const std::string hex = "00112233445566778899aabbccddeeff0123456789abcdef0123456789ABCDEF";
    Ptr<LteSecMme> a = CreateObject<LteSecMme>();
    a->SetAttribute("KasmeMasterKey", StringValue(hex));
    StringValue v;
    a->GetAttribute("KasmeMasterKey", v);
    BOOST_TEST(v.Get() == "00112233445566778899aabbccddeeff0123456789abcdef0123456789abcdef");
    Ptr<LteSecMme> b = CreateObject<LteSecMme>();
    b->SetAttribute("KasmeMasterKey", v);
    BOOST_TEST(b->GetKasme(1) == a->GetKasme(1));
    BOOST_TEST(b->GetKasme(208930000000002ULL) == a->GetKasme(208930000000002ULL));
    // the default value round-trips as well
    Ptr<LteSecMme> c = CreateObject<LteSecMme>();
    Ptr<LteSecMme> d = CreateObject<LteSecMme>();
    c->GetAttribute("KasmeMasterKey", v);
    d->SetAttribute("KasmeMasterKey", v);
    BOOST_TEST(d->GetKasme(5) == c->GetKasme(5));
    BOOST_TEST(d->GetKasme(5) != a->GetKasme(5));
    a->Dispose();
    b->Dispose();
    c->Dispose();
    d->Dispose();
}

BOOST_AUTO_TEST_SUITE_END()
