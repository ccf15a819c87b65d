// S1 handover between two MMEs over S10 (the design's Figure X2): KeNB and the NAS security
// context travel source eNB -> source MME -> target MME -> target eNB as GTPv2-C and S1AP bytes on
// real links; the target refreshes the AS keys from KeNB and its C-RNTI.
#include "handover-checks.h"
#include "tshark.h"

#include "ns3/lte-sec-wire.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

using namespace ltesec_test;

namespace
{

uint32_t
SecurityBytes(const ScenarioResult& r, const std::string& message)
{
    uint32_t n = 0;
    for (const auto& m : r.securityMessages)
    {
        n += m.first == message ? m.second : 0;
    }
    return n;
}

/// One inter-MME handover: every message on S1-MME and S10, in order, and agreeing AS keys.
void
CheckInterMme(const ScenarioResult& r, std::size_t handovers, bool security)
{
    CheckCompletedOverS1(r, handovers, security);
    std::vector<std::string> s10;
    for (std::size_t i = 0; i < handovers; ++i)
    {
        s10.insert(s10.end(),
                   {"Forward Relocation Request",
                    "Forward Relocation Response",
                    "Forward Relocation Complete Notification",
                    "Forward Relocation Complete Acknowledge"});
    }
    BOOST_TEST(Names(r.s10Messages) == s10, boost::test_tools::per_element());
}

} // namespace

BOOST_AUTO_TEST_SUITE(inter_mme)

/// The S1AP messages of an inter-MME handover, with real and ideal RRC, security on and off.
BOOST_AUTO_TEST_CASE(handover_to_another_mme)
{
    for (bool idealRrc : {false, true})
    {
        for (bool security : {false, true})
        {
            BOOST_TEST_CONTEXT((idealRrc ? "ideal RRC" : "real RRC")
                               << (security ? ", security on" : ", security off"))
            {
                ScenarioConfig c;
                c.idealRrc = idealRrc;
                c.security = security;
                c.twoMmes = true;
                ScenarioResult r = RunScenario(c);
                CheckInterMme(r, 1, security);
                std::vector<std::string> expected = ATTACH_S1AP;
                expected.insert(expected.end(), S1_HANDOVER.begin(), S1_HANDOVER.end());
                BOOST_TEST(Names(r.s1apMessages) == expected, boost::test_tools::per_element());
            }
        }
    }
}

/// The target MME continues the source's NAS security context: same KASME, KSI, algorithms,
/// uplink NAS COUNT (1 after the attach) and NAS integrity key; its downlink NAS COUNT is one
/// further, used by the NAS part of the handover command, which the UE verified and took. The MM
/// Context (84 bytes) and the design's KeNB extension (38) are the S10 security bytes; HANDOVER
/// REQUEST adds to its 46 the 12 of NAS Security Parameters to E-UTRAN (7 octets and their IE).
BOOST_AUTO_TEST_CASE(nas_context_continues_at_the_target_mme)
{
    ScenarioConfig c;
    c.twoMmes = true;
    ScenarioResult r = RunScenario(c);
    CheckInterMme(r, 1, true);
    BOOST_REQUIRE(r.mmeNasContexts.size() == 2u);
    BOOST_TEST(!r.mmeNasContexts[0].empty());
    BOOST_TEST(r.mmeNasContexts[1] == r.mmeNasContexts[0]);
    BOOST_TEST(r.mmeNasContexts[1].find("UL 1 ") != std::string::npos);
    BOOST_TEST(r.mmeDlNasCounts[1] == r.mmeDlNasCounts[0] + 1);
    BOOST_TEST(r.nasChanges == std::vector<std::string>{"eea2/eia2 0"},
               boost::test_tools::per_element());
    BOOST_TEST(r.ueDlNasCount == r.mmeDlNasCounts[1]);
    // the UE's NAS keys equal the target MME's
    BOOST_TEST(r.mmeNasContexts[1].find(r.ueNasContext.substr(r.ueNasContext.find("KNASint"))) !=
               std::string::npos);
    BOOST_TEST(SecurityBytes(r, "S10 Forward Relocation Request") == 84u + 38u);
    BOOST_TEST(SecurityBytes(r, "S1-MME HANDOVER REQUIRED") == 37u);
    BOOST_TEST(SecurityBytes(r, "S1-MME HANDOVER REQUEST") == 37u + 9u + 12u);
}

