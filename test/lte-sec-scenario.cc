#include "lte-sec-scenario.h"

#include "lte-sec-scenario-sinks.h"

#include "ns3/applications-module.h"
#include "ns3/config-store-module.h"
#include "ns3/core-module.h"
#include "ns3/epc-gtpc-header.h"
#include "ns3/epc-s10-message.h"
#include "ns3/epc-s1ap-pdu.h"
#include "ns3/epc-x2-header.h"
#include "ns3/internet-module.h"
#include "ns3/lte-module.h"
#include "ns3/lte-sec-scheme.h"
#include "ns3/lte-security-helper.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/ppp-header.h"

#include <sstream>

using namespace ns3;

namespace ltesec_test
{

using namespace sinks;

const char* const KEY_NAMES[4] = {"KeNB", "KRRCenc", "KRRCint", "KUPenc"};

std::string
Fp(const std::map<std::string, std::string>& keys, const std::string& prefix)
{
    for (const auto& k : keys)
    {
        if (k.first.rfind(prefix, 0) == 0)
        {
            return k.first + "=" + k.second;
        }
    }
    return "missing " + prefix;
}

/// Sends bytes that are no S1AP or S10 message (and one for an unknown UE) to every S1-MME and
/// S10 socket of an MME node, from the node itself.
void
InjectGarbage(Ptr<Node> mme)
{
    Ptr<Socket> socket = Socket::CreateSocket(mme, UdpSocketFactory::GetTypeId());
    socket->Bind();
    EpcS1apMessage unknown;
    unknown.type = EpcS1apMessage::HANDOVER_NOTIFY;
    unknown.mmeUeS1apId = 999;
    std::vector<uint8_t> valid = unknown.Encode();
    std::vector<std::vector<uint8_t>> payloads{{0x00},
                                               {0x48, 0x85, 0x00, 0x40, 0xff},
                                               {0x00, 0x0c, 0x40, 0x7f, 0x01, 0x02, 0x03},
                                               valid};
    Ptr<Ipv4> ipv4 = mme->GetObject<Ipv4>();
    for (uint32_t i = 1; i < ipv4->GetNInterfaces(); ++i)
    {
        Ipv4Address a = ipv4->GetAddress(i, 0).GetLocal();
        uint8_t net = static_cast<uint8_t>(a.Get() >> 24);
        uint16_t port = net == 15 ? 36412 : net == 16 ? 2123 : 0; // S1-MME and S10 links
        for (const auto& p : payloads)
        {
            if (port)
            {
                socket->SendTo(Create<Packet>(p.data(), p.size()), 0, InetSocketAddress(a, port));
            }
        }
    }
}

/// Sends an eNB, on its own S1-MME address, a HANDOVER REQUEST with an E-RAB of a QCI that ns-3
/// does not model (it would stop ns-3's bearer code): the eNB must drop it.
void
InjectUnknownQci(Ptr<Node> enb)
{
    Ptr<Socket> socket = Socket::CreateSocket(enb, UdpSocketFactory::GetTypeId());
    socket->Bind();
    EpcS1apMessage request;
    request.type = EpcS1apMessage::HANDOVER_REQUEST;
    request.mmeUeS1apId = 1;
    request.cellId = 1;
    request.targetCellId = 2;
    EpcS1apMessage::Erab erab;
    erab.erabId = 1;
    erab.qci = 200;
    request.erabs.push_back(erab);
    std::vector<uint8_t> pdu = request.Encode();
    Ptr<Ipv4> ipv4 = enb->GetObject<Ipv4>();
    for (uint32_t i = 1; i < ipv4->GetNInterfaces(); ++i)
    {
        Ipv4Address a = ipv4->GetAddress(i, 0).GetLocal();
        if ((a.Get() >> 24) == 15) // the S1-MME link
        {
            socket->SendTo(Create<Packet>(pdu.data(), pdu.size()), 0, InetSocketAddress(a, 36412));
        }
    }
}

ScenarioResult
RunScenario(const ScenarioConfig& c)
{
    ScenarioResult result;
    sinks::BeginRun(&result);
    Config::Reset();
    Ipv4AddressGenerator::Reset();
    RngSeedManager::SetSeed(c.seed);
    RngSeedManager::SetRun(c.run);
    Config::SetDefault("ns3::LteHelper::UseIdealRrc", BooleanValue(c.idealRrc));
    Config::SetDefault("ns3::UdpClient::Interval", TimeValue(MilliSeconds(10)));
    Config::SetDefault("ns3::UdpClient::MaxPackets", UintegerValue(1000000));
    Config::SetDefault("ns3::UdpClient::PacketSize", UintegerValue(200));

    Ptr<LteHelper> lte = CreateObject<LteHelper>();
    Ptr<PointToPointEpcHelper> epc = CreateObject<PointToPointEpcHelper>();
    epc->SetAttribute("S1apLink", BooleanValue(c.s1apLink));
    lte->SetEpcHelper(epc);
    Config::SetDefault("ns3::LteEnbRrc::ForceS1Handover", BooleanValue(c.forceS1Handover));
    Config::SetDefault("ns3::LteUeRrc::ReestablishmentOnHandoverFailure",
                       BooleanValue(c.reestablishment));
    Config::SetDefault("ns3::LteEnbRrc::KeepContextForReestablishment",
                       BooleanValue(c.reestablishment));
    Config::SetDefault("ns3::LteEnbMac::PreambleTransMax", UintegerValue(c.farTarget ? 3 : 50));
    Config::SetDefault("ns3::LteEnbRrc::HandoverJoiningTimeoutDuration",
                       TimeValue(MilliSeconds(c.joiningTimeoutMs ? c.joiningTimeoutMs : 200)));
    lte->SetSchedulerType("ns3::RrFfMacScheduler");
    lte->SetHandoverAlgorithmType("ns3::NoOpHandoverAlgorithm");

    Ptr<Node> pgw = epc->GetPgwNode();
    NodeContainer remote;
    remote.Create(1);
    InternetStackHelper internet;
    internet.Install(remote);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", DataRateValue(DataRate("100Gb/s")));
    NetDeviceContainer inetDevs = p2p.Install(pgw, remote.Get(0));
    Ipv4AddressHelper ipv4;
    ipv4.SetBase("1.0.0.0", "255.0.0.0");
    Ipv4InterfaceContainer inetIfs = ipv4.Assign(inetDevs);
    Ipv4StaticRoutingHelper routing;
    routing.GetStaticRouting(remote.Get(0)->GetObject<Ipv4>())
        ->AddNetworkRouteTo(Ipv4Address("7.0.0.0"), Ipv4Mask("255.0.0.0"), 1);

    if (c.twoCellEnb)
    {
        lte->SetAttribute("NumberOfComponentCarriers", UintegerValue(2));
        lte->SetAttribute("UseCa", BooleanValue(true));
        // ns-3's default carrier manager: RrComponentCarrierManager asserts on a buffer status
        // report from the second carrier, which is the UE's primary after the handover
    }
    NodeContainer enbs;
    enbs.Create(c.twoCellEnb ? 1 : 2);
    NodeContainer ues;
    ues.Create(c.numUes);
    Ptr<ListPositionAllocator> pos = CreateObject<ListPositionAllocator>();
    pos->Add(Vector(0, 0, 0));
    pos->Add(Vector(c.farTarget ? 2500 : 100, 0, 0));
    for (uint16_t u = 0; u < c.numUes; ++u)
    {
        pos->Add(Vector(c.farTarget ? 20 : 50, 5.0 * u, 0));
    }
    MobilityHelper mobility;
    mobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    mobility.SetPositionAllocator(pos);
    mobility.Install(enbs);
    mobility.Install(ues);

    if (c.twoMmes)
    {
        epc->AddMme();
        epc->SetMmeForEnb(enbs.Get(1), 1); // two pool areas: the second eNB is MME 1's
    }
    NetDeviceContainer enbDevs = lte->InstallEnbDevice(enbs);
    if (c.targetRefuses)
    {
        DynamicCast<LteEnbNetDevice>(enbDevs.Get(enbDevs.GetN() - 1))
            ->GetRrc()
            ->SetAttribute("AdmitHandoverRequest", BooleanValue(false));
    }
    NetDeviceContainer ueDevs = lte->InstallUeDevice(ues);
    // fixed random streams: the same configuration gives the same run, also within one process
    lte->AssignStreams(enbDevs, 1000);
    lte->AssignStreams(ueDevs, 2000);
    internet.Install(ues);
    Ipv4InterfaceContainer ueIfs = epc->AssignUeIpv4Address(ueDevs);
    for (uint16_t u = 0; u < c.numUes; ++u)
    {
        routing.GetStaticRouting(ues.Get(u)->GetObject<Ipv4>())
            ->SetDefaultRoute(epc->GetUeDefaultGatewayAddress(), 1);
    }

    Ptr<LteSecurityHelper> security;
    if (c.security)
    {
        Ptr<LteSecurityHelper> sec = CreateObject<LteSecurityHelper>();
        security = sec;
        sec->SetAttribute("Scheme", StringValue(c.scheme));
        sec->SetAttribute("NasMessages", BooleanValue(c.nasMessages));
        sec->SetAttribute("NasAlgorithmChange", StringValue(c.nasAlgorithmChange));
        sec->SetAttribute("ReestablishmentKeys", StringValue(c.reestablishmentKeys));
        sec->SetUeAttribute("TamperShortMacI", BooleanValue(c.tamperShortMacI));
        sec->SetUeAttribute("SupportedEea", StringValue(c.ueEea));
        sec->SetUeAttribute("SupportedEia", StringValue(c.ueEia));
        sec->InstallEnb(c.onlyTargetSecure ? NetDeviceContainer(enbDevs.Get(1)) : enbDevs);
        if (!c.onlyTargetSecure)
        {
            sec->InstallUe(ueDevs);
        }
        for (uint32_t i = 0; i < enbDevs.GetN(); ++i)
        {
            if (Ptr<LteSecEnbRrc> e = enbDevs.Get(i)->GetObject<LteSecEnbRrc>())
            {
                e->SetAttribute(
                    "AllowNullIntegrity",
                    BooleanValue(c.allowNullIntegrity || (i == 1 && c.targetAllowsNullIntegrity)));
                e->SetAttribute("EeaPriority", StringValue(c.eeaPriority[i]));
                e->SetAttribute("EiaPriority", StringValue(c.eiaPriority[i]));
                e->SetAttribute("RefreshNonce", BooleanValue(c.refreshNonce));
                e->SetAttribute("KenbInHandoverRequired", BooleanValue(c.kenbInHandoverRequired));
            }
        }
        for (uint32_t i = 0; i < ueDevs.GetN(); ++i)
        {
            if (Ptr<LteSecUeRrc> u = ueDevs.Get(i)->GetObject<LteSecUeRrc>())
            {
                u->SetAttribute("AllowNullIntegrity", BooleanValue(c.allowNullIntegrity));
            }
        }
        sec->AssignStreams(enbDevs, 3000);
        enbDevs.Get(enbDevs.GetN() - 1)
            ->GetObject<LteSecEnbRrc>()
            ->SetAttribute("TamperReceivedKenb", BooleanValue(c.tamperTarget));
        enbDevs.Get(enbDevs.GetN() - 1)
            ->GetObject<LteSecEnbRrc>()
            ->SetAttribute("TamperCommandNcc", BooleanValue(c.tamperCommandNcc));
        if (Ptr<LteSecEnbRrc> first = enbDevs.Get(0)->GetObject<LteSecEnbRrc>())
        {
            first->SetAttribute("BidDownEea", StringValue(c.bidDownEea));
        }
        if (c.kasmeMismatch)
        {
            // after Install: the UE keeps the KASME it was given, the MME now holds another
            sec->GetMme()->ProvisionKasme(1, ltesec::Kasme::FromHex(std::string(64, 'a'), "kasme"));
        }
        for (uint32_t i = 0; i < sec->GetNMmes(); ++i)
        {
            Ptr<LteSecMme> mme = sec->GetMme(i);
            mme->TraceConnectWithoutContext("SecurityMessage", MakeCallback(&SecurityMessage));
            mme->SetAttribute("NasEiaPriority", StringValue(c.mmeNasEia[i % 2]));
            mme->SetAttribute("TamperNasMac", BooleanValue(c.tamperNasMac[i % 2]));
            mme->SetAttribute("ReplayDlNasCount", BooleanValue(c.replayDlNasCount[i % 2]));
            if (!c.mmeScheme.empty())
            {
                mme->SetScheme(LteSecScheme::Create(c.mmeScheme, "mmeScheme"));
            }
            if (Ptr<LteSecMmeNas> nas = sec->GetMmeNas(i))
            {
                std::string who = "MME" + std::to_string(i);
                nas->TraceConnectWithoutContext("NasMessageSent",
                                                MakeBoundCallback(&MmeNasSent, who));
                nas->TraceConnectWithoutContext("NasMessageChecked",
                                                MakeBoundCallback(&NasChecked, who));
            }
        }
        for (uint32_t i = 0; i < ueDevs.GetN(); ++i)
        {
            if (Ptr<LteSecUeNas> nas = ueDevs.Get(i)->GetObject<LteSecUeNas>())
            {
                nas->TraceConnectWithoutContext("NasMessageSent",
                                                MakeBoundCallback(&NasSent, std::string("UE")));
                nas->TraceConnectWithoutContext("NasMessageChecked",
                                                MakeBoundCallback(&NasChecked, std::string("UE")));
                for (double t : c.tauTimes)
                {
                    Simulator::Schedule(Seconds(t), &LteSecUeNas::SendTrackingAreaUpdate, nas);
                }
            }
        }
        Config::ConnectWithoutContextFailSafe(
            "/NodeList/*/DeviceList/*/$ns3::LteUeNetDevice/$ns3::LteSecUeRrc/NasSecurityChanged",
            MakeCallback(&NasSecurityChanged));
        Config::ConnectWithoutContextFailSafe(
            "/NodeList/*/DeviceList/*/$ns3::LteEnbNetDevice/$ns3::LteSecEnbRrc/HandoverKey",
            MakeCallback(&OnHandoverKey));
        Config::ConnectWithoutContextFailSafe(
            "/NodeList/*/DeviceList/*/$ns3::LteUeNetDevice/$ns3::LteSecUeRrc/NhSync",
            MakeCallback(&OnNhSync));
    }
    lte->Attach(ueDevs, enbDevs.Get(0));
    if (!c.twoCellEnb && !c.noX2 && !c.twoMmes)
    {
        lte->AddX2Interface(enbs);
    }
    if (c.dedicatedBearer)
    {
        Ptr<EpcTft> tft = Create<EpcTft>();
        EpcTft::PacketFilter pf;
        pf.localPortStart = 3000;
        pf.localPortEnd = 3000;
        tft->Add(pf);
        uint8_t id = lte->ActivateDedicatedEpsBearer(ueDevs,
                                                     EpsBearer(EpsBearer::NGBR_VIDEO_TCP_DEFAULT),
                                                     tft);
        for (uint16_t u = 0; u < c.numUes; ++u)
        {
            Simulator::Schedule(Seconds(0.8),
                                &LteHelper::DeActivateDedicatedEpsBearer,
                                lte,
                                ueDevs.Get(u),
                                enbDevs.Get(0),
                                id);
        }
    }

    if (c.traffic)
    {
        ApplicationContainer sinks;
        ApplicationContainer clients;
        for (uint16_t u = 0; u < c.numUes; ++u)
        {
            uint16_t dlPort = 1000 + u;
            uint16_t ulPort = 2000 + u;
            PacketSinkHelper dl("ns3::UdpSocketFactory",
                                InetSocketAddress(Ipv4Address::GetAny(), dlPort));
            ApplicationContainer d = dl.Install(ues.Get(u));
            d.Get(0)->TraceConnectWithoutContext("Rx", MakeCallback(&DlRx));
            PacketSinkHelper ul("ns3::UdpSocketFactory",
                                InetSocketAddress(Ipv4Address::GetAny(), ulPort));
            ApplicationContainer r = ul.Install(remote.Get(0));
            r.Get(0)->TraceConnectWithoutContext("Rx", MakeCallback(&UlRx));
            clients.Add(UdpClientHelper(ueIfs.GetAddress(u), dlPort).Install(remote.Get(0)));
            clients.Add(UdpClientHelper(inetIfs.GetAddress(1), ulPort).Install(ues.Get(u)));
        }
        clients.Start(MilliSeconds(300));
    }

    for (std::size_t i = 0; i < c.handoverTimes.size(); ++i)
    {
        uint32_t from = i % 2;
        for (uint16_t u = 0; u < c.numUes; ++u)
        {
            Time t = Seconds(c.handoverTimes[i]) + MilliSeconds(5 * u);
            if (c.twoCellEnb)
            {
                // between the two cells of the eNB (cell ids 1 and 2)
                lte->HandoverRequest(t, ueDevs.Get(u), enbDevs.Get(0), uint16_t(2 - from));
            }
            else
            {
                lte->HandoverRequest(t, ueDevs.Get(u), enbDevs.Get(from), enbDevs.Get(1 - from));
            }
        }
    }

    Config::ConnectWithoutContext("/NodeList/*/DeviceList/*/LteEnbRrc/HandoverStart",
                                  MakeCallback(&HandoverStart));
    Config::ConnectWithoutContext("/NodeList/*/DeviceList/*/LteEnbRrc/HandoverEndOk",
                                  MakeCallback(&HandoverEndOk));
    for (const char* f : {"HandoverFailureJoining",
                          "HandoverFailureLeaving",
                          "HandoverFailureNoPreamble",
                          "HandoverFailureMaxRach"})
    {
        Config::ConnectWithoutContext(std::string("/NodeList/*/DeviceList/*/LteEnbRrc/") + f,
                                      MakeCallback(&HandoverFailure));
    }
    Config::ConnectWithoutContext("/NodeList/*/DeviceList/*/LteEnbRrc/HandoverFailureNoX2",
                                  MakeCallback(&HandoverFailureNoX2));
    for (const char* f : {"ReestablishmentStart",
                          "ReestablishmentEndOk",
                          "ReestablishmentEndError",
                          "RadioLinkFailure"})
    {
        Config::ConnectWithoutContext(std::string("/NodeList/*/DeviceList/*/LteUeRrc/") + f,
                                      MakeBoundCallback(&UeRrcEvent, std::string(f)));
    }
    Config::ConnectWithoutContext("/NodeList/*/DeviceList/*/LteEnbRrc/ConnectionReestablished",
                                  MakeBoundCallback(&UeRrcEvent, std::string("Reestablished")));
    Config::ConnectWithoutContext("/NodeList/*/DeviceList/*/LteEnbRrc/ReestablishmentRejected",
                                  MakeCallback(&ReestablishmentRejected));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/$ns3::LteEnbNetDevice/$ns3::LteSecEnbRrc/KeyDerivation",
        MakeCallback(&EnbKey));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/$ns3::LteUeNetDevice/$ns3::LteSecUeRrc/KeyDerivation",
        MakeCallback(&UeKey));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/$ns3::LteEnbNetDevice/$ns3::LteSecEnbRrc/IntegrityFailure",
        MakeCallback(&IntegrityFailure));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/$ns3::LteUeNetDevice/$ns3::LteSecUeRrc/IntegrityFailure",
        MakeCallback(&IntegrityFailure));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/$ns3::LteEnbNetDevice/$ns3::LteSecEnbRrc/DecipheringFailure",
        MakeCallback(&DecipheringFailure));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/$ns3::LteUeNetDevice/$ns3::LteSecUeRrc/DecipheringFailure",
        MakeCallback(&DecipheringFailure));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/$ns3::LteUeNetDevice/$ns3::LteSecUeRrc/KeyReuse",
        MakeCallback(&KeyReuse));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/$ns3::LteEnbNetDevice/$ns3::LteSecEnbRrc/HandoverRejected",
        MakeCallback(&HandoverRejected));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/$ns3::LteEnbNetDevice/$ns3::LteSecEnbRrc/SecurityMessage",
        MakeCallback(&SecurityMessage));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/$ns3::LteUeNetDevice/$ns3::LteSecUeRrc/CommandRejected",
        MakeCallback(&CommandRejected));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/$ns3::LteEnbNetDevice/$ns3::LteSecEnbRrc/CapabilityMismatch",
        MakeCallback(&CapabilityMismatch));
    for (const char* side :
         {"$ns3::LteEnbNetDevice/$ns3::LteSecEnbRrc", "$ns3::LteUeNetDevice/$ns3::LteSecUeRrc"})
    {
        Config::ConnectWithoutContextFailSafe(std::string("/NodeList/*/DeviceList/*/") + side +
                                                  "/PduDiscarded",
                                              MakeCallback(&PduDiscarded));
    }
    for (const char* app : {"$ns3::EpcEnbApplication", "$ns3::EpcMmeApplication"})
    {
        Config::ConnectWithoutContextFailSafe(std::string("/NodeList/*/ApplicationList/*/") + app +
                                                  "/S1apTx",
                                              MakeCallback(&S1apTx));
        Config::ConnectWithoutContextFailSafe(std::string("/NodeList/*/ApplicationList/*/") + app +
                                                  "/S1apMalformed",
                                              MakeCallback(&S1apMalformed));
    }
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/$ns3::PointToPointNetDevice/MacTx",
        MakeCallback(&S1mmeTx));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/ApplicationList/*/$ns3::EpcMmeApplication/S10Tx",
        MakeCallback(&S10Tx));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/ApplicationList/*/$ns3::EpcMmeApplication/S10Malformed",
        MakeCallback(&S10Malformed));
    // X2 link: the last device of each eNB node
    for (uint32_t i = 0; i < (c.twoCellEnb ? 0u : 2u); ++i)
    {
        Ptr<Node> n = enbs.Get(i);
        n->GetDevice(n->GetNDevices() - 1)
            ->TraceConnectWithoutContext("MacTx", MakeCallback(&X2Tx));
    }

    for (uint32_t i = 0; c.injectGarbage && i < enbs.GetN(); ++i)
    {
        Simulator::Schedule(Seconds(c.handoverTimes[0]) + MicroSeconds(500),
                            &InjectUnknownQci,
                            enbs.Get(i));
    }
    for (uint32_t i = 0; c.injectGarbage && i < epc->GetNMmes(); ++i)
    {
        Simulator::Schedule(Seconds(c.handoverTimes[0]) + MicroSeconds(500),
                            &InjectGarbage,
                            epc->GetMmeNode(i));
    }
    Ptr<LteSecKeyAudit> audit;
    if (c.audit && security)
    {
        audit = CreateObject<LteSecKeyAudit>();
        if (c.twoMmes)
        {
            audit->SetCellMme(2, 1);
        }
        audit->Install(security, enbDevs, ueDevs);
    }
    if (c.rawNasAt > 0)
    {
        for (uint32_t n = 0; n < NodeList::GetNNodes(); ++n)
        {
            Ptr<Node> node = NodeList::GetNode(n);
            for (uint32_t a = 0; a < node->GetNApplications(); ++a)
            {
                if (auto mme = DynamicCast<EpcMmeApplication>(node->GetApplication(a)))
                {
                    mme->SetNasMessageCallback(MakeBoundCallback(&RawNasAtMme, mme));
                }
            }
        }
        Ptr<EpcUeNas> nas = DynamicCast<LteUeNetDevice>(ueDevs.Get(0))->GetNas();
        nas->SetNasMessageCallback(MakeCallback(&RawNasAtUe));
        Simulator::Schedule(Seconds(c.rawNasAt), &EpcUeNas::SendNasMessage, nas, c.rawNas);
    }
    Ptr<LteSecNasReplayAdversary> adversary;
    if (c.nasReplayAt > 0 && security)
    {
        adversary = CreateObject<LteSecNasReplayAdversary>();
        adversary->Setup(security, 0, DynamicCast<LteUeNetDevice>(ueDevs.Get(0)));
        adversary->ScheduleReplay(Seconds(c.nasReplayAt));
    }
    Ptr<LteSecHandoverRecorder> recorder;
    if (c.recorder)
    {
        recorder = CreateObject<LteSecHandoverRecorder>();
        recorder->Install(security);
    }
    Simulator::Stop(Seconds(c.simTime));
    Simulator::Run();
    if (recorder)
    {
        result.records = recorder->GetRecords();
    }
    if (adversary)
    {
        result.nasReplays = adversary->GetReplays();
        result.nasRecorded = adversary->GetRecorded();
    }
    if (audit)
    {
        for (const auto& f : audit->Analyse())
        {
            result.audit[f.property] = f;
        }
        result.auditEpochs = audit->GetNEpochs();
    }
    for (uint16_t u = 0; u < c.numUes; ++u)
    {
        Ptr<LteUeNetDevice> ue = DynamicCast<LteUeNetDevice>(ueDevs.Get(u));
        if (Ptr<LteSecUeRrc> sec = ue->GetObject<LteSecUeRrc>())
        {
            result.uePdcpLcids[ue->GetImsi()] = sec->GetPdcpLcids();
        }
        for (uint32_t i = 0; i < enbDevs.GetN(); ++i)
        {
            Ptr<LteEnbNetDevice> enb = DynamicCast<LteEnbNetDevice>(enbDevs.Get(i));
            Ptr<LteSecEnbRrc> sec = enb->GetObject<LteSecEnbRrc>();
            if (sec && enb->GetRrc()->HasCellId(ue->GetRrc()->GetCellId()))
            {
                result.enbPdcpLcids[ue->GetImsi()] = sec->GetPdcpLcids(ue->GetRrc()->GetRnti());
            }
        }
    }
    if (security)
    {
        for (uint32_t i = 0; i < security->GetNMmes(); ++i)
        {
            Ptr<LteSecMme> mme = security->GetMme(i);
            std::ostringstream text;
            uint32_t dl = 0;
            if (mme->HasContext(1))
            {
                const ltesec::NasSecurityContext& nas = mme->GetContext(1).nas;
                text << "KSI " << +nas.ksiAsme << " " << nas.nasEea << "/" << nas.nasEia << " UL "
                     << nas.ulNasCount << " KASME " << nas.kasme.Fingerprint() << " KNASint "
                     << nas.nasInt.Fingerprint();
                dl = nas.dlNasCount;
            }
            result.mmeNasContexts.push_back(text.str());
            result.mmeDlNasCounts.push_back(dl);
        }
        if (Ptr<LteSecUeRrc> ue = ueDevs.Get(0)->GetObject<LteSecUeRrc>())
        {
            const ltesec::NasSecurityContext& nas = ue->GetNasContext();
            std::ostringstream text;
            text << "KSI " << +nas.ksiAsme << " " << nas.nasEea << "/" << nas.nasEia << " KNASint "
                 << nas.nasInt.Fingerprint();
            result.ueNasContext = text.str();
            result.ueDlNasCount = nas.dlNasCount;
        }
    }
    Simulator::Destroy();
    sinks::EndRun();
    return result;
}

} // namespace ltesec_test
