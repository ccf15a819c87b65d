// Every published test set in test/vectors/ through the library.
#include "vector-file.h"

#include "ns3/lte-sec-algorithm.h"
#include "ns3/lte-sec-kdf.h"

#include <boost/test/unit_test.hpp>

using namespace ns3::ltesec;
using ltesec_test::Vector;

namespace
{

std::vector<Vector>
Vectors()
{
    static std::vector<Vector> v = ltesec_test::AllVectors(LTESEC_VECTOR_DIR);
    return v;
}

uint32_t
Hex32(const std::string& s)
{
    return static_cast<uint32_t>(std::stoul(s, nullptr, 16));
}

AlgorithmInput
InputOf(const Vector& v)
{
    AlgorithmInput in;
    in.count = Hex32(v["count"]);
    in.bearer = static_cast<uint8_t>(Hex32(v["bearer"]));
    in.direction = static_cast<Direction>(std::stoi(v["direction"]));
    return in;
}

std::string
KdfOutput(const Vector& v)
{
    const std::string& alg = v["algorithm"];
    if (alg == "kdf-kenb")
    {
        return Key256::From(
                   DeriveKenb(Kasme::FromHex(v["kasme"], "kasme"), Hex32(v["ul-nas-count"])))
            .RevealHex();
    }
    if (alg == "kdf-nh")
    {
        return Key256::From(
                   DeriveNh(Kasme::FromHex(v["kasme"], "kasme"), Nh::FromHex(v["sync"], "sync")))
            .RevealHex();
    }
    if (alg == "kdf-kenb-star")
    {
        return Key256::From(DeriveKenbStar(Kenb::FromHex(v["key"], "key"),
                                           static_cast<uint16_t>(std::stoi(v["pci"])),
                                           static_cast<uint32_t>(std::stoul(v["earfcn-dl"]))))
            .RevealHex();
    }
    if (alg == "kdf-alg-key")
    {
        Key256 key = Key256::FromHex(v["key"], "key");
        return KdfAlgorithmKey(key.Data(),
                               ParseAlgKeyType(v["type"], "type"),
                               static_cast<uint8_t>(std::stoi(v["alg"])))
            .RevealHex();
    }
    throw std::runtime_error("unknown kdf vector " + alg);
}

} // namespace

BOOST_AUTO_TEST_SUITE(vectors)

BOOST_AUTO_TEST_CASE(files_hold_every_kind)
{
    std::map<std::string, int> n;
    for (const auto& v : Vectors())
    {
        n[v["algorithm"]]++;
    }
    for (const char* a : {"eea1",
                          "eea2",
                          "eea3",
                          "eia1",
                          "eia2",
                          "eia3",
                          "kdf-kenb",
                          "kdf-nh",
                          "kdf-kenb-star",
                          "kdf-alg-key"})
    {
        BOOST_TEST_CONTEXT(a)
        {
            BOOST_TEST(n[a] >= 1);
        }
    }
}

BOOST_AUTO_TEST_CASE(kdf_sets)
{
    int checked = 0;
    for (const auto& v : Vectors())
    {
        if (v["algorithm"].rfind("kdf-", 0) != 0)
        {
            continue;
        }
        BOOST_TEST_CONTEXT(v.Name())
        {
            BOOST_TEST(KdfOutput(v) == v["output"]);
            ++checked;
        }
    }
    BOOST_TEST(checked >= 7);
}

