/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The key-handling schemes side by side on the same mobility: the MME pool-area scenario
 * (lte-sec-pools-scenario.h) runs once with security off and once per scheme, each with X2
 * inside the pool areas and again with S1 forced inside them, so that every scheme meets X2, S1
 * intra-MME and S1 inter-MME handovers on identical radio conditions. Per scheme, handover type
 * and interface it writes messages, bytes and security bytes per completed handover, the messages
 * added to the run with security off, and the latency to the handover confirm, as CSV and
 * Markdown; scripts/plot-scheme-comparison.py draws the CSV.
 *
 *   lte-security-scheme-comparison --numUes=3 --schemes=seed,ts33401,alt1,alt2
 */
#include "lte-sec-pools-scenario.h"

#include "ns3/core-module.h"
#include "ns3/lte-sec-handover-recorder.h"
#include "ns3/lte-sec-key-audit.h"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("LteSecuritySchemeComparison");

namespace
{

using Table = std::map<std::string, std::map<std::string, HandoverTotals>>; // scheme -> type

double
PerHandover(const std::map<std::string, uint64_t>& m, const std::string& key, uint32_t n)
{
    auto it = m.find(key);
    return n == 0 || it == m.end() ? 0.0 : double(it->second) / n;
}

std::vector<std::string>
Split(const std::string& list)
{
    std::vector<std::string> out;
    std::stringstream ss(list);
    std::string item;
    while (std::getline(ss, item, ','))
    {
        if (!item.empty())
        {
            out.push_back(item);
        }
    }
    return out;
}

} // namespace

