// S1 handover within one MME (S1-AP on a link): the design's KeNB forwarded
// through the MME, the target's refresh from KeNB and C-RNTI, in ns-3
// simulations (real PHY, MAC, RLC, S1-MME links).
#include "handover-checks.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <numeric>
#include <string>
#include <vector>

using namespace ltesec_test;

namespace
{

std::size_t
Count(const ScenarioResult& r, const std::string& name)
{
    std::size_t n = 0;
    for (const auto& m : r.s1apMessages)
    {
        n += m.first == name;
    }
    return n;
}

void
CheckS1Handovers(const ScenarioResult& r, std::size_t expected, bool security)
{
    CheckCompletedOverS1(r, expected, security);
    for (const std::string& name : S1_HANDOVER)
    {
        BOOST_TEST_CONTEXT(name)
        {
            BOOST_TEST(Count(r, name) == expected);
        }
    }
    BOOST_TEST(Count(r, "PATH SWITCH REQUEST") == 0u);
}

} // namespace

BOOST_AUTO_TEST_SUITE(s1_handover)

/// Without X2 between the eNBs the handover goes over S1, with security on and
/// off, with real and ideal RRC; the UE and the target agree on every key.
BOOST_AUTO_TEST_CASE(s1_handover_where_x2_is_missing)
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
                c.noX2 = true;
                ScenarioResult r = RunScenario(c);
                CheckS1Handovers(r, 1, security);
                // attach, then the handover: the messages in their order
                std::vector<std::string> expected = ATTACH_S1AP;
                expected.insert(expected.end(), S1_HANDOVER.begin(), S1_HANDOVER.end());
                BOOST_TEST(Names(r.s1apMessages) == expected, boost::test_tools::per_element());
            }
        }
    }
}

/// ForceS1Handover takes S1 even where X2 exists (to compare X2 and S1 on the
/// same mobility); two handovers in a row, back and forth, both with agreeing
/// keys, and a KeNB that the target refreshes but never changes (the seed
/// scheme).
BOOST_AUTO_TEST_CASE(forced_s1_handovers_back_and_forth)
{
    ScenarioConfig c;
    c.forceS1Handover = true;
    c.handoverTimes = {1.0, 1.5};
    c.simTime = 2.5;
    ScenarioResult r = RunScenario(c);
    CheckS1Handovers(r, 2, true);
    BOOST_REQUIRE(r.handovers.size() == 2u);
    BOOST_TEST(Fp(r.handovers[0].ueKeys, "KeNB") == Fp(r.handovers[1].ueKeys, "KeNB"));
    BOOST_TEST(Fp(r.handovers[0].ueKeys, "KRRCint") != Fp(r.handovers[1].ueKeys, "KRRCint"));
    // cell 2 gives the UE C-RNTI 1, the one it had in cell 1 under the same KeNB:
    // the seed scheme repeats the keys, as on X2 (the design's weakness, which
    // RefreshNonce removes)
    BOOST_TEST(r.keyReuses == 1u);
}

/// Several UEs hand over by S1 at once; each keeps its own context at the MME.
BOOST_AUTO_TEST_CASE(several_ues)
{
    ScenarioConfig c;
    c.noX2 = true;
    c.numUes = 3;
    ScenarioResult r = RunScenario(c);
    CheckS1Handovers(r, 3, true);
}

/// The security IEs have their 3GPP sizes: the source's KeNB as a Security
/// Context IE (37 bytes) in HANDOVER REQUIRED, Security Context and UE Security
/// Capabilities (37 + 9) in HANDOVER REQUEST, Security Key and UE Security
/// Capabilities (36 + 9) in INITIAL CONTEXT SETUP REQUEST. Without KeNB in
/// HANDOVER REQUIRED, the MME sends the KeNB it holds: the same keys.
BOOST_AUTO_TEST_CASE(security_ies_and_kenb_in_handover_required)
{
    ScenarioConfig c;
    c.noX2 = true;
    ScenarioResult with = RunScenario(c);
    std::map<std::string, uint32_t> bytes;
    for (const auto& m : with.securityMessages)
    {
        bytes[m.first] += m.second;
    }
    BOOST_TEST(bytes["S1-MME HANDOVER REQUIRED"] == 37u);
    BOOST_TEST(bytes["S1-MME HANDOVER REQUEST"] == 37u + 9u);
    BOOST_TEST(bytes["S1-MME INITIAL CONTEXT SETUP REQUEST"] == 36u + 9u);

    ScenarioResult without;
    {
        ScenarioConfig d = c;
        d.kenbInHandoverRequired = false;
        without = RunScenario(d);
    }
    CheckS1Handovers(without, 1, true);
    uint32_t required = 0;
    for (const auto& m : without.securityMessages)
    {
        required += m.first == "S1-MME HANDOVER REQUIRED" ? m.second : 0;
    }
    BOOST_TEST(required == 0u);
    BOOST_REQUIRE(with.handovers.size() == 1u);
    for (const char* k : KEY_NAMES)
    {
        BOOST_TEST(Fp(with.handovers[0].ueKeys, k) == Fp(without.handovers[0].ueKeys, k));
    }
    // HANDOVER REQUIRED is 37 bytes shorter without the IE
    auto size = [](const ScenarioResult& r, const std::string& name) {
        for (const auto& m : r.s1apMessages)
        {
            if (m.first == name)
            {
                return m.second;
            }
        }
        return 0u;
    };
    BOOST_TEST(size(with, "HANDOVER REQUIRED") - size(without, "HANDOVER REQUIRED") == 37u);
}

