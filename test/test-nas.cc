// NAS security on NAS messages: the EMM codecs and their protection (TS 24.301), NAS transport in
// RRC and S1-AP (the patch, also without security), and the replay of S3-070553 on a UE that
// goes to another MME and back, under each NasAlgorithmChange policy.
#include "handover-checks.h"
#include "lte-sec-scenario.h"
#include "tshark.h"

#include "ns3/epc-s1ap-pdu.h"
#include "ns3/lte-rrc-header.h"
#include "ns3/lte-sec-kdf.h"
#include "ns3/lte-sec-nas.h"
#include "ns3/packet.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

using namespace ns3;
using namespace ns3::ltesec;
using namespace ltesec_test;

namespace
{

using Bytes = std::vector<uint8_t>;

NasSecurityContext
Context(Eea eea, Eia eia)
{
    NasSecurityContext ctx;
    ctx.kasme =
        Kasme::FromHex("2ba0c6e0cd61e1c5d1bf5c3d1e2ec8f1e6d71f9a3fe6f2c8a74f1b0a2e5c9d11", "kasme");
    ctx.nasEea = eea;
    ctx.nasEia = eia;
    ctx.DeriveNasKeys();
    return ctx;
}

NasEmmMessage
Tau(uint32_t mTmsi)
{
    NasEmmMessage m;
    m.type = NasMessageType::TAU_REQUEST;
    m.ksi = 2;
    m.mTmsi = mTmsi;
    return m;
}

std::size_t
Count(const std::vector<std::string>& v, const std::string& s)
{
    return std::count(v.begin(), v.end(), s);
}

bool
Has(const std::vector<std::string>& v, const std::string& s)
{
    return Count(v, s) > 0;
}

/// A UE at MME 0 (two TAUs), by inter-MME handover to MME 1 (other NAS integrity algorithm) at
/// 1.0 s and back at 1.5 s; the adversary replays at 2.2 s what it recorded at MME 0
ScenarioConfig
ThereAndBack(const std::string& policy)
{
    ScenarioConfig c;
    c.twoMmes = true;
    c.handoverTimes = {1.0, 1.5};
    c.simTime = 2.5;
    c.nasMessages = true;
    c.nasAlgorithmChange = policy;
    c.mmeNasEia[1] = "eia1,eia2,eia3";
    c.tauTimes = {0.5, 0.7};
    c.traffic = false;
    return c;
}

} // namespace

BOOST_AUTO_TEST_SUITE(nas)

/// The EMM messages the model writes, octet by octet (TS 24.301 8.2, 9.9)
BOOST_AUTO_TEST_CASE(emm_message_layouts)
{
    BOOST_TEST(Tau(0x01020304).Encode() == (Bytes{0x07,
                                                  0x48,
                                                  0x20,
                                                  0x0b,
                                                  0xf6,
                                                  0x00,
                                                  0xf1,
                                                  0x10,
                                                  0x00,
                                                  0x01,
                                                  0x01,
                                                  0x01,
                                                  0x02,
                                                  0x03,
                                                  0x04}),
               boost::test_tools::per_element());
    NasEmmMessage accept;
    accept.type = NasMessageType::TAU_ACCEPT;
    BOOST_TEST(accept.Encode() == (Bytes{0x07, 0x49, 0x00}), boost::test_tools::per_element());
    NasEmmMessage smc;
    smc.type = NasMessageType::SECURITY_MODE_COMMAND;
    smc.eea = Eea::EEA2;
    smc.eia = Eia::EIA1;
    smc.ksi = 3;
    smc.replayedCapabilities = UeSecurityCapabilities::FromLists("eea0,eea1,eea2", "eia1,eia2");
    BOOST_TEST(smc.Encode() == (Bytes{0x07, 0x5d, 0x21, 0x03, 0x02, 0xe0, 0x60}),
               boost::test_tools::per_element());
    smc.haveNonceMme = true;
    smc.nonceMme = 0xdeadbeef;
    Bytes withNonce = smc.Encode();
    BOOST_TEST(withNonce ==
                   (Bytes{0x07, 0x5d, 0x21, 0x03, 0x02, 0xe0, 0x60, 0x56, 0xde, 0xad, 0xbe, 0xef}),
               boost::test_tools::per_element());
    NasEmmMessage complete;
    complete.type = NasMessageType::SECURITY_MODE_COMPLETE;
    BOOST_TEST(complete.Encode() == (Bytes{0x07, 0x5e}), boost::test_tools::per_element());

    NasEmmMessage back;
    std::string error;
    BOOST_TEST(back.Decode(withNonce, error));
    BOOST_TEST(back.haveNonceMme);
    BOOST_TEST(back.nonceMme == 0xdeadbeefu);
    BOOST_TEST((back.eea == Eea::EEA2 && back.eia == Eia::EIA1 && back.ksi == 3));
    BOOST_TEST(back.Decode(Tau(77).Encode(), error));
    BOOST_TEST(back.mTmsi == 77u);
    BOOST_TEST(back.ksi == 2);
}

