/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The NAS replay of S3-070553 under mobility: two eNBs in two MME pool areas (MME A and MME B,
 * no X2 between them), a UE driving from A's cell into B's and back, so that it makes two
 * inter-MME S1 handovers (A -> B -> A) on ns-3's real PHY with an A3-RSRP handover algorithm.
 * MME B prefers another NAS integrity algorithm than A, so each handover changes the NAS
 * algorithms. The UE sends TRACKING AREA UPDATE REQUESTs during its first stay at A and after
 * each handover; every NAS message is protected (NAS COUNT, NAS-MAC, ciphering) and travels as
 * bytes in RRC and S1-AP. An adversary on S1-MME records the protected NAS messages of the first
 * stay at A and replays them after the UE is back at A. Per policy for the algorithm change
 * (ns3::LteSecurityHelper::NasAlgorithmChange) the program prints what the receivers did with
 * the replayed messages, and writes them to a CSV.
 *
 *   lte-security-nas-replay --policy=all
 *   lte-security-nas-replay --policy=smc-reset --events=1
 */
#include "lte-sec-example-common.h"

#include "ns3/core-module.h"
#include "ns3/lte-sec-mme-nas.h"
#include "ns3/lte-sec-nas-adversary.h"
#include "ns3/lte-sec-ue-nas.h"
#include "ns3/lte-security-helper.h"
#include "ns3/mobility-module.h"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("LteSecurityNasReplay");