/// What the S1apTx traces count is what the S1-MME links carry (UDP payload on
/// port 36412).
BOOST_AUTO_TEST_CASE(traced_bytes_are_the_bytes_on_the_links)
{
    ScenarioConfig c;
    c.noX2 = true;
    ScenarioResult r = RunScenario(c);
    uint64_t traced = 0;
    for (const auto& m : r.s1apMessages)
    {
        traced += m.second;
    }
    BOOST_TEST(traced > 0u);
    BOOST_TEST(r.s1apLinkBytes == traced);
}

/// A target that admits no handover answers HANDOVER FAILURE; the MME tells the source with
/// HANDOVER PREPARATION FAILURE (within one MME, and from another MME after a Forward Relocation
/// Response that refuses): the UE stays, protected, in its cell.
BOOST_AUTO_TEST_CASE(preparation_failure_reaches_the_source)
{
    for (bool twoMmes : {false, true})
    {
        BOOST_TEST_CONTEXT((twoMmes ? "inter-MME" : "intra-MME"))
        {
            ScenarioConfig c;
            c.noX2 = true;
            c.twoMmes = twoMmes;
            c.targetRefuses = true;
            ScenarioResult r = RunScenario(c);
            BOOST_TEST(r.handovers.empty());
            BOOST_TEST(r.integrityFailures == 0u);
            std::vector<std::string> expected = ATTACH_S1AP;
            expected.insert(expected.end(),
                            {"HANDOVER REQUIRED",
                             "HANDOVER REQUEST",
                             "HANDOVER FAILURE",
                             "HANDOVER PREPARATION FAILURE"});
            BOOST_TEST(Names(r.s1apMessages) == expected, boost::test_tools::per_element());
            if (twoMmes)
            {
                BOOST_TEST(Names(r.s10Messages) ==
                               (std::vector<std::string>{"Forward Relocation Request",
                                                         "Forward Relocation Response"}),
                           boost::test_tools::per_element());
            }
            BOOST_TEST(r.dlRxBytes > 30000u);
            BOOST_TEST(r.ulRxBytes > 30000u);
        }
    }
}

/// A UE that discards the handover command (the target chose EIA0, which the UE refuses) stays;
/// the source's leaving timer (ending first) sends HANDOVER CANCEL, and the MME releases the
/// context prepared at the target (UE CONTEXT RELEASE COMMAND, cause handover-cancelled) and
/// acknowledges.
BOOST_AUTO_TEST_CASE(cancel_releases_the_target)
{
    ScenarioConfig c;
    c.noX2 = true;
    c.targetAllowsNullIntegrity = true;
    c.eiaPriority[1] = "eia0";
    c.joiningTimeoutMs = 1000; // the source's leaving timer (500 ms) first
    c.simTime = 2.5;
    ScenarioResult r = RunScenario(c);
    BOOST_TEST(r.commandsRejected == 1u);
    // the handover's preparation, then the cancel and the release of the target (in this order;
    // ns-3 releases the UE's bearers at the source, and at the target, in between)
    std::vector<std::string> expected(S1_HANDOVER.begin(), S1_HANDOVER.begin() + 4);
    expected.insert(expected.end(),
                    {"HANDOVER CANCEL",
                     "UE CONTEXT RELEASE COMMAND",
                     "HANDOVER CANCEL ACKNOWLEDGE",
                     "UE CONTEXT RELEASE COMPLETE"});
    std::vector<std::string> names = Names(r.s1apMessages);
    auto next = names.begin();
    for (const std::string& e : expected)
    {
        next = std::find(next, names.end(), e);
        BOOST_TEST_REQUIRE((next != names.end()), e << " missing or out of order");
        ++next;
    }
    BOOST_TEST(r.s1apMalformed == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