/// A target MME that prefers another NAS integrity algorithm re-derives the NAS keys from the
/// same KASME and announces the algorithm; the UE takes it and derives the same keys.
BOOST_AUTO_TEST_CASE(changed_nas_algorithm_is_announced_and_taken)
{
    ScenarioConfig c;
    c.twoMmes = true;
    c.mmeNasEia[1] = "eia1,eia2";
    ScenarioResult r = RunScenario(c);
    CheckInterMme(r, 1, true);
    BOOST_TEST(r.nasChanges == std::vector<std::string>{"eea2/eia1 0"},
               boost::test_tools::per_element());
    BOOST_TEST(r.mmeNasContexts[1].find("eea2/eia1") != std::string::npos);
    BOOST_TEST(r.mmeNasContexts[0].find("eea2/eia2") != std::string::npos);
    std::string ueKey = r.ueNasContext.substr(r.ueNasContext.find("KNASint"));
    BOOST_TEST(r.mmeNasContexts[1].find(ueKey) != std::string::npos);
    BOOST_TEST(r.mmeNasContexts[0].find(ueKey) == std::string::npos);
}

/// A NAS-MAC that does not verify makes the UE discard the handover command (traced): the
/// handover fails as ns-3 fails handovers, the UE keeps its NAS context.
BOOST_AUTO_TEST_CASE(wrong_nas_mac_is_rejected)
{
    ScenarioConfig c;
    c.twoMmes = true;
    c.tamperNasMac[1] = true;
    ScenarioResult r = RunScenario(c);
    BOOST_TEST(r.commandsRejected == 1u);
    BOOST_TEST(r.nasChanges.empty());
    BOOST_TEST(r.ueDlNasCount == 0u);
    // the source's leaving timer cancels the handover at the source MME
    std::vector<std::string> names = Names(r.s1apMessages);
    auto count = [&names](const std::string& n) {
        return std::count(names.begin(), names.end(), n);
    };
    BOOST_TEST(count("HANDOVER CANCEL") == 1);
    BOOST_TEST(count("HANDOVER CANCEL ACKNOWLEDGE") == 1);
    for (const auto& h : r.handovers)
    {
        BOOST_TEST(!h.completed);
    }
}

/// To MME 1 and back to MME 0, which protects its NAS part with the downlink NAS COUNT the UE
/// already took from MME 1 (a replay): the UE rejects the second command.
BOOST_AUTO_TEST_CASE(replayed_downlink_nas_count_is_rejected)
{
    ScenarioConfig c;
    c.twoMmes = true;
    c.handoverTimes = {1.0, 1.5};
    c.simTime = 2.5;
    c.replayDlNasCount[0] = true;
    ScenarioResult r = RunScenario(c);
    BOOST_TEST(r.nasChanges == std::vector<std::string>{"eea2/eia2 0"},
               boost::test_tools::per_element());
    BOOST_TEST(r.commandsRejected == 1u);
    BOOST_REQUIRE(r.handovers.size() >= 1u);
    BOOST_TEST(r.handovers[0].completed);
}

/// Bytes that are no S1AP or S10 message, and a message for an unknown UE, reach both MMEs during
/// the handover, and a HANDOVER REQUEST with a QCI ns-3 does not model both eNBs: each is dropped
/// and traced, the handover completes. The S10 bytes the traces
/// count are those on the S10 link.
BOOST_AUTO_TEST_CASE(malformed_messages_are_dropped_and_traced)
{
    ScenarioConfig c;
    c.twoMmes = true;
    c.injectGarbage = true;
    ScenarioResult r = RunScenario(c);
    BOOST_TEST(r.handovers.size() == 1u);
    BOOST_TEST(r.handovers[0].completed);
    // 4 to each MME's S1-MME socket, and to each eNB a HANDOVER REQUEST of a QCI ns-3 lacks
    BOOST_TEST(r.s1apMalformed == 2u * 4u + 2u);
    BOOST_TEST(r.s10Malformed == 2u * 4u); // and to each S10 socket (S1AP is no GTPv2-C)
    uint64_t traced = 0;
    for (const auto& m : r.s10Messages)
    {
        traced += m.second;
    }
    BOOST_TEST(traced > 0u);
    BOOST_TEST(r.s10LinkBytes == traced);
}