/// Truncated, unknown or foreign octets are refused with a reason
BOOST_AUTO_TEST_CASE(malformed_emm_messages_are_refused)
{
    std::string error;
    NasEmmMessage m;
    Bytes tau = Tau(1).Encode();
    BOOST_TEST(!m.Decode(Bytes(tau.begin(), tau.end() - 1), error));
    BOOST_TEST(error.find("TRACKING AREA UPDATE REQUEST of 14 octets") != std::string::npos, error);
    BOOST_TEST(!m.Decode(Bytes{0x07, 0x41}, error)); // attach request: not modelled
    BOOST_TEST(error.find("not modelled") != std::string::npos, error);
    BOOST_TEST(!m.Decode(Bytes{0x02, 0x48, 0x00}, error));                         // ESM
    BOOST_TEST(!m.Decode(Bytes{0x07, 0x5d, 0x77, 0x00, 0x02, 0xe0, 0x60}, error)); // EEA7
    BOOST_TEST(!m.Decode(Bytes{}, error));
    NasProtectedMessage p;
    BOOST_TEST(!p.Decode(Bytes{0x27, 0, 0, 0, 0, 0, 0x07}, error));
    BOOST_TEST(!p.Decode(Bytes{0x57, 0, 0, 0, 0, 0, 0x07, 0x49}, error)); // header type 5
    BOOST_TEST(!p.Decode(Bytes{0x07, 0, 0, 0, 0, 0, 0x07, 0x49}, error)); // plain
}

/// NAS-MAC is EIA over SQN || the ciphered message with the NAS COUNT, BEARER 0 and the
/// direction; EEA ciphers the message with the same inputs (TS 24.301 4.4.3.3, TS 33.401 8.1)
BOOST_AUTO_TEST_CASE(protection_is_the_algorithms_on_the_nas_inputs)
{
    for (Eia eia : {Eia::EIA1, Eia::EIA2, Eia::EIA3})
    {
        NasSecurityContext ctx = Context(Eea::EEA2, eia);
        uint32_t count = 0x1234; // overflow 0x12, SQN 0x34
        Bytes pdu = ProtectNas(Tau(9),
                               NasSecurityHeader::INTEGRITY_CIPHERED,
                               ctx,
                               count,
                               Direction::UPLINK);
        BOOST_REQUIRE(pdu.size() == 6u + 15u);
        BOOST_TEST(pdu[0] == 0x27);
        BOOST_TEST(pdu[5] == 0x34);
        AlgorithmInput in;
        in.count = count;
        in.bearer = 0;
        in.direction = Direction::UPLINK;
        Bytes plain = Tau(9).Encode();
        Bytes ciphered = Encrypt(Eea::EEA2, ctx.nasEnc, in, plain, plain.size() * 8);
        BOOST_TEST(Bytes(pdu.begin() + 6, pdu.end()) == ciphered, boost::test_tools::per_element());
        Bytes macInput{0x34};
        macInput.insert(macInput.end(), ciphered.begin(), ciphered.end());
        uint32_t mac = ComputeMac(eia, ctx.nasInt, in, macInput, macInput.size() * 8);
        BOOST_TEST(((uint32_t(pdu[1]) << 24) | (uint32_t(pdu[2]) << 16) | (uint32_t(pdu[3]) << 8) |
                    pdu[4]) == mac);
    }
}

