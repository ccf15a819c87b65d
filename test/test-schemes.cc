// The key-handling schemes behind LteSecScheme: the seed, TS 33.401 (KeNB*, NH/NCC) and TR 33.821
// alternatives 1 and 2, each on X2, S1 within an MME and S1 between MMEs, with ideal and real RRC;
// the TS 33.401 NH chain against published values and against the faults of public cores.
#include "handover-checks.h"
#include "test-print.h"
#include "vector-file.h"

#include "ns3/lte-sec-kdf.h"
#include "ns3/lte-sec-scheme.h"
#include "ns3/lte-sec-wire.h"

#include <boost/test/unit_test.hpp>
#include <openssl/hmac.h>
#include <set>
#include <string>
#include <vector>

using namespace ltesec_test;
using namespace ns3;
using namespace ns3::ltesec;

namespace
{

const std::vector<std::string> SCHEMES{"seed", "ts33401", "alt1", "alt2"};

enum class Path
{
    X2,
    S1,
    INTER_MME
};

const char*
PathName(Path p)
{
    return p == Path::X2 ? "X2" : (p == Path::S1 ? "S1 intra-MME" : "S1 inter-MME");
}

ScenarioConfig
Config(const std::string& scheme, Path path, bool idealRrc, uint32_t handovers)
{
    ScenarioConfig c;
    c.scheme = scheme;
    c.idealRrc = idealRrc;
    c.forceS1Handover = path == Path::S1;
    c.twoMmes = path == Path::INTER_MME;
    c.handoverTimes.clear();
    for (uint32_t i = 0; i < handovers; ++i)
    {
        c.handoverTimes.push_back(1.0 + 0.4 * i);
    }
    c.simTime = 1.3 + 0.4 * handovers;
    return c;
}

const ltesec_test::Vector&
Find(const std::vector<ltesec_test::Vector>& all, const std::string& name)
{
    for (const auto& v : all)
    {
        if (v.Name() == name)
        {
            return v;
        }
    }
    throw std::runtime_error("no test vector " + name);
}

std::string
RawHmac(const uint8_t* key, const std::vector<uint8_t>& s)
{
    uint8_t out[32];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key, 32, s.data(), s.size(), out, &len);
    return ToHex(out, len);
}

/// A scheme object with the cells of the tests: PCI 32 on EARFCN-DL 561 (the published
/// KeNB* set), cell 2 on 100
Ptr<LteSecScheme>
MakeScheme(const std::string& name)
{
    Ptr<LteSecScheme> s = LteSecScheme::Create(name, "test");
    s->AddCell(32, {32, 561});
    s->AddCell(2, {2, 100});
    return s;
}

} // namespace

BOOST_AUTO_TEST_SUITE(schemes)

/// Every scheme, every handover type, ideal and real RRC: 20 handovers back and forth, every one
/// completed with the UE and the target agreeing on KeNB and the three AS keys.
BOOST_AUTO_TEST_CASE(every_scheme_every_path_twenty_handovers)
{
    for (const std::string& scheme : SCHEMES)
    {
        for (Path path : {Path::X2, Path::S1, Path::INTER_MME})
        {
            for (bool ideal : {false, true})
            {
                BOOST_TEST_CONTEXT(scheme << ", " << PathName(path) << ", "
                                          << (ideal ? "ideal" : "real") << " RRC")
                {
                    ScenarioResult r = RunScenario(Config(scheme, path, ideal, 20));
                    BOOST_TEST(r.handovers.size() == 20u);
                    BOOST_TEST(r.handoverFailures == 0u);
                    BOOST_TEST(r.integrityFailures == 0u);
                    BOOST_TEST(r.commandsRejected == 0u);
                    BOOST_TEST(r.handoversRejected == 0u);
                    for (const auto& h : r.handovers)
                    {
                        BOOST_TEST(h.completed);
                        for (const char* k : KEY_NAMES)
                        {
                            BOOST_TEST(Fp(h.enbKeys, k) == Fp(h.ueKeys, k));
                        }
                    }
                    BOOST_TEST(r.dlRxBytes > 100000u);
                    BOOST_TEST(r.ulRxBytes > 100000u);
                }
            }
        }
    }
}