/// To the second MME and back: both handovers complete with agreeing keys; KeNB never changes.
BOOST_AUTO_TEST_CASE(to_the_other_mme_and_back)
{
    ScenarioConfig c;
    c.twoMmes = true;
    c.handoverTimes = {1.0, 1.5};
    c.simTime = 2.5;
    ScenarioResult r = RunScenario(c);
    CheckInterMme(r, 2, true);
    BOOST_REQUIRE(r.handovers.size() == 2u);
    BOOST_TEST(Fp(r.handovers[0].ueKeys, "KeNB") == Fp(r.handovers[1].ueKeys, "KeNB"));
}

/// Without KeNB in HANDOVER REQUIRED the source MME forwards the KeNB it holds: same keys.
BOOST_AUTO_TEST_CASE(kenb_from_the_source_mme)
{
    ScenarioConfig c;
    c.twoMmes = true;
    ScenarioResult with = RunScenario(c);
    c.kenbInHandoverRequired = false;
    ScenarioResult without = RunScenario(c);
    CheckInterMme(without, 1, true);
    BOOST_REQUIRE(with.handovers.size() == 1u);
    BOOST_REQUIRE(without.handovers.size() == 1u);
    for (const char* k : KEY_NAMES)
    {
        BOOST_TEST(Fp(with.handovers[0].ueKeys, k) == Fp(without.handovers[0].ueKeys, k));
    }
}

/// The NAS container: its 7 octets (TS 24.501 9.11.2.6 layout), and a COUNT the UE has passed
/// cannot verify: SQN wraps to the next 256 COUNTs, where the MAC differs.
BOOST_AUTO_TEST_CASE(nas_container_layout_and_replay)
{
    using namespace ns3::ltesec;
    NasTransparentContainer c;
    c.eea = Eea::EEA2;
    c.eia = Eia::EIA1;
    c.ksi = 3;
    c.nasMac = 0x01020304;
    c.sqn = 0x2a;
    BOOST_TEST(c.Encode() == (std::vector<uint8_t>{1, 2, 3, 4, 0x21, 3, 0x2a}),
               boost::test_tools::per_element());
    NasTransparentContainer back;
    std::string error;
    BOOST_TEST(back.Decode(c.Encode(), error));
    BOOST_TEST(back.Encode() == c.Encode(), boost::test_tools::per_element());
    BOOST_TEST(!back.Decode(std::vector<uint8_t>(6), error));
    BOOST_TEST(!back.Decode(std::vector<uint8_t>{0, 0, 0, 0, 0x71, 0, 0}, error)); // EEA7

    BOOST_TEST(EstimateDlNasCount(0, 0) == 0u);
    BOOST_TEST(EstimateDlNasCount(1, 0) == 256u);
    BOOST_TEST(EstimateDlNasCount(255, 255) == 255u);
    BOOST_TEST(EstimateDlNasCount(256, 1) == 257u);
    BOOST_TEST(EstimateDlNasCount(300, 0x2d) == 0x12du);
    BOOST_TEST(EstimateDlNasCount(300, 0x2b) == 0x22bu); // 0x12b was passed: the next wrap

    Kasme kasme = Kasme::FromHex(std::string(64, '5'), "kasme");
    c.eia = Eia::EIA2;
    c.Protect(kasme, 7);
    BOOST_TEST(+c.sqn == 7);
    BOOST_TEST(c.Verify(kasme, 7));
    BOOST_TEST(!c.Verify(kasme, EstimateDlNasCount(8, c.sqn))); // replayed: 263 is not 7
    BOOST_TEST(!c.Verify(Kasme::FromHex(std::string(64, '6'), "kasme"), 7));
    NasTransparentContainer other = c;
    other.eia = Eia::EIA1; // a changed algorithm octet fails the MAC
    BOOST_TEST(!other.Verify(kasme, 7));
}

