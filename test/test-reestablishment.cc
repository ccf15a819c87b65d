// RRC connection re-establishment after a failed handover (patch 0016, generic ns-3) and the
// keys a UE and its source eNB fall back to (the seed's options, TS 33.401's KeNB*): the
// shortMAC-I of the request, forged requests refused, keys agreeing after the recovery.
#include "lte-sec-scenario.h"

#include "ns3/lte-rrc-header.h"
#include "ns3/lte-sec-algorithm.h"
#include "ns3/lte-sec-key.h"
#include "ns3/lte-sec-wire.h"
#include "ns3/packet.h"

#include <boost/test/unit_test.hpp>
#include <sstream>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::ltesec;
using namespace ltesec_test;

namespace
{

/// The events whose text starts with \p prefix (without their time stamps)
std::vector<std::string>
Events(const ScenarioResult& r, const std::string& prefix)
{
    std::vector<std::string> out;
    for (const auto& e : r.events)
    {
        std::string text = e.substr(e.find(' ') + 1);
        if (text.rfind(prefix, 0) == 0)
        {
            out.push_back(text);
        }
    }
    return out;
}

/// time (ns) of the first event starting with \p prefix, or -1
int64_t
FirstTime(const ScenarioResult& r, const std::string& prefix)
{
    for (const auto& e : r.events)
    {
        std::string text = e.substr(e.find(' ') + 1);
        if (text.rfind(prefix, 0) == 0)
        {
            return std::stoll(e.substr(0, e.find(' ')));
        }
    }
    return -1;
}

/// the last key fingerprints of one side ("UeKey" or "EnbKey") for IMSI 1 in \p cell:
/// key name -> fingerprint
std::map<std::string, std::string>
LastKeys(const ScenarioResult& r, const std::string& side, uint16_t cell)
{
    std::map<std::string, std::string> keys;
    for (const auto& e : Events(r, side + " 1 " + std::to_string(cell) + " "))
    {
        std::istringstream in(e);
        std::string what, imsi, c, rnti, key, fp;
        in >> what >> imsi >> c >> rnti >> key >> fp;
        keys[key] = fp;
    }
    return keys;
}

/// A UE near eNB 1 ordered to hand over to eNB 2, 2500 m away: the random access fails
ScenarioConfig
FailedHandover(bool security, bool reestablishment)
{
    ScenarioConfig c;
    c.security = security;
    c.farTarget = true;
    c.reestablishment = reestablishment;
    c.handoverTimes = {0.5};
    c.simTime = 1.5;
    return c;
}

/// \p base under every scheme and fallback option with real RRC, and the seed's with ideal RRC
std::vector<ScenarioConfig>
SchemesAndOptions(const ScenarioConfig& base)
{
    std::vector<ScenarioConfig> out;
    for (std::string scheme : {"seed", "ts33401", "alt1", "alt2"})
    {
        for (std::string option : {"reuse", "refresh"})
        {
            for (bool ideal : {false, true})
            {
                if (!ideal || scheme == "seed")
                {
                    ScenarioConfig c = base;
                    c.scheme = scheme;
                    c.reestablishmentKeys = option;
                    c.idealRrc = ideal;
                    out.push_back(c);
                }
            }
        }
    }
    return out;
}

/// "scheme option real|ideal"
std::string
Name(const ScenarioConfig& c)
{
    return c.scheme + " " + c.reestablishmentKeys + (c.idealRrc ? " ideal" : " real");
}

} // namespace

BOOST_AUTO_TEST_SUITE(reestablishment)