/// Intra-eNB handover (two cells of one eNB): every scheme completes with agreeing keys. TS 33.401:
/// the first is horizontal (NCC 0); ns-3 sends a PATH SWITCH REQUEST after an intra-eNB handover
/// too, so the second is vertical with the {NH, NCC 2} it brought.
BOOST_AUTO_TEST_CASE(intra_enb_handover_every_scheme)
{
    for (const std::string& scheme : SCHEMES)
    {
        BOOST_TEST_CONTEXT(scheme)
        {
            ScenarioConfig c;
            c.scheme = scheme;
            c.twoCellEnb = true;
            c.handoverTimes = {1.0, 1.5};
            c.simTime = 2.0;
            ScenarioResult r = RunScenario(c);
            BOOST_TEST_REQUIRE(r.handovers.size() == 2u);
            for (const auto& h : r.handovers)
            {
                BOOST_TEST(h.completed);
                for (const char* k : KEY_NAMES)
                {
                    BOOST_TEST(Fp(h.enbKeys, k) == Fp(h.ueKeys, k));
                }
            }
            BOOST_TEST(r.integrityFailures == 0u);
            if (scheme == "ts33401")
            {
                BOOST_TEST(std::vector<uint32_t>(r.handoverNccs.begin(), r.handoverNccs.end()) ==
                               std::vector<uint32_t>({0, 2}),
                           boost::test_tools::per_element());
            }
        }
    }
}

/// KeNB per hop: the seed keeps it, TS 33.401 and alternative 2 change it on every handover;
/// KRRCint changes on every hop in all three (the seed: through the C-RNTI, or it repeats and
/// KeyReuse says so).
BOOST_AUTO_TEST_CASE(kenb_per_hop)
{
    for (const std::string& scheme : SCHEMES)
    {
        BOOST_TEST_CONTEXT(scheme)
        {
            ScenarioResult r = RunScenario(Config(scheme, Path::X2, false, 4));
            BOOST_TEST_REQUIRE(r.handovers.size() == 4u);
            std::set<std::string> kenbs;
            std::set<std::string> krrcInts;
            for (const auto& h : r.handovers)
            {
                kenbs.insert(Fp(h.ueKeys, "KeNB"));
                krrcInts.insert(Fp(h.ueKeys, "KRRCint"));
            }
            kenbs.insert(Fp(r.initialUeKeys.at(1), "KeNB"));
            BOOST_TEST(kenbs.size() == (scheme == "seed" ? 1u : 5u));
            if (scheme != "seed")
            {
                BOOST_TEST(krrcInts.size() == 4u);
                BOOST_TEST(r.keyReuses == 0u);
            }
        }
    }
}

/// TS 33.401 NCC sequence. X2: the first handover after setup is horizontal (NCC 0), each later
/// one uses the {NH, NCC} of the previous path switch (2, 3, ...). S1, within an MME or across:
/// the MME steps before every use, so the first carries NCC 2. NCC wraps modulo 8. The UE makes
/// one NH step per vertical handover and none for a horizontal one.
BOOST_AUTO_TEST_CASE(ts33401_ncc_sequence)
{
    for (Path path : {Path::X2, Path::S1, Path::INTER_MME})
    {
        BOOST_TEST_CONTEXT(PathName(path))
        {
            ScenarioResult r = RunScenario(Config("ts33401", path, true, 10));
            std::vector<uint8_t> expected;
            std::vector<uint32_t> steps;
            for (uint32_t i = 0; i < 10; ++i)
            {
                bool horizontal = path == Path::X2 && i == 0;
                expected.push_back(horizontal ? 0 : ((i + (path == Path::X2 ? 1 : 2)) & 7));
                steps.push_back(horizontal ? 0 : 1);
            }
            BOOST_TEST(r.handoverNccs == expected, boost::test_tools::per_element());
            BOOST_TEST(r.nhSteps == steps, boost::test_tools::per_element());
        }
    }
}

/// A handover command with a wrong NCC: the UE steps its NH once too often, derives another
/// KeNB*, and its handover confirm fails integrity at the target. The seed ignores the NCC.
BOOST_AUTO_TEST_CASE(wrong_ncc_in_the_command_fails_the_confirm)
{
    for (bool ideal : {false, true})
    {
        BOOST_TEST_CONTEXT((ideal ? "ideal" : "real") << " RRC")
        {
            ScenarioConfig c = Config("ts33401", Path::X2, ideal, 1);
            c.tamperCommandNcc = true;
            ScenarioResult r = RunScenario(c);
            BOOST_TEST_REQUIRE(r.handovers.size() == 1u);
            BOOST_TEST(!r.handovers[0].completed);
            BOOST_TEST(r.integrityFailures > 0u);
            BOOST_TEST(Fp(r.handovers[0].ueKeys, "KeNB") != Fp(r.handovers[0].enbKeys, "KeNB"));
            c.scheme = "seed";
            ScenarioResult s = RunScenario(c);
            BOOST_TEST_REQUIRE(s.handovers.size() == 1u);
            BOOST_TEST(s.handovers[0].completed);
        }
    }
}