namespace
{

/// What tshark made of one run of the two-pool example with pcaps
struct PoolsPcaps
{
    std::string s1ap; ///< the S1AP PDUs of every S1-MME pcap, decoded (-V)
    std::string s10;  ///< the S10 pcaps, decoded (-V)
    std::string csv;  ///< the example's per-handover CSV
    std::size_t pdus{0};
};

PoolsPcaps
RunPoolsWithPcaps(const std::string& args)
{
    char dir[] = "/tmp/lte-sec-pools-XXXXXX";
    BOOST_REQUIRE(::mkdtemp(dir));
    std::string d(dir);
    std::string cmd = "cd " + d + " && " + std::string(LTESEC_BIN_DIR) +
                      "/lte-security-mme-pools --numUes=1 --pcap=1 --quiet=1 " + args +
                      " >out.txt 2>&1 && "
                      "cat s1mme-*.pcap >/dev/null && for f in s1mme-*.pcap; do tshark -r $f -T "
                      "fields -e udp.payload 2>/dev/null; done > s1ap.hex && tshark -r s10-*.pcap "
                      "-o s1ap.dissect_container:FALSE -V > s10.txt 2>&1";
    BOOST_REQUIRE(std::system(cmd.c_str()) == 0);
    auto read = [&d](const std::string& name) {
        std::ifstream in(d + "/" + name);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    };
    PoolsPcaps out;
    out.s10 = read("s10.txt");
    std::vector<std::vector<uint8_t>> pdus;
    std::istringstream hex(read("s1ap.hex"));
    std::string line;
    while (std::getline(hex, line))
    {
        std::vector<uint8_t> pdu;
        for (std::size_t i = 0; i + 1 < line.size(); i += 2)
        {
            pdu.push_back(static_cast<uint8_t>(std::stoi(line.substr(i, 2), nullptr, 16)));
        }
        if (!pdu.empty())
        {
            pdus.push_back(pdu);
        }
    }
    out.pdus = pdus.size();
    out.s1ap = Tshark(pdus, "-S 36412,36412,18", "-o s1ap.dissect_container:FALSE");
    out.csv = read("lte-security-mme-pools.csv");
    std::system(("rm -rf " + d).c_str());
    return out;
}

} // namespace

/// The example with two MME pool areas: its pcaps of the S1-MME and S10 links decode in
/// Wireshark without a malformed packet (S1AP re-framed as SCTP: Wireshark 4.0 has no S1AP on UDP;
/// the RRC containers hold ns-3's own RRC encoding, so S1AP containers are not dissected), and its
/// CSV has inter-MME handovers with agreeing AS and NAS keys.
BOOST_AUTO_TEST_CASE(example_pcaps_decode, *boost::unit_test::precondition(HaveTshark))
{
    PoolsPcaps p = RunPoolsWithPcaps("");
    BOOST_TEST(p.s10.find("Malformed") == std::string::npos);
    for (const char* name : {"Forward Relocation Request",
                             "Forward Relocation Response",
                             "Forward Relocation Complete Notification",
                             "Forward Relocation Complete Acknowledge"})
    {
        BOOST_TEST(p.s10.find(name) != std::string::npos, name);
    }
    BOOST_TEST(p.pdus > 10u);
    BOOST_TEST(p.s1ap.find("Malformed") == std::string::npos);
    for (const char* name : {"HandoverRequired",
                             "HandoverRequest",
                             "HandoverCommand",
                             "HandoverNotify",
                             "UEContextReleaseCommand",
                             "PathSwitchRequest"})
    {
        BOOST_TEST(p.s1ap.find(name) != std::string::npos, name);
    }
    // X2 in the first area, S1 to the second MME, X2 in the second area: all with agreeing keys
    BOOST_TEST(p.csv.find("X2,1,2,0,0,completed,agree,-") != std::string::npos, p.csv);
    BOOST_TEST(p.csv.find("S1 inter-MME,2,3,0,1,completed,agree,eea2/eia2 agree") !=
                   std::string::npos,
               p.csv);
    BOOST_TEST(p.csv.find("X2,3,4,1,1,completed,agree,-") != std::string::npos, p.csv);
}

