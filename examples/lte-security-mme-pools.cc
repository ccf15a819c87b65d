/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The design's two handover procedures under mobility: eNBs in a row split into MME pool areas,
 * X2 between neighbours inside each area and none across, UEs driving along the row with ns-3's
 * real PHY and an A3-RSRP handover algorithm. Inside an area a handover goes over X2 (or S1 with
 * --forceS1); across the border it is an inter-MME S1 handover: KeNB and the NAS security context
 * travel source eNB -> source MME -> S10 -> target MME -> target eNB as S1AP and GTPv2-C bytes on
 * point-to-point links. Prints one line per handover (type, cells, MMEs, keys, latency, bytes and
 * security bytes per interface), a summary per type, and writes a CSV.
 *
 *   lte-security-mme-pools --pools=2 --enbsPerPool=2 --numUes=3 --speed=20 --pcap=1
 */
#include "lte-sec-example-common.h"

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/lte-module.h"
#include "ns3/lte-sec-handover-recorder.h"
#include "ns3/lte-security-helper.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("LteSecurityMmePools");

int
main(int argc, char* argv[])
{
    uint16_t pools = 2;
    uint16_t enbsPerPool = 2;
    uint16_t numUes = 3;
    double distance = 500.0; // m between eNBs
    double speed = 20.0;     // m/s
    double simTime = 0;      // s; 0: until the first UE passes the last eNB
    bool security = true;
    bool idealRrc = false;
    bool forceS1 = false;
    bool kenbInHandoverRequired = true;
    std::string nasEiaPriority2 = "eia2,eia1,eia3"; // the second pool's MME
    double s1mmeDelayMs = 2;
    double s10DelayMs = 5;
    double x2DelayMs = 1;
    double hysteresis = 3.0;
    uint32_t timeToTriggerMs = 256;
    uint32_t seed = 1;
    uint32_t run = 1;
    bool pcap = false;
    std::string csv = "lte-security-mme-pools.csv";
    bool quiet = false;

    CommandLine cmd(__FILE__);
    cmd.AddValue("pools", "number of MME pool areas (one MME each)", pools);
    cmd.AddValue("enbsPerPool", "eNBs per pool area, in a row", enbsPerPool);
    cmd.AddValue("numUes", "number of UEs, driving along the row from different places", numUes);
    cmd.AddValue("distance", "distance between eNBs [m]", distance);
    cmd.AddValue("speed", "UE speed [m/s]", speed);
    cmd.AddValue("simTime", "simulated time [s] (0: until the UEs pass the last eNB)", simTime);
    cmd.AddValue("security", "enable AS security (lte-security module)", security);
    cmd.AddValue("idealRrc", "ideal RRC (nothing on the air) instead of real RRC", idealRrc);
    cmd.AddValue("forceS1", "hand over by S1 inside a pool area too (no X2 handover)", forceS1);
    cmd.AddValue("kenbInHandoverRequired",
                 "the source eNB sends KeNB in HANDOVER REQUIRED (else the MME uses its own)",
                 kenbInHandoverRequired);
    cmd.AddValue("nasEiaPriority2",
                 "NAS integrity priority of the MMEs after the first (new NAS keys if it changes)",
                 nasEiaPriority2);
    cmd.AddValue("s1mmeDelay", "one-way delay of the S1-MME links [ms]", s1mmeDelayMs);
    cmd.AddValue("s10Delay", "one-way delay of the S10 links [ms]", s10DelayMs);
    cmd.AddValue("x2Delay", "one-way delay of the X2 links [ms]", x2DelayMs);
    cmd.AddValue("hysteresis", "A3 hysteresis [dB]", hysteresis);
    cmd.AddValue("timeToTrigger", "A3 time to trigger [ms]", timeToTriggerMs);
    cmd.AddValue("seed", "RNG seed", seed);
    cmd.AddValue("run", "RNG run number", run);
    cmd.AddValue("pcap",
                 "write pcaps of the S1-MME links (s1mme-*.pcap) and S10 links (s10-*)",
                 pcap);
    cmd.AddValue("csv", "CSV file of handovers (none: no file)", csv);
    cmd.AddValue("quiet", "print the summary only", quiet);
    cmd.Parse(argc, argv);

    NS_ABORT_MSG_IF(pools < 1, "--pools: at least 1");
    NS_ABORT_MSG_IF(enbsPerPool < 1, "--enbsPerPool: at least 1");
    NS_ABORT_MSG_IF(pools * enbsPerPool < 2, "--pools x --enbsPerPool: at least 2 eNBs");
    NS_ABORT_MSG_IF(numUes < 1, "--numUes: at least 1 UE");
    NS_ABORT_MSG_IF(speed <= 0, "--speed: must be positive");
    NS_ABORT_MSG_IF(distance <= 0, "--distance: must be positive");
    NS_ABORT_MSG_IF(s1mmeDelayMs < 0 || s10DelayMs < 0 || x2DelayMs < 0,
                    "--s1mmeDelay, --s10Delay, --x2Delay: must not be negative");
    uint16_t numEnbs = pools * enbsPerPool;
    if (simTime <= 0)
    {
        simTime = (numEnbs * distance) / speed + 1;
    }

    RngSeedManager::SetSeed(seed);
    RngSeedManager::SetRun(run);
    Config::SetDefault("ns3::LteHelper::UseIdealRrc", BooleanValue(idealRrc));
    Config::SetDefault("ns3::UdpClient::Interval", TimeValue(MilliSeconds(20)));
    Config::SetDefault("ns3::UdpClient::MaxPackets", UintegerValue(1000000));
    Config::SetDefault("ns3::LteEnbPhy::TxPower", DoubleValue(30.0));
    Config::SetDefault("ns3::LteEnbRrc::ForceS1Handover", BooleanValue(forceS1));

    Ptr<LteHelper> lteHelper = CreateObject<LteHelper>();
    Ptr<PointToPointEpcHelper> epcHelper = CreateObject<PointToPointEpcHelper>();
    epcHelper->SetAttribute("S1apLink", BooleanValue(true));
    epcHelper->SetAttribute("S1mmeLinkDelay", TimeValue(MilliSeconds(s1mmeDelayMs)));
    epcHelper->SetAttribute("S10LinkDelay", TimeValue(MilliSeconds(s10DelayMs)));
    epcHelper->SetAttribute("X2LinkDelay", TimeValue(MilliSeconds(x2DelayMs)));
    epcHelper->SetAttribute("S1mmeLinkEnablePcap", BooleanValue(pcap));
    epcHelper->SetAttribute("S10LinkEnablePcap", BooleanValue(pcap));
    lteHelper->SetEpcHelper(epcHelper);
    lteHelper->SetSchedulerType("ns3::RrFfMacScheduler");
    lteHelper->SetHandoverAlgorithmType("ns3::A3RsrpHandoverAlgorithm");
    lteHelper->SetHandoverAlgorithmAttribute("Hysteresis", DoubleValue(hysteresis));
    lteHelper->SetHandoverAlgorithmAttribute("TimeToTrigger",
                                             TimeValue(MilliSeconds(timeToTriggerMs)));
    for (uint16_t p = 1; p < pools; ++p)
    {
        epcHelper->AddMme();
    }

    // remote host behind the PGW
    Ipv4Address remoteHostAddr;
    Ptr<Node> remoteHost = AddRemoteHost(epcHelper, remoteHostAddr);

    // eNBs in a row, pool area by pool area; UEs spread along the first half, driving on
    NodeContainer enbNodes;
    enbNodes.Create(numEnbs);
    NodeContainer ueNodes;
    ueNodes.Create(numUes);
    Ptr<ListPositionAllocator> enbPositions = CreateObject<ListPositionAllocator>();
    for (uint16_t i = 0; i < numEnbs; ++i)
    {
        enbPositions->Add(Vector(distance * i, 0, 0));
        epcHelper->SetMmeForEnb(enbNodes.Get(i), i / enbsPerPool); // the pool areas
    }
    MobilityHelper enbMobility;
    enbMobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    enbMobility.SetPositionAllocator(enbPositions);
    enbMobility.Install(enbNodes);
    MobilityHelper ueMobility;
    ueMobility.SetMobilityModel("ns3::ConstantVelocityMobilityModel");
    ueMobility.Install(ueNodes);
    for (uint16_t i = 0; i < numUes; ++i)
    {
        Ptr<ConstantVelocityMobilityModel> m =
            ueNodes.Get(i)->GetObject<ConstantVelocityMobilityModel>();
        m->SetPosition(Vector(distance * (numEnbs - 1) * i / (2.0 * numUes), 20.0 + 10.0 * i, 0));
        m->SetVelocity(Vector(speed, 0, 0));
    }

    NetDeviceContainer enbDevs = lteHelper->InstallEnbDevice(enbNodes);
    NetDeviceContainer ueDevs = lteHelper->InstallUeDevice(ueNodes);
    InstallUdpTraffic(epcHelper, ueNodes, ueDevs, remoteHost, remoteHostAddr);

    Ptr<LteSecurityHelper> securityHelper;
    if (security)
    {
        securityHelper = CreateObject<LteSecurityHelper>();
        securityHelper->SetEnbAttribute("KenbInHandoverRequired",
                                        BooleanValue(kenbInHandoverRequired));
        securityHelper->Install(enbDevs, ueDevs);
        for (uint32_t m = 1; m < securityHelper->GetNMmes(); ++m)
        {
            securityHelper->GetMme(m)->SetAttribute("NasEiaPriority", StringValue(nasEiaPriority2));
        }
    }
    // every UE attaches to the eNB it starts nearest to
    for (uint32_t u = 0; u < ueDevs.GetN(); ++u)
    {
        double x = ueNodes.Get(u)->GetObject<MobilityModel>()->GetPosition().x;
        uint32_t nearest = std::min<uint32_t>(numEnbs - 1, uint32_t(x / distance + 0.5));
        lteHelper->Attach(ueDevs.Get(u), enbDevs.Get(nearest));
    }

    // X2 between neighbours of one pool area, none across the border
    for (uint16_t i = 0; i + 1 < numEnbs; ++i)
    {
        if (i / enbsPerPool == (i + 1) / enbsPerPool)
        {
            lteHelper->AddX2Interface(enbNodes.Get(i), enbNodes.Get(i + 1));
        }
    }

    Ptr<LteSecHandoverRecorder> recorder = CreateObject<LteSecHandoverRecorder>();
    for (uint32_t i = 0; i < enbDevs.GetN(); ++i)
    {
        recorder->SetCellMme(DynamicCast<LteEnbNetDevice>(enbDevs.Get(i))->GetCellId(),
                             i / enbsPerPool);
    }
    recorder->Install(securityHelper);

    Simulator::Stop(Seconds(simTime));
    Simulator::Run();

    // per handover, then per type
    struct Totals
    {
        uint32_t count{0};
        uint32_t completed{0};
        uint32_t agree{0};
        double latencyMs{0};
        std::map<std::string, uint64_t> bytes;
        std::map<std::string, uint64_t> securityBytes;
    };

    std::map<std::string, Totals> byType;
    for (const auto& r : recorder->GetRecords())
    {
        if (!quiet)
        {
            LteSecHandoverRecorder::Print(std::cout, r);
        }
        Totals& t = byType[r.type];
        t.count++;
        if (r.outcome == "completed")
        {
            t.completed++;
            t.agree += r.asKeys == "agree";
            t.latencyMs += r.LatencyMs();
            for (const auto& b : r.bytes)
            {
                t.bytes[b.first] += b.second;
            }
            for (const auto& b : r.securityBytes)
            {
                t.securityBytes[b.first] += b.second;
            }
        }
    }
    std::cout << "Summary (" << (security ? "security on" : "security off")
              << (idealRrc ? ", ideal RRC" : ", real RRC") << "): mean per completed handover\n";
    for (const auto& [type, t] : byType)
    {
        std::cout << "  " << std::left << std::setw(13) << type << std::right << " " << t.completed
                  << "/" << t.count << " completed, " << t.agree << " with AS keys agreeing";
        if (t.completed > 0)
        {
            std::cout << ", latency " << std::fixed << std::setprecision(1)
                      << t.latencyMs / t.completed << " ms, bytes";
            for (const std::string& i : LteSecHandoverRecorder::Interfaces())
            {
                uint64_t b = t.bytes.count(i) ? t.bytes.at(i) : 0;
                uint64_t s = t.securityBytes.count(i) ? t.securityBytes.at(i) : 0;
                if (b)
                {
                    std::cout << " " << i << " " << b / t.completed << " (security "
                              << s / t.completed << ")";
                }
                else if (s)
                {
                    std::cout << " " << i << " security " << s / t.completed;
                }
            }
        }
        std::cout << "\n";
    }
    if (!csv.empty() && csv != "none")
    {
        std::ofstream out(csv);
        NS_ABORT_MSG_IF(!out, "--csv: cannot write '" << csv << "'");
        recorder->WriteCsv(out);
    }
    Simulator::Destroy();
    return 0;
}
