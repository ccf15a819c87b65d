/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Key refresh on X2 (intra-MME) handover under mobility: a row of eNBs, UEs driving along it with
 * ns-3's real PHY, an A3-RSRP handover algorithm, downlink and uplink traffic. With security on,
 * every handover forwards KeNB over X2 and refreshes KRRCenc, KRRCint and KUPenc from KeNB and
 * the new C-RNTI. Prints one line per handover and a summary; writes the handovers as CSV.
 *
 *   lte-security-x2-handover --numEnbs=3 --numUes=2 --speed=20 --simTime=30 --security=1
 */
#include "lte-sec-example-common.h"

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/lte-module.h"
#include "ns3/lte-security-helper.h"
#include "ns3/mobility-module.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("LteSecurityX2Handover");

namespace
{

/// What is known of one handover while it runs.
struct HandoverRecord
{
    uint64_t imsi{0};
    uint16_t source{0};
    uint16_t target{0};
    uint16_t newRnti{0};
    double start{0};
    double end{-1};
    std::string algorithms;
    std::map<std::string, std::string> targetKeys; ///< key name -> fingerprint
    std::map<std::string, std::string> ueKeys;
    uint32_t x2Bytes{0};
    uint32_t airBytes{0};
    bool keyReuse{false};   ///< the UE got keys it had already used under this KeNB
    std::string reusedKeys; ///< which ones ("KRRCenc;KUPenc")
    bool ok{false};
};

std::map<uint64_t, HandoverRecord> g_open; // by IMSI
std::vector<HandoverRecord> g_done;
uint32_t g_integrityFailures = 0;
bool g_realRrc = false;

// A record opens when the source sends the X2 HANDOVER REQUEST (security on) or announces the
// handover to the UE (HandoverStart, after the target's answer), whichever comes first.
HandoverRecord&
OpenRecord(uint64_t imsi)
{
    auto it = g_open.find(imsi);
    if (it == g_open.end())
    {
        HandoverRecord& r = g_open[imsi];
        r.imsi = imsi;
        r.start = Simulator::Now().GetSeconds();
        return r;
    }
    return it->second;
}

void
HandoverStart(uint64_t imsi, uint16_t cellId, uint16_t rnti, uint16_t targetCellId)
{
    HandoverRecord& r = OpenRecord(imsi);
    r.source = cellId;
    r.target = targetCellId;
}

void
EnbKey(uint64_t imsi, uint16_t cellId, uint16_t rnti, const std::string& key, const std::string& fp)
{
    // keys derived while a handover is prepared are the target's
    auto it = g_open.find(imsi);
    if (it != g_open.end() && (it->second.target == 0 || it->second.target == cellId))
    {
        it->second.newRnti = rnti;
        it->second.targetKeys[key] = fp;
    }
}

void
UeKey(uint64_t imsi, uint16_t cellId, uint16_t rnti, const std::string& key, const std::string& fp)
{
    auto it = g_open.find(imsi);
    if (it != g_open.end() && it->second.target == cellId)
    {
        it->second.ueKeys[key] = fp;
    }
}

void
SecurityMessage(const std::string& interface,
                const std::string& message,
                uint64_t imsi,
                uint32_t bytes)
{
    if (interface == "X2")
    {
        OpenRecord(imsi).x2Bytes += bytes;
        return;
    }
    auto it = g_open.find(imsi);
    if (it != g_open.end() && g_realRrc)
    {
        // securityConfigHO in the command, MAC-I on the command and on the confirm
        it->second.airBytes += bytes + 2 * LteSecPdcp::MAC_I_SIZE;
    }
}

void
KeyReuse(uint64_t imsi, uint16_t cellId, uint16_t rnti, const std::string& keys)
{
    auto it = g_open.find(imsi);
    if (it != g_open.end())
    {
        it->second.keyReuse = true;
        std::string k = keys;
        std::replace(k.begin(), k.end(), ',', ';');
        it->second.reusedKeys = k;
    }
}

void
IntegrityFailure(uint64_t imsi, uint16_t rnti, uint8_t lcid, uint32_t count)
{
    g_integrityFailures++;
    std::cout << std::fixed << std::setprecision(3) << Simulator::Now().GetSeconds()
              << " s  integrity failure: IMSI " << imsi << " RNTI " << rnti << " LCID " << +lcid
              << " COUNT " << count << "\n";
}

void
Finish(uint64_t imsi, bool ok)
{
    auto it = g_open.find(imsi);
    if (it == g_open.end())
    {
        return;
    }
    HandoverRecord r = it->second;
    g_open.erase(it);
    r.end = Simulator::Now().GetSeconds();
    r.ok = ok;
    for (const auto& k : r.targetKeys)
    {
        if (k.first.rfind("KRRCenc", 0) == 0)
        {
            r.algorithms = k.first.substr(8, 4);
        }
        if (k.first.rfind("KRRCint", 0) == 0)
        {
            r.algorithms += "/" + k.first.substr(8, 4);
        }
    }
    g_done.push_back(r);
}

void
HandoverEndOk(uint64_t imsi, uint16_t cellId, uint16_t rnti)
{
    Finish(imsi, true);
}

void
HandoverFailure(uint64_t imsi, uint16_t rnti, uint16_t cellId)
{
    Finish(imsi, false);
}

std::string
Agreement(const HandoverRecord& r)
{
    if (r.targetKeys.empty())
    {
        return "n/a";
    }
    if (r.ueKeys.empty())
    {
        return "n/a (command not received)";
    }
    return r.targetKeys == r.ueKeys ? "yes" : "NO";
}

} // namespace