/// Published values: KeNB* from KeNB (horizontal, TS 33.401 A.5) and one NH step (A.4) as the
/// UE makes them from a handover command.
BOOST_AUTO_TEST_CASE(ts33401_ue_derivations_known_answers)
{
    auto all = AllVectors(LTESEC_VECTOR_DIR);
    Ptr<LteSecScheme> scheme = MakeScheme("ts33401");
    const ltesec_test::Vector& star = Find(all, "kdf-kenb-star");
    UeSecurityContext ue;
    ue.kenb = Kenb::FromHex(star["key"], "key");
    ue.kenbNcc = 0;
    LteRrcSap::SecurityConfigHo sc;
    sc.nextHopChainingCount = 0;
    uint32_t steps = 99;
    std::string error;
    CellInfo cell{uint16_t(std::stoi(star["pci"])), uint32_t(std::stoul(star["earfcn-dl"]))};
    BOOST_TEST(scheme->UeHandover(ue, sc, cell, steps, error));
    BOOST_TEST(steps == 0u);
    BOOST_TEST(ue.kenb.RevealHex() == star["output"]);

    // vertical: the UE holds an NH with NCC 1 whose next step is the published NH
    const ltesec_test::Vector& nh = Find(all, "kdf-nh");
    UeSecurityContext v;
    v.nas.kasme = Kasme::FromHex(nh["kasme"], "kasme");
    v.nh = Nh::FromHex(nh["sync"], "sync");
    v.ncc = 1;
    v.kenbNcc = 0;
    sc.nextHopChainingCount = 2;
    BOOST_TEST(scheme->UeHandover(v, sc, cell, steps, error));
    BOOST_TEST(steps == 1u);
    BOOST_TEST(v.nh.RevealHex() == nh["output"]);
    BOOST_TEST(v.ncc == 2u);
    BOOST_TEST(v.kenbNcc == 2u);
    // KeNB* = KDF(NH, 0x13 || PCI || 0x0002 || EARFCN-DL || 0x0002), against the one-shot HMAC
    std::vector<uint8_t> s{0x13, 0x00, 0x20, 0x00, 0x02, 0x02, 0x31, 0x00, 0x02};
    BOOST_TEST(v.kenb.RevealHex() == RawHmac(v.nh.Data(), s));
}

/// The UE resynchronises across skipped NCCs (path switches it never saw a command for), also
/// across the wrap from 7 to 0, and reaches the MME's NH.
BOOST_AUTO_TEST_CASE(ue_resynchronises_across_skipped_nccs)
{
    Ptr<LteSecScheme> scheme = MakeScheme("ts33401");
    for (uint32_t skipped : {0u, 1u, 3u, 5u, 6u, 7u})
    {
        BOOST_TEST_CONTEXT(skipped << " pairs the UE never saw")
        {
            MmeUeSecurityContext mme;
            mme.nas.kasme = Kasme::FromHex(std::string(64, '3'), "kasme");
            mme.nas.ulNasCount = 5;
            UeSecurityContext ue;
            ue.nas = mme.nas;
            Kenb kenb = mme.DeriveInitialKenb();
            ue.DeriveInitialKenb();
            BOOST_TEST(ue.kenb == kenb);
            for (uint32_t i = 0; i < skipped; ++i)
            {
                scheme->MmePathSwitch(mme); // pairs that went to eNBs, never used
            }
            HandoverKey key = scheme->MmeS1(mme, {}, 2);
            BOOST_TEST(key.ncc == ((2 + skipped) & 7));
            EnbUeSecurityContext target;
            scheme->TargetAdmit(target, key, true, 2);
            LteRrcSap::SecurityConfigHo sc;
            scheme->FillCommand(target, sc);
            uint32_t steps = 0;
            std::string error;
            BOOST_TEST(scheme->UeHandover(ue, sc, {2, 100}, steps, error));
            if (skipped < 6)
            {
                BOOST_TEST(steps == skipped + 1);
                BOOST_TEST(Nh::From(key.key) == ue.nh);
                BOOST_TEST(ue.kenb == target.kenb);
            }
            else
            {
                // the limit of a 3-bit NCC: 7 steps give the NCC of the UE's KeNB (read as a
                // horizontal handover), 8 that of its NH (no step); the keys differ
                BOOST_TEST(steps == 0u);
                BOOST_TEST(ue.kenb != target.kenb);
            }
        }
    }
}