int
main(int argc, char* argv[])
{
    PoolsScenarioConfig c;
    c.simTime = 0;
    std::string schemes = LteSecScheme::Names();
    std::string csv = "lte-security-scheme-comparison.csv";
    std::string markdown = "lte-security-scheme-comparison.md";
    std::string audit = "lte-security-key-audit";

    CommandLine cmd(__FILE__);
    cmd.AddValue("schemes",
                 "comma-separated schemes to compare (" + LteSecScheme::Names() + ")",
                 schemes);
    cmd.AddValue("pools", "number of MME pool areas (one MME each)", c.pools);
    cmd.AddValue("enbsPerPool", "eNBs per pool area, in a row", c.enbsPerPool);
    cmd.AddValue("numUes", "number of UEs driving along the row", c.numUes);
    cmd.AddValue("distance", "distance between eNBs [m]", c.distance);
    cmd.AddValue("speed", "UE speed [m/s]", c.speed);
    cmd.AddValue("simTime",
                 "simulated time per run [s] (0: until the UEs pass the last eNB)",
                 c.simTime);
    cmd.AddValue("idealRrc", "ideal RRC (nothing on the air) instead of real RRC", c.idealRrc);
    cmd.AddValue("s1mmeDelay", "one-way delay of the S1-MME links [ms]", c.s1mmeDelayMs);
    cmd.AddValue("s10Delay", "one-way delay of the S10 links [ms]", c.s10DelayMs);
    cmd.AddValue("x2Delay", "one-way delay of the X2 links [ms]", c.x2DelayMs);
    cmd.AddValue("seed", "RNG seed", c.seed);
    cmd.AddValue("run", "RNG run number", c.run);
    cmd.AddValue("csv", "table as CSV (none: no file)", csv);
    cmd.AddValue("markdown", "table as Markdown (none: no file)", markdown);
    cmd.AddValue("audit",
                 "key-exposure audit per scheme and run: PREFIX.csv and PREFIX.md (none: no audit)",
                 audit);
    cmd.Parse(argc, argv);

    std::vector<std::string> runs{"off"};
    for (const std::string& s : Split(schemes))
    {
        LteSecScheme::Create(s, "--schemes"); // an unknown name stops here, naming it
        runs.push_back(s);
    }
    NS_ABORT_MSG_IF(runs.size() < 2, "--schemes: name at least one scheme");

    Table table;
    std::ostringstream auditCsv;
    std::ostringstream auditMd;
    auditMd << "## Key-exposure audit\n";
    for (const std::string& scheme : runs)
    {
        for (bool forceS1 : {false, true})
        {
            PoolsScenarioConfig run = c;
            run.security = scheme != "off";
            run.scheme = run.security ? scheme : "seed";
            run.forceS1 = forceS1;
            Ptr<LteSecKeyAudit> keyAudit =
                run.security && audit != "none" ? CreateObject<LteSecKeyAudit>() : nullptr;
            Ptr<LteSecHandoverRecorder> recorder = RunPoolsScenario(run, keyAudit);
            if (keyAudit)
            {
                std::string label =
                    scheme + (forceS1 ? ", S1 in the pool areas" : ", X2 in the pool areas") +
                    ", S1 between them";
                auto findings = keyAudit->Analyse();
                LteSecKeyAudit::WriteCsv(auditCsv, label, findings, auditCsv.tellp() == 0);
                LteSecKeyAudit::WriteMarkdown(auditMd, label, findings);
            }
            for (const auto& r : recorder->GetRecords())
            {
                if (!forceS1)
                {
                    // the row "X2" is the handovers between X2 neighbours (inside a pool area);
                    // a scheme that prepares every handover through the MME (alt1) makes them S1
                    // handovers within the MME
                    table[scheme][r.type == "S1 intra-MME" ? "X2" : r.type].Add(r);
                }
                else if (r.type == "S1 intra-MME")
                {
                    // the forced-S1 run adds S1 intra-MME; its inter-MME handovers repeat the first
                    table[scheme][r.type].Add(r);
                }
            }
            Simulator::Destroy();
        }
        std::cerr << "scheme " << scheme << " done\n";
    }

    const auto& interfaces = LteSecHandoverRecorder::Interfaces();
    std::ostringstream csvText;
    csvText << std::fixed;
    csvText << "scheme,type,interface,handovers,completed,keys_agree,messages,bytes,security_bytes,"
               "extra_messages,latency_ms\n";
    std::ostringstream md;
    md << "| scheme | type | completed | keys agree | latency (ms) |";
    for (const std::string& i : interfaces)
    {
        md << " " << i << " bytes (security) |";
    }
    md << " extra messages |\n|---|---|---|---|---|";
    for (std::size_t i = 0; i <= interfaces.size(); ++i)
    {
        md << "---|";
    }
    md << "\n";
    // type -> scheme -> security bytes per completed handover, all interfaces
    std::map<std::string, std::map<std::string, double>> securityByType;
    for (const std::string& scheme : runs)
    {
        for (const auto& [type, t] : table[scheme])
        {
            const HandoverTotals& off = table["off"][type];
            double latency = t.completed ? t.latencyMs / t.completed : -1;
            double extraTotal = 0;
            double securityTotal = 0;
            md << "| " << scheme << " | " << type << " | " << t.completed << "/" << t.handovers
               << " | " << t.agree << " | " << std::fixed << std::setprecision(1) << latency
               << " |";
            for (const std::string& i : interfaces)
            {
                double messages = PerHandover(t.messages, i, t.completed);
                double extra = messages - PerHandover(off.messages, i, off.completed);
                double bytes = PerHandover(t.bytes, i, t.completed);
                double security = PerHandover(t.securityBytes, i, t.completed);
                extraTotal += extra;
                securityTotal += security;
                csvText << scheme << "," << type << "," << i << "," << t.handovers << ","
                        << t.completed << "," << t.agree << "," << std::setprecision(2) << messages
                        << "," << bytes << "," << security << "," << extra << "," << latency
                        << "\n";
                md << " " << std::setprecision(0) << bytes << " (" << security << ") |";
            }
            md << " " << std::setprecision(1) << extraTotal << " |\n";
            if (scheme != "off" && t.completed > 0)
            {
                securityByType[type][scheme] = securityTotal;
            }
        }
    }
    md << "\nPer completed handover; extra messages: against the same run with security off. Type "
          "X2: "
          "the handovers between X2 neighbours; a scheme that prepares every handover through the "
          "MME (alt1) makes them S1 handovers, whose messages are in its X2 row.\n";
    for (const auto& [type, bySchemes] : securityByType)
    {
        double least = bySchemes.begin()->second;
        for (const auto& entry : bySchemes)
        {
            least = std::min(least, entry.second);
        }
        md << "Least security bytes, " << type << ": ";
        std::string sep;
        for (const auto& entry : bySchemes)
        {
            if (entry.second <= least + 0.5)
            {
                md << sep << entry.first;
                sep = ", ";
            }
        }
        md << " (" << std::setprecision(0) << least << " B).\n";
    }
    std::cout << md.str();
    if (!csv.empty() && csv != "none")
    {
        std::ofstream out(csv);
        NS_ABORT_MSG_IF(!out, "--csv: cannot write '" << csv << "'");
        out << csvText.str();
    }
    if (!markdown.empty() && markdown != "none")
    {
        std::ofstream out(markdown);
        NS_ABORT_MSG_IF(!out, "--markdown: cannot write '" << markdown << "'");
        out << md.str();
    }
    if (audit != "none" && !audit.empty())
    {
        std::cout << auditMd.str();
        std::ofstream outCsv(audit + ".csv");
        std::ofstream outMd(audit + ".md");
        NS_ABORT_MSG_IF(!outCsv || !outMd, "--audit: cannot write '" << audit << ".csv/.md'");
        outCsv << auditCsv.str();
        outMd << auditMd.str();
    }
    return 0;
}