/// The receiver's checks: the COUNT from the SQN, integrity, replay (TS 24.301 4.4.3)
BOOST_AUTO_TEST_CASE(receiver_checks_count_integrity_and_replay)
{
    NasSecurityContext ctx = Context(Eea::EEA1, Eia::EIA2);
    Bytes pdu =
        ProtectNas(Tau(5), NasSecurityHeader::INTEGRITY_CIPHERED, ctx, 300, Direction::DOWNLINK);
    NasEmmMessage msg;
    uint32_t count = 0;
    NasSecurityHeader header;
    std::string error;
    // 300 = overflow 1, SQN 44: found from any lowest accepted COUNT in 45..300
    for (uint32_t next : {45u, 256u, 300u})
    {
        BOOST_TEST((UnprotectNas(pdu, ctx, next, Direction::DOWNLINK, msg, count, header, error) ==
                    NasCheck::ACCEPTED));
        BOOST_TEST(count == 300u);
        BOOST_TEST(msg.mTmsi == 5u);
    }
    // once 300 is used, the same message is a replay
    BOOST_TEST((UnprotectNas(pdu, ctx, 301, Direction::DOWNLINK, msg, count, header, error) ==
                NasCheck::REPLAY));
    BOOST_TEST(error.find("NAS COUNT 300 used already") != std::string::npos, error);
    // other direction, other keys, one bit flipped: integrity
    BOOST_TEST((UnprotectNas(pdu, ctx, 300, Direction::UPLINK, msg, count, header, error) ==
                NasCheck::INTEGRITY));
    BOOST_TEST((UnprotectNas(pdu,
                             Context(Eea::EEA1, Eia::EIA1),
                             300,
                             Direction::DOWNLINK,
                             msg,
                             count,
                             header,
                             error) == NasCheck::INTEGRITY));
    Bytes flipped = pdu;
    flipped.back() ^= 0x01;
    BOOST_TEST((UnprotectNas(flipped, ctx, 300, Direction::DOWNLINK, msg, count, header, error) ==
                NasCheck::INTEGRITY));
    BOOST_TEST((UnprotectNas(Bytes(pdu.begin(), pdu.begin() + 8),
                             ctx,
                             300,
                             Direction::DOWNLINK,
                             msg,
                             count,
                             header,
                             error) == NasCheck::INTEGRITY));
    BOOST_TEST((UnprotectNas(Bytes(pdu.begin(), pdu.begin() + 3),
                             ctx,
                             300,
                             Direction::DOWNLINK,
                             msg,
                             count,
                             header,
                             error) == NasCheck::MALFORMED));
    // a refreshed KASME gives other NAS keys
    NasSecurityContext refreshed = ctx;
    refreshed.kasme = DeriveRefreshedKasme(ctx.kasme, 0x01020304);
    refreshed.DeriveNasKeys();
    BOOST_TEST(refreshed.nasInt.Fingerprint() != ctx.nasInt.Fingerprint());
    BOOST_TEST((UnprotectNas(pdu, refreshed, 300, Direction::DOWNLINK, msg, count, header, error) ==
                NasCheck::INTEGRITY));
}