/// VarShortMAC-Input octet by octet (TS 36.331: cellIdentity 28 bits, physCellId 9, c-RNTI 16,
/// zero padding to 7 octets), its range checks, and shortMAC-I as the 16 low bits of the MAC
/// with COUNT, BEARER and DIRECTION all ones
BOOST_AUTO_TEST_CASE(short_mac_i_input_and_value)
{
    VarShortMacInput in;
    in.cellIdentity = 1;
    in.physCellId = 1;
    in.cRnti = 1;
    BOOST_TEST(in.Encode() == (std::vector<uint8_t>{0x00, 0x00, 0x00, 0x10, 0x08, 0x00, 0x08}),
               boost::test_tools::per_element());
    in.cellIdentity = 0xABCDEF1;
    in.physCellId = 503;
    in.cRnti = 0xBEEF;
    BOOST_TEST(in.Encode() == (std::vector<uint8_t>{0xab, 0xcd, 0xef, 0x1f, 0xbd, 0xf7, 0x78}),
               boost::test_tools::per_element());
    VarShortMacInput bad = in;
    bad.physCellId = 504;
    BOOST_CHECK_THROW(bad.Encode(), std::invalid_argument);
    bad = in;
    bad.cellIdentity = 1u << 28;
    BOOST_CHECK_THROW(bad.Encode(), std::invalid_argument);

    // TS 33.401 Annex C.2 test set 1's key, as a KRRCint
    AlgKey key = AlgKey::FromHex("2bd6459f82c5b300952c49104881ff48", "key");
    AlgorithmInput ones;
    ones.count = 0xffffffff;
    ones.bearer = 0x1f;
    ones.direction = Direction::DOWNLINK;
    std::vector<uint8_t> bytes = in.Encode();
    for (Eia eia : {Eia::EIA1, Eia::EIA2, Eia::EIA3})
    {
        uint32_t mac = ComputeMac(eia, key, ones, bytes, 56);
        BOOST_TEST(ShortMacI(eia, key, in) == (mac & 0xffff));
        // every input bit matters
        VarShortMacInput other = in;
        other.cRnti ^= 1;
        BOOST_TEST(ShortMacI(eia, key, other) != ShortMacI(eia, key, in));
    }
    BOOST_TEST(ShortMacI(Eia::EIA0, key, in) == 0);
}

/// The request's shortMAC-I and the NCC of RRCConnectionReestablishment are wire fields of
/// ns-3's RRC headers (zero: the bytes ns-3.37 wrote)
BOOST_AUTO_TEST_CASE(rrc_headers_carry_short_mac_i_and_ncc)
{
    LteRrcSap::RrcConnectionReestablishmentRequest req;
    req.ueIdentity.cRnti = 7;
    req.ueIdentity.physCellId = 3;
    req.ueIdentity.shortMacI = 0xa55a;
    req.reestablishmentCause = LteRrcSap::HANDOVER_FAILURE;
    RrcConnectionReestablishmentRequestHeader h;
    h.SetMessage(req);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);
    RrcConnectionReestablishmentRequestHeader back;
    p->RemoveHeader(back);
    BOOST_TEST(back.GetMessage().ueIdentity.shortMacI == 0xa55a);
    BOOST_TEST(back.GetMessage().ueIdentity.cRnti == 7);
    BOOST_TEST(back.GetMessage().ueIdentity.physCellId == 3);

    LteRrcSap::RrcConnectionReestablishment msg;
    msg.rrcTransactionIdentifier = 1;
    msg.radioResourceConfigDedicated.havePhysicalConfigDedicated = false;
    msg.nextHopChainingCount = 5;
    RrcConnectionReestablishmentHeader mh;
    mh.SetMessage(msg);
    Ptr<Packet> q = Create<Packet>();
    q->AddHeader(mh);
    RrcConnectionReestablishmentHeader mback;
    q->RemoveHeader(mback);
    BOOST_TEST(+mback.GetMessage().nextHopChainingCount == 5);
}

/// Patch 0016 is generic ns-3: with the module off, a UE whose handover fails in the random
/// access re-establishes in the source (real and ideal RRC) and its data flows again; without
/// the attributes it leaves connected mode as ns-3.37 does
BOOST_AUTO_TEST_CASE(recovers_at_the_source_without_security)
{
    for (bool ideal : {false, true})
    {
        BOOST_TEST_CONTEXT((ideal ? "ideal" : "real") << " RRC")
        {
            ScenarioConfig c = FailedHandover(false, true);
            c.idealRrc = ideal;
            ScenarioResult r = RunScenario(c);
            BOOST_TEST(Events(r, "ReestablishmentStart 1 1 ").size() == 1u);
            BOOST_TEST(Events(r, "ReestablishmentEndOk 1 1 ").size() == 1u);
            BOOST_TEST(Events(r, "Reestablished 1 1 ").size() == 1u);
            BOOST_TEST(Events(r, "ReestablishmentEndError").empty());
            BOOST_TEST(Events(r, "S1AP E-RAB RELEASE INDICATION").empty());
            int64_t start = FirstTime(r, "ReestablishmentStart");
            int64_t done = FirstTime(r, "Reestablished");
            BOOST_TEST(start > 500000000);
            BOOST_TEST(done > start);
            BOOST_TEST(done - start < 50000000); // recovery within 50 ms
            // the data goes on: half a second more gives half a second of bytes more
            ScenarioConfig longer = c;
            longer.simTime += 0.5;
            ScenarioResult r2 = RunScenario(longer);
            BOOST_TEST(r2.dlRxBytes >= r.dlRxBytes + 9000);
            BOOST_TEST(r2.ulRxBytes >= r.ulRxBytes + 9000);

            ScenarioResult off = RunScenario(FailedHandover(false, false));
            BOOST_TEST(Events(off, "ReestablishmentStart").empty());
            BOOST_TEST(Events(off, "Reestablished").empty());
        }
    }
}

