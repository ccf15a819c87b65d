// The key-exposure audit (LteSecKeyAudit) on each scheme and handover path: what a compromised
// target, a compromised eNB and passive backhaul observers compute, and key reuse; the design's
// claims as the audit finds them (doc/design.md).
#include "lte-sec-scenario.h"

#include <boost/test/unit_test.hpp>
#include <string>

using namespace ltesec_test;

namespace
{

const std::string BACKWARD = "backward security (compromised target)";
const std::string FORWARD = "forward security (compromised eNB)";
const std::string X2_OBSERVER = "passive X2 observer";
const std::string S1_OBSERVER = "passive S1-MME and S10 observer";
const std::string REUSE = "key reuse (AS key of an earlier epoch)";

ScenarioResult
Audit(const std::string& scheme,
      bool forceS1,
      bool twoMmes,
      bool refreshNonce = false,
      uint32_t handovers = 6)
{
    ScenarioConfig c;
    c.scheme = scheme;
    c.audit = true;
    c.idealRrc = true;
    c.forceS1Handover = forceS1;
    c.twoMmes = twoMmes;
    c.refreshNonce = refreshNonce;
    c.handoverTimes.clear();
    for (uint32_t i = 0; i < handovers; ++i)
    {
        c.handoverTimes.push_back(1.0 + 0.4 * i);
    }
    c.simTime = 1.3 + 0.4 * handovers;
    ScenarioResult r = RunScenario(c);
    BOOST_TEST_REQUIRE(r.handovers.size() == handovers);
    BOOST_TEST(r.auditEpochs == handovers + 1);
    return r;
}

} // namespace

BOOST_AUTO_TEST_SUITE(audit)

/// The seed's claim "a compromised target entity cannot derive source entity keys" fails: the
/// target receives the source's KeNB, and with the source C-RNTI of the handover preparation it
/// computes all four source keys, on X2, S1 and across MMEs.
BOOST_AUTO_TEST_CASE(seed_target_computes_the_source_keys)
{
    for (auto [s1, inter] : {std::pair{false, false}, {true, false}, {false, true}})
    {
        BOOST_TEST_CONTEXT((s1 ? "S1" : inter ? "S1 inter-MME" : "X2"))
        {
            ScenarioResult r = Audit("seed", s1, inter);
            const auto& b = r.audit.at(BACKWARD);
            BOOST_TEST(b.result == "fails");
            BOOST_TEST(b.cases == 6u);
            BOOST_TEST(b.exposed == 6u);
            BOOST_TEST(b.detail == "source keys computed: KeNB 6, KRRCenc 6, KRRCint 6, KUPenc 6");
        }
    }
}

/// With the design's random number the target still holds the source's KeNB, and computes the
/// RRC/UP keys of a source whose keys had no nonce (the initial setup); the nonces of later
/// sources rode inside protected handover commands.
BOOST_AUTO_TEST_CASE(seed_nonce_leaves_kenb_exposed)
{
    ScenarioResult r = Audit("seed", false, false, true);
    const auto& b = r.audit.at(BACKWARD);
    BOOST_TEST(b.result == "fails");
    BOOST_TEST(b.detail == "source keys computed: KeNB 6, KRRCenc 1, KRRCint 1, KUPenc 1");
    BOOST_TEST(r.audit.at(REUSE).exposed == 0u);
}

/// TS 33.401 and alternatives 1 and 2: a compromised target computes no source key (KeNB* and the
/// alternative-2 key are one-way from the source's KeNB; alternative 1's from KASME).
BOOST_AUTO_TEST_CASE(ts33401_alt1_and_alt2_are_backward_secure)
{
    for (std::string scheme : {"ts33401", "alt1", "alt2"})
    {
        for (auto [s1, inter] : {std::pair{false, false}, {true, false}, {false, true}})
        {
            BOOST_TEST_CONTEXT(scheme << (s1 ? " S1" : inter ? " S1 inter-MME" : " X2"))
            {
                ScenarioResult r = Audit(scheme, s1, inter);
                BOOST_TEST(r.audit.at(BACKWARD).result == "holds");
                BOOST_TEST(r.audit.at(BACKWARD).exposed == 0u);
            }
        }
    }
}