namespace
{

/// The knobs of one run
struct NasReplayConfig
{
    std::string policy{"smc-reset"};       ///< LteSecurityHelper::NasAlgorithmChange
    double distance{500};                  ///< m between the two eNBs
    double speed{20};                      ///< m/s
    double pause{2};                       ///< s the UE stays in B's cell before it turns
    std::vector<double> tauTimes{2, 3};    ///< s: TAU requests during the first stay at A
    std::string nasEiaB{"eia1,eia2,eia3"}; ///< NasEiaPriority of MME B
    bool idealRrc{false};
    bool traffic{true};
    uint32_t seed{1};
    uint32_t run{1};
    bool events{false}; ///< print every NAS message sent and checked
};

/// What one run found
struct NasReplayResult
{
    uint32_t handovers{0}; ///< inter-MME handovers completed (HandoverEndOk at the UE)
    uint32_t recorded{0};  ///< messages the adversary recorded at A
    std::vector<LteSecNasReplayAdversary::Replay> replays;
    uint32_t modeCommands{0};  ///< NAS security mode commands after the first one
    std::ostringstream events; ///< the NAS messages, one line each
};

NasReplayResult* g_result = nullptr;

void
Sent(std::string who,
     uint64_t imsi,
     const std::string& message,
     uint32_t count,
     uint32_t bytes,
     uint32_t securityBytes)
{
    g_result->events << std::fixed << std::setprecision(3) << Simulator::Now().GetSeconds()
                     << " s  " << who << " sent " << message << "  COUNT " << count << "  " << bytes
                     << " B (security " << securityBytes << ")\n";
    if (message == "SECURITY MODE COMMAND" && who != "UE")
    {
        g_result->modeCommands++;
    }
}

void
MmeSent(std::string who,
        uint64_t imsi,
        const std::string& message,
        uint32_t count,
        uint32_t bytes,
        uint32_t securityBytes,
        const std::vector<uint8_t>& pdu)
{
    Sent(who, imsi, message, count, bytes, securityBytes);
}

void
Checked(std::string who,
        uint64_t imsi,
        const std::string& message,
        uint32_t count,
        const std::string& outcome,
        const std::vector<uint8_t>& pdu)
{
    g_result->events << std::fixed << std::setprecision(3) << Simulator::Now().GetSeconds()
                     << " s  " << who << " checked " << (message.empty() ? "?" : message)
                     << "  COUNT " << count << "  " << outcome << "\n";
}

void
HandoverEndOk(uint64_t imsi, uint16_t cellId, uint16_t rnti)
{
    g_result->handovers++;
}

/// Runs the scenario once with one policy
void
RunOnce(const NasReplayConfig& c, NasReplayResult& result)
{
    g_result = &result;
    Ipv4AddressGenerator::Reset();
    RngSeedManager::SetSeed(c.seed);
    RngSeedManager::SetRun(c.run);
    Config::SetDefault("ns3::LteHelper::UseIdealRrc", BooleanValue(c.idealRrc));
    Config::SetDefault("ns3::UdpClient::Interval", TimeValue(MilliSeconds(20)));
    Config::SetDefault("ns3::UdpClient::MaxPackets", UintegerValue(1000000));
    Config::SetDefault("ns3::LteEnbPhy::TxPower", DoubleValue(30.0));

    Ptr<LteHelper> lteHelper = CreateObject<LteHelper>();
    Ptr<PointToPointEpcHelper> epcHelper = CreateLinkedEpc(2, 5, 1);
    lteHelper->SetEpcHelper(epcHelper);
    lteHelper->SetSchedulerType("ns3::RrFfMacScheduler");
    lteHelper->SetHandoverAlgorithmType("ns3::A3RsrpHandoverAlgorithm");
    lteHelper->SetHandoverAlgorithmAttribute("Hysteresis", DoubleValue(3.0));
    lteHelper->SetHandoverAlgorithmAttribute("TimeToTrigger", TimeValue(MilliSeconds(256)));
    epcHelper->AddMme(); // MME B
    Ipv4Address remoteHostAddr;
    Ptr<Node> remoteHost = AddRemoteHost(epcHelper, remoteHostAddr);

    NodeContainer enbNodes;
    enbNodes.Create(2);
    NodeContainer ueNodes;
    ueNodes.Create(1);
    Ptr<ListPositionAllocator> enbPositions = CreateObject<ListPositionAllocator>();
    enbPositions->Add(Vector(0, 0, 0));
    enbPositions->Add(Vector(c.distance, 0, 0));
    epcHelper->SetMmeForEnb(enbNodes.Get(0), 0);
    epcHelper->SetMmeForEnb(enbNodes.Get(1), 1);
    MobilityHelper enbMobility;
    enbMobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    enbMobility.SetPositionAllocator(enbPositions);
    enbMobility.Install(enbNodes);

    // from a quarter of the way into B's cell (three quarters) and back
    MobilityHelper ueMobility;
    ueMobility.SetMobilityModel("ns3::WaypointMobilityModel");
    ueMobility.Install(ueNodes);
    Ptr<WaypointMobilityModel> way = ueNodes.Get(0)->GetObject<WaypointMobilityModel>();
    const double leg = 0.5 * c.distance / c.speed;
    way->AddWaypoint(Waypoint(Seconds(0), Vector(0.25 * c.distance, 20, 0)));
    way->AddWaypoint(Waypoint(Seconds(1), Vector(0.25 * c.distance, 20, 0)));
    way->AddWaypoint(Waypoint(Seconds(1 + leg), Vector(0.75 * c.distance, 20, 0)));
    way->AddWaypoint(Waypoint(Seconds(1 + leg + c.pause), Vector(0.75 * c.distance, 20, 0)));
    way->AddWaypoint(Waypoint(Seconds(1 + 2 * leg + c.pause), Vector(0.25 * c.distance, 20, 0)));
    const double replayAt = 1 + 2 * leg + c.pause + 1;

    NetDeviceContainer enbDevs = lteHelper->InstallEnbDevice(enbNodes);
    NetDeviceContainer ueDevs = lteHelper->InstallUeDevice(ueNodes);
    lteHelper->AssignStreams(enbDevs, 1000);
    lteHelper->AssignStreams(ueDevs, 2000);
    if (c.traffic)
    {
        InstallUdpTraffic(epcHelper, ueNodes, ueDevs, remoteHost, remoteHostAddr);
    }
    else
    {
        InternetStackHelper internet;
        internet.Install(ueNodes);
        epcHelper->AssignUeIpv4Address(ueDevs);
    }

    Ptr<LteSecurityHelper> security = CreateObject<LteSecurityHelper>();
    security->SetAttribute("NasMessages", BooleanValue(true));
    security->SetAttribute("NasAlgorithmChange", StringValue(c.policy));
    security->Install(enbDevs, ueDevs);
    security->GetMme(1)->SetAttribute("NasEiaPriority", StringValue(c.nasEiaB));
    lteHelper->Attach(ueDevs.Get(0), enbDevs.Get(0));

    for (uint32_t m = 0; m < 2; ++m)
    {
        std::string who = m == 0 ? "MME A" : "MME B";
        Ptr<LteSecMmeNas> nas = security->GetMmeNas(m);
        nas->TraceConnectWithoutContext("NasMessageSent", MakeBoundCallback(&MmeSent, who));
        nas->TraceConnectWithoutContext("NasMessageChecked", MakeBoundCallback(&Checked, who));
    }
    Ptr<LteUeNetDevice> ue = DynamicCast<LteUeNetDevice>(ueDevs.Get(0));
    Ptr<LteSecUeNas> ueNas = ue->GetObject<LteSecUeNas>();
    ueNas->TraceConnectWithoutContext("NasMessageSent",
                                      MakeBoundCallback(&Sent, std::string("UE")));
    ueNas->TraceConnectWithoutContext("NasMessageChecked",
                                      MakeBoundCallback(&Checked, std::string("UE")));
    for (double t : c.tauTimes)
    {
        Simulator::Schedule(Seconds(t), &LteSecUeNas::SendTrackingAreaUpdate, ueNas);
    }
    ue->GetRrc()->TraceConnectWithoutContext("HandoverEndOk", MakeCallback(&HandoverEndOk));

    Ptr<LteSecNasReplayAdversary> adversary = CreateObject<LteSecNasReplayAdversary>();
    adversary->Setup(security, 0, ue);
    adversary->ScheduleReplay(Seconds(replayAt));

    Simulator::Stop(Seconds(replayAt + 1));
    Simulator::Run();
    result.recorded = adversary->GetRecorded();
    result.replays = adversary->GetReplays();
    Simulator::Destroy();
    g_result = nullptr;
}

} // namespace