/// Faults public cores had (see doc/), each checked against the model:
/// NH not stepped before use; KeNB stored as the NH of NCC 0 at setup; NCC past 3 bits; one byte
/// of NH sent.
BOOST_AUTO_TEST_CASE(ts33401_faults_of_public_cores)
{
    Ptr<LteSecScheme> scheme = MakeScheme("ts33401");
    MmeUeSecurityContext mme;
    mme.nas.kasme = Kasme::FromHex(std::string(64, '5'), "kasme");
    Kenb kenb = mme.DeriveInitialKenb();
    Nh nh1 = DeriveNh(mme.nas.kasme, kenb);
    // setup keeps NH1 with NCC 1, not KeNB as an NCC 0 "NH"
    BOOST_TEST(mme.ncc == 1u);
    BOOST_TEST(mme.nh == nh1);
    BOOST_TEST(Kenb::From(mme.nh) != kenb);
    // stepped before use: the first S1 handover carries NH2 with NCC 2
    HandoverKey first = scheme->MmeS1(mme, {}, 2);
    BOOST_TEST(first.ncc == 2u);
    BOOST_TEST(Nh::From(first.key) == DeriveNh(mme.nas.kasme, nh1));
    // NCC stays in 3 bits over 20 more steps and wraps
    std::vector<uint32_t> nccs;
    for (int i = 0; i < 20; ++i)
    {
        nccs.push_back(scheme->MmePathSwitch(mme).ncc);
    }
    for (int i = 0; i < 20; ++i)
    {
        BOOST_TEST(nccs[i] == uint32_t((3 + i) % 8));
    }
    // the wire refuses NCCs past 3 bits
    S1apSecurityContext ie;
    ie.ncc = 8;
    BOOST_CHECK_THROW(ie.EncodeValue(), std::invalid_argument);
    AsSecurityInformation info;
    info.haveNcc = true;
    info.ncc = 8;
    BOOST_CHECK_THROW(info.Encode(), std::invalid_argument);
    info.ncc = 7;
    SecurityBytes bytes = info.Encode();
    BOOST_TEST(bytes.size() == AsSecurityInformation::SIZE_WITH_NCC);
    bytes.back() = 8;
    std::string error;
    BOOST_TEST(!info.Decode(bytes, error));
    BOOST_TEST(error.find("NCC 8") != std::string::npos);
    // all 32 bytes of NH travel: the IE round-trips NH, and a target given only its first byte
    // (the rest zero) derives another KeNB
    ie.ncc = first.ncc;
    ie.nh = Nh::From(first.key);
    S1apSecurityContext back;
    BOOST_TEST(back.DecodeValue(ie.EncodeValue(), error));
    BOOST_TEST(back.nh == ie.nh);
    EnbUeSecurityContext good;
    scheme->TargetAdmit(good, first, true, 2);
    HandoverKey oneByte = first;
    std::fill(oneByte.key.Data() + 1, oneByte.key.Data() + 32, 0);
    EnbUeSecurityContext bad;
    scheme->TargetAdmit(bad, oneByte, true, 2);
    BOOST_TEST(good.kenb != bad.kenb);
}

/// Alternative 2 as documented: KeNB_T = KDF(KeNB_S, 0xF2 || PCI || 0x0002 || EARFCN-DL ||
/// 0x0002 or 0x0003), against OpenSSL's one-shot HMAC; the source and the UE derive the same.
BOOST_AUTO_TEST_CASE(alt2_derivation_byte_string)
{
    Kenb kenb =
        Kenb::FromHex("c4c7bc798ab94e3d354cd6608e79aa92f5569df46519507850051e36f018ca5f", "kenb");
    BOOST_TEST(DeriveAlt2Kenb(kenb, 32, 561).RevealHex() ==
               RawHmac(kenb.Data(), {0xf2, 0x00, 0x20, 0x00, 0x02, 0x02, 0x31, 0x00, 0x02}));
    BOOST_TEST(DeriveAlt2Kenb(kenb, 1, 70000).RevealHex() ==
               RawHmac(kenb.Data(), {0xf2, 0x00, 0x01, 0x00, 0x02, 0x01, 0x11, 0x70, 0x00, 0x03}));
    BOOST_TEST(DeriveAlt2Kenb(kenb, 32, 561) != DeriveKenbStar(kenb, 32, 561));
    BOOST_CHECK_THROW(DeriveAlt2Kenb(kenb, 504, 561), std::invalid_argument);

    Ptr<LteSecScheme> scheme = MakeScheme("alt2");
    EnbUeSecurityContext source;
    source.kenb = kenb;
    HandoverKey sent = scheme->SourceX2(source, 32);
    UeSecurityContext ue;
    ue.kenb = kenb;
    uint32_t steps = 0;
    std::string error;
    BOOST_TEST(scheme->UeHandover(ue, {}, {32, 561}, steps, error));
    BOOST_TEST(ue.kenb == sent.key);
    // the next hop gets a key of its own
    EnbUeSecurityContext target;
    scheme->TargetAdmit(target, sent, false, 32);
    BOOST_TEST(target.kenb == sent.key);
    HandoverKey next = scheme->SourceX2(target, 2);
    BOOST_TEST(next.key != sent.key);
    BOOST_TEST(next.key != kenb);
}

