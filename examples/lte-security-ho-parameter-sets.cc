/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Handover parameter sets: the macro scenario of lte-security-macro with the A3 time-to-trigger /
 * hysteresis sets of TR 36.839 (set 1: 480 ms / 3 dB, 2: 160 / 2, 3: 80 / 1, 4: 40 / 0) and the
 * 40 ms measurement period that TTTs below 200 ms need (ns-3 evaluates entering and leaving
 * conditions only when L1 measurements arrive). RLF parameters are settable (--qout, --qin,
 * --t310, --n310, --n311). Every knob of lte-security-macro applies; --ttt and --hysteresis
 * override the set's values.
 *
 *   lte-security-ho-parameter-sets --set=3 --sites=7 --numUes=21 --speeds=30 --simTime=5
 */
#include "lte-sec-macro-scenario.h"

#include "ns3/core-module.h"

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("LteSecurityHoParameterSets");

int
main(int argc, char* argv[])
{
    MacroScenarioConfig c;
    c.measPeriodMs = 40;
    uint16_t set = 1;
    std::string prefix;
    CommandLine cmd(__FILE__);
    AddMacroArguments(cmd, c);
    cmd.AddValue("set",
                 "TR 36.839 set: 1 (480 ms / 3 dB), 2 (160 / 2), 3 (80 / 1), 4 (40 / 0)",
                 set);
    cmd.AddValue("prefix",
                 "output files: <prefix>-handovers.csv and <prefix>-summary.csv (default "
                 "lte-security-ho-set<set>)",
                 prefix);
    // the set's values, unless --ttt or --hysteresis come after it on the command line
    const uint32_t ttt[] = {480, 160, 80, 40};
    const double hysteresis[] = {3, 2, 1, 0};
    bool tttGiven = false;
    bool hysteresisGiven = false;
    for (int i = 1; i < argc; ++i)
    {
        std::string a = argv[i];
        tttGiven |= a.rfind("--ttt=", 0) == 0;
        hysteresisGiven |= a.rfind("--hysteresis=", 0) == 0;
    }
    cmd.Parse(argc, argv);
    NS_ABORT_MSG_IF(set < 1 || set > 4, "--set: 1 to 4 (TR 36.839's sets), not " << set);
    if (!tttGiven)
    {
        c.tttMs = ttt[set - 1];
    }
    if (!hysteresisGiven)
    {
        c.hysteresis = hysteresis[set - 1];
    }
    if (prefix.empty())
    {
        prefix = "lte-security-ho-set" + std::to_string(set);
    }
    CheckMacroScenarioConfig(c);

    MacroScenario s = RunMacroScenario(c);

    WriteMacroOutputs(c, s, prefix);
    Simulator::Destroy();
    return 0;
}