/// Wireshark decodes the NAS messages, ULInformationTransfer / DLInformationTransfer around one,
/// and S1-AP UPLINK / DOWNLINK NAS TRANSPORT
BOOST_AUTO_TEST_CASE(wireshark_decodes_nas_and_its_transport,
                     *boost::unit_test::precondition(HaveTshark))
{
    NasSecurityContext ctx = Context(Eea::EEA0, Eia::EIA2);
    Bytes tau =
        ProtectNas(Tau(1), NasSecurityHeader::INTEGRITY_CIPHERED, ctx, 2, Direction::UPLINK);
    NasEmmMessage smc;
    smc.type = NasMessageType::SECURITY_MODE_COMMAND;
    smc.eea = Eea::EEA0;
    smc.eia = Eia::EIA2;
    smc.haveNonceMme = true;
    smc.nonceMme = 0x11223344;
    Bytes smcPdu =
        ProtectNas(smc, NasSecurityHeader::INTEGRITY_NEW_CONTEXT, ctx, 0, Direction::DOWNLINK);
    std::string nas = Tshark({tau, smcPdu},
                             "-l 147",
                             "-o 'uat:user_dlts:\"User 0 (DLT=147)\",\"nas-eps\",\"0\",\"\",\"0\","
                             "\"\"'");
    BOOST_TEST(nas.find("Integrity protected and ciphered (2)") != std::string::npos, nas);
    BOOST_TEST(nas.find("Sequence number: 2") != std::string::npos, nas);
    BOOST_TEST(nas.find("Tracking area update request (0x48)") != std::string::npos, nas);
    BOOST_TEST(nas.find("M-TMSI: 1 (0x00000001)") != std::string::npos, nas);
    BOOST_TEST(nas.find("Security mode command (0x5d)") != std::string::npos, nas);
    BOOST_TEST(nas.find("128-EIA2") != std::string::npos, nas);
    BOOST_TEST(nas.find("Nonce - NonceMME") != std::string::npos, nas);
    BOOST_TEST(nas.find("Nonce: 0x11223344") != std::string::npos, nas);

    auto serialize = [](const Header& h) {
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(h);
        Bytes b(p->GetSize());
        p->CopyData(b.data(), b.size());
        return b;
    };
    LteRrcSap::UlInformationTransfer ul;
    ul.dedicatedInfoNas = tau;
    UlInformationTransferHeader ulHeader;
    ulHeader.SetMessage(ul);
    LteRrcSap::DlInformationTransfer dl;
    dl.rrcTransactionIdentifier = 2;
    dl.dedicatedInfoNas = Bytes(200, 0x5a); // a two-octet length
    DlInformationTransferHeader dlHeader;
    dlHeader.SetMessage(dl);
    std::string rrc =
        Tshark({serialize(ulHeader)},
               "-l 147",
               "-o 'uat:user_dlts:\"User 0 (DLT=147)\",\"lte-rrc.ul.dcch\",\"0\",\"\","
               "\"0\",\"\"'");
    BOOST_TEST(rrc.find("ulInformationTransfer-r8") != std::string::npos, rrc);
    BOOST_TEST(rrc.find("dedicatedInfoNAS: 27") != std::string::npos, rrc);
    BOOST_TEST(rrc.find("Tracking area update request (0x48)") != std::string::npos, rrc);
    BOOST_TEST(rrc.find("Malformed") == std::string::npos, rrc);
    std::string rrcDl = Tshark({serialize(dlHeader)},
                               "-l 147",
                               "-o 'uat:user_dlts:\"User 0 (DLT=147)\",\"lte-rrc.dl.dcch\",\"0\","
                               "\"\",\"0\",\"\"'");
    BOOST_TEST(rrcDl.find("dlInformationTransfer-r8") != std::string::npos, rrcDl);
    BOOST_TEST(rrcDl.find("rrc-TransactionIdentifier: 2") != std::string::npos, rrcDl);
    BOOST_TEST(rrcDl.find("dedicatedInfoNAS: 5a5a5a") != std::string::npos, rrcDl);

    // ns-3 reads back what it wrote
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(dlHeader);
    DlInformationTransferHeader back;
    p->RemoveHeader(back);
    BOOST_TEST(back.GetMessage().dedicatedInfoNas == dl.dedicatedInfoNas,
               boost::test_tools::per_element());
    BOOST_TEST(back.GetMessage().rrcTransactionIdentifier == 2);

    EpcS1apMessage up;
    up.type = EpcS1apMessage::UPLINK_NAS_TRANSPORT;
    up.mmeUeS1apId = 1;
    up.enbUeS1apId = 3;
    up.cellId = 2;
    up.nasPdu = tau;
    EpcS1apMessage down = up;
    down.type = EpcS1apMessage::DOWNLINK_NAS_TRANSPORT;
    std::string s1ap = Tshark({up.Encode(), down.Encode()}, "-S 36412,36412,18");
    BOOST_TEST(s1ap.find("uplinkNASTransport") != std::string::npos, s1ap);
    BOOST_TEST(s1ap.find("downlinkNASTransport") != std::string::npos, s1ap);
    BOOST_TEST(s1ap.find("Tracking area update request (0x48)") != std::string::npos, s1ap);
    BOOST_TEST(s1ap.find("Malformed") == std::string::npos, s1ap);
    for (const auto& m : {up, down})
    {
        EpcS1apMessage decoded;
        std::string error;
        BOOST_TEST(EpcS1apMessage::Decode(m.Encode(), decoded, error), error);
        BOOST_TEST(decoded.type == m.type);
        BOOST_TEST(decoded.nasPdu == tau, boost::test_tools::per_element());
        BOOST_TEST(decoded.enbUeS1apId == 3u);
    }
}