/// TR 33.821 alternative 1 on the same mobility: every handover prepared through the MME (no
/// path switch, no KeNB on S10), HANDOVER REQUEST's NAS Security Parameters to E-UTRAN with the
/// 16-octet fresh input (23 octets with the inter-MME NAS part), decoded by tshark without a
/// malformed packet; keys agree on every hop.
BOOST_AUTO_TEST_CASE(alt1_pcaps_decode, *boost::unit_test::precondition(HaveTshark))
{
    PoolsPcaps p = RunPoolsWithPcaps("--scheme=alt1");
    BOOST_TEST(p.s1ap.find("Malformed") == std::string::npos);
    BOOST_TEST(p.s10.find("Malformed") == std::string::npos);
    BOOST_TEST(p.s10.find("Private Extension") == std::string::npos);
    BOOST_TEST(p.s1ap.find("PathSwitchRequest") == std::string::npos);
    // the values as tshark shows them: 16 octets within an MME, 23 (NAS part first) between MMEs
    std::regex value("NASSecurityParameterstoE-UTRAN: ([0-9a-f]+)");
    std::vector<std::size_t> sizes;
    for (std::sregex_iterator it(p.s1ap.begin(), p.s1ap.end(), value), end; it != end; ++it)
    {
        sizes.push_back((*it)[1].length() / 2);
    }
    BOOST_TEST(sizes == std::vector<std::size_t>({16, 23, 16}), boost::test_tools::per_element());
    BOOST_TEST(p.csv.find("S1 intra-MME,1,2,0,0,completed,agree,-") != std::string::npos, p.csv);
    BOOST_TEST(p.csv.find("S1 inter-MME,2,3,0,1,completed,agree,eea2/eia2 agree") !=
                   std::string::npos,
               p.csv);
    BOOST_TEST(p.csv.find("S1 intra-MME,3,4,1,1,completed,agree,-") != std::string::npos, p.csv);
}

/// Security must not change the radio behaviour beyond its bytes: the two-pool example makes the
/// same handovers (times, UEs, types, cells, MMEs, outcomes) with security off and on.
BOOST_AUTO_TEST_CASE(same_handovers_with_security_off_and_on)
{
    char dir[] = "/tmp/lte-sec-onoff-XXXXXX";
    BOOST_REQUIRE(::mkdtemp(dir));
    std::string d(dir);
    std::string exe = std::string(LTESEC_BIN_DIR) + "/lte-security-mme-pools --quiet=1 ";
    BOOST_REQUIRE(
        std::system(("cd " + d + " && " + exe + "--security=0 --csv=off.csv >/dev/null && " + exe +
                     "--security=1 --csv=on.csv >/dev/null")
                        .c_str()) == 0);
    auto columns = [&d](const std::string& name) {
        std::ifstream in(d + "/" + name);
        std::vector<std::string> rows;
        std::string line;
        while (std::getline(in, line))
        {
            // start_s, imsi, type, cells, MMEs, outcome: the first 8 columns
            std::size_t pos = 0;
            for (int i = 0; i < 8 && pos != std::string::npos; ++i)
            {
                pos = line.find(',', pos + 1);
            }
            rows.push_back(line.substr(0, pos));
        }
        return rows;
    };
    std::vector<std::string> off = columns("off.csv");
    std::vector<std::string> on = columns("on.csv");
    BOOST_TEST(off.size() > 5u); // the header and handovers of every type
    BOOST_TEST(off == on, boost::test_tools::per_element());
    std::system(("rm -rf " + d).c_str());
}

BOOST_AUTO_TEST_SUITE_END()
