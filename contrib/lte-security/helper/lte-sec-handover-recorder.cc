/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "lte-sec-handover-recorder.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/epc-gtpc-header.h"
#include "ns3/epc-s10-message.h"
#include "ns3/epc-s1ap-pdu.h"
#include "ns3/epc-x2-header.h"
#include "ns3/ipv4-header.h"
#include "ns3/log.h"
#include "ns3/lte-sec-pdcp.h"
#include "ns3/lte-sec-ue-rrc.h"
#include "ns3/lte-ue-net-device.h"
#include "ns3/mobility-model.h"
#include "ns3/node-list.h"
#include "ns3/node.h"
#include "ns3/ppp-header.h"
#include "ns3/simulator.h"
#include "ns3/udp-header.h"
#include "ns3/udp-l4-protocol.h"


namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LteSecHandoverRecorder");

NS_OBJECT_ENSURE_REGISTERED(LteSecHandoverRecorder);

TypeId
LteSecHandoverRecorder::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LteSecHandoverRecorder")
            .SetParent<Object>()
            .SetGroupName("LteSecurity")
            .AddConstructor<LteSecHandoverRecorder>()
            .AddTraceSource("HandoverRecord",
                            "the record of a handover attempt that just ended "
                            "(completed, failed or by radio link failure)",
                            MakeTraceSourceAccessor(&LteSecHandoverRecorder::m_recordTrace),
                            "ns3::LteSecHandoverRecorder::RecordTracedCallback");
    return tid;
}

LteSecHandoverRecorder::LteSecHandoverRecorder() = default;
LteSecHandoverRecorder::~LteSecHandoverRecorder() = default;

void
LteSecHandoverRecorder::DoDispose()
{
    m_security = nullptr;
    m_ueMobility.clear();
    Object::DoDispose();
}

const std::vector<std::string>&
LteSecHandoverRecorder::Interfaces()
{
    static const std::vector<std::string> interfaces{"Uu", "X2", "S1-MME", "S10", "S11"};
    return interfaces;
}

void
LteSecHandoverRecorder::SetCellMme(uint16_t cellId, uint32_t mme)
{
    m_cellMme[cellId] = mme;
}

void
LteSecHandoverRecorder::SetCellSite(uint16_t cellId, uint32_t site)
{
    m_cellSite[cellId] = site;
}

const std::vector<LteSecHandoverRecord>&
LteSecHandoverRecorder::GetRecords() const
{
    return m_records;
}