BOOST_AUTO_TEST_CASE(alg_key_is_last_16_bytes)
{
    for (const auto& v : Vectors())
    {
        if (v["algorithm"] != "kdf-alg-key")
        {
            continue;
        }
        BOOST_TEST_CONTEXT(v.Name())
        {
            Key256 key = Key256::FromHex(v["key"], "key");
            AlgKeyType type = ParseAlgKeyType(v["type"], "type");
            auto alg = static_cast<uint8_t>(std::stoi(v["alg"]));
            std::string full = v["output"];
            if (type == AlgKeyType::NAS_ENC || type == AlgKeyType::NAS_INT)
            {
                Kasme k = Kasme::From(key);
                BOOST_TEST(DeriveNasKey(k, type, alg).RevealHex() == full.substr(32));
            }
            else
            {
                Kenb k = Kenb::From(key);
                BOOST_TEST(DeriveAsKey(k, type, alg).RevealHex() == full.substr(32));
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(cipher_sets)
{
    int checked = 0;
    for (const auto& v : Vectors())
    {
        const std::string& a = v["algorithm"];
        if (a.rfind("eea", 0) != 0)
        {
            continue;
        }
        BOOST_TEST_CONTEXT(v.Name())
        {
            AlgKey key = AlgKey::FromHex(v["key"], "key");
            auto bits = static_cast<uint32_t>(std::stoul(v["length"]));
            auto plain = ParseHex(v["input"], "input");
            Eea alg = ParseEea(a, "algorithm");
            BOOST_TEST(ToHex(Encrypt(alg, key, InputOf(v), plain, bits)) == v["output"]);
            // deciphering is the same operation
            auto cipher = ParseHex(v["output"], "output");
            BOOST_TEST(ToHex(Encrypt(alg, key, InputOf(v), cipher, bits)) == v["input"]);
            ++checked;
        }
    }
    BOOST_TEST(checked >= 8);
}

BOOST_AUTO_TEST_CASE(integrity_sets)
{
    int checked = 0;
    for (const auto& v : Vectors())
    {
        const std::string& a = v["algorithm"];
        if (a.rfind("eia", 0) != 0)
        {
            continue;
        }
        BOOST_TEST_CONTEXT(v.Name())
        {
            AlgKey key = AlgKey::FromHex(v["key"], "key");
            auto bits = std::stoull(v["length"]);
            auto msg = ParseHex(v["input"], "input");
            uint32_t mac = ComputeMac(ParseEia(a, "algorithm"), key, InputOf(v), msg, bits);
            BOOST_TEST(mac == Hex32(v["output"]));
            ++checked;
        }
    }
    BOOST_TEST(checked >= 10);
}

/// A keyed object is reused for many messages (as PDCP does): every set again through one
/// object per key, in a different order, must give the same results.
BOOST_AUTO_TEST_CASE(keyed_objects_are_reusable)
{
    auto all = Vectors();
    for (int round = 0; round < 2; ++round)
    {
        for (auto it = all.rbegin(); it != all.rend(); ++it)
        {
            const Vector& v = *it;
            const std::string& a = v["algorithm"];
            if (a.rfind("eia", 0) != 0)
            {
                continue;
            }
            BOOST_TEST_CONTEXT(v.Name())
            {
                static std::map<std::string, std::unique_ptr<EiaIntegrity>> objs;
                auto& o = objs[a + v["key"]];
                if (!o)
                {
                    o = std::make_unique<EiaIntegrity>(ParseEia(a, "a"),
                                                       AlgKey::FromHex(v["key"], "key"));
                }
                auto msg = ParseHex(v["input"], "input");
                BOOST_TEST(o->ComputeMac(InputOf(v), msg.data(), std::stoull(v["length"])) ==
                           Hex32(v["output"]));
            }
        }
    }
    for (const auto& v : all)
    {
        if (v["algorithm"].rfind("eea", 0) != 0)
        {
            continue;
        }
        BOOST_TEST_CONTEXT(v.Name())
        {
            EeaCipher c(ParseEea(v["algorithm"], "a"), AlgKey::FromHex(v["key"], "key"));
            auto bits = static_cast<uint32_t>(std::stoul(v["length"]));
            for (int round = 0; round < 2; ++round)
            {
                auto buf = ParseHex(v["input"], "input");
                c.Apply(InputOf(v), buf.data(), buf.data(), bits); // in place
                BOOST_TEST(ToHex(buf) == v["output"]);
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
