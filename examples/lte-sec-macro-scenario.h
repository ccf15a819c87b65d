/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The 3GPP macro scenario of lte-security-macro and lte-security-ho-parameter-sets: a true
 * hexagonal ring layout (1, 7 or 19 sites of three sectors, TR 36.814's 19 sites / 57 cells),
 * 3GPP UMa propagation with its channel condition updated as the UEs move, parabolic sector
 * antennas, UEs in steady-state random waypoint inside the cluster, A3-RSRP handover, light UDP
 * both ways; optionally MME pool areas and X2 only between neighbouring sites (S1 for the rest).
 */
#ifndef LTE_SEC_MACRO_SCENARIO_H
#define LTE_SEC_MACRO_SCENARIO_H

#include "lte-sec-example-common.h"
#include "lte-sec-vehicle-trace.h"

#include "ns3/core-module.h"
#include "ns3/lte-module.h"
#include "ns3/lte-sec-handover-recorder.h"
#include "ns3/lte-sec-scheme.h"
#include "ns3/lte-security-helper.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"
#include "ns3/propagation-module.h"
#include "ns3/spectrum-channel.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cmath>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace ns3
{

/// The knobs of the macro scenario (the examples' CommandLine arguments).
struct MacroScenarioConfig
{
    uint16_t sites{19};           ///< 1, 7 or 19 (centre and one or two rings)
    double isd{500};              ///< m, inter-site distance
    uint16_t numUes{57};          ///< UEs
    std::string speeds{"60"};     ///< km/h, a comma list given to the UEs in turn
    double simTime{5};            ///< s
    bool security{true};          ///< the lte-security module on
    std::string scheme{"seed"};   ///< LteSecurityHelper::Scheme
    bool idealRrc{false};         ///< ideal RRC instead of real RRC
    double hysteresis{3};         ///< dB, A3
    uint32_t tttMs{256};          ///< ms, A3 time to trigger (a TS 36.331 value)
    uint32_t measPeriodMs{200};   ///< ms, LteUePhy::UeMeasurementsFilterPeriod
    double qout{-5};              ///< dB, LteUePhy::Qout
    double qin{-3.9};             ///< dB, LteUePhy::Qin
    uint32_t t310Ms{1000};        ///< ms, LteUeRrc::T310
    uint32_t n310{6};             ///< LteUeRrc::N310
    uint32_t n311{2};             ///< LteUeRrc::N311
    uint16_t pools{1};            ///< MME pool areas (sites split by x), one MME each
    std::string x2{"neighbours"}; ///< "neighbours" (sites <= ISD apart), "mesh", "none"
    /// "uma" (3GPP UMa, LOS/NLOS and shadowing drawn as the UEs move), "uma-los" (UMa always in
    /// line of sight, no shadowing: deterministic), "friis"
    std::string propagation{"uma"};
    /// ms between redraws of a link's LOS/NLOS condition (ThreeGppChannelConditionModel's
    /// UpdatePeriod; each redraw is independent of the last, 0: drawn once per link)
    uint32_t conditionUpdateMs{100};
    bool errorModels{true}; ///< LteSpectrumPhy's data and control error models (HARQ draws)
    double enbPowerDbm{46};
    double uePowerDbm{23};
    double bsHeight{25};    ///< m
    double ueHeight{1.5};   ///< m
    uint16_t bandwidth{25}; ///< RBs
    double s1mmeDelayMs{2};
    double s10DelayMs{5};
    double x2DelayMs{1};
    uint32_t seed{1};
    uint32_t run{1};
    double progress{0}; ///< s of simulated time between progress lines on stderr (0: none)
    /// an ns-2 mobility trace (scripts/make-vehicle-trace.sh): the UEs follow its vehicles, the
    /// i-th UE the trace's $node_(i), instead of the random waypoint at \c speeds
    std::string trace;
    std::string scenario{"macro"}; ///< the first column of the outputs
    bool sqlite{false};            ///< also write the outputs as an SQLite database
};

/// TS 36.331 TimeToTrigger values (ms): ns-3's real RRC serialises only these
inline const std::vector<uint32_t>&
StandardTimeToTrigger()
{
    static const std::vector<uint32_t>
        values{0, 40, 64, 80, 100, 128, 160, 256, 320, 480, 512, 640, 1024, 1280, 2560, 5120};
    return values;
}

/// \return the speeds (km/h) of a comma list, aborting naming \p what on a bad one
inline std::vector<double>
ParseSpeeds(const std::string& list, const std::string& what)
{
    return ParsePositiveList(list, what, "speed in km/h");
}

/// Aborts naming the argument if a knob is impossible.
inline void
CheckMacroScenarioConfig(const MacroScenarioConfig& c)
{
    NS_ABORT_MSG_IF(c.sites != 1 && c.sites != 7 && c.sites != 19,
                    "--sites: 1, 7 or 19 (a centre site and 0, 1 or 2 rings), not " << c.sites);
    NS_ABORT_MSG_IF(!(c.isd > 0), "--isd: must be positive");
    NS_ABORT_MSG_IF(c.numUes < 1, "--numUes: at least 1 UE");
    NS_ABORT_MSG_IF(!(c.simTime > 0), "--simTime: must be positive");
    if (c.trace.empty())
    {
        ParseSpeeds(c.speeds, "--speeds");
    }
    else
    {
        uint32_t vehicles = CountVehicleTraceNodes(c.trace);
        NS_ABORT_MSG_IF(c.numUes > vehicles,
                        "--numUes: " << c.numUes << " UEs, but the trace '" << c.trace << "' has "
                                     << vehicles << " vehicles");
    }
    const auto& ttt = StandardTimeToTrigger();
    if (std::find(ttt.begin(), ttt.end(), c.tttMs) == ttt.end())
    {
        std::ostringstream values;
        for (uint32_t v : ttt)
        {
            values << " " << v;
        }
        NS_FATAL_ERROR("--ttt: " << c.tttMs << " ms is not a TS 36.331 TimeToTrigger (ns-3's real "
                                 << "RRC would send 5120 ms); use one of" << values.str());
    }
    NS_ABORT_MSG_IF(c.hysteresis < 0 || c.hysteresis > 15, "--hysteresis: 0 to 15 dB");
    NS_ABORT_MSG_IF(c.measPeriodMs < 1, "--measPeriod: at least 1 ms");
    NS_ABORT_MSG_IF(c.n310 < 1 || c.n311 < 1, "--n310, --n311: at least 1");
    NS_ABORT_MSG_IF(c.pools < 1 || c.pools > c.sites, "--pools: 1 to the number of sites");
    NS_ABORT_MSG_IF(c.x2 != "neighbours" && c.x2 != "mesh" && c.x2 != "none",
                    "--x2: neighbours, mesh or none, not '" << c.x2 << "'");
    NS_ABORT_MSG_IF(c.propagation != "uma" && c.propagation != "uma-los" &&
                        c.propagation != "friis",
                    "--propagation: uma, uma-los or friis, not '" << c.propagation << "'");
    NS_ABORT_MSG_IF(c.ueHeight < 1.5 || c.ueHeight > 22.5, "--ueHeight: 1.5 to 22.5 m (3GPP UMa)");
    NS_ABORT_MSG_IF(c.bandwidth != 6 && c.bandwidth != 15 && c.bandwidth != 25 &&
                        c.bandwidth != 50 && c.bandwidth != 75 && c.bandwidth != 100,
                    "--bandwidth: 6, 15, 25, 50, 75 or 100 RBs");
    NS_ABORT_MSG_IF(c.s1mmeDelayMs < 0 || c.s10DelayMs < 0 || c.x2DelayMs < 0,
                    "--s1mmeDelay, --s10Delay, --x2Delay: must not be negative");
}

/// \return the site positions of a hexagonal cluster (1, 7 or 19 sites; ring neighbours at
/// 0, 60, ... degrees as ns-3's hex grid has them)
inline std::vector<Vector>
HexRingSites(uint16_t sites, double isd)
{
    std::vector<Vector> p{Vector(0, 0, 0)};
    const double pi = std::acos(-1.0);
    for (int k = 0; k < 6 && sites > 1; ++k)
    {
        p.emplace_back(isd * std::cos(k * pi / 3), isd * std::sin(k * pi / 3), 0);
    }
    for (int k = 0; k < 6 && sites > 7; ++k)
    {
        p.emplace_back(2 * isd * std::cos(k * pi / 3), 2 * isd * std::sin(k * pi / 3), 0);
        p.emplace_back(std::sqrt(3.0) * isd * std::cos(k * pi / 3 + pi / 6),
                       std::sqrt(3.0) * isd * std::sin(k * pi / 3 + pi / 6),
                       0);
    }
    return p;
}

/// \return the half-side of the square the UEs move in: inside the cluster's coverage
inline double
MacroUeBox(uint16_t sites, double isd)
{
    return sites == 1 ? isd / 2 : sites == 7 ? isd : 2 * isd;
}

/// The scenario as built: what a caller reads after the run.
struct MacroScenario
{
    Ptr<LteSecHandoverRecorder> recorder;
    Ptr<LteSecurityHelper> security;
    NodeContainer ueNodes;
    NetDeviceContainer enbDevs;
    NetDeviceContainer ueDevs;
};

/**
 * Builds the scenario and runs it (the simulator is left to the caller to destroy).
 * \param c the knobs (checked with CheckMacroScenarioConfig())
 * \param connect called after the recorder is installed and before the run (extra traces)
 * \return the scenario, with one record per handover attempt in its recorder
 */
inline MacroScenario
RunMacroScenario(const MacroScenarioConfig& c,
                 std::function<void(MacroScenario&)> connect = nullptr)
{
    CheckMacroScenarioConfig(c);
    Ipv4AddressGenerator::Reset();
    RngSeedManager::SetSeed(c.seed);
    RngSeedManager::SetRun(c.run);
    Config::SetDefault("ns3::LteHelper::UseIdealRrc", BooleanValue(c.idealRrc));
    Config::SetDefault("ns3::LteEnbRrc::SrsPeriodicity", UintegerValue(320)); // up to 320 UEs
    Config::SetDefault("ns3::LteEnbPhy::TxPower", DoubleValue(c.enbPowerDbm));
    Config::SetDefault("ns3::LteUePhy::TxPower", DoubleValue(c.uePowerDbm));
    Config::SetDefault("ns3::LteUePhy::UeMeasurementsFilterPeriod",
                       TimeValue(MilliSeconds(c.measPeriodMs)));
    Config::SetDefault("ns3::LteUePhy::Qout", DoubleValue(c.qout));
    Config::SetDefault("ns3::LteUePhy::Qin", DoubleValue(c.qin));
    Config::SetDefault("ns3::LteUeRrc::T310", TimeValue(MilliSeconds(c.t310Ms)));
    Config::SetDefault("ns3::LteUeRrc::N310", UintegerValue(c.n310));
    Config::SetDefault("ns3::LteUeRrc::N311", UintegerValue(c.n311));
    Config::SetDefault("ns3::LteSpectrumPhy::DataErrorModelEnabled", BooleanValue(c.errorModels));
    Config::SetDefault("ns3::LteSpectrumPhy::CtrlErrorModelEnabled", BooleanValue(c.errorModels));
    Config::SetDefault("ns3::LteEnbNetDevice::DlBandwidth", UintegerValue(c.bandwidth));
    Config::SetDefault("ns3::LteEnbNetDevice::UlBandwidth", UintegerValue(c.bandwidth));
    Config::SetDefault("ns3::UdpClient::Interval", TimeValue(MilliSeconds(100)));
    Config::SetDefault("ns3::UdpClient::MaxPackets", UintegerValue(1000000));
    Config::SetDefault("ns3::UdpClient::PacketSize", UintegerValue(200));

    Ptr<LteHelper> lteHelper = CreateObject<LteHelper>();
    Ptr<PointToPointEpcHelper> epcHelper =
        CreateLinkedEpc(c.s1mmeDelayMs, c.s10DelayMs, c.x2DelayMs);
    lteHelper->SetEpcHelper(epcHelper);
    Ptr<ChannelConditionModel> condition;
    if (c.propagation == "friis")
    {
        lteHelper->SetAttribute("PathlossModel", StringValue("ns3::FriisPropagationLossModel"));
    }
    else
    {
        lteHelper->SetAttribute("PathlossModel",
                                StringValue("ns3::ThreeGppUmaPropagationLossModel"));
        if (c.propagation == "uma")
        {
            condition = CreateObject<ThreeGppUmaChannelConditionModel>();
            condition->SetAttribute("UpdatePeriod", TimeValue(MilliSeconds(c.conditionUpdateMs)));
        }
        else
        {
            condition = CreateObject<AlwaysLosChannelConditionModel>();
            lteHelper->SetPathlossModelAttribute("ShadowingEnabled", BooleanValue(false));
        }
        lteHelper->SetPathlossModelAttribute("ChannelConditionModel", PointerValue(condition));
    }
    lteHelper->SetEnbAntennaModelType("ns3::ParabolicAntennaModel");
    lteHelper->SetEnbAntennaModelAttribute("Beamwidth", DoubleValue(70));
    lteHelper->SetEnbAntennaModelAttribute("MaxAttenuation", DoubleValue(25));
    lteHelper->SetHandoverAlgorithmType("ns3::A3RsrpHandoverAlgorithm");
    lteHelper->SetHandoverAlgorithmAttribute("Hysteresis", DoubleValue(c.hysteresis));
    lteHelper->SetHandoverAlgorithmAttribute("TimeToTrigger", TimeValue(MilliSeconds(c.tttMs)));

    // sites, and MME pool areas as contiguous groups of sites by x
    std::vector<Vector> sites = HexRingSites(c.sites, c.isd);
    std::vector<uint32_t> order(sites.size());
    for (uint32_t i = 0; i < order.size(); ++i)
    {
        order[i] = i;
    }
    std::stable_sort(order.begin(), order.end(), [&sites](uint32_t a, uint32_t b) {
        return sites[a].x < sites[b].x - 1e-6;
    });
    std::vector<uint32_t> sitePool(sites.size());
    for (uint32_t k = 0; k < order.size(); ++k)
    {
        sitePool[order[k]] = k * c.pools / order.size();
    }
    for (uint16_t p = 1; p < c.pools; ++p)
    {
        epcHelper->AddMme();
    }
    Ipv4Address remoteHostAddr;
    Ptr<Node> remoteHost = AddRemoteHost(epcHelper, remoteHostAddr);

    MacroScenario s;
    NodeContainer enbNodes;
    enbNodes.Create(3 * sites.size());
    const double pi = std::acos(-1.0);
    Ptr<ListPositionAllocator> enbPositions = CreateObject<ListPositionAllocator>();
    for (uint32_t i = 0; i < enbNodes.GetN(); ++i)
    {
        double boresight = 120.0 * (i % 3); // 0, 120, 240 degrees
        const Vector& site = sites[i / 3];
        // sectors 0.5 m off the site towards their boresight, as ns-3's hex grid places them
        enbPositions->Add(Vector(site.x + 0.5 * std::cos(boresight * pi / 180),
                                 site.y + 0.5 * std::sin(boresight * pi / 180),
                                 c.bsHeight));
        epcHelper->SetMmeForEnb(enbNodes.Get(i), sitePool[i / 3]);
    }
    MobilityHelper enbMobility;
    enbMobility.SetMobilityModel("ns3::ConstantPositionMobilityModel");
    enbMobility.SetPositionAllocator(enbPositions);
    enbMobility.Install(enbNodes);
    for (uint32_t i = 0; i < enbNodes.GetN(); ++i)
    {
        lteHelper->SetEnbAntennaModelAttribute("Orientation", DoubleValue(120.0 * (i % 3)));
        s.enbDevs.Add(lteHelper->InstallEnbDevice(NodeContainer(enbNodes.Get(i))));
    }

    // UEs: steady-state random waypoint in the cluster interior, speeds in turn; or the
    // vehicles of a trace
    std::vector<double> speeds =
        c.trace.empty() ? ParseSpeeds(c.speeds, "--speeds") : std::vector<double>{};
    double box = MacroUeBox(c.sites, c.isd);
    s.ueNodes.Create(c.numUes);
    if (!c.trace.empty())
    {
        InstallVehicleTrace(c.trace, s.ueNodes);
    }
    for (uint32_t u = 0; u < s.ueNodes.GetN() && c.trace.empty(); ++u)
    {
        double v = speeds[u % speeds.size()] / 3.6;
        MobilityHelper m;
        m.SetMobilityModel("ns3::SteadyStateRandomWaypointMobilityModel",
                           "MinSpeed",
                           DoubleValue(v),
                           "MaxSpeed",
                           DoubleValue(v),
                           "MinPause",
                           DoubleValue(0),
                           "MaxPause",
                           DoubleValue(0),
                           "MinX",
                           DoubleValue(-box),
                           "MaxX",
                           DoubleValue(box),
                           "MinY",
                           DoubleValue(-box),
                           "MaxY",
                           DoubleValue(box),
                           "Z",
                           DoubleValue(c.ueHeight));
        m.Install(s.ueNodes.Get(u));
    }
    MobilityHelper().AssignStreams(s.ueNodes, 3000);
    s.ueDevs = lteHelper->InstallUeDevice(s.ueNodes);
    // fixed random streams: security on or off, the radio draws the same numbers
    int64_t stream = 1000;
    stream += lteHelper->AssignStreams(s.enbDevs, stream);
    stream += lteHelper->AssignStreams(s.ueDevs, stream);
    for (Ptr<SpectrumChannel> ch :
         {lteHelper->GetDownlinkSpectrumChannel(), lteHelper->GetUplinkSpectrumChannel()})
    {
        if (Ptr<PropagationLossModel> loss = ch->GetPropagationLossModel())
        {
            stream += loss->AssignStreams(stream);
        }
    }
    if (condition)
    {
        condition->AssignStreams(stream);
    }
    InstallUdpTraffic(epcHelper, s.ueNodes, s.ueDevs, remoteHost, remoteHostAddr);

    if (c.security)
    {
        s.security = CreateObject<LteSecurityHelper>();
        s.security->SetAttribute("Scheme", StringValue(c.scheme));
        s.security->Install(s.enbDevs, s.ueDevs);
        s.security->AssignStreams(s.enbDevs, 9000);
    }
    lteHelper->Attach(s.ueDevs); // cell selection

    // X2: between the sectors of a site and neighbouring sites of one pool area (or all)
    for (uint32_t a = 0; a < enbNodes.GetN() && c.x2 != "none"; ++a)
    {
        for (uint32_t b = a + 1; b < enbNodes.GetN(); ++b)
        {
            double d = CalculateDistance(sites[a / 3], sites[b / 3]);
            bool neighbours = d <= c.isd * 1.01 && sitePool[a / 3] == sitePool[b / 3];
            if (c.x2 == "mesh" || neighbours)
            {
                lteHelper->AddX2Interface(enbNodes.Get(a), enbNodes.Get(b));
            }
        }
    }

    s.recorder = CreateObject<LteSecHandoverRecorder>();
    for (uint32_t i = 0; i < s.enbDevs.GetN(); ++i)
    {
        uint16_t cell = DynamicCast<LteEnbNetDevice>(s.enbDevs.Get(i))->GetCellId();
        s.recorder->SetCellMme(cell, sitePool[i / 3]);
        s.recorder->SetCellSite(cell, i / 3);
    }
    s.recorder->Install(s.security);
    if (connect)
    {
        connect(s);
    }
    // progress on stderr: simulated time, handovers so far, wall time
    auto wall = std::chrono::steady_clock::now();
    std::function<void()> tick = [&s, &c, &tick, wall]() {
        double t = Simulator::Now().GetSeconds();
        double elapsed =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
        std::cerr << "t = " << std::fixed << std::setprecision(1) << t << " / " << c.simTime
                  << " s, " << s.recorder->GetRecords().size() << " handover attempts, wall "
                  << elapsed << " s" << std::endl;
        if (t + c.progress < c.simTime)
        {
            Simulator::Schedule(Seconds(c.progress), tick);
        }
    };
    if (c.progress > 0)
    {
        Simulator::Schedule(Seconds(c.progress), tick);
    }
    Simulator::Stop(Seconds(c.simTime));
    Simulator::Run();
    return s;
}

/// Adds the macro scenario's knobs to \p cmd
inline void
AddMacroArguments(CommandLine& cmd, MacroScenarioConfig& c)
{
    cmd.AddValue("sites", "sites: 1, 7 or 19 (three sectors each)", c.sites);
    cmd.AddValue("isd", "inter-site distance [m]", c.isd);
    cmd.AddValue("numUes", "number of UEs", c.numUes);
    cmd.AddValue("speeds", "UE speeds [km/h], a comma list given to the UEs in turn", c.speeds);
    cmd.AddValue("simTime", "simulated time [s]", c.simTime);
    cmd.AddValue("security", "enable AS security (lte-security module)", c.security);
    cmd.AddValue("scheme",
                 "key-handling scheme: " + LteSecScheme::Names() + " (LteSecurityHelper::Scheme)",
                 c.scheme);
    cmd.AddValue("idealRrc", "ideal RRC (nothing on the air) instead of real RRC", c.idealRrc);
    cmd.AddValue("hysteresis", "A3 hysteresis [dB]", c.hysteresis);
    cmd.AddValue("ttt", "A3 time to trigger [ms], a TS 36.331 value", c.tttMs);
    cmd.AddValue("measPeriod", "UE measurement (L1 filter) period [ms]", c.measPeriodMs);
    cmd.AddValue("qout", "RLF out-of-sync threshold Qout [dB]", c.qout);
    cmd.AddValue("qin", "RLF in-sync threshold Qin [dB]", c.qin);
    cmd.AddValue("t310", "RLF timer T310 [ms]", c.t310Ms);
    cmd.AddValue("n310", "RLF: out-of-sync indications N310", c.n310);
    cmd.AddValue("n311", "RLF: in-sync indications N311", c.n311);
    cmd.AddValue("pools", "MME pool areas (contiguous groups of sites), one MME each", c.pools);
    cmd.AddValue("x2",
                 "X2 links: neighbours (sites <= ISD apart, one pool area), mesh, none",
                 c.x2);
    cmd.AddValue("propagation",
                 "uma (3GPP UMa, LOS/NLOS updated every 100 ms, shadowing), uma-los (always LOS, "
                 "no shadowing), friis",
                 c.propagation);
    cmd.AddValue("conditionUpdate",
                 "ms between independent redraws of a link's LOS/NLOS condition (uma; 0: once)",
                 c.conditionUpdateMs);
    cmd.AddValue("errorModels",
                 "the PHY's data and control error models (off: every transport block arrives)",
                 c.errorModels);
    cmd.AddValue("enbPower", "eNB transmit power [dBm]", c.enbPowerDbm);
    cmd.AddValue("uePower", "UE transmit power [dBm]", c.uePowerDbm);
    cmd.AddValue("bsHeight", "eNB antenna height [m]", c.bsHeight);
    cmd.AddValue("bandwidth", "bandwidth [RBs]", c.bandwidth);
    cmd.AddValue("s1mmeDelay", "one-way delay of the S1-MME links [ms]", c.s1mmeDelayMs);
    cmd.AddValue("s10Delay", "one-way delay of the S10 links [ms]", c.s10DelayMs);
    cmd.AddValue("x2Delay", "one-way delay of the X2 links [ms]", c.x2DelayMs);
    cmd.AddValue("seed", "RNG seed", c.seed);
    cmd.AddValue("run", "RNG run", c.run);
    cmd.AddValue("progress",
                 "simulated seconds between progress lines on stderr (0: none)",
                 c.progress);
    cmd.AddValue("sqlite",
                 "also write the records and the summary as the tables handovers and summary of "
                 "<prefix>.sqlite",
                 c.sqlite);
}

/// \return the knobs (but the UEs and the scheme, which the records have) as typed columns
inline LteSecRow
MacroFields(const MacroScenarioConfig& c)
{
    using F = LteSecField;
    return {F::Text("scenario", c.scenario),
            F::Integer("sites", c.sites),
            F::Real("isd", c.isd, -1),
            F::Text("speeds_kmh", c.trace.empty() ? c.speeds : std::string("trace")),
            F::Text("rrc", c.idealRrc ? "ideal" : "real"),
            F::Integer("ttt_ms", c.tttMs),
            F::Real("hysteresis_db", c.hysteresis, -1),
            F::Integer("meas_period_ms", c.measPeriodMs),
            F::Integer("pools", c.pools),
            F::Text("x2", c.x2),
            F::Integer("seed", c.seed),
            F::Integer("run", c.run)};
}

/// \return the knobs as CSV header columns (\p header) or values, each followed by a comma
inline std::string
MacroColumns(const MacroScenarioConfig& c, bool header)
{
    LteSecRow row = MacroFields(c);
    return (header ? LteSecCsvHeader(row) : LteSecCsvLine(row)) + ",";
}

/// Writes \p text, each line after the first prefixed by \p prefix (the first by \p first)
inline void
WritePrefixed(std::ostream& os,
              const std::string& text,
              const std::string& first,
              const std::string& prefix)
{
    std::istringstream in(text);
    std::string line;
    bool header = true;
    while (std::getline(in, line))
    {
        os << (header ? first : prefix) << line << "\n";
        header = false;
    }
}

/**
 * Writes the records and \p sum as the tables handovers and summary of a new SQLite database
 * \p path (an existing file is replaced), \p lead (and in the summary \p summaryLead after it)
 * first in each row.
 */
inline void
WriteSqliteOutputs(const std::string& path,
                   const LteSecHandoverRecorder& recorder,
                   const LteSecRow& lead,
                   const LteSecRunSummary& sum,
                   const LteSecRow& summaryLead = {})
{
    std::remove(path.c_str());
    recorder.WriteSqlite(path, lead);
    LteSecRow row = lead;
    row.insert(row.end(), summaryLead.begin(), summaryLead.end());
    LteSecRow fields = LteSecHandoverRecorder::SummaryRow(sum);
    row.insert(row.end(), fields.begin(), fields.end());
    LteSecWriteSqlite(path, "summary", {row});
}

/**
 * Writes <prefix>-handovers.csv and <prefix>-summary.csv, the knobs as leading columns, with
 * c.sqlite the same as the tables handovers and summary of <prefix>.sqlite, and a line of text on
 * stdout.
 */
inline void
WriteMacroOutputs(const MacroScenarioConfig& c, const MacroScenario& s, const std::string& prefix)
{
    std::ostringstream records;
    s.recorder->WriteCsv(records);
    std::ofstream handovers(prefix + "-handovers.csv");
    WritePrefixed(handovers, records.str(), MacroColumns(c, true), MacroColumns(c, false));
    LteSecRunSummary sum = s.recorder->Summarise(c.numUes, c.simTime);
    std::ostringstream summary;
    LteSecHandoverRecorder::WriteSummaryCsv(summary, sum, true);
    std::ofstream out(prefix + "-summary.csv");
    WritePrefixed(out, summary.str(), MacroColumns(c, true), MacroColumns(c, false));
    if (c.sqlite)
    {
        WriteSqliteOutputs(prefix + ".sqlite", *s.recorder, MacroFields(c), sum);
    }
    std::cout << c.sites << " sites / " << 3 * c.sites << " cells, " << c.numUes << " UEs, "
              << c.simTime << " s, " << (c.security ? c.scheme : "security off") << ": "
              << sum.attempts << " handover attempts, " << sum.completed << " completed ("
              << sum.HandoverRate() << " per UE per s), " << sum.failed << " failed, " << sum.rlfs
              << " RLFs, " << sum.pingPongs << " ping-pongs, " << sum.sameSite
              << " between sectors of one site; " << sum.SecurityBytesPerHandover()
              << " security bytes per attempt" << std::endl;
}

} // namespace ns3

#endif
