/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * What the examples share: a remote host behind the PGW, and UDP downlink and uplink for every UE.
 */
#ifndef LTE_SEC_EXAMPLE_COMMON_H
#define LTE_SEC_EXAMPLE_COMMON_H

#include "ns3/applications-module.h"
#include "ns3/internet-module.h"
#include "ns3/lte-module.h"
#include "ns3/point-to-point-module.h"

#include <sstream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * An EPC with S1-AP on links (S1 handover where X2 is missing, several MMEs) and the given
 * one-way delays of the S1-MME, S10 and X2 links.
 */
inline Ptr<PointToPointEpcHelper>
CreateLinkedEpc(double s1mmeDelayMs, double s10DelayMs, double x2DelayMs)
{
    Ptr<PointToPointEpcHelper> epc = CreateObject<PointToPointEpcHelper>();
    epc->SetAttribute("S1apLink", BooleanValue(true));
    epc->SetAttribute("S1mmeLinkDelay", TimeValue(MilliSeconds(s1mmeDelayMs)));
    epc->SetAttribute("S10LinkDelay", TimeValue(MilliSeconds(s10DelayMs)));
    epc->SetAttribute("X2LinkDelay", TimeValue(MilliSeconds(x2DelayMs)));
    return epc;
}

/**
 * A remote host behind the PGW (100 Gb/s, 10 ms), routed to the UEs' 7.0.0.0/8.
 * \param epc the EPC helper
 * \param[out] address the remote host's address
 * \return the remote host
 */
inline Ptr<Node>
AddRemoteHost(Ptr<PointToPointEpcHelper> epc, Ipv4Address& address)
{
    NodeContainer hosts;
    hosts.Create(1);
    Ptr<Node> remoteHost = hosts.Get(0);
    InternetStackHelper internet;
    internet.Install(hosts);
    PointToPointHelper p2ph;
    p2ph.SetDeviceAttribute("DataRate", DataRateValue(DataRate("100Gb/s")));
    p2ph.SetChannelAttribute("Delay", TimeValue(MilliSeconds(10)));
    NetDeviceContainer devices = p2ph.Install(epc->GetPgwNode(), remoteHost);
    Ipv4AddressHelper ipv4h;
    ipv4h.SetBase("1.0.0.0", "255.0.0.0");
    address = ipv4h.Assign(devices).GetAddress(1);
    Ipv4StaticRoutingHelper routing;
    routing.GetStaticRouting(remoteHost->GetObject<Ipv4>())
        ->AddNetworkRouteTo(Ipv4Address("7.0.0.0"), Ipv4Mask("255.0.0.0"), 1);
    return remoteHost;
}

/**
 * Gives the UEs an internet stack, addresses and a default route, and runs UDP downlink and
 * uplink (UdpClient defaults) between every UE and the remote host from 100 ms on.
 * \param epc the EPC helper
 * \param ueNodes the UEs
 * \param ueDevs their LTE devices
 * \param remoteHost the remote host (AddRemoteHost())
 * \param remoteAddress its address
 */
inline void
InstallUdpTraffic(Ptr<PointToPointEpcHelper> epc,
                  NodeContainer ueNodes,
                  NetDeviceContainer ueDevs,
                  Ptr<Node> remoteHost,
                  Ipv4Address remoteAddress)
{
    InternetStackHelper internet;
    internet.Install(ueNodes);
    Ipv4InterfaceContainer ueIpIfaces = epc->AssignUeIpv4Address(ueDevs);
    Ipv4StaticRoutingHelper routing;
    uint16_t dlPort = 10000;
    uint16_t ulPort = 20000;
    ApplicationContainer clientApps;
    ApplicationContainer serverApps;
    for (uint32_t u = 0; u < ueNodes.GetN(); ++u)
    {
        routing.GetStaticRouting(ueNodes.Get(u)->GetObject<Ipv4>())
            ->SetDefaultRoute(epc->GetUeDefaultGatewayAddress(), 1);
        ++ulPort;
        PacketSinkHelper dlSink("ns3::UdpSocketFactory",
                                InetSocketAddress(Ipv4Address::GetAny(), dlPort));
        serverApps.Add(dlSink.Install(ueNodes.Get(u)));
        PacketSinkHelper ulSink("ns3::UdpSocketFactory",
                                InetSocketAddress(Ipv4Address::GetAny(), ulPort));
        serverApps.Add(ulSink.Install(remoteHost));
        UdpClientHelper dlClient(ueIpIfaces.GetAddress(u), dlPort);
        clientApps.Add(dlClient.Install(remoteHost));
        UdpClientHelper ulClient(remoteAddress, ulPort);
        clientApps.Add(ulClient.Install(ueNodes.Get(u)));
    }
    serverApps.Start(MilliSeconds(50));
    clientApps.Start(MilliSeconds(100));
}

/**
 * \return the positive numbers of a comma list, aborting naming \p what on a bad one
 * \param list e.g. "3,30,60"
 * \param what the argument, e.g. "--speeds"
 * \param unit what a value is, for the message, e.g. "speed in km/h"
 */
inline std::vector<double>
ParsePositiveList(const std::string& list, const std::string& what, const std::string& unit)
{
    std::vector<double> values;
    std::stringstream ss(list);
    std::string item;
    while (std::getline(ss, item, ','))
    {
        char* end = nullptr;
        double v = std::strtod(item.c_str(), &end);
        NS_ABORT_MSG_IF(item.empty() || *end != '\0' || !(v > 0),
                        what << ": '" << item << "' is not a positive " << unit);
        values.push_back(v);
    }
    NS_ABORT_MSG_IF(values.empty(), what << ": nothing given");
    return values;
}

} // namespace ns3

#endif
