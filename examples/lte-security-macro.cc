/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The 3GPP macro scenario (TR 36.814 case 1 layout): 19 sites / 57 cells on a true hexagonal ring
 * (or 7 / 21, or 1 / 3), ISD 500 m, 3GPP UMa propagation with LOS/NLOS updated as the UEs move,
 * parabolic sector antennas (70 degrees, 25 dB), 46 dBm eNBs and 23 dBm UEs, UEs in steady-state
 * random waypoint inside the cluster at the given speeds, A3-RSRP handover, real RRC, light UDP
 * both ways. Optionally MME pool areas (inter-MME S1 handover at their borders) and X2 only
 * between neighbouring sites (S1 handover for the rest). Writes one CSV line per handover attempt
 * and a one-line run summary, both with the scenario's knobs as columns so that a campaign can
 * concatenate them.
 *
 *   lte-security-macro --sites=19 --numUes=57 --speeds=3,30,60,120 --simTime=5 --scheme=seed
 */
#include "lte-sec-macro-scenario.h"

#include "ns3/core-module.h"
#include "ns3/lte-sec-scheme.h"

#include <fstream>
#include <iostream>
#include <malloc.h>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("LteSecurityMacro");

int
main(int argc, char* argv[])
{
    MacroScenarioConfig c;
    std::string prefix = "lte-security-macro";
    bool heapReport = false;
    CommandLine cmd(__FILE__);
    AddMacroArguments(cmd, c);
    cmd.AddValue("prefix", "output files: <prefix>-handovers.csv and <prefix>-summary.csv", prefix);
    cmd.AddValue("heapReport",
                 "print the heap bytes in use at the end of the run (lte-sec-scale-benchmark)",
                 heapReport);
    cmd.Parse(argc, argv);
    CheckMacroScenarioConfig(c);

    MacroScenario s = RunMacroScenario(c);

    WriteMacroOutputs(c, s, prefix);
    if (heapReport)
    {
        // every UE still holds its contexts here (eNB, UE, MME): the scale benchmark compares
        // this with security off to get the security state per UE
        std::cout << "heap in use at the end: " << mallinfo2().uordblks << " bytes" << std::endl;
    }
    Simulator::Destroy();
    return 0;
}