int
main(int argc, char* argv[])
{
    uint16_t numEnbs = 3;
    uint16_t numUes = 2;
    double distance = 500.0; // m between eNBs
    double speed = 20.0;     // m/s
    double simTime = 0;      // s; 0: long enough to drive past every eNB
    bool security = true;
    bool idealRrc = false;
    bool refreshNonce = false;
    bool allowNullIntegrity = false;
    std::string eeaPriority = "eea2,eea1,eea3,eea0";
    std::string eiaPriority = "eia2,eia1,eia3";
    std::string ueEea = "eea0,eea1,eea2,eea3";
    std::string ueEia = "eia0,eia1,eia2,eia3";
    double hysteresis = 3.0;
    uint32_t timeToTriggerMs = 256;
    uint32_t seed = 1;
    uint32_t run = 1;
    std::string csv = "lte-security-x2-handover.csv";
    std::string keyLog;
    bool quiet = false;

    CommandLine cmd(__FILE__);
    cmd.AddValue("numEnbs", "number of eNBs, in a row", numEnbs);
    cmd.AddValue("numUes", "number of UEs, driving along the row", numUes);
    cmd.AddValue("distance", "distance between eNBs [m]", distance);
    cmd.AddValue("speed", "UE speed [m/s]", speed);
    cmd.AddValue("simTime", "simulated time [s] (0: until the UEs pass the last eNB)", simTime);
    cmd.AddValue("security", "enable AS security (lte-security module)", security);
    cmd.AddValue("idealRrc", "ideal RRC (nothing on the air) instead of real RRC", idealRrc);
    cmd.AddValue("refreshNonce",
                 "targets add a 128-bit random number to the key refresh (sent in the command)",
                 refreshNonce);
    cmd.AddValue("allowNullIntegrity",
                 "let eNBs select and UEs accept EIA0 (TS 33.401: emergency sessions only)",
                 allowNullIntegrity);
    cmd.AddValue("eeaPriority", "eNB ciphering priority list", eeaPriority);
    cmd.AddValue("eiaPriority", "eNB integrity priority list", eiaPriority);
    cmd.AddValue("ueEea", "ciphering algorithms the UEs support", ueEea);
    cmd.AddValue("ueEia", "integrity algorithms the UEs support", ueEia);
    cmd.AddValue("hysteresis", "A3 hysteresis [dB]", hysteresis);
    cmd.AddValue("timeToTrigger", "A3 time to trigger [ms]", timeToTriggerMs);
    cmd.AddValue("seed", "RNG seed", seed);
    cmd.AddValue("run", "RNG run number", run);
    cmd.AddValue("csv", "CSV file of handovers (none: no file)", csv);
    cmd.AddValue("keyLog", "file to log every derived key in hex (empty: none)", keyLog);
    cmd.AddValue("quiet", "print the summary only", quiet);
    cmd.Parse(argc, argv);

    NS_ABORT_MSG_IF(numEnbs < 2, "--numEnbs: at least 2 eNBs are needed for handovers");
    NS_ABORT_MSG_IF(numUes < 1, "--numUes: at least 1 UE");
    NS_ABORT_MSG_IF(speed <= 0, "--speed: must be positive");
    NS_ABORT_MSG_IF(distance <= 0, "--distance: must be positive");
    if (simTime <= 0)
    {
        simTime = (numEnbs * distance) / speed + 1;
    }
    g_realRrc = !idealRrc;

    RngSeedManager::SetSeed(seed);
    RngSeedManager::SetRun(run);
    Config::SetDefault("ns3::LteHelper::UseIdealRrc", BooleanValue(idealRrc));
    Config::SetDefault("ns3::UdpClient::Interval", TimeValue(MilliSeconds(20)));
    Config::SetDefault("ns3::UdpClient::MaxPackets", UintegerValue(1000000));
    Config::SetDefault("ns3::LteEnbPhy::TxPower", DoubleValue(30.0));

    Ptr<LteHelper> lteHelper = CreateObject<LteHelper>();
    Ptr<PointToPointEpcHelper> epcHelper = CreateObject<PointToPointEpcHelper>();
    epcHelper->SetAttribute("S1apLink", BooleanValue(true)); // S1AP-PDUs on S1-MME links
    lteHelper->SetEpcHelper(epcHelper);
    lteHelper->SetSchedulerType("ns3::RrFfMacScheduler");
    lteHelper->SetHandoverAlgorithmType("ns3::A3RsrpHandoverAlgorithm");
    lteHelper->SetHandoverAlgorithmAttribute("Hysteresis", DoubleValue(hysteresis));
    lteHelper->SetHandoverAlgorithmAttribute("TimeToTrigger",
                                             TimeValue(MilliSeconds(timeToTriggerMs)));

    // remote host behind the PGW
    Ipv4Address remoteHostAddr;
    Ptr<Node> remoteHost = AddRemoteHost(epcHelper, remoteHostAddr);

    // eNBs in a row, UEs starting near the first one, driving along the row
    NodeContainer enbNodes;
    enbNodes.Create(numEnbs);
    NodeContainer ueNodes;
    ueNodes.Create(numUes);
    Ptr<ListPositionAllocator> enbPositions = CreateObject<ListPositionAllocator>();
    for (uint16_t i = 0; i < numEnbs; ++i)
    {
        enbPositions->Add(Vector(distance * i, 0, 0));
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
        m->SetPosition(Vector(10.0 * i, 20.0 + 10.0 * i, 0));
        m->SetVelocity(Vector(speed, 0, 0));
    }

    NetDeviceContainer enbDevs = lteHelper->InstallEnbDevice(enbNodes);
    NetDeviceContainer ueDevs = lteHelper->InstallUeDevice(ueNodes);
    InstallUdpTraffic(epcHelper, ueNodes, ueDevs, remoteHost, remoteHostAddr);

    Ptr<LteSecurityHelper> securityHelper;
    if (security)
    {
        securityHelper = CreateObject<LteSecurityHelper>();
        securityHelper->SetAttribute("KeyLogFile", StringValue(keyLog));
        securityHelper->SetEnbAttribute("EeaPriority", StringValue(eeaPriority));
        securityHelper->SetEnbAttribute("EiaPriority", StringValue(eiaPriority));
        securityHelper->SetEnbAttribute("RefreshNonce", BooleanValue(refreshNonce));
        securityHelper->SetEnbAttribute("AllowNullIntegrity", BooleanValue(allowNullIntegrity));
        securityHelper->SetUeAttribute("AllowNullIntegrity", BooleanValue(allowNullIntegrity));
        if (allowNullIntegrity)
        {
            std::cout << "WARNING: EIA0 allowed (--allowNullIntegrity): signalling may run without "
                         "integrity protection, as TS 33.401 allows for emergency sessions only\n";
        }
        securityHelper->SetUeAttribute("SupportedEea", StringValue(ueEea));
        securityHelper->SetUeAttribute("SupportedEia", StringValue(ueEia));
        securityHelper->Install(enbDevs, ueDevs);
    }
    lteHelper->Attach(ueDevs.Get(0), enbDevs.Get(0));
    for (uint32_t u = 1; u < ueDevs.GetN(); ++u)
    {
        lteHelper->Attach(ueDevs.Get(u), enbDevs.Get(0));
    }

    lteHelper->AddX2Interface(enbNodes);

    Config::ConnectWithoutContext("/NodeList/*/DeviceList/*/LteEnbRrc/HandoverStart",
                                  MakeCallback(&HandoverStart));
    Config::ConnectWithoutContext("/NodeList/*/DeviceList/*/LteEnbRrc/HandoverEndOk",
                                  MakeCallback(&HandoverEndOk));
    Config::ConnectWithoutContext("/NodeList/*/DeviceList/*/LteEnbRrc/HandoverFailureJoining",
                                  MakeCallback(&HandoverFailure));
    Config::ConnectWithoutContext("/NodeList/*/DeviceList/*/LteEnbRrc/HandoverFailureLeaving",
                                  MakeCallback(&HandoverFailure));
    if (security)
    {
        Config::ConnectWithoutContext(
            "/NodeList/*/DeviceList/*/$ns3::LteEnbNetDevice/$ns3::LteSecEnbRrc/KeyDerivation",
            MakeCallback(&EnbKey));
        Config::ConnectWithoutContext(
            "/NodeList/*/DeviceList/*/$ns3::LteUeNetDevice/$ns3::LteSecUeRrc/KeyDerivation",
            MakeCallback(&UeKey));
        Config::ConnectWithoutContext(
            "/NodeList/*/DeviceList/*/$ns3::LteEnbNetDevice/$ns3::LteSecEnbRrc/SecurityMessage",
            MakeCallback(&SecurityMessage));
        Config::ConnectWithoutContext(
            "/NodeList/*/DeviceList/*/$ns3::LteUeNetDevice/$ns3::LteSecUeRrc/KeyReuse",
            MakeCallback(&KeyReuse));
        Config::ConnectWithoutContext(
            "/NodeList/*/DeviceList/*/$ns3::LteEnbNetDevice/$ns3::LteSecEnbRrc/IntegrityFailure",
            MakeCallback(&IntegrityFailure));
        Config::ConnectWithoutContext(
            "/NodeList/*/DeviceList/*/$ns3::LteUeNetDevice/$ns3::LteSecUeRrc/IntegrityFailure",
            MakeCallback(&IntegrityFailure));
    }

    Simulator::Stop(Seconds(simTime));
    Simulator::Run();

    std::ofstream out;
    if (!csv.empty() && csv != "none")
    {
        out.open(csv);
        NS_ABORT_MSG_IF(!out, "--csv: cannot write '" << csv << "'");
        out << "time_s,imsi,source_cell,target_cell,new_rnti,algorithms,keys_agree,x2_security_"
               "bytes,"
               "air_security_bytes,duration_ms,key_reuse,ok,reused_keys\n";
    }
    uint32_t ok = 0;
    uint32_t agree = 0;
    uint32_t reuses = 0;
    uint64_t x2Total = 0;
    uint64_t airTotal = 0;
    for (const auto& r : g_done)
    {
        ok += r.ok;
        agree += Agreement(r) == "yes";
        reuses += r.keyReuse;
        x2Total += r.x2Bytes;
        airTotal += r.airBytes;
        double durMs = (r.end - r.start) * 1000;
        if (!quiet)
        {
            std::cout << std::fixed << std::setprecision(3) << r.end << " s  handover IMSI "
                      << r.imsi << ": cell " << r.source << " -> " << r.target << ", C-RNTI "
                      << r.newRnti << ", " << (r.algorithms.empty() ? "none" : r.algorithms)
                      << ", keys agree: " << Agreement(r) << ", security bytes X2 " << r.x2Bytes
                      << " air " << r.airBytes
                      << (r.keyReuse ? "  KEYS REUSED (" + r.reusedKeys + ")" : "")
                      << (r.ok ? "" : "  FAILED") << "\n";
        }
        if (out)
        {
            out << std::fixed << std::setprecision(6) << r.end << "," << r.imsi << "," << r.source
                << "," << r.target << "," << r.newRnti << ","
                << (r.algorithms.empty() ? "none" : r.algorithms) << "," << Agreement(r) << ","
                << r.x2Bytes << "," << r.airBytes << "," << std::setprecision(3) << durMs << ","
                << (r.keyReuse ? 1 : 0) << "," << (r.ok ? 1 : 0) << "," << r.reusedKeys << "\n";
        }
    }
    std::cout << "Summary: " << g_done.size() << " handovers, " << ok << " completed, " << agree
              << " with UE and target keys agreeing, " << reuses
              << " reusing keys of an earlier C-RNTI, " << g_integrityFailures
              << " integrity failures; security bytes X2 " << x2Total << ", air " << airTotal
              << (security ? "" : " (security off)") << (idealRrc ? " (ideal RRC)" : "") << "\n"
              << "Simulator events executed: " << Simulator::GetEventCount() << "\n";

    Simulator::Destroy();
    return 0;
}
