/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-nas-adversary.h"

#include "lte-security-helper.h"

#include "ns3/abort.h"
#include "ns3/epc-enb-application.h"
#include "ns3/epc-enb-s1-sap.h"
#include "ns3/epc-mme-application.h"
#include "ns3/log.h"
#include "ns3/lte-enb-net-device.h"
#include "ns3/lte-ue-net-device.h"
#include "ns3/lte-ue-rrc.h"
#include "ns3/node-list.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LteSecNasReplayAdversary");

NS_OBJECT_ENSURE_REGISTERED(LteSecNasReplayAdversary);

TypeId
LteSecNasReplayAdversary::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LteSecNasReplayAdversary")
            .SetParent<Object>()
            .SetGroupName("LteSecurity")
            .AddConstructor<LteSecNasReplayAdversary>()
            .AddTraceSource(
                "ReplayChecked",
                "What the receiver's check found of a replayed NAS message: "
                "direction (DL, UL), message, its recorded NAS COUNT, outcome",
                MakeTraceSourceAccessor(&LteSecNasReplayAdversary::m_replayCheckedTrace),
                "ns3::LteSecNasReplayAdversary::ReplayCheckedTracedCallback");
    return tid;
}

LteSecNasReplayAdversary::LteSecNasReplayAdversary() = default;

LteSecNasReplayAdversary::~LteSecNasReplayAdversary() = default;

void
LteSecNasReplayAdversary::DoDispose()
{
    m_helper = nullptr;
    m_ue = nullptr;
    m_log.clear();
    Object::DoDispose();
}

void
LteSecNasReplayAdversary::Setup(Ptr<LteSecurityHelper> helper,
                                uint32_t mmeIndex,
                                Ptr<LteUeNetDevice> ue)
{
    NS_ABORT_MSG_IF(!helper->GetMmeNas(mmeIndex),
                    "LteSecNasReplayAdversary: MME " << mmeIndex
                                                     << " has no NAS security model (set "
                                                        "LteSecurityHelper::NasMessages to true "
                                                        "and install the devices first)");
    Ptr<LteSecUeNas> ueNas = ue->GetObject<LteSecUeNas>();
    NS_ABORT_MSG_IF(!ueNas, "LteSecNasReplayAdversary: the UE has no NAS security model");
    m_helper = helper;
    m_mmeIndex = mmeIndex;
    m_ue = ue;
    m_imsi = ue->GetImsi();
    for (uint32_t i = 0; i < helper->GetNMmes(); ++i)
    {
        Ptr<LteSecMmeNas> nas = helper->GetMmeNas(i);
        if (i == mmeIndex)
        {
            nas->TraceConnectWithoutContext("NasMessageSent",
                                            MakeCallback(&LteSecNasReplayAdversary::SentAtA, this));
            nas->TraceConnectWithoutContext(
                "NasMessageChecked",
                MakeCallback(&LteSecNasReplayAdversary::CheckedAtA, this));
        }
        else if (nas)
        {
            nas->TraceConnectWithoutContext(
                "NasMessageChecked",
                MakeCallback(&LteSecNasReplayAdversary::CheckedElsewhere, this));
        }
    }
    ueNas->TraceConnectWithoutContext("NasMessageChecked",
                                      MakeCallback(&LteSecNasReplayAdversary::CheckedAtUe, this));
}

void
LteSecNasReplayAdversary::SentAtA(uint64_t imsi,
                                  const std::string& message,
                                  uint32_t count,
                                  uint32_t /* bytes */,
                                  uint32_t /* securityBytes */,
                                  const std::vector<uint8_t>& pdu)
{
    if (imsi == m_imsi && m_recording)
    {
        m_log.push_back({{"DL", message, count, "not delivered"}, pdu});
    }
}

