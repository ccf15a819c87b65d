/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * Vehicle trajectories from an ns-2 mobility trace (SUMO's traceExporter.py output, see
 * scripts/make-vehicle-trace.sh) on the UEs of a scenario. ns-3's Ns2MobilityHelper::Install()
 * maps the trace's $node_(i) to the node with global id i, which in an LTE script is an eNB or an
 * EPC node; InstallVehicleTrace() maps it to the i-th UE. The trace is checked line by line first
 * (ns-3's parser skips a line it cannot read without a word in an optimised build).
 */
#ifndef LTE_SEC_VEHICLE_TRACE_H
#define LTE_SEC_VEHICLE_TRACE_H

#include "ns3/abort.h"
#include "ns3/mobility-module.h"
#include "ns3/node-container.h"

#include <fstream>
#include <regex>
#include <string>

namespace ns3
{

/**
 * Reads an ns-2 mobility trace of the form traceExporter.py writes ("$node_(i) set X_|Y_|Z_ v",
 * "$ns_ at t \"$node_(i) setdest x y speed\"", comments and blank lines) and aborts naming the
 * file and line if a line is anything else or the file cannot be read.
 * \return the number of nodes the trace moves (the highest node index + 1)
 */
inline uint32_t
CountVehicleTraceNodes(const std::string& file)
{
    std::ifstream in(file);
    NS_ABORT_MSG_IF(!in, "vehicle trace '" << file << "': cannot be read");
    static const std::string num = R"((-?[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?))";
    static const std::regex setpos(R"(^\$node_\(([0-9]+)\) set [XYZ]_ )" + num + "$");
    static const std::regex setdest(R"(^\$ns_ at )" + num + R"( "\$node_\(([0-9]+)\) setdest )" +
                                    num + " " + num + " " + num + "\"$");
    uint32_t nodes = 0;
    uint32_t lineNo = 0;
    std::string line;
    while (std::getline(in, line))
    {
        ++lineNo;
        if (!line.empty() && line.back() == '\r')
        {
            line.pop_back();
        }
        if (line.empty() || line[0] == '#')
        {
            continue;
        }
        std::smatch m;
        uint32_t id;
        if (std::regex_match(line, m, setpos))
        {
            id = std::stoul(m[1]);
        }
        else if (std::regex_match(line, m, setdest))
        {
            id = std::stoul(m[2]);
            NS_ABORT_MSG_IF(std::stod(m[5]) < 0,
                            "vehicle trace '" << file << "' line " << lineNo << ": negative speed");
        }
        else
        {
            NS_FATAL_ERROR("vehicle trace '" << file << "' line " << lineNo
                                             << ": not an ns-2 mobility line: " << line);
        }
        nodes = std::max(nodes, id + 1);
    }
    NS_ABORT_MSG_IF(nodes == 0, "vehicle trace '" << file << "': no node in it");
    return nodes;
}

/**
 * Gives the i-th node of \p ues the trajectory of the trace's $node_(i) (a
 * ConstantVelocityMobilityModel, as Ns2MobilityHelper makes). Trace nodes past the container
 * are not used; a UE the trace does not move stays where it is. Install it before the LTE
 * devices, like any mobility model.
 * \return the number of nodes in the trace
 */
inline uint32_t
InstallVehicleTrace(const std::string& file, NodeContainer ues)
{
    uint32_t nodes = CountVehicleTraceNodes(file);
    Ns2MobilityHelper(file).Install(ues.Begin(), ues.End());
    return nodes;
}

} // namespace ns3

#endif // LTE_SEC_VEHICLE_TRACE_H