/// Every scheme and fallback option: the UE and the source eNB take the same keys, the data
/// flows with them, and what they take is what the option says (reuse: the keys before the
/// attempt, seen as key reuse; refresh: new RRC/UP keys under the same KeNB; TS 33.401: KeNB*)
BOOST_AUTO_TEST_CASE(keys_agree_after_recovery_per_scheme_and_option)
{
    for (ScenarioConfig c : SchemesAndOptions(FailedHandover(true, true)))
    {
        const std::string scheme = c.scheme;
        const std::string option = c.reestablishmentKeys;
        BOOST_TEST_CONTEXT(Name(c))
        {
            ScenarioResult before = RunScenario([&] {
                ScenarioConfig b = c;
                b.simTime = 0.45; // before the handover
                return b;
            }());
            ScenarioResult r = RunScenario(c);
            BOOST_TEST(Events(r, "Reestablished 1 1 ").size() == 1u);
            auto ue = LastKeys(r, "UeKey", 1);
            auto enb = LastKeys(r, "EnbKey", 1);
            auto initial = LastKeys(before, "UeKey", 1);
            BOOST_REQUIRE(ue.size() >= 4u);
            BOOST_TEST(ue == enb);
            BOOST_TEST(r.integrityFailures == 0u);
            bool reuse = option == "reuse" && scheme != "ts33401";
            std::string kenb = Fp(ue, "KeNB");
            std::string rrcInt = Fp(ue, "KRRCint");
            BOOST_TEST((kenb == Fp(initial, "KeNB")) == (scheme != "ts33401"));
            if (reuse)
            {
                BOOST_TEST(rrcInt == Fp(initial, "KRRCint"));
                BOOST_TEST(r.keyReuses >= 1u); // COUNTs restart under these keys
            }
            else if (scheme != "alt1" && scheme != "alt2")
            {
                // alternatives 1 and 2 derive RRC/UP keys without the C-RNTI: their
                // refresh under the same KeNB gives the same keys (see doc/design.md)
                BOOST_TEST(rrcInt != Fp(initial, "KRRCint"));
            }
            ScenarioConfig longer = c;
            longer.simTime += 0.5;
            ScenarioResult r2 = RunScenario(longer);
            BOOST_TEST(r2.dlRxBytes >= r.dlRxBytes + 9000);
            BOOST_TEST(r2.ulRxBytes >= r.ulRxBytes + 9000);
        }
    }
}

/// The target drops the handover confirm (its KeNB is corrupted, so the confirm fails its
/// integrity check): the UE, which took its handover for done, learns it from the source when
/// the target's joining timer expires, re-establishes in the source with the keys it had
/// before, under every scheme and option, and its data flows again; the source's context stays
/// for it. Without re-establishment the UE leaves connected mode as in ns-3.37.
BOOST_AUTO_TEST_CASE(recovers_at_the_source_when_the_target_drops_the_confirm)
{
    ScenarioConfig dropped;
    dropped.tamperTarget = true;
    dropped.reestablishment = true;
    dropped.handoverTimes = {0.5};
    dropped.simTime = 1.5;
    for (ScenarioConfig c : SchemesAndOptions(dropped))
    {
        BOOST_TEST_CONTEXT(Name(c))
        {
            ScenarioResult r = RunScenario(c);
            BOOST_TEST(r.integrityFailures >= 1u); // the target dropped the confirm
            BOOST_TEST(Events(r, "RadioLinkFailure 1 2 ").size() == 1u);
            BOOST_TEST(Events(r, "ReestablishmentStart 1 1 ").size() == 1u);
            BOOST_TEST(Events(r, "Reestablished 1 1 ").size() == 1u);
            BOOST_TEST(Events(r, "ReestablishmentEndError").empty());
            int64_t failure = FirstTime(r, "RadioLinkFailure");
            int64_t done = FirstTime(r, "Reestablished");
            BOOST_TEST(failure > 700000000); // after the target's 200 ms joining timer
            BOOST_TEST(done > failure);
            BOOST_TEST(done - failure < 50000000);
            auto ue = LastKeys(r, "UeKey", 1);
            auto enb = LastKeys(r, "EnbKey", 1);
            BOOST_REQUIRE(ue.size() >= 4u);
            BOOST_TEST(ue == enb);
            ScenarioConfig longer = c;
            longer.simTime += 0.5;
            ScenarioResult r2 = RunScenario(longer);
            BOOST_TEST(r2.dlRxBytes >= r.dlRxBytes + 9000);
            BOOST_TEST(r2.ulRxBytes >= r.ulRxBytes + 9000);
        }
    }
    ScenarioConfig off;
    off.tamperTarget = true;
    off.handoverTimes = {0.5};
    off.simTime = 1.5;
    ScenarioResult r = RunScenario(off);
    BOOST_TEST(Events(r, "ReestablishmentStart").empty());
    BOOST_TEST(Events(r, "Reestablished").empty());
}