int
main(int argc, char* argv[])
{
    NasReplayConfig c;
    std::string policy = "all";
    std::string tauTimes = "2,3";
    std::string csv = "lte-security-nas-replay.csv";

    CommandLine cmd(__FILE__);
    cmd.AddValue("policy",
                 "NAS algorithm change at MME B and on the return to A: ts33401, smc-reset, "
                 "smc-keep, smc-refresh, or all (LteSecurityHelper::NasAlgorithmChange)",
                 policy);
    cmd.AddValue("distance", "distance between the two eNBs [m]", c.distance);
    cmd.AddValue("speed", "UE speed [m/s]", c.speed);
    cmd.AddValue("pause", "time the UE stays in B's cell before it turns back [s]", c.pause);
    cmd.AddValue("tauTimes",
                 "TAU requests during the first stay at MME A [s, comma-separated]",
                 tauTimes);
    cmd.AddValue("nasEiaB",
                 "NAS integrity priority of MME B (other than A's: new NAS algorithms)",
                 c.nasEiaB);
    cmd.AddValue("idealRrc", "ideal RRC (nothing on the air) instead of real RRC", c.idealRrc);
    cmd.AddValue("traffic", "UDP downlink and uplink for the UE", c.traffic);
    cmd.AddValue("seed", "RNG seed", c.seed);
    cmd.AddValue("run", "RNG run number", c.run);
    cmd.AddValue("events", "print every NAS message sent and checked", c.events);
    cmd.AddValue("csv", "CSV file of the replayed messages (none: no file)", csv);
    cmd.Parse(argc, argv);
    NS_ABORT_MSG_IF(c.distance <= 0, "--distance: must be positive");
    NS_ABORT_MSG_IF(c.speed <= 0, "--speed: must be positive");
    NS_ABORT_MSG_IF(c.pause < 0, "--pause: must not be negative");
    c.tauTimes = ParsePositiveList(tauTimes, "--tauTimes", "time in s");

    std::vector<std::string> policies;
    if (policy == "all")
    {
        policies = {"smc-reset", "smc-keep", "smc-refresh", "ts33401"};
    }
    else
    {
        NS_ABORT_MSG_IF(policy != "ts33401" && policy != "smc-reset" && policy != "smc-keep" &&
                            policy != "smc-refresh",
                        "--policy: unknown value '"
                            << policy << "' (ts33401, smc-reset, smc-keep, smc-refresh, all)");
        policies = {policy};
    }

    std::ofstream out;
    if (!csv.empty() && csv != "none")
    {
        out.open(csv);
        NS_ABORT_MSG_IF(!out, "--csv: cannot write '" << csv << "'");
        out << "policy,direction,message,recorded_count,outcome\n";
    }
    std::cout << "UE A -> B -> A (" << (c.idealRrc ? "ideal" : "real")
              << " RRC); the adversary replays at MME A's S1-MME what it recorded there\n"
              << std::left << std::setw(13) << "policy" << std::right << std::setw(11)
              << "handovers" << std::setw(10) << "recorded" << std::setw(10) << "accepted"
              << std::setw(8) << "replay" << std::setw(11) << "integrity" << std::setw(7) << "other"
              << "  mode commands after the first\n";
    for (const std::string& p : policies)
    {
        c.policy = p;
        NasReplayResult r;
        RunOnce(c, r);
        if (c.events)
        {
            std::cout << "--- " << p << "\n" << r.events.str();
        }
        uint32_t accepted = 0;
        uint32_t replay = 0;
        uint32_t integrity = 0;
        for (const auto& rep : r.replays)
        {
            accepted += rep.outcome == "accepted";
            replay += rep.outcome == "replay";
            integrity += rep.outcome == "integrity";
            if (out.is_open())
            {
                out << p << "," << rep.direction << "," << rep.message << "," << rep.count << ","
                    << rep.outcome << "\n";
            }
        }
        const uint32_t other = r.replays.size() - accepted - replay - integrity;
        std::cout << std::left << std::setw(13) << p << std::right << std::setw(11) << r.handovers
                  << std::setw(10) << r.recorded << std::setw(10) << accepted << std::setw(8)
                  << replay << std::setw(11) << integrity << std::setw(7) << other << std::setw(9)
                  << (r.modeCommands > 0 ? r.modeCommands - 1 : 0) << "\n";
    }
    return 0;
}