/// Alternative 1 as documented: KeNB_T = KDF(KASME, 0xF3 || fresh input (16) || 0x0010), against
/// OpenSSL's one-shot HMAC; the MME's key reaches the target, the fresh input the command, and the
/// UE derives the same key from its KASME. Every hop draws a new fresh input and key.
BOOST_AUTO_TEST_CASE(alt1_derivation_byte_string)
{
    Kasme kasme =
        Kasme::FromHex("238e457e0f758badbca8d34bb2612c10428d426757cb5553b2b184fa64bfc549", "kasme");
    std::vector<uint8_t> fresh{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    std::vector<uint8_t> s{0xf3};
    s.insert(s.end(), fresh.begin(), fresh.end());
    s.push_back(0x00);
    s.push_back(0x10);
    BOOST_TEST(DeriveAlt1Kenb(kasme, fresh).RevealHex() == RawHmac(kasme.Data(), s));
    BOOST_CHECK_THROW(DeriveAlt1Kenb(kasme, std::vector<uint8_t>(15)), std::invalid_argument);

    Ptr<LteSecScheme> scheme = MakeScheme("alt1");
    BOOST_TEST(scheme->PreparesThroughMme());
    BOOST_TEST(!scheme->S10CarriesKenb());
    EnbUeSecurityContext source;
    BOOST_TEST(!scheme->SourceS1(source, 32).present); // the source sends no key
    MmeUeSecurityContext mme;
    mme.nas.kasme = kasme;
    HandoverKey first = scheme->MmeS1(mme, {}, 32);
    BOOST_TEST_REQUIRE(first.fresh.size() == 16u);
    BOOST_TEST(first.key == DeriveAlt1Kenb(kasme, first.fresh));
    EnbUeSecurityContext target;
    scheme->TargetAdmit(target, first, true, 32);
    LteRrcSap::SecurityConfigHo sc;
    scheme->FillCommand(target, sc);
    BOOST_TEST(sc.haveRefreshNonce);
    UeSecurityContext ue;
    ue.nas.kasme = kasme;
    uint32_t steps = 0;
    std::string error;
    BOOST_TEST(scheme->UeHandover(ue, sc, {32, 561}, steps, error));
    BOOST_TEST(ue.kenb == first.key);
    // the next hop, through the MME again (or a target MME with the same KASME)
    HandoverKey second = scheme->MmeS10Target(mme, {}, 2);
    BOOST_TEST(second.fresh != first.fresh);
    BOOST_TEST(second.key != first.key);
    // a command without the fresh input leads the UE elsewhere: the confirm would fail
    LteRrcSap::SecurityConfigHo stripped = sc;
    stripped.haveRefreshNonce = false;
    UeSecurityContext other;
    other.nas.kasme = kasme;
    other.kenb = first.key;
    BOOST_TEST(scheme->UeHandover(other, stripped, {32, 561}, steps, error));
    BOOST_TEST(other.kenb != second.key);
    BOOST_TEST(other.kenb != first.key);
}

/// NAS Security Parameters to E-UTRAN as this model fills it: NAS container, fresh input, both.
BOOST_AUTO_TEST_CASE(nas_security_parameters_codec)
{
    S1apNasSecurityParameters p;
    BOOST_TEST(p.Empty());
    BOOST_TEST(p.IeSize() == 0u);
    p.freshInput.assign(16, 0xab);
    BOOST_TEST(p.EncodeValue().size() == 16u);
    BOOST_TEST(p.IeSize() == 21u);
    p.nasContainer = {1, 2, 3, 4, 0x22, 3, 9};
    std::vector<uint8_t> both = p.EncodeValue();
    BOOST_TEST(both.size() == 23u);
    BOOST_TEST(p.IeSize() == 28u);
    S1apNasSecurityParameters back;
    std::string error;
    BOOST_TEST(back.DecodeValue(both, error), error);
    BOOST_TEST(back.nasContainer == p.nasContainer, boost::test_tools::per_element());
    BOOST_TEST(back.freshInput == p.freshInput, boost::test_tools::per_element());
    BOOST_TEST(back.DecodeValue(std::vector<uint8_t>(7, 1), error));
    BOOST_TEST(back.nasContainer.size() == 7u);
    BOOST_TEST(back.freshInput.empty());
    for (std::size_t bad : {1u, 8u, 15u, 17u, 24u})
    {
        BOOST_TEST(!back.DecodeValue(std::vector<uint8_t>(bad, 0), error));
        BOOST_TEST(error.find(std::to_string(bad) + " octets") != std::string::npos);
    }
    p.freshInput.resize(3);
    BOOST_CHECK_THROW(p.EncodeValue(), std::invalid_argument);
}

/// Alternative 1 towards an X2 neighbour: prepared through the MME (S1), HANDOVER REQUEST with the
/// key and the fresh input (37 + 9 + 21 bytes), no X2 HANDOVER REQUEST, keys agreeing.
BOOST_AUTO_TEST_CASE(alt1_prepares_through_the_mme)
{
    for (bool ideal : {false, true})
    {
        BOOST_TEST_CONTEXT((ideal ? "ideal" : "real") << " RRC")
        {
            ScenarioResult r = RunScenario(Config("alt1", Path::X2, ideal, 3));
            BOOST_TEST_REQUIRE(r.handovers.size() == 3u);
            uint32_t x2 = 0;
            uint32_t request = 0;
            for (const auto& m : r.securityMessages)
            {
                x2 += m.first.find("X2 ") == 0;
                if (m.first == "S1-MME HANDOVER REQUEST")
                {
                    request++;
                    BOOST_TEST(m.second == 67u);
                }
            }
            BOOST_TEST(x2 == 0u);
            BOOST_TEST(request == 3u);
            BOOST_TEST(r.x2HandoverRequestBytes.empty());
            for (const auto& h : r.handovers)
            {
                BOOST_TEST(h.completed);
                BOOST_TEST(Fp(h.enbKeys, "KRRCint") == Fp(h.ueKeys, "KRRCint"));
            }
        }
    }
}

/// An alternative-1 target refuses a HANDOVER REQUEST that lacks the MME's fresh input (here an
/// MME running the seed scheme): the handover is rejected and traced, not admitted with a key the
/// UE cannot derive.
BOOST_AUTO_TEST_CASE(alt1_target_refuses_a_request_without_fresh_input)
{
    ScenarioConfig c = Config("alt1", Path::X2, false, 1);
    c.mmeScheme = "seed";
    ScenarioResult r = RunScenario(c);
    BOOST_TEST(r.handoversRejected == 1u);
    for (const auto& h : r.handovers)
    {
        BOOST_TEST(!h.completed);
    }
}

/// The X2 AS Security Information grows by the NCC octet only for TS 33.401.
BOOST_AUTO_TEST_CASE(x2_ie_size_per_scheme)
{
    for (const std::string& scheme : SCHEMES)
    {
        BOOST_TEST_CONTEXT(scheme)
        {
            ScenarioResult r = RunScenario(Config(scheme, Path::X2, true, 1));
            uint32_t bytes = 0;
            for (const auto& m : r.securityMessages)
            {
                if (m.first == "X2 HANDOVER REQUEST")
                {
                    bytes = m.second;
                }
            }
            // alternative 1 hands over by S1 even towards an X2 neighbour
            BOOST_TEST(bytes == (scheme == "ts33401" ? 40u : (scheme == "alt1" ? 0u : 39u)));
        }
    }
}

/// An unknown scheme name stops at once, naming the attribute and the known schemes.
BOOST_AUTO_TEST_CASE(scheme_names)
{
    BOOST_TEST(LteSecScheme::Names() == "alt1,alt2,seed,ts33401");
    for (const std::string& name : SCHEMES)
    {
        BOOST_TEST(LteSecScheme::Create(name, "test")->GetName() == name);
    }
}

BOOST_AUTO_TEST_SUITE_END()
