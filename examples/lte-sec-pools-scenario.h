/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The MME pool-area scenario of lte-security-mme-pools and lte-security-scheme-comparison: eNBs in
 * a row split into pool areas (one MME each), X2 between neighbours inside an area and none
 * across, UEs driving along the row with ns-3's real PHY and an A3-RSRP handover algorithm, UDP
 * both ways. Handovers inside an area go over X2 (or S1 with forceS1), across the border over S1
 * between MMEs.
 */
#ifndef LTE_SEC_POOLS_SCENARIO_H
#define LTE_SEC_POOLS_SCENARIO_H

#include "lte-sec-example-common.h"

#include "ns3/core-module.h"
#include "ns3/lte-module.h"
#include "ns3/lte-sec-handover-recorder.h"
#include "ns3/lte-sec-key-audit.h"
#include "ns3/lte-security-helper.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

#include <map>
#include <string>
#include <vector>

namespace ns3
{

/// The knobs of the pool-area scenario (the examples' CommandLine arguments).
struct PoolsScenarioConfig
{
    uint16_t pools{2};          ///< MME pool areas, one MME each
    uint16_t enbsPerPool{2};    ///< eNBs per pool area, in a row
    uint16_t numUes{3};         ///< UEs driving along the row
    double distance{500.0};     ///< m between eNBs
    double speed{20.0};         ///< m/s
    double simTime{0};          ///< s; 0: until the UEs pass the last eNB
    bool security{true};        ///< the lte-security module on
    std::string scheme{"seed"}; ///< LteSecurityHelper::Scheme
    bool idealRrc{false};       ///< ideal RRC instead of real RRC
    bool forceS1{false};        ///< S1 handover inside a pool area too
    bool kenbInHandoverRequired{true};
    std::string nasEiaPriority2{"eia2,eia1,eia3"}; ///< NasEiaPriority of the MMEs after the first
    double s1mmeDelayMs{2};
    double s10DelayMs{5};
    double x2DelayMs{1};
    double hysteresis{3.0};
    uint32_t timeToTriggerMs{256};
    uint32_t seed{1};
    uint32_t run{1};
    bool pcap{false}; ///< pcaps of the S1-MME and S10 links
};

/// Aborts naming the argument if a knob is impossible; fills simTime when 0.
inline void
CheckPoolsScenarioConfig(PoolsScenarioConfig& c)
{
    NS_ABORT_MSG_IF(c.pools < 1, "--pools: at least 1");
    NS_ABORT_MSG_IF(c.enbsPerPool < 1, "--enbsPerPool: at least 1");
    NS_ABORT_MSG_IF(c.pools * c.enbsPerPool < 2, "--pools x --enbsPerPool: at least 2 eNBs");
    NS_ABORT_MSG_IF(c.numUes < 1, "--numUes: at least 1 UE");
    NS_ABORT_MSG_IF(c.speed <= 0, "--speed: must be positive");
    NS_ABORT_MSG_IF(c.distance <= 0, "--distance: must be positive");
    NS_ABORT_MSG_IF(c.s1mmeDelayMs < 0 || c.s10DelayMs < 0 || c.x2DelayMs < 0,
                    "--s1mmeDelay, --s10Delay, --x2Delay: must not be negative");
    if (c.simTime <= 0)
    {
        c.simTime = (c.pools * c.enbsPerPool * c.distance) / c.speed + 1;
    }
}

/// Sums over the handovers of one type: counts, and over the completed ones latency, messages,
/// bytes and security bytes per interface.
struct HandoverTotals
{
    uint32_t handovers{0};
    uint32_t completed{0};
    uint32_t agree{0}; ///< completed with the UE's and the target's AS keys agreeing
    double latencyMs{0};
    std::map<std::string, uint64_t> messages;
    std::map<std::string, uint64_t> bytes;
    std::map<std::string, uint64_t> securityBytes;

