/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The design's two handover procedures under mobility: eNBs in a row split into MME pool areas,
 * X2 between neighbours inside each area and none across, UEs driving along the row with ns-3's
 * real PHY and an A3-RSRP handover algorithm. Inside an area a handover goes over X2 (or S1 with
 * --forceS1); across the border it is an inter-MME S1 handover: KeNB and the NAS security context
 * travel source eNB -> source MME -> S10 -> target MME -> target eNB as S1AP and GTPv2-C bytes on
 * point-to-point links. Prints one line per handover (type, cells, MMEs, keys, latency, bytes and
 * security bytes per interface), a summary per type, and writes a CSV. --scheme compares the
 * key-handling schemes on the same mobility.
 *
 *   lte-security-mme-pools --pools=2 --enbsPerPool=2 --numUes=3 --speed=20 --pcap=1
 */
#include "lte-sec-pools-scenario.h"

#include "ns3/core-module.h"
#include "ns3/lte-sec-handover-recorder.h"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("LteSecurityMmePools");

int
main(int argc, char* argv[])
{
    PoolsScenarioConfig c;
    std::string csv = "lte-security-mme-pools.csv";
    bool quiet = false;

    CommandLine cmd(__FILE__);
    cmd.AddValue("pools", "number of MME pool areas (one MME each)", c.pools);
    cmd.AddValue("enbsPerPool", "eNBs per pool area, in a row", c.enbsPerPool);
    cmd.AddValue("numUes", "number of UEs, driving along the row from different places", c.numUes);
    cmd.AddValue("distance", "distance between eNBs [m]", c.distance);
    cmd.AddValue("speed", "UE speed [m/s]", c.speed);
    cmd.AddValue("simTime", "simulated time [s] (0: until the UEs pass the last eNB)", c.simTime);
    cmd.AddValue("security", "enable AS security (lte-security module)", c.security);
    cmd.AddValue("scheme",
                 "key-handling scheme: " + LteSecScheme::Names() + " (LteSecurityHelper::Scheme)",
                 c.scheme);
    cmd.AddValue("idealRrc", "ideal RRC (nothing on the air) instead of real RRC", c.idealRrc);
    cmd.AddValue("forceS1", "hand over by S1 inside a pool area too (no X2 handover)", c.forceS1);
    cmd.AddValue("kenbInHandoverRequired",
                 "the source eNB sends KeNB in HANDOVER REQUIRED (else the MME uses its own)",
                 c.kenbInHandoverRequired);
    cmd.AddValue("nasEiaPriority2",
                 "NAS integrity priority of the MMEs after the first (new NAS keys if it changes)",
                 c.nasEiaPriority2);
    cmd.AddValue("s1mmeDelay", "one-way delay of the S1-MME links [ms]", c.s1mmeDelayMs);
    cmd.AddValue("s10Delay", "one-way delay of the S10 links [ms]", c.s10DelayMs);
    cmd.AddValue("x2Delay", "one-way delay of the X2 links [ms]", c.x2DelayMs);
    cmd.AddValue("hysteresis", "A3 hysteresis [dB]", c.hysteresis);
    cmd.AddValue("timeToTrigger", "A3 time to trigger [ms]", c.timeToTriggerMs);
    cmd.AddValue("seed", "RNG seed", c.seed);
    cmd.AddValue("run", "RNG run number", c.run);
    cmd.AddValue("pcap",
                 "write pcaps of the S1-MME links (s1mme-*.pcap) and S10 links (s10-*)",
                 c.pcap);
    cmd.AddValue("csv", "CSV file of handovers (none: no file)", csv);
    cmd.AddValue("quiet", "print the summary only", quiet);
    cmd.Parse(argc, argv);
    LteSecScheme::Create(c.scheme, "--scheme"); // an unknown name stops here, naming it

    Ptr<LteSecHandoverRecorder> recorder = RunPoolsScenario(c);
    const bool security = c.security;
    const bool idealRrc = c.idealRrc;

    // per handover, then per type
    std::map<std::string, HandoverTotals> byType;
    for (const auto& r : recorder->GetRecords())
    {
        if (!quiet)
        {
            LteSecHandoverRecorder::Print(std::cout, r);
        }
        byType[r.type].Add(r);
    }
    std::cout << "Summary (" << (security ? "security on" : "security off")
              << (idealRrc ? ", ideal RRC" : ", real RRC") << "): mean per completed handover\n";
    for (const auto& [type, t] : byType)
    {
        std::cout << "  " << std::left << std::setw(13) << type << std::right << " " << t.completed
                  << "/" << t.handovers << " completed, " << t.agree << " with AS keys agreeing";
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
