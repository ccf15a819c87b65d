/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Urban vehicles: SUMO trajectories on a street grid (an ns-2 mobility trace made by
 * scripts/make-vehicle-trace.sh) driving through the 3GPP macro layout of lte-security-macro,
 * 7 sites / 21 cells by default, the grid centred on the centre site. The i-th UE follows the
 * trace's $node_(i). Everything else (UMa, parabolic sectors, A3, real RRC, MME pool areas, X2
 * between neighbours, the handover records and the run summary) is the macro scenario's.
 *
 *   lte-security-urban-vehicles --simTime=30 --scheme=ts33401
 *   lte-security-urban-vehicles --trace=$(scripts/make-vehicle-trace.sh --vehicles 100 --time 60)
 *
 * The default trace, committed with the examples, is the output of
 * scripts/make-vehicle-trace.sh --vehicles 60 --time 30 (a 7 x 7 grid of 250 m blocks, 50 km/h,
 * seed 1).
 */
#include "lte-sec-macro-scenario.h"

#include "ns3/core-module.h"

#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("LteSecurityUrbanVehicles");

int
main(int argc, char* argv[])
{
    MacroScenarioConfig c;
    c.scenario = "urban";
    c.sites = 7;
    c.numUes = 0;
    c.simTime = 30;
    c.trace = LTESEC_TRACE_DIR "/urban-grid-7sites.ns2";
    std::string prefix = "lte-security-urban-vehicles";
    CommandLine cmd(__FILE__);
    AddMacroArguments(cmd, c);
    cmd.AddValue("trace",
                 "ns-2 mobility trace of the vehicles (scripts/make-vehicle-trace.sh)",
                 c.trace);
    cmd.AddValue("prefix", "output files: <prefix>-handovers.csv and <prefix>-summary.csv", prefix);
    cmd.Parse(argc, argv);
    NS_ABORT_MSG_IF(c.trace.empty(), "--trace: a vehicle trace is needed");
    if (c.numUes == 0)
    {
        c.numUes = CountVehicleTraceNodes(c.trace); // every vehicle of the trace
    }
    CheckMacroScenarioConfig(c);

    MacroScenario s = RunMacroScenario(c);

    WriteMacroOutputs(c, s, prefix);
    Simulator::Destroy();
    return 0;
}