/// The patch's NAS transport is generic ns-3: with the module off, a NAS message from the UE
/// reaches the MME (ULInformationTransfer, UPLINK NAS TRANSPORT) and back (ideal and real RRC)
BOOST_AUTO_TEST_CASE(nas_transport_without_security)
{
    for (bool ideal : {false, true})
    {
        ScenarioConfig c;
        c.security = false;
        c.idealRrc = ideal;
        c.handoverTimes = {};
        c.simTime = 1.0;
        c.rawNasAt = 0.5;
        c.rawNas = Bytes{0x07,
                         0x48,
                         0x00,
                         0x0b,
                         0xf6,
                         0x00,
                         0xf1,
                         0x10,
                         0x00,
                         0x01,
                         0x01,
                         0x00,
                         0x00,
                         0x00,
                         0x01};
        ScenarioResult r = RunScenario(c);
        BOOST_REQUIRE(r.rawNasAtMme.size() == 1u);
        BOOST_TEST(r.rawNasAtMme[0] == c.rawNas, boost::test_tools::per_element());
        BOOST_REQUIRE(r.rawNasAtUe.size() == 1u);
        BOOST_TEST(r.rawNasAtUe[0] == c.rawNas, boost::test_tools::per_element());
        auto s1ap = r.s1apMessages;
        for (auto& m : s1ap)
        {
            BOOST_TEST_MESSAGE(m.first << " " << m.second);
        }
        BOOST_TEST(std::count(s1ap.begin(),
                              s1ap.end(),
                              std::make_pair(std::string("UPLINK NAS TRANSPORT"), 61u)) == 1);
        BOOST_TEST(std::count(s1ap.begin(),
                              s1ap.end(),
                              std::make_pair(std::string("DOWNLINK NAS TRANSPORT"), 39u)) == 1);
    }
}