/// The per-handover record says how a failed attempt was recovered: its recovery time, the
/// signalling of the recovery (HANDOVER CANCEL, PATH SWITCH REQUEST / ACKNOWLEDGE) and its
/// security bytes (shortMAC-I 2, NCC 1, and with real RRC the complete's MAC-I 4); nothing
/// without re-establishment
BOOST_AUTO_TEST_CASE(record_has_the_recovery)
{
    for (bool ideal : {false, true})
    {
        BOOST_TEST_CONTEXT((ideal ? "ideal" : "real") << " RRC")
        {
            // a recorded run of the failed handover
            auto recorded = [ideal](bool security, bool reestablishment) {
                ScenarioConfig c = FailedHandover(security, reestablishment);
                c.idealRrc = ideal;
                c.recorder = true;
                return RunScenario(c);
            };
            ScenarioResult r = recorded(true, true);
            BOOST_REQUIRE(r.records.size() == 1u);
            const LteSecHandoverRecord& h = r.records[0];
            BOOST_TEST(h.outcome != "completed");
            BOOST_TEST(h.recovery == "re-established");
            double expected = (FirstTime(r, "Reestablished") - int64_t(h.end * 1e9 + 0.5)) / 1e6;
            BOOST_TEST(h.RecoveryMs() == expected, boost::test_tools::tolerance(1e-3));
            BOOST_TEST(h.RecoveryMs() > 0);
            BOOST_TEST(h.RecoveryMs() < 50);
            BOOST_TEST(h.recoverySecurityBytes == (ideal ? 3u : 7u));
            BOOST_TEST(h.recoveryBytes > 0u);

            ScenarioResult p = recorded(false, true);
            BOOST_REQUIRE(p.records.size() == 1u);
            BOOST_TEST(p.records[0].recovery == "re-established");
            BOOST_TEST(p.records[0].recoverySecurityBytes == 0u);
            BOOST_TEST(p.records[0].recoveryBytes > 0u);

            ScenarioResult n = recorded(true, false);
            BOOST_REQUIRE(n.records.size() == 1u);
            BOOST_TEST(n.records[0].recovery == "-");
            BOOST_TEST(n.records[0].RecoveryMs() == -1);
        }
    }
}

/// The key-exposure audit finds the reuse: the three AS keys of the first connection repeat
/// with reuse, none with refresh (the design's refresh nonce keeps the handover's own keys
/// fresh: without it the target's C-RNTI repeats the first connection's here)
BOOST_AUTO_TEST_CASE(audit_finds_the_reused_keys)
{
    for (bool ideal : {false, true})
    {
        ScenarioConfig c = FailedHandover(true, true);
        c.idealRrc = ideal;
        c.audit = true;
        c.refreshNonce = true; // the handover's own keys are fresh, whatever its C-RNTI
        c.reestablishmentKeys = "refresh";
        uint32_t refresh =
            RunScenario(c).audit.at("key reuse (AS key of an earlier epoch)").exposed;
        c.reestablishmentKeys = "reuse";
        uint32_t reuse = RunScenario(c).audit.at("key reuse (AS key of an earlier epoch)").exposed;
        BOOST_TEST(refresh == 0u, (ideal ? "ideal" : "real") << " RRC");
        BOOST_TEST(reuse == 3u, (ideal ? "ideal" : "real") << " RRC"); // KRRCenc, KRRCint, KUPenc
    }
}

/// A request whose shortMAC-I does not verify is refused: the eNB traces it, the UE leaves
/// connected mode (and attaches again, as after a failed handover in ns-3.37)
BOOST_AUTO_TEST_CASE(forged_request_is_refused)
{
    for (bool ideal : {false, true})
    {
        BOOST_TEST_CONTEXT((ideal ? "ideal" : "real") << " RRC")
        {
            ScenarioConfig c = FailedHandover(true, true);
            c.idealRrc = ideal;
            c.tamperShortMacI = true;
            ScenarioResult r = RunScenario(c);
            BOOST_TEST(
                Events(r, "ReestablishmentRejected 1 1 AS security refuses the request").size() ==
                1u);
            BOOST_TEST(Events(r, "Reestablished").empty());
            BOOST_TEST(Events(r, "ReestablishmentEndError 1 1 ").size() == 1u);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
