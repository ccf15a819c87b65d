/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The handover campaign of ns-3's LTE user guide ("Handover simulation campaign",
 * lte-user.rst), rebuilt with the module and the handover records: lena-dual-stripe's macro
 * layer with nBlocks=0 nMacroEnbSites=7 nMacroEnbSitesX=2 (2-3-2 sites, 21 cells, ISD 500 m),
 * 46 dBm cells, 10 dBm UEs, hybrid buildings propagation (no buildings), parabolic 70 degrees /
 * 20 dB, macroUeDensity 2e-5 (41 UEs in ns-3.37), steady-state random waypoint at 16 m/s,
 * full-buffer TCP both ways on a dedicated bearer, PF scheduler, SRS periodicity 80, ideal RRC,
 * X2 between every pair of cells, one handover algorithm on its defaults (A3-RSRP, A2-A4-RSRQ or
 * none), 50 s. The guide asks for 60 km/h (outdoorUeMinSpeed=outdoorUeMaxSpeed=16.6667), but
 * lena-dual-stripe reads those values into uint16_t variables, so its UEs move at 16 m/s. The user
 * guide publishes 0.04771 (A3) and 0.05694 (A2-A4) handovers per UE per second, the mean of
 * RngRun 1-4; with the module off this program is that campaign, with it on the same radio plus
 * the security bytes.
 *
 *   lte-security-ns3-reference --security=0 --algorithm=a3 --run=1
 *   lte-security-ns3-reference --scheme=ts33401 --algorithm=a2a4 --run=2
 */
#include "lte-sec-macro-scenario.h"

#include "ns3/applications-module.h"
#include "ns3/buildings-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/lte-module.h"
#include "ns3/mobility-module.h"

#include <cmath>
#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("LteSecurityNs3Reference");