void
LteSecHandoverRecorder::Install(Ptr<LteSecurityHelper> security)
{
    m_security = security;
    m_scheme = security ? security->GetScheme()->GetName() : "off";
    for (uint32_t n = 0; n < NodeList::GetNNodes(); ++n)
    {
        Ptr<Node> node = NodeList::GetNode(n);
        for (uint32_t d = 0; d < node->GetNDevices(); ++d)
        {
            Ptr<LteUeNetDevice> ue = DynamicCast<LteUeNetDevice>(node->GetDevice(d));
            if (ue && node->GetObject<MobilityModel>())
            {
                m_ueMobility[ue->GetImsi()] = node->GetObject<MobilityModel>();
            }
        }
    }
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/ApplicationList/*/$ns3::EpcEnbApplication/S1apTx",
        MakeCallback(&LteSecHandoverRecorder::S1apTx, this));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/ApplicationList/*/$ns3::EpcMmeApplication/S1apTx",
        MakeCallback(&LteSecHandoverRecorder::S1apTx, this));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/ApplicationList/*/$ns3::EpcMmeApplication/S10Tx",
        MakeCallback(&LteSecHandoverRecorder::S10Tx, this));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/$ns3::PointToPointNetDevice/MacTx",
        MakeCallback(&LteSecHandoverRecorder::LinkTx, this));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/$ns3::LteEnbNetDevice/$ns3::LteSecEnbRrc/SecurityMessage",
        MakeCallback(&LteSecHandoverRecorder::SecurityMessage, this));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/$ns3::LteEnbNetDevice/$ns3::LteSecEnbRrc/KeyDerivation",
        MakeCallback(&LteSecHandoverRecorder::EnbKey, this));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/$ns3::LteUeNetDevice/$ns3::LteSecUeRrc/KeyDerivation",
        MakeCallback(&LteSecHandoverRecorder::UeKey, this));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/$ns3::LteUeNetDevice/$ns3::LteSecUeRrc/NasSecurityChanged",
        MakeCallback(&LteSecHandoverRecorder::NasChanged, this));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/LteEnbRrc/HandoverStart",
        MakeCallback(&LteSecHandoverRecorder::HandoverStart, this));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/LteUeRrc/HandoverEndOk",
        MakeCallback(&LteSecHandoverRecorder::UeHandoverEndOk, this));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/LteUeRrc/HandoverStart",
        MakeCallback(&LteSecHandoverRecorder::UeHandoverStart, this));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/LteUeRrc/HandoverEndError",
        MakeCallback(&LteSecHandoverRecorder::UeHandoverEndError, this));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/LteUeRrc/RadioLinkFailure",
        MakeCallback(&LteSecHandoverRecorder::RadioLinkFailure, this));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/LteEnbRrc/HandoverEndOk",
        MakeCallback(&LteSecHandoverRecorder::EnbHandoverEndOk, this));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/LteUeRrc/ReestablishmentStart",
        MakeCallback(&LteSecHandoverRecorder::ReestablishmentStart, this));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/LteUeRrc/ReestablishmentEndError",
        MakeCallback(&LteSecHandoverRecorder::ReestablishmentEndError, this));
    Config::ConnectWithoutContextFailSafe(
        "/NodeList/*/DeviceList/*/LteEnbRrc/ConnectionReestablished",
        MakeCallback(&LteSecHandoverRecorder::Reestablished, this));
    for (const char* f : {"HandoverFailureJoining",
                          "HandoverFailureLeaving",
                          "HandoverFailureNoPreamble",
                          "HandoverFailureMaxRach",
                          "HandoverFailureNoX2"})
    {
        Config::ConnectWithoutContextFailSafe(
            std::string("/NodeList/*/DeviceList/*/LteEnbRrc/") + f,
            MakeBoundCallback(&LteSecHandoverRecorder::FailureTrace, this, std::string(f)));
    }
    if (security)
    {
        for (uint32_t i = 0; i < security->GetNMmes(); ++i)
        {
            security->GetMme(i)->TraceConnectWithoutContext(
                "SecurityMessage",
                MakeCallback(&LteSecHandoverRecorder::SecurityMessage, this));
        }
    }
    // ideal RRC (no MAC-I on the air) as LteHelper made the devices: its attribute's default
    TypeId::AttributeInformation info;
    if (TypeId::LookupByName("ns3::LteHelper").LookupAttributeByName("UseIdealRrc", &info))
    {
        auto ideal = DynamicCast<const BooleanValue>(info.initialValue);
        m_realRrc = !(ideal && ideal->Get());
    }
}

LteSecHandoverRecord*
LteSecHandoverRecorder::Current(uint64_t imsi)
{
    auto it = m_current.find(imsi);
    return it == m_current.end() ? nullptr : &m_records[it->second];
}

LteSecHandoverRecord&
LteSecHandoverRecorder::Open(uint64_t imsi,
                             const std::string& type,
                             uint16_t source,
                             uint16_t target)
{
    LteSecHandoverRecord r;
    r.imsi = imsi;
    r.scheme = m_scheme;
    r.type = type;
    r.sourceCell = source;
    r.targetCell = target;
    r.sourceSite = m_cellSite.count(source) ? m_cellSite[source] : source;
    r.targetSite = m_cellSite.count(target) ? m_cellSite[target] : target;
    r.sourceMme = m_cellMme.count(source) ? m_cellMme[source] : 0;
    r.targetMme = m_cellMme.count(target) ? m_cellMme[target] : 0;
    r.start = Simulator::Now().GetSeconds();
    auto mobility = m_ueMobility.find(imsi);
    if (mobility != m_ueMobility.end())
    {
        Vector v = mobility->second->GetVelocity();
        r.ueSpeed = std::sqrt(v.x * v.x + v.y * v.y + v.z * v.z);
    }
    // security fields the models traced just before the first message went out
    auto pending = m_pendingSecurity.find(imsi);
    if (pending != m_pendingSecurity.end())
    {
        r.securityBytes = pending->second;
        m_pendingSecurity.erase(pending);
    }
    m_records.push_back(r);
    m_current[imsi] = m_records.size() - 1;
    return m_records.back();
}

void
LteSecHandoverRecorder::Count(uint64_t imsi, const std::string& interface, uint32_t bytes)
{
    if (LteSecHandoverRecord* r = Current(imsi))
    {
        r->messages[interface]++;
        r->bytes[interface] += bytes;
        if (r->recovery == "started")
        {
            r->recoveryBytes += bytes; // HANDOVER CANCEL, PATH SWITCH REQUEST / ACKNOWLEDGE
        }
    }
}

void
LteSecHandoverRecorder::S1apTx(const EpcS1apMessage& msg, uint32_t bytes)
{
    // PATH SWITCH REQUEST names the UE by its source MME UE S1AP ID; ns-3's are IMSIs
    uint64_t imsi =
        msg.type == EpcS1apMessage::PATH_SWITCH_REQUEST ? msg.sourceMmeUeS1apId : msg.mmeUeS1apId;
    if (msg.type == EpcS1apMessage::HANDOVER_REQUIRED)
    {
        bool interMme = m_cellMme[static_cast<uint16_t>(msg.cellId)] !=
                        m_cellMme[static_cast<uint16_t>(msg.targetCellId)];
        Open(imsi,
             interMme ? "S1 inter-MME" : "S1 intra-MME",
             static_cast<uint16_t>(msg.cellId),
             static_cast<uint16_t>(msg.targetCellId));
    }
    switch (msg.type)
    {
    case EpcS1apMessage::INITIAL_UE_MESSAGE:
    case EpcS1apMessage::INITIAL_CONTEXT_SETUP_REQUEST:
    case EpcS1apMessage::INITIAL_CONTEXT_SETUP_RESPONSE:
    case EpcS1apMessage::ERAB_RELEASE_INDICATION:
        return; // not a handover's
    default:
        Count(imsi, "S1-MME", bytes);
    }
}

void
LteSecHandoverRecorder::S10Tx(const EpcS10Message& msg, uint32_t bytes)
{
    // the request names the IMSI; the others are sent to a TEID that ns-3 sets to it
    Count(msg.type == EpcS10Message::FORWARD_RELOCATION_REQUEST ? msg.imsi : msg.teid,
          "S10",
          bytes);
}

void
LteSecHandoverRecorder::LinkTx(Ptr<const Packet> p)
{
    Ptr<Packet> q = p->Copy();
    PppHeader ppp;
    Ipv4Header ip;
    UdpHeader udp;
    q->RemoveHeader(ppp);
    q->RemoveHeader(ip);
    if (ip.GetProtocol() != UdpL4Protocol::PROT_NUMBER)
    {
        return;
    }
    q->RemoveHeader(udp);
    uint32_t bytes = q->GetSize();
    if (udp.GetDestinationPort() == 4444)
    {
        EpcX2Header x2;
        q->RemoveHeader(x2);
        uint8_t procedure = x2.GetProcedureCode();
        uint8_t type = x2.GetMessageType();
        uint16_t oldId = 0;
        if (procedure == EpcX2Header::HandoverPreparation && type == EpcX2Header::InitiatingMessage)
        {
            EpcX2HandoverRequestHeader h;
            h.SetAnnouncedNumberOfIes(x2.GetNumberOfIes());
            q->RemoveHeader(h);
            if (h.IsMalformed())
            {
                return;
            }
            // the source cell is not in the message: HandoverStart gives it
            Open(h.GetMmeUeS1apId(), "X2", 0, h.GetTargetCellId());
            m_x2apIdImsi[h.GetOldEnbUeX2apId()] = h.GetMmeUeS1apId();
            Count(h.GetMmeUeS1apId(), "X2", bytes);
            return;
        }
        if (procedure == EpcX2Header::HandoverPreparation && type == EpcX2Header::SuccessfulOutcome)
        {
            EpcX2HandoverRequestAckHeader h;
            q->RemoveHeader(h);
            oldId = h.GetOldEnbUeX2apId();
        }
        else if (procedure == EpcX2Header::HandoverPreparation &&
                 type == EpcX2Header::UnsuccessfulOutcome)
        {
            EpcX2HandoverPreparationFailureHeader h;
            q->RemoveHeader(h);
            oldId = h.GetOldEnbUeX2apId();
        }
        else if (procedure == EpcX2Header::HandoverCancel)
        {
            EpcX2HandoverCancelHeader h;
            q->RemoveHeader(h);
            oldId = h.GetOldEnbUeX2apId();
        }
        else if (procedure == EpcX2Header::SnStatusTransfer)
        {
            EpcX2SnStatusTransferHeader h;
            q->RemoveHeader(h);
            oldId = h.GetOldEnbUeX2apId();
        }
        else if (procedure == EpcX2Header::UeContextRelease)
        {
            EpcX2UeContextReleaseHeader h;
            q->RemoveHeader(h);
            oldId = h.GetOldEnbUeX2apId();
        }
        else
        {
            return;
        }
        auto it = m_x2apIdImsi.find(oldId);
        if (it != m_x2apIdImsi.end())
        {
            Count(it->second, "X2", bytes);
        }
        return;
    }
    if (udp.GetDestinationPort() == 2123)
    {
        GtpcHeader gtpc;
        q->PeekHeader(gtpc);
        if (gtpc.GetMessageType() == GtpcHeader::ModifyBearerRequest ||
            gtpc.GetMessageType() == GtpcHeader::ModifyBearerResponse)
        {
            Count(gtpc.GetTeid(), "S11", bytes); // ns-3's S11 TEIDs are the IMSI
        }
    }
}

void
LteSecHandoverRecorder::SecurityMessage(const std::string& interface,
                                        const std::string& message,
                                        uint64_t imsi,
                                        uint32_t bytes)
{
    if (message == "HANDOVER REQUEST" && interface == "X2")
    {
        m_pendingSecurity[imsi][interface] += bytes; // traced before the request is sent
        return;
    }
    if (message == "HANDOVER REQUIRED")
    {
        m_pendingSecurity[imsi][interface] += bytes;
        return;
    }
    LteSecHandoverRecord* r = Current(imsi);
    if (message.rfind("RRC CONNECTION REESTABLISHMENT", 0) == 0)
    {
        if (r && r->recovery == "started")
        {
            r->recoverySecurityBytes += bytes;
        }
        return;
    }
    if (message == "INITIAL CONTEXT SETUP REQUEST")
    {
        m_initialSetups[imsi]++;
    }
    if (!r || r->outcome != "started")
    {
        // not part of a handover: an initial setup (KeNB, capabilities, the security mode
        // command); after a UE's first, the cost of a re-attach
        if (m_initialSetups[imsi] > 1)
        {
            m_reattachSecurityBytes +=
                bytes + (interface == "Uu" && m_realRrc ? LteSecPdcp::MAC_I_SIZE : 0);
        }
        return;
    }
    if (interface == "Uu")
    {
        // securityConfigHO in the command; with real RRC the MAC-I of the command and the confirm
        r->securityBytes["Uu"] += bytes + (m_realRrc ? 2 * LteSecPdcp::MAC_I_SIZE : 0);
        return;
    }
    r->securityBytes[interface] += bytes;
}

void
LteSecHandoverRecorder::StoreKey(bool ue,
                                 uint64_t imsi,
                                 uint16_t cellId,
                                 const std::string& key,
                                 const std::string& fp)
{
    LteSecHandoverRecord* r = Current(imsi);
    if (r && r->outcome == "started" && cellId == r->targetCell)
    {
        (ue ? r->ueKeys : r->targetKeys)[key] = fp;
    }
}

void
LteSecHandoverRecorder::EnbKey(uint64_t imsi,
                               uint16_t cellId,
                               uint16_t rnti,
                               const std::string& key,
                               const std::string& fp)
{
    StoreKey(false, imsi, cellId, key, fp);
}

void
LteSecHandoverRecorder::UeKey(uint64_t imsi,
                              uint16_t cellId,
                              uint16_t rnti,
                              const std::string& key,
                              const std::string& fp)
{
    StoreKey(true, imsi, cellId, key, fp);
}

void
LteSecHandoverRecorder::HandoverStart(uint64_t imsi,
                                      uint16_t cellId,
                                      uint16_t rnti,
                                      uint16_t target)
{
    LteSecHandoverRecord* r = Current(imsi);
    if (!r || r->outcome != "started")
    {
        Open(imsi, "intra-eNB", cellId, target); // no X2 nor S1 message: within one eNB
    }
    else if (r->sourceCell == 0)
    {
        r->sourceCell = cellId;
        r->sourceSite = m_cellSite.count(cellId) ? m_cellSite[cellId] : cellId;
        r->sourceMme = m_cellMme.count(cellId) ? m_cellMme[cellId] : 0;
    }
}

void
LteSecHandoverRecorder::UeHandoverStart(uint64_t imsi,
                                        uint16_t cellId,
                                        uint16_t rnti,
                                        uint16_t target)
{
    LteSecHandoverRecord* r = Current(imsi);
    if (r && r->outcome == "started" && r->command < 0)
    {
        r->command = Simulator::Now().GetSeconds();
    }
}

void
LteSecHandoverRecorder::UeHandoverEndError(uint64_t imsi, uint16_t cellId, uint16_t rnti)
{
    LteSecHandoverRecord* r = Current(imsi);
    if (r && r->outcome == "started")
    {
        Close(*r, "failed (UE HandoverEndError)"); // T304: no random access at the target
    }
}

void
LteSecHandoverRecorder::RadioLinkFailure(uint64_t imsi, uint16_t cellId, uint16_t rnti)
{
    m_rlfs++;
    LteSecHandoverRecord* r = Current(imsi);
    if (r && r->outcome == "started")
    {
        Close(*r, "RLF");
    }
}

void
LteSecHandoverRecorder::ReestablishmentStart(uint64_t imsi, uint16_t cellId, uint16_t rnti)
{
    LteSecHandoverRecord* r = Current(imsi);
    if (r && r->outcome == "started")
    {
        Close(*r, "RLF"); // the UE noticed the failure first (a confirm the target dropped)
    }
    if (r && r->outcome != "completed" && r->recovery == "-")
    {
        r->recovery = "started";
    }
}

void
LteSecHandoverRecorder::ReestablishmentEndError(uint64_t imsi, uint16_t cellId, uint16_t rnti)
{
    LteSecHandoverRecord* r = Current(imsi);
    if (r && r->recovery == "started")
    {
        r->recovery = "re-establishment failed";
    }
}

void
LteSecHandoverRecorder::Reestablished(uint64_t imsi, uint16_t cellId, uint16_t rnti)
{
    LteSecHandoverRecord* r = Current(imsi);
    if (r && r->recovery == "started")
    {
        r->recovery = "re-established";
        r->recovered = Simulator::Now().GetSeconds();
        // the complete is on SRB1: with real RRC it carries a MAC-I
        r->recoverySecurityBytes += m_realRrc && m_security ? LteSecPdcp::MAC_I_SIZE : 0;
    }
}

void
LteSecHandoverRecorder::Close(LteSecHandoverRecord& r, const std::string& outcome)
{
    r.outcome = outcome;
    r.end = Simulator::Now().GetSeconds();
    m_recordTrace(r);
}

void
LteSecHandoverRecorder::UeHandoverEndOk(uint64_t imsi, uint16_t cellId, uint16_t rnti)
{
    LteSecHandoverRecord* r = Current(imsi);
    if (!r || r->confirm >= 0)
    {
        return;
    }
    r->confirm = Simulator::Now().GetSeconds();
    if (!r->targetKeys.empty())
    {
        r->asKeys = r->targetKeys == r->ueKeys ? "agree" : "DIFFER";
    }
}

void
LteSecHandoverRecorder::EnbHandoverEndOk(uint64_t imsi, uint16_t cellId, uint16_t rnti)
{
    LteSecHandoverRecord* r = Current(imsi);
    if (!r || r->outcome != "started")
    {
        return;
    }
    r->outcome = "completed";
    r->end = Simulator::Now().GetSeconds();
    if (r->type == "S1 inter-MME" && m_security && r->nas != "-")
    {
        // the UE's NAS keys against the target MME's
        Ptr<LteSecMme> mme = m_security->GetMme(r->targetMme);
        for (uint32_t n = 0; n < NodeList::GetNNodes(); ++n)
        {
            Ptr<Node> node = NodeList::GetNode(n);
            for (uint32_t d = 0; d < node->GetNDevices(); ++d)
            {
                Ptr<LteSecUeRrc> ue = node->GetDevice(d)->GetObject<LteSecUeRrc>();
                if (ue && ue->GetImsi() == imsi && mme->HasContext(imsi))
                {
                    bool same = ue->GetNasContext().nasInt.Fingerprint() ==
                                mme->GetContext(imsi).nas.nasInt.Fingerprint();
                    r->nas += same ? " agree" : " DIFFER";
                }
            }
        }
    }
    m_recordTrace(*r);
}

void
LteSecHandoverRecorder::FailureTrace(LteSecHandoverRecorder* self,
                                     std::string what,
                                     uint64_t imsi,
                                     uint16_t rnti,
                                     uint16_t cellId)
{
    self->Failure(what, imsi, rnti, cellId);
}

void
LteSecHandoverRecorder::Failure(std::string what, uint64_t imsi, uint16_t rnti, uint16_t cellId)
{
    LteSecHandoverRecord* r = Current(imsi);
    if (r && r->outcome == "started")
    {
        Close(*r, "failed (" + what + ")");
    }
}

void
LteSecHandoverRecorder::NasChanged(uint64_t imsi, const std::string& algorithms, uint32_t count)
{
    if (LteSecHandoverRecord* r = Current(imsi))
    {
        r->nas = algorithms;
    }
}

} // namespace ns3
