// The trace sinks of the test scenario (lte-sec-scenario.cc): what every trace source the scenario
// connects reports, written into the ScenarioResult of the run.
#include "lte-sec-scenario-sinks.h"

#include "ns3/core-module.h"
#include "ns3/epc-x2-header.h"
#include "ns3/internet-module.h"
#include "ns3/lte-module.h"
#include "ns3/ppp-header.h"

#include <sstream>

using namespace ns3;

namespace ltesec_test
{
namespace sinks
{

namespace
{

ScenarioResult* g_result = nullptr;
/// Keys a target derived before the source announced the handover: (IMSI, cell) -> keys
std::map<std::pair<uint64_t, uint16_t>, std::map<std::string, std::string>> g_pendingEnbKeys;

} // namespace

void
BeginRun(ScenarioResult* result)
{
    g_result = result;
    g_pendingEnbKeys.clear();
}

void
EndRun()
{
    g_result = nullptr;
}

std::string
Now()
{
    std::ostringstream s;
    s << Simulator::Now().GetNanoSeconds();
    return s.str();
}

void
Event(const std::string& e)
{
    g_result->events.push_back(Now() + " " + e);
}

HandoverResult*
Open(uint64_t imsi, uint16_t target)
{
    for (auto it = g_result->handovers.rbegin(); it != g_result->handovers.rend(); ++it)
    {
        if (it->imsi == imsi)
        {
            return it->target == target ? &*it : nullptr;
        }
    }
    return nullptr;
}

void
HandoverStart(uint64_t imsi, uint16_t cellId, uint16_t rnti, uint16_t target)
{
    HandoverResult h;
    h.imsi = imsi;
    h.source = cellId;
    h.target = target;
    auto pending = g_pendingEnbKeys.find({imsi, target});
    if (pending != g_pendingEnbKeys.end())
    {
        h.enbKeys = pending->second;
        g_pendingEnbKeys.erase(pending);
    }
    g_result->handovers.push_back(h);
    Event("HandoverStart " + std::to_string(imsi) + " " + std::to_string(cellId) + "->" +
          std::to_string(target));
}

void
HandoverEndOk(uint64_t imsi, uint16_t cellId, uint16_t rnti)
{
    if (HandoverResult* h = Open(imsi, cellId))
    {
        h->completed = true;
        h->rnti = rnti;
    }
    Event("HandoverEndOk " + std::to_string(imsi) + " " + std::to_string(cellId) + " " +
          std::to_string(rnti));
}

void
HandoverFailure(uint64_t imsi, uint16_t rnti, uint16_t cellId)
{
    g_result->handoverFailures++;
    Event("HandoverFailure " + std::to_string(imsi) + " " + std::to_string(cellId));
}

void
UeRrcEvent(std::string what, uint64_t imsi, uint16_t cellId, uint16_t rnti)
{
    Event(what + " " + std::to_string(imsi) + " " + std::to_string(cellId) + " " +
          std::to_string(rnti));
}

void
ReestablishmentRejected(uint64_t imsi, uint16_t cellId, uint16_t rnti, const std::string& reason)
{
    Event("ReestablishmentRejected " + std::to_string(imsi) + " " + std::to_string(cellId) + " " +
          reason);
}

void
HandoverFailureNoX2(uint64_t imsi, uint16_t rnti, uint16_t cellId)
{
    g_result->noX2Failures++;
    Event("HandoverFailureNoX2 " + std::to_string(imsi) + " " + std::to_string(cellId));
}

void
EnbKey(uint64_t imsi, uint16_t cellId, uint16_t rnti, const std::string& key, const std::string& fp)
{
    g_pendingEnbKeys[{imsi, cellId}][key] = fp;
    Event("EnbKey " + std::to_string(imsi) + " " + std::to_string(cellId) + " " +
          std::to_string(rnti) + " " + key + " " + fp);
}

void
UeKey(uint64_t imsi, uint16_t cellId, uint16_t rnti, const std::string& key, const std::string& fp)
{
    if (HandoverResult* h = Open(imsi, cellId))
    {
        h->ueKeys[key] = fp;
    }
    else
    {
        bool handedOver = false;
        for (const auto& h : g_result->handovers)
        {
            handedOver |= h.imsi == imsi;
        }
        if (!handedOver)
        {
            g_result->initialUeKeys[imsi][key] = fp;
        }
    }
    Event("UeKey " + std::to_string(imsi) + " " + std::to_string(cellId) + " " +
          std::to_string(rnti) + " " + key + " " + fp);
}

void
IntegrityFailure(uint64_t imsi, uint16_t rnti, uint8_t lcid, uint32_t count)
{
    g_result->integrityFailures++;
    Event("IntegrityFailure " + std::to_string(imsi) + " " + std::to_string(rnti) + " " +
          std::to_string(lcid));
}

void
DecipheringFailure(uint64_t imsi, uint16_t rnti, uint8_t lcid, uint32_t count)
{
    g_result->decipheringFailures++;
    Event("DecipheringFailure " + std::to_string(imsi) + " " + std::to_string(rnti) + " " +
          std::to_string(lcid));
}

void
HandoverRejected(uint64_t imsi, uint16_t source, const std::string& reason)
{
    g_result->handoversRejected++;
    Event("HandoverRejected " + std::to_string(imsi) + " " + std::to_string(source) + " " + reason);
}

void
KeyReuse(uint64_t imsi, uint16_t cellId, uint16_t rnti, const std::string& keys)
{
    g_result->keyReuses++;
    g_result->reusedKeys.push_back(keys);
    Event("KeyReuse " + std::to_string(imsi) + " " + std::to_string(cellId) + " " +
          std::to_string(rnti) + " " + keys);
}

void
CommandRejected(uint64_t imsi, uint16_t cellId, const std::string& reason)
{
    g_result->commandsRejected++;
    Event("CommandRejected " + std::to_string(imsi) + " " + reason);
}

void
CapabilityMismatch(uint64_t imsi, uint16_t cellId, const std::string& got, const std::string& mme)
{
    g_result->capabilityMismatches++;
    Event("CapabilityMismatch " + std::to_string(imsi) + " " + got + " " + mme);
}

void
PduDiscarded(uint64_t imsi, uint16_t rnti, uint8_t lcid, uint32_t count, const std::string& why)
{
    g_result->pdusDiscarded++;
    Event("PduDiscarded " + std::to_string(imsi) + " " + std::to_string(lcid) + " " + why);
}

void
SecurityMessage(const std::string& interface, const std::string& msg, uint64_t imsi, uint32_t n)
{
    g_result->securityMessages.emplace_back(interface + " " + msg, n);
    Event("SecurityMessage " + interface + " " + msg + " " + std::to_string(n));
}

void
X2Tx(Ptr<const Packet> p)
{
    Ptr<Packet> q = p->Copy();
    PppHeader ppp; // MacTx sees the packet with its PPP header
    q->RemoveHeader(ppp);
    Ipv4Header ip;
    UdpHeader udp;
    q->RemoveHeader(ip);
    if (ip.GetProtocol() != UdpL4Protocol::PROT_NUMBER)
    {
        return;
    }
    q->RemoveHeader(udp);
    if (udp.GetDestinationPort() != 4444)
    {
        return;
    }
    EpcX2Header x2;
    q->PeekHeader(x2);
    if (x2.GetProcedureCode() == EpcX2Header::HandoverPreparation &&
        x2.GetMessageType() == EpcX2Header::InitiatingMessage)
    {
        g_result->x2HandoverRequestBytes.push_back(q->GetSize());
    }
}

void
S1apTx(const EpcS1apMessage& msg, uint32_t bytes)
{
    g_result->s1apMessages.emplace_back(EpcS1apMessage::GetTypeName(msg.type), bytes);
    Event("S1AP " + EpcS1apMessage::GetTypeName(msg.type) + " " + std::to_string(bytes));
}

void
S1apMalformed(const std::string& error, uint32_t bytes)
{
    g_result->s1apMalformed++;
    Event("S1apMalformed " + error);
}

void
S1mmeTx(Ptr<const Packet> p)
{
    Ptr<Packet> q = p->Copy();
    PppHeader ppp;
    q->RemoveHeader(ppp);
    Ipv4Header ip;
    q->RemoveHeader(ip);
    UdpHeader udp;
    if (ip.GetProtocol() != UdpL4Protocol::PROT_NUMBER)
    {
        return;
    }
    q->RemoveHeader(udp);
    if (udp.GetDestinationPort() == 36412)
    {
        g_result->s1apLinkBytes += q->GetSize();
    }
    if (udp.GetDestinationPort() == 2123)
    {
        GtpcHeader gtpc;
        q->PeekHeader(gtpc);
        uint8_t type = gtpc.GetMessageType();
        if (type >= EpcS10Message::FORWARD_RELOCATION_REQUEST &&
            type <= EpcS10Message::FORWARD_RELOCATION_COMPLETE_ACKNOWLEDGE)
        {
            g_result->s10LinkBytes += q->GetSize(); // Forward Relocation messages: S10
        }
    }
}

void
OnHandoverKey(uint64_t imsi,
              uint16_t cellId,
              uint16_t rnti,
              const std::string& scheme,
              uint8_t ncc,
              const std::string& path)
{
    g_result->handoverNccs.push_back(ncc);
    Event("HandoverKey " + std::to_string(imsi) + " cell " + std::to_string(cellId) + " " + scheme +
          " NCC " + std::to_string(ncc) + " " + path);
}

void
OnNhSync(uint64_t imsi, uint16_t pci, uint8_t ncc, uint32_t steps)
{
    g_result->nhSteps.push_back(steps);
    Event("NhSync " + std::to_string(imsi) + " PCI " + std::to_string(pci) + " NCC " +
          std::to_string(ncc) + " steps " + std::to_string(steps));
}

void
NasSent(std::string who,
        uint64_t imsi,
        const std::string& message,
        uint32_t count,
        uint32_t bytes,
        uint32_t securityBytes)
{
    std::string e = who + " sent " + message + " " + std::to_string(count);
    g_result->nasEvents.push_back(e);
    Event(e + " bytes " + std::to_string(bytes) + " security " + std::to_string(securityBytes));
}

void
MmeNasSent(std::string who,
           uint64_t imsi,
           const std::string& message,
           uint32_t count,
           uint32_t bytes,
           uint32_t securityBytes,
           const std::vector<uint8_t>& /* pdu */)
{
    NasSent(who, imsi, message, count, bytes, securityBytes);
}

void
NasChecked(std::string who,
           uint64_t imsi,
           const std::string& message,
           uint32_t count,
           const std::string& outcome,
           const std::vector<uint8_t>& pdu)
{
    std::string e = who + " checked " + message + " " + std::to_string(count) + " " + outcome;
    g_result->nasEvents.push_back(e);
    Event(e + " bytes " + std::to_string(pdu.size()));
}

void
RawNasAtMme(Ptr<EpcMmeApplication> mme, uint64_t imsi, std::vector<uint8_t> pdu)
{
    g_result->rawNasAtMme.push_back(pdu);
    mme->SendDownlinkNasTransport(imsi, pdu); // the echo
}

void
RawNasAtUe(std::vector<uint8_t> pdu)
{
    g_result->rawNasAtUe.push_back(pdu);
}

void
NasSecurityChanged(uint64_t imsi, const std::string& algorithms, uint32_t count)
{
    g_result->nasChanges.push_back(algorithms + " " + std::to_string(count));
    Event("NasSecurityChanged " + algorithms + " " + std::to_string(count));
}

void
S10Tx(const EpcS10Message& msg, uint32_t bytes)
{
    g_result->s10Messages.emplace_back(EpcS10Message::GetTypeName(msg.type), bytes);
    Event("S10 " + EpcS10Message::GetTypeName(msg.type) + " " + std::to_string(bytes));
}

void
S10Malformed(const std::string& error, uint32_t bytes)
{
    g_result->s10Malformed++;
    Event("S10Malformed " + error);
}

void
DlRx(Ptr<const Packet> p, const Address&)
{
    g_result->dlRxBytes += p->GetSize();
}

void
UlRx(Ptr<const Packet> p, const Address&)
{
    g_result->ulRxBytes += p->GetSize();
}

} // namespace sinks
} // namespace ltesec_test