namespace
{

/// The user guide's knobs (lena-dual-stripe's global values of the campaign)
struct ReferenceConfig
{
    double simTime{50};
    uint32_t sites{7};
    uint32_t sitesX{2};
    double isd{500};
    double margin{0.5};   ///< areaMarginFactor
    double density{2e-5}; ///< macroUeDensity, UEs per m^2
    double speed{16};     ///< m/s: what lena-dual-stripe runs when given 16.6667 (see above)
    std::string algorithm{"a3"};
    std::string traffic{"tcp"};
    bool idealRrc{true};
    bool security{true};
    std::string scheme{"seed"};
    double s1mmeDelayMs{0};
    double x2DelayMs{0};
    bool s1apLink{true};
    uint16_t srsPeriodicity{80}; ///< lena-dual-stripe's srsPeriodicity
    uint32_t seed{1};
    uint32_t run{1};
    double progress{0};
    bool sqlite{false};
};

uint32_t g_handoverEndOk = 0; ///< the user guide's count: the UEs' HandoverEndOk

void
CountHandoverEndOk(std::string, uint64_t, uint16_t, uint16_t)
{
    ++g_handoverEndOk;
}

/// lena-dual-stripe's macro UE box: the hex grid of \p c.sites sites plus a margin
Box
MacroUeBox(const ReferenceConfig& c)
{
    uint32_t currentSite = c.sites - 1;
    uint32_t biRowIndex = currentSite / (2 * c.sitesX + 1);
    uint32_t biRowRemainder = currentSite % (2 * c.sitesX + 1);
    uint32_t rows = biRowIndex * 2 + 1 + (biRowRemainder >= c.sitesX ? 1 : 0);
    return Box(-c.margin * c.isd,
               (c.sitesX + c.margin) * c.isd,
               -c.margin * c.isd,
               (rows - 1) * c.isd * std::sqrt(0.75) + c.margin * c.isd,
               1.5,
               1.5);
}

/// Full-buffer TCP (BulkSend) or UDP (1 ms) both ways on a dedicated bearer, as lena-dual-stripe
void
InstallTraffic(const ReferenceConfig& c,
               Ptr<LteHelper> lte,
               Ptr<PointToPointEpcHelper> epc,
               NodeContainer ues,
               NetDeviceContainer ueDevs,
               Ipv4InterfaceContainer ueIps,
               Ptr<Node> remoteHost,
               Ipv4Address remoteAddress)
{
    Ptr<UniformRandomVariable> start = CreateObject<UniformRandomVariable>();
    start->SetAttribute("Min", DoubleValue(c.traffic == "udp" ? 0 : 0.100));
    start->SetAttribute("Max", DoubleValue(c.traffic == "udp" ? 0.010 : 0.110));
    start->SetStream(7000);
    std::string factory = c.traffic == "udp" ? "ns3::UdpSocketFactory" : "ns3::TcpSocketFactory";
    Ipv4StaticRoutingHelper routing;
    for (uint32_t u = 0; u < ues.GetN(); ++u)
    {
        routing.GetStaticRouting(ues.Get(u)->GetObject<Ipv4>())
            ->SetDefaultRoute(epc->GetUeDefaultGatewayAddress(), 1);
        uint16_t dlPort = 10001 + u;
        uint16_t ulPort = 20001 + u;
        // installed in lena-dual-stripe's order: downlink client and sink, uplink client and sink
        ApplicationContainer clients;
        ApplicationContainer servers;
        PacketSinkHelper dlSink(factory, InetSocketAddress(Ipv4Address::GetAny(), dlPort));
        PacketSinkHelper ulSink(factory, InetSocketAddress(Ipv4Address::GetAny(), ulPort));
        if (c.traffic == "udp")
        {
            clients.Add(UdpClientHelper(ueIps.GetAddress(u), dlPort).Install(remoteHost));
            servers.Add(dlSink.Install(ues.Get(u)));
            clients.Add(UdpClientHelper(remoteAddress, ulPort).Install(ues.Get(u)));
            servers.Add(ulSink.Install(remoteHost));
        }
        else
        {
            BulkSendHelper dl(factory, InetSocketAddress(ueIps.GetAddress(u), dlPort));
            dl.SetAttribute("MaxBytes", UintegerValue(0));
            clients.Add(dl.Install(remoteHost));
            servers.Add(dlSink.Install(ues.Get(u)));
            BulkSendHelper ul(factory, InetSocketAddress(remoteAddress, ulPort));
            ul.SetAttribute("MaxBytes", UintegerValue(0));
            clients.Add(ul.Install(ues.Get(u)));
            servers.Add(ulSink.Install(remoteHost));
        }
        Ptr<EpcTft> tft = Create<EpcTft>();
        EpcTft::PacketFilter dlpf;
        dlpf.localPortStart = dlPort;
        dlpf.localPortEnd = dlPort;
        tft->Add(dlpf);
        EpcTft::PacketFilter ulpf;
        ulpf.remotePortStart = ulPort;
        ulpf.remotePortEnd = ulPort;
        tft->Add(ulpf);
        lte->ActivateDedicatedEpsBearer(ueDevs.Get(u),
                                        EpsBearer(EpsBearer::NGBR_VIDEO_TCP_DEFAULT),
                                        tft);
        Time t = Seconds(start->GetValue());
        servers.Start(t);
        clients.Start(t);
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    ReferenceConfig c;
    std::string prefix = "lte-security-ns3-reference";
    CommandLine cmd(__FILE__);
    cmd.AddValue("simTime", "simulated time [s]", c.simTime);
    cmd.AddValue("sites", "macro sites (lena-dual-stripe's nMacroEnbSites)", c.sites);
    cmd.AddValue("sitesX", "sites in the first row (nMacroEnbSitesX)", c.sitesX);
    cmd.AddValue("isd", "inter-site distance [m]", c.isd);
    cmd.AddValue("density", "macro UEs per m^2 (macroUeDensity)", c.density);
    cmd.AddValue("speed",
                 "UE speed [m/s] (lena-dual-stripe's outdoorUeMin/MaxSpeed, after its truncation "
                 "to an integer)",
                 c.speed);
    cmd.AddValue("srsPeriodicity", "SRS periodicity [ms] (lena-dual-stripe's)", c.srsPeriodicity);
    cmd.AddValue("algorithm",
                 "handover algorithm: a3 (A3-RSRP), a2a4 (A2-A4-RSRQ), noop",
                 c.algorithm);
    cmd.AddValue("traffic", "tcp (full buffer, the campaign's) or udp (1 ms)", c.traffic);
    cmd.AddValue("idealRrc", "ideal RRC (the campaign's) or real RRC", c.idealRrc);
    cmd.AddValue("security", "enable AS security (lte-security module)", c.security);
    cmd.AddValue("scheme", "key-handling scheme: " + LteSecScheme::Names(), c.scheme);
    cmd.AddValue("s1mmeDelay", "one-way delay of the S1-MME links [ms]", c.s1mmeDelayMs);
    cmd.AddValue("x2Delay", "one-way delay of the X2 links [ms] (ns-3's default: 0)", c.x2DelayMs);
    cmd.AddValue("s1apLink",
                 "S1-AP on links (false: ns-3's direct calls, as lena-dual-stripe; needs "
                 "--security=0)",
                 c.s1apLink);
    cmd.AddValue("seed", "RNG seed", c.seed);
    cmd.AddValue("run", "RNG run (the campaign's RngRun)", c.run);
    cmd.AddValue("progress", "simulated seconds between progress lines on stderr", c.progress);
    cmd.AddValue("sqlite",
                 "also write the records and the summary as the tables handovers and summary of "
                 "<prefix>.sqlite",
                 c.sqlite);
    cmd.AddValue("prefix", "output files: <prefix>-handovers.csv and <prefix>-summary.csv", prefix);
    cmd.Parse(argc, argv);
    NS_ABORT_MSG_IF(!(c.simTime > 0), "--simTime: must be positive");
    NS_ABORT_MSG_IF(c.sites < 1 || c.sitesX < 1, "--sites, --sitesX: at least 1");
    NS_ABORT_MSG_IF(!(c.density > 0), "--density: must be positive");
    NS_ABORT_MSG_IF(!(c.speed > 0), "--speed: must be positive");
    NS_ABORT_MSG_IF(c.algorithm != "a3" && c.algorithm != "a2a4" && c.algorithm != "noop",
                    "--algorithm: a3, a2a4 or noop, not '" << c.algorithm << "'");
    NS_ABORT_MSG_IF(c.traffic != "tcp" && c.traffic != "udp",
                    "--traffic: tcp or udp, not '" << c.traffic << "'");
    NS_ABORT_MSG_IF(c.security && !c.s1apLink, "--s1apLink=0: only with --security=0");

    RngSeedManager::SetSeed(c.seed);
    RngSeedManager::SetRun(c.run);
    Config::SetDefault("ns3::UdpClient::Interval", TimeValue(MilliSeconds(1)));
    Config::SetDefault("ns3::UdpClient::MaxPackets", UintegerValue(1000000));
    Config::SetDefault("ns3::LteRlcUm::MaxTxBufferSize", UintegerValue(10 * 1024));
    Config::SetDefault("ns3::LteHelper::UseIdealRrc", BooleanValue(c.idealRrc));
    Config::SetDefault("ns3::LteEnbPhy::TxPower", DoubleValue(46));
    Config::SetDefault("ns3::LteUePhy::TxPower", DoubleValue(10));
    Config::SetDefault("ns3::LteEnbRrc::SrsPeriodicity", UintegerValue(c.srsPeriodicity));

    Box box = MacroUeBox(c);
    uint32_t numUes = std::round((box.xMax - box.xMin) * (box.yMax - box.yMin) * c.density);
    NS_ABORT_MSG_IF(numUes < 1, "--density: gives no UE in the area");

    // nodes first and then the helpers, in lena-dual-stripe's order (node ids as in its runs)
    NodeContainer enbs;
    enbs.Create(3 * c.sites);
    NodeContainer ues;
    ues.Create(numUes);
    Ptr<LteHelper> lte = CreateObject<LteHelper>();
    lte->SetAttribute("PathlossModel", StringValue("ns3::HybridBuildingsPropagationLossModel"));
    lte->SetPathlossModelAttribute("ShadowSigmaExtWalls", DoubleValue(0));
    lte->SetPathlossModelAttribute("ShadowSigmaOutdoor", DoubleValue(1));
    lte->SetPathlossModelAttribute("ShadowSigmaIndoor", DoubleValue(1.5));
    lte->SetPathlossModelAttribute("Los2NlosThr", DoubleValue(1e6));
    lte->SetSpectrumChannelType("ns3::MultiModelSpectrumChannel");
    lte->SetSchedulerType("ns3::PfFfMacScheduler");
    lte->SetHandoverAlgorithmType(c.algorithm == "a3"     ? "ns3::A3RsrpHandoverAlgorithm"
                                  : c.algorithm == "a2a4" ? "ns3::A2A4RsrqHandoverAlgorithm"
                                                          : "ns3::NoOpHandoverAlgorithm");
    Ptr<PointToPointEpcHelper> epc = CreateLinkedEpc(c.s1mmeDelayMs, 0, c.x2DelayMs);
    epc->SetAttribute("S1apLink", BooleanValue(c.s1apLink));
    lte->SetEpcHelper(epc);

    MobilityHelper fixed;
    fixed.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    fixed.Install(enbs);
    BuildingsHelper::Install(enbs);
    Ptr<LteHexGridEnbTopologyHelper> grid = CreateObject<LteHexGridEnbTopologyHelper>();
    grid->SetLteHelper(lte);
    grid->SetAttribute("InterSiteDistance", DoubleValue(c.isd));
    grid->SetAttribute("MinX", DoubleValue(c.isd / 2));
    grid->SetAttribute("GridWidth", UintegerValue(c.sitesX));
    lte->SetEnbAntennaModelType("ns3::ParabolicAntennaModel");
    lte->SetEnbAntennaModelAttribute("Beamwidth", DoubleValue(70));
    lte->SetEnbAntennaModelAttribute("MaxAttenuation", DoubleValue(20.0));
    lte->SetEnbDeviceAttribute("DlEarfcn", UintegerValue(100));
    lte->SetEnbDeviceAttribute("UlEarfcn", UintegerValue(18100));
    lte->SetEnbDeviceAttribute("DlBandwidth", UintegerValue(25));
    lte->SetEnbDeviceAttribute("UlBandwidth", UintegerValue(25));
    NetDeviceContainer enbDevs = grid->SetPositionAndInstallEnbDevice(enbs);
    lte->AddX2Interface(enbs);

    Config::SetDefault("ns3::SteadyStateRandomWaypointMobilityModel::MinX", DoubleValue(box.xMin));
    Config::SetDefault("ns3::SteadyStateRandomWaypointMobilityModel::MinY", DoubleValue(box.yMin));
    Config::SetDefault("ns3::SteadyStateRandomWaypointMobilityModel::MaxX", DoubleValue(box.xMax));
    Config::SetDefault("ns3::SteadyStateRandomWaypointMobilityModel::MaxY", DoubleValue(box.yMax));
    Config::SetDefault("ns3::SteadyStateRandomWaypointMobilityModel::Z", DoubleValue(1.5));
    Config::SetDefault("ns3::SteadyStateRandomWaypointMobilityModel::MaxSpeed",
                       DoubleValue(c.speed));
    Config::SetDefault("ns3::SteadyStateRandomWaypointMobilityModel::MinSpeed",
                       DoubleValue(c.speed));
    MobilityHelper moving;
    moving.SetMobilityModel("ns3::SteadyStateRandomWaypointMobilityModel");
    moving.SetPositionAllocator(CreateObject<RandomBoxPositionAllocator>());
    moving.Install(ues);
    MobilityHelper().AssignStreams(ues, 3000);
    for (uint32_t u = 0; u < ues.GetN(); ++u)
    {
        ues.Get(u)->Initialize();
    }
    BuildingsHelper::Install(ues);
    NetDeviceContainer ueDevs = lte->InstallUeDevice(ues);
    int64_t stream = 1000;
    stream += lte->AssignStreams(enbDevs, stream);
    stream += lte->AssignStreams(ueDevs, stream);
    // the shadowing of the buildings pathloss, per link direction
    lte->GetDownlinkSpectrumChannel()->GetPropagationLossModel()->AssignStreams(5000);
    lte->GetUplinkSpectrumChannel()->GetPropagationLossModel()->AssignStreams(5100);

    Ipv4Address remoteAddress;
    Ptr<Node> remoteHost = AddRemoteHost(epc, remoteAddress);
    Ptr<LteSecurityHelper> security;
    if (c.security)
    {
        security = CreateObject<LteSecurityHelper>();
        security->SetAttribute("Scheme", StringValue(c.scheme));
        security->Install(enbDevs, ueDevs);
        security->AssignStreams(enbDevs, 9000);
    }
    InternetStackHelper().Install(ues);
    Ipv4InterfaceContainer ueIps = epc->AssignUeIpv4Address(ueDevs);
    lte->Attach(ueDevs); // after the IP stack, before the bearers, as lena-dual-stripe
    InstallTraffic(c, lte, epc, ues, ueDevs, ueIps, remoteHost, remoteAddress);

    Ptr<LteSecHandoverRecorder> recorder = CreateObject<LteSecHandoverRecorder>();
    for (uint32_t i = 0; i < enbDevs.GetN(); ++i)
    {
        uint16_t cell = DynamicCast<LteEnbNetDevice>(enbDevs.Get(i))->GetCellId();
        recorder->SetCellMme(cell, 0);
        recorder->SetCellSite(cell, i / 3); // the hex grid helper's three sectors per site
    }
    recorder->Install(security);
    Config::Connect("/NodeList/*/DeviceList/*/LteUeRrc/HandoverEndOk",
                    MakeCallback(&CountHandoverEndOk));
    std::function<void()> tick = [&]() {
        std::cerr << "t = " << Simulator::Now().GetSeconds() << " / " << c.simTime << " s, "
                  << recorder->GetRecords().size() << " handover attempts" << std::endl;
        Simulator::Schedule(Seconds(c.progress), tick);
    };
    if (c.progress > 0)
    {
        Simulator::Schedule(Seconds(c.progress), tick);
    }
    Simulator::Stop(Seconds(c.simTime));
    Simulator::Run();

    using F = LteSecField;
    LteSecRow knobs{F::Text("scenario", "ns3-reference"),
                    F::Text("algorithm", c.algorithm),
                    F::Text("rrc", c.idealRrc ? "ideal" : "real"),
                    F::Text("traffic", c.traffic),
                    F::Integer("seed", c.seed),
                    F::Integer("run", c.run)};
    std::string header = LteSecCsvHeader(knobs) + ",";
    std::ostringstream lead;
    lead << LteSecCsvLine(knobs) << ",";
    std::ostringstream records;
    recorder->WriteCsv(records);
    std::ofstream handovers(prefix + "-handovers.csv");
    WritePrefixed(handovers, records.str(), header, lead.str());
    LteSecRunSummary sum = recorder->Summarise(numUes, c.simTime);
    std::ostringstream summary;
    LteSecHandoverRecorder::WriteSummaryCsv(summary, sum, true);
    std::ofstream out(prefix + "-summary.csv");
    WritePrefixed(out,
                  summary.str(),
                  header + "handover_end_ok,",
                  lead.str() + std::to_string(g_handoverEndOk) + ",");
    if (c.sqlite)
    {
        WriteSqliteOutputs(prefix + ".sqlite",
                           *recorder,
                           knobs,
                           sum,
                           {F::Integer("handover_end_ok", g_handoverEndOk)});
    }
    std::cout << "ns-3 reference campaign (" << c.algorithm << ", RngRun " << c.run << ", "
              << (c.security ? c.scheme : "security off") << "): " << numUes << " UEs, "
              << c.simTime << " s, " << g_handoverEndOk
              << " HandoverEndOk = " << g_handoverEndOk / (numUes * c.simTime)
              << " handovers per UE per s (user guide, "
              << "mean of RngRun 1-4: A3 0.04771, A2-A4 0.05694); " << sum.attempts << " attempts, "
              << sum.failed << " failed, " << sum.rlfs << " RLFs, "
              << sum.SecurityBytesPerHandover() << " security bytes per attempt" << std::endl;
    Simulator::Destroy();
    return 0;
}