    /// Adds a record.
    void Add(const LteSecHandoverRecord& r)
    {
        handovers++;
        if (r.outcome != "completed")
        {
            return;
        }
        completed++;
        agree += r.asKeys == "agree";
        latencyMs += r.LatencyMs();
        for (const auto& m : r.messages)
        {
            messages[m.first] += m.second;
        }
        for (const auto& b : r.bytes)
        {
            bytes[b.first] += b.second;
        }
        for (const auto& b : r.securityBytes)
        {
            securityBytes[b.first] += b.second;
        }
    }
};

/**
 * Builds the scenario, runs it and returns its handover records (the simulator is left to the
 * caller to destroy, after it has read what it needs).
 * \param c the knobs (checked with CheckPoolsScenarioConfig())
 *
eturn the recorder, with one record per handover
 */
inline Ptr<LteSecHandoverRecorder>
RunPoolsScenario(PoolsScenarioConfig c, Ptr<LteSecKeyAudit> audit = nullptr)
{
    CheckPoolsScenarioConfig(c);
    const uint16_t pools = c.pools;
    const uint16_t enbsPerPool = c.enbsPerPool;
    const uint16_t numUes = c.numUes;
    const double distance = c.distance;
    const double speed = c.speed;
    const bool security = c.security;
    const bool idealRrc = c.idealRrc;
    const bool forceS1 = c.forceS1;
    const bool pcap = c.pcap;
    const uint16_t numEnbs = pools * enbsPerPool;
    Ipv4AddressGenerator::Reset(); // several runs in one process: the same addresses each time
    RngSeedManager::SetSeed(c.seed);
    RngSeedManager::SetRun(c.run);
    Config::SetDefault("ns3::LteHelper::UseIdealRrc", BooleanValue(idealRrc));
    Config::SetDefault("ns3::UdpClient::Interval", TimeValue(MilliSeconds(20)));
    Config::SetDefault("ns3::UdpClient::MaxPackets", UintegerValue(1000000));
    Config::SetDefault("ns3::LteEnbPhy::TxPower", DoubleValue(30.0));
    Config::SetDefault("ns3::LteEnbRrc::ForceS1Handover", BooleanValue(forceS1));

    Ptr<LteHelper> lteHelper = CreateObject<LteHelper>();
    Ptr<PointToPointEpcHelper> epcHelper =
        CreateLinkedEpc(c.s1mmeDelayMs, c.s10DelayMs, c.x2DelayMs);
    epcHelper->SetAttribute("S1mmeLinkEnablePcap", BooleanValue(pcap));
    epcHelper->SetAttribute("S10LinkEnablePcap", BooleanValue(pcap));
    lteHelper->SetEpcHelper(epcHelper);
    lteHelper->SetSchedulerType("ns3::RrFfMacScheduler");
    lteHelper->SetHandoverAlgorithmType("ns3::A3RsrpHandoverAlgorithm");
    lteHelper->SetHandoverAlgorithmAttribute("Hysteresis", DoubleValue(c.hysteresis));
    lteHelper->SetHandoverAlgorithmAttribute("TimeToTrigger",
                                             TimeValue(MilliSeconds(c.timeToTriggerMs)));
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
    // fixed random streams: runs of one process (lte-security-scheme-comparison) see the same
    // radio, whatever ran before them
    lteHelper->AssignStreams(enbDevs, 1000);
    lteHelper->AssignStreams(ueDevs, 2000);
    InstallUdpTraffic(epcHelper, ueNodes, ueDevs, remoteHost, remoteHostAddr);

    Ptr<LteSecurityHelper> securityHelper;
    if (security)
    {
        securityHelper = CreateObject<LteSecurityHelper>();
        securityHelper->SetAttribute("Scheme", StringValue(c.scheme));
        securityHelper->SetEnbAttribute("KenbInHandoverRequired",
                                        BooleanValue(c.kenbInHandoverRequired));
        securityHelper->Install(enbDevs, ueDevs);
        for (uint32_t m = 1; m < securityHelper->GetNMmes(); ++m)
        {
            securityHelper->GetMme(m)->SetAttribute("NasEiaPriority",
                                                    StringValue(c.nasEiaPriority2));
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
    if (audit && securityHelper)
    {
        for (uint32_t i = 0; i < enbDevs.GetN(); ++i)
        {
            audit->SetCellMme(DynamicCast<LteEnbNetDevice>(enbDevs.Get(i))->GetCellId(),
                              i / enbsPerPool);
        }
        audit->Install(securityHelper, enbDevs, ueDevs);
    }

    Simulator::Stop(Seconds(c.simTime));
    Simulator::Run();
    return recorder;
}

} // namespace ns3

#endif