void
LteSecNasReplayAdversary::CheckedAtA(uint64_t imsi,
                                     const std::string& message,
                                     uint32_t count,
                                     const std::string& outcome,
                                     const std::vector<uint8_t>& pdu)
{
    if (imsi != m_imsi)
    {
        return;
    }
    if (m_recording && outcome == "accepted")
    {
        m_log.push_back({{"UL", message, count, "not delivered"}, pdu});
        return;
    }
    Outcome("UL", pdu, outcome);
}

void
LteSecNasReplayAdversary::CheckedElsewhere(uint64_t imsi,
                                           const std::string& /* message */,
                                           uint32_t /* count */,
                                           const std::string& /* outcome */,
                                           const std::vector<uint8_t>& /* pdu */)
{
    if (imsi == m_imsi)
    {
        m_recording = false; // the UE talks to another MME: its first stay at A is over
    }
}

void
LteSecNasReplayAdversary::CheckedAtUe(uint64_t /* imsi */,
                                      const std::string& /* message */,
                                      uint32_t /* count */,
                                      const std::string& outcome,
                                      const std::vector<uint8_t>& pdu)
{
    Outcome("DL", pdu, outcome);
}

void
LteSecNasReplayAdversary::Outcome(const std::string& direction,
                                  const std::vector<uint8_t>& pdu,
                                  const std::string& outcome)
{
    for (auto& r : m_log)
    {
        if (r.sent && r.replay.direction == direction && r.pdu == pdu &&
            r.replay.outcome == "not delivered")
        {
            r.replay.outcome = outcome;
            m_replayCheckedTrace(direction, r.replay.message, r.replay.count, outcome);
            return;
        }
    }
}

void
LteSecNasReplayAdversary::ScheduleReplay(Time when)
{
    Simulator::Schedule(when - Simulator::Now(), &LteSecNasReplayAdversary::DoReplay, this);
}

void
LteSecNasReplayAdversary::DoReplay()
{
    m_recording = false;
    // the eNB serving the UE now, for the uplink ones
    uint16_t cellId = m_ue->GetRrc()->GetCellId();
    uint16_t rnti = m_ue->GetRrc()->GetRnti();
    Ptr<EpcEnbApplication> enbApp;
    for (uint32_t n = 0; n < NodeList::GetNNodes() && !enbApp; ++n)
    {
        Ptr<Node> node = NodeList::GetNode(n);
        for (uint32_t d = 0; d < node->GetNDevices() && !enbApp; ++d)
        {
            Ptr<LteEnbNetDevice> enb = DynamicCast<LteEnbNetDevice>(node->GetDevice(d));
            if (enb && enb->HasCellId(cellId))
            {
                for (uint32_t a = 0; a < node->GetNApplications() && !enbApp; ++a)
                {
                    enbApp = DynamicCast<EpcEnbApplication>(node->GetApplication(a));
                }
            }
        }
    }
    Ptr<EpcMmeApplication> mmeApp = m_helper->GetMmeNas(m_mmeIndex)->GetApplication();
    for (auto& r : m_log)
    {
        r.sent = true;
        NS_LOG_INFO("replays " << r.replay.direction << " " << r.replay.message << " (NAS COUNT "
                               << r.replay.count << ")");
        if (r.replay.direction == "DL")
        {
            mmeApp->SendDownlinkNasTransport(m_imsi, r.pdu);
        }
        else if (enbApp)
        {
            enbApp->GetS1SapProvider()->UplinkNasTransport(m_imsi, rnti, r.pdu);
        }
    }
}

uint32_t
LteSecNasReplayAdversary::GetRecorded() const
{
    return static_cast<uint32_t>(m_log.size());
}

std::vector<LteSecNasReplayAdversary::Replay>
LteSecNasReplayAdversary::GetReplays() const
{
    std::vector<Replay> out;
    for (const auto& r : m_log)
    {
        if (r.sent)
        {
            out.push_back(r.replay);
        }
    }
    return out;
}

uint32_t
LteSecNasReplayAdversary::GetAccepted() const
{
    uint32_t n = 0;
    for (const auto& r : m_log)
    {
        n += r.sent && r.replay.outcome == "accepted";
    }
    return n;
}

} // namespace ns3