/// The NAS procedures of the scenario, every message accepted: the first connection's mode
/// command, two TAUs, after each inter-MME handover a TAU with the counts carried on (ts33401)
BOOST_AUTO_TEST_CASE(nas_messages_flow_and_are_accepted)
{
    for (bool ideal : {false, true})
    {
        ScenarioConfig c = ThereAndBack("ts33401");
        c.idealRrc = ideal;
        ScenarioResult r = RunScenario(c);
        CheckCompletedOverS1(r, 2, true, false);
        const auto& e = r.nasEvents;
        std::vector<std::string> expected{
            "MME0 sent SECURITY MODE COMMAND 0",
            "UE checked SECURITY MODE COMMAND 0 accepted",
            "UE sent SECURITY MODE COMPLETE 0",
            "MME0 checked SECURITY MODE COMPLETE 0 accepted",
            "UE sent TRACKING AREA UPDATE REQUEST 1",
            "MME0 checked TRACKING AREA UPDATE REQUEST 1 accepted",
            "MME0 sent TRACKING AREA UPDATE ACCEPT 1",
            "UE checked TRACKING AREA UPDATE ACCEPT 1 accepted",
            "UE sent TRACKING AREA UPDATE REQUEST 2",
            "MME0 checked TRACKING AREA UPDATE REQUEST 2 accepted",
            "MME0 sent TRACKING AREA UPDATE ACCEPT 2",
            "UE checked TRACKING AREA UPDATE ACCEPT 2 accepted",
            // the handover command's NAS part used DL 3 at MME 1
            "UE sent TRACKING AREA UPDATE REQUEST 3",
            "MME1 checked TRACKING AREA UPDATE REQUEST 3 accepted",
            "MME1 sent TRACKING AREA UPDATE ACCEPT 4",
            "UE checked TRACKING AREA UPDATE ACCEPT 4 accepted",
            // and DL 5 at MME 0
            "UE sent TRACKING AREA UPDATE REQUEST 4",
            "MME0 checked TRACKING AREA UPDATE REQUEST 4 accepted",
            "MME0 sent TRACKING AREA UPDATE ACCEPT 6",
            "UE checked TRACKING AREA UPDATE ACCEPT 6 accepted",
        };
        BOOST_TEST(e == expected, boost::test_tools::per_element());
        BOOST_TEST(r.nasChanges.size() == 2u); // eia1 at MME 1, eia2 back at MME 0
    }
}

/// S3-070553: a mode command that resets the NAS COUNTs lets the adversary's recordings of the
/// first stay at MME 0 be accepted again after the return (uplink at the MME, downlink at the
/// UE); keeping the COUNTs, refreshing the NAS keys, or TS 33.401's rule rejects every one
BOOST_AUTO_TEST_CASE(replay_after_the_return_per_policy)
{
    for (std::string policy : {"smc-reset", "smc-keep", "smc-refresh", "ts33401"})
    {
        BOOST_TEST_CONTEXT("NasAlgorithmChange " << policy)
        {
            ScenarioConfig c = ThereAndBack(policy);
            c.nasReplayAt = 2.2;
            ScenarioResult r = RunScenario(c);
            CheckCompletedOverS1(r, 2, true, false);
            // recorded at MME 0: mode command and complete, two TAU requests and accepts
            BOOST_TEST(r.nasRecorded == 6u);
            BOOST_REQUIRE(r.nasReplays.size() == 6u);
            uint32_t accepted = 0;
            uint32_t acceptedUl = 0;
            uint32_t acceptedDl = 0;
            for (const auto& rep : r.nasReplays)
            {
                BOOST_TEST(rep.outcome != "not delivered", rep.direction << " " << rep.message);
                accepted += rep.outcome == "accepted";
                acceptedUl += rep.outcome == "accepted" && rep.direction == "UL";
                acceptedDl += rep.outcome == "accepted" && rep.direction == "DL";
                if (policy != "smc-reset")
                {
                    BOOST_TEST((rep.outcome == "replay" || rep.outcome == "integrity"),
                               rep.direction << " " << rep.message << " " << rep.outcome);
                }
            }
            if (policy == "smc-reset")
            {
                BOOST_TEST(acceptedUl > 0u);
                BOOST_TEST(acceptedDl > 0u);
            }
            else
            {
                BOOST_TEST(accepted == 0u);
            }
            if (policy == "ts33401")
            {
                // no mode command after the handovers
                BOOST_TEST(Count(r.nasEvents, "MME1 sent SECURITY MODE COMMAND 0") == 0u);
            }
            if (policy == "smc-reset" || policy == "smc-refresh")
            {
                // the counts restart with each mode command after a handover
                BOOST_TEST(Has(r.nasEvents, "MME1 sent SECURITY MODE COMMAND 0"));
                BOOST_TEST(Has(r.nasEvents, "UE sent SECURITY MODE COMPLETE 0"));
            }
            if (policy == "smc-keep")
            {
                BOOST_TEST(Count(r.nasEvents, "UE sent SECURITY MODE COMPLETE 0") == 1u);
            }
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