/// Forward security: TS 33.401 after two hops over X2 (the next KeNB* comes from the NH the
/// compromised source holds), after one over S1 (a fresh NH from the MME); alternative 1 after
/// one everywhere (every KeNB from KASME and a new fresh input); the seed and alternative 2 never
/// (every later key follows from what the compromised eNB holds).
BOOST_AUTO_TEST_CASE(forward_security_per_scheme)
{
    struct Case
    {
        std::string scheme;
        bool s1;
        bool inter;
        std::string expected;
    };

    for (const Case& c : {Case{"ts33401", false, false, "after 2 hops"},
                          Case{"ts33401", true, false, "after 1 hop"},
                          Case{"ts33401", false, true, "after 1 hop"},
                          Case{"seed", false, false, "never"},
                          Case{"seed", true, false, "never"},
                          Case{"alt1", false, false, "after 1 hop"},
                          Case{"alt1", true, false, "after 1 hop"},
                          Case{"alt1", false, true, "after 1 hop"},
                          Case{"alt2", false, false, "never"},
                          Case{"alt2", false, true, "never"}})
    {
        BOOST_TEST_CONTEXT(c.scheme << (c.s1 ? " S1" : c.inter ? " S1 inter-MME" : " X2"))
        {
            ScenarioResult r = Audit(c.scheme, c.s1, c.inter);
            BOOST_TEST(r.audit.at(FORWARD).result == c.expected);
        }
    }
}

/// Without NDS/IP a passive observer of S1-MME learns every key of every scheme (KeNB in
/// INITIAL CONTEXT SETUP, then the Security Contexts); one of X2 those of each X2 epoch.
BOOST_AUTO_TEST_CASE(passive_observers)
{
    for (std::string scheme : {"seed", "ts33401", "alt2"})
    {
        BOOST_TEST_CONTEXT(scheme)
        {
            ScenarioResult x2 = Audit(scheme, false, false);
            BOOST_TEST(x2.audit.at(S1_OBSERVER).exposed == 7u);
            BOOST_TEST(x2.audit.at(X2_OBSERVER).exposed == 6u); // every epoch but the first
            ScenarioResult s1 = Audit(scheme, true, false);
            BOOST_TEST(s1.audit.at(S1_OBSERVER).exposed == 7u);
            BOOST_TEST(s1.audit.at(X2_OBSERVER).exposed == 0u);
        }
    }
}

/// Alternative 1 hands over through the MME even between X2 neighbours: a passive X2 observer
/// sees no key, one of S1-MME every key (the MME's key rides in the clear without NDS/IP).
BOOST_AUTO_TEST_CASE(alt1_passive_observers)
{
    ScenarioResult r = Audit("alt1", false, false);
    BOOST_TEST(r.audit.at(S1_OBSERVER).exposed == 7u);
    BOOST_TEST(r.audit.at(X2_OBSERVER).exposed == 0u);
}

/// Key reuse: the seed without a nonce repeats AS keys when a target hands back a C-RNTI the UE
/// had (back and forth between two cells: every second hop); TS 33.401 and alternatives 1 and 2
/// never.
BOOST_AUTO_TEST_CASE(key_reuse_per_scheme)
{
    ScenarioResult seed = Audit("seed", false, false);
    BOOST_TEST(seed.audit.at(REUSE).exposed > 0u);
    BOOST_TEST(seed.audit.at(REUSE).exposed == 3 * seed.keyReuses);
    for (std::string scheme : {"ts33401", "alt1", "alt2"})
    {
        BOOST_TEST(Audit(scheme, false, false).audit.at(REUSE).exposed == 0u);
    }
}

/// Same seed, same findings.
BOOST_AUTO_TEST_CASE(same_seed_same_findings)
{
    ScenarioResult a = Audit("ts33401", false, false);
    ScenarioResult b = Audit("ts33401", false, false);
    for (const auto& [p, f] : a.audit)
    {
        BOOST_TEST(f.result == b.audit.at(p).result);
        BOOST_TEST(f.detail == b.audit.at(p).detail);
    }
}

BOOST_AUTO_TEST_SUITE_END()
