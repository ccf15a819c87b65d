// ns-3's EpcX2 on a real link, fed a malformed HANDOVER REQUEST.
#include "ns3/epc-x2-header.h"
#include "ns3/epc-x2.h"
#include "ns3/internet-module.h"
#include "ns3/lte-sec-wire.h"
#include "ns3/network-module.h"
#include "ns3/point-to-point-module.h"

#include <boost/test/unit_test.hpp>

using namespace ns3;

namespace
{

/// X2 SAP user stand-in: counts the handover requests that reach the RRC.
class X2User : public EpcX2SapUser
{
  public:
    int requests{0};
    SecurityBytes info;

    void RecvHandoverRequest(HandoverRequestParams params) override
    {
        requests++;
        info = params.asSecurityInformation;
    }

    void RecvHandoverRequestAck(HandoverRequestAckParams) override
    {
    }

    void RecvHandoverPreparationFailure(HandoverPreparationFailureParams) override
    {
    }

    void RecvSnStatusTransfer(SnStatusTransferParams) override
    {
    }

    void RecvUeContextRelease(UeContextReleaseParams) override
    {
    }

    void RecvLoadInformation(LoadInformationParams) override
    {
    }

    void RecvResourceStatusUpdate(ResourceStatusUpdateParams) override
    {
    }

    void RecvUeData(UeDataParams) override
    {
    }

    void RecvHandoverCancel(HandoverCancelParams) override
    {
    }
};

/// An X2 HANDOVER REQUEST as EpcX2 sends it, cut to \p keep bytes after the X2 header.
Ptr<Packet>
Request(uint32_t keep)
{
    EpcX2HandoverRequestHeader h;
    h.SetOldEnbUeX2apId(1);
    h.SetCause(0);
    h.SetTargetCellId(2);
    h.SetMmeUeS1apId(1);
    h.SetBearers({});
    ltesec::AsSecurityInformation info;
    info.kenb = ltesec::Kenb::FromHex(std::string(64, '7'), "k");
    h.SetAsSecurityInformation(info.Encode());
    Ptr<Packet> body = Create<Packet>(20); // the RRC context
    body->AddHeader(h);
    std::vector<uint8_t> b(body->GetSize());
    body->CopyData(b.data(), b.size());
    Ptr<Packet> p = Create<Packet>(b.data(), std::min<uint32_t>(keep, b.size()));
    EpcX2Header x2;
    x2.SetMessageType(EpcX2Header::InitiatingMessage);
    x2.SetProcedureCode(EpcX2Header::HandoverPreparation);
    x2.SetLengthOfIes(h.GetLengthOfIes());
    x2.SetNumberOfIes(h.GetNumberOfIes());
    p->AddHeader(x2);
    return p;
}

} // namespace

BOOST_AUTO_TEST_SUITE(wire)

BOOST_AUTO_TEST_CASE(x2_link_drops_and_traces_malformed_requests)
{
    NodeContainer nodes;
    nodes.Create(2);
    InternetStackHelper internet;
    internet.Install(nodes);
    PointToPointHelper p2p;
    NetDeviceContainer devs = p2p.Install(nodes);
    Ipv4AddressHelper ipv4;
    ipv4.SetBase("10.9.0.0", "255.255.255.252");
    Ipv4InterfaceContainer ifs = ipv4.Assign(devs);
    Ptr<EpcX2> x2 = CreateObject<EpcX2>();
    nodes.Get(1)->AggregateObject(x2);
    x2->AddX2Interface(2, ifs.GetAddress(1), {1}, ifs.GetAddress(0));
    X2User user;
    x2->SetEpcX2SapUser(&user);
    std::vector<std::string> malformed;
    x2->TraceConnectWithoutContext(
        "MalformedMessage",
        MakeBoundCallback(
            +[](std::vector<std::string>* v, const std::string& m, const std::string& r) {
                v->push_back(m + ": " + r);
            },
            &malformed));

    Ptr<Socket> s = Socket::CreateSocket(nodes.Get(0), UdpSocketFactory::GetTypeId());
    s->Bind();
    s->Connect(InetSocketAddress(ifs.GetAddress(1), 4444));
    Simulator::Schedule(MilliSeconds(10), [s]() { s->Send(Request(1000)); });     // whole: accepted
    Simulator::Schedule(MilliSeconds(20), [s]() { s->Send(Request(60)); });       // cut in the IE
    Simulator::Schedule(MilliSeconds(30), [s]() { s->Send(Request(30)); });       // cut before it
    Simulator::Schedule(MilliSeconds(40), [s]() { s->Send(Create<Packet>(3)); }); // no header
    Simulator::Run();
    Simulator::Destroy();

    BOOST_TEST(user.requests == 1);
    BOOST_TEST(user.info.size() == ltesec::AsSecurityInformation::SIZE);
    BOOST_TEST(malformed.size() == 3u);
    for (const auto& m : malformed)
    {
        BOOST_TEST_MESSAGE(m);
    }
}

BOOST_AUTO_TEST_SUITE_END()
