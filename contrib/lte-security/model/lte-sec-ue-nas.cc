/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-ue-nas.h"

#include "lte-sec-kdf.h"
#include "lte-sec-ue-rrc.h"

#include "ns3/enum.h"
#include "ns3/epc-ue-nas.h"
#include "ns3/log.h"
#include "ns3/lte-ue-rrc.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LteSecUeNas");

NS_OBJECT_ENSURE_REGISTERED(LteSecUeNas);

using namespace ltesec;

namespace
{

/// the security bytes of a protected message: its header, and the whole of a mode command
uint32_t
NasSecurityBytes(const NasEmmMessage& msg, std::size_t pduSize)
{
    if (msg.type == NasMessageType::SECURITY_MODE_COMMAND ||
        msg.type == NasMessageType::SECURITY_MODE_COMPLETE)
    {
        return static_cast<uint32_t>(pduSize);
    }
    return NasProtectedMessage::HEADER_SIZE;
}

} // namespace

TypeId
LteSecUeNas::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LteSecUeNas")
            .SetParent<Object>()
            .SetGroupName("LteSecurity")
            .AddConstructor<LteSecUeNas>()
            .AddAttribute("NasAlgorithmChange",
                          "The rule the UE follows on a NAS security mode command after its "
                          "first (see ns3::LteSecMme::NasAlgorithmChange; they must match)",
                          EnumValue(static_cast<int>(NasAlgorithmChange::TS33401)),
                          MakeEnumAccessor(&LteSecUeNas::SetRule, &LteSecUeNas::GetRule),
                          MakeEnumChecker(static_cast<int>(NasAlgorithmChange::TS33401),
                                          "ts33401",
                                          static_cast<int>(NasAlgorithmChange::SMC_RESET),
                                          "smc-reset",
                                          static_cast<int>(NasAlgorithmChange::SMC_KEEP),
                                          "smc-keep",
                                          static_cast<int>(NasAlgorithmChange::SMC_REFRESH),
                                          "smc-refresh"))
            .AddTraceSource("NasMessageSent",
                            "A protected NAS message the UE sends: IMSI, message, NAS COUNT, "
                            "bytes, security bytes",
                            MakeTraceSourceAccessor(&LteSecUeNas::m_sentTrace),
                            "ns3::LteSecUeNas::NasMessageSentTracedCallback")
            .AddTraceSource("NasMessageChecked",
                            "A NAS message the UE received, and what its check found: IMSI, "
                            "message, NAS COUNT, outcome (accepted, integrity, replay, "
                            "malformed), the bytes",
                            MakeTraceSourceAccessor(&LteSecUeNas::m_checkedTrace),
                            "ns3::LteSecUeNas::NasMessageCheckedTracedCallback");
    return tid;
}

LteSecUeNas::LteSecUeNas() = default;

LteSecUeNas::~LteSecUeNas() = default;

void
LteSecUeNas::DoDispose()
{
    m_security = nullptr;
    m_nas = nullptr;
    Object::DoDispose();
}

void
LteSecUeNas::Setup(Ptr<LteSecUeRrc> security, Ptr<EpcUeNas> nas, Ptr<LteUeRrc> rrc)
{
    m_security = security;
    m_nas = nas;
    nas->SetNasMessageCallback(MakeCallback(&LteSecUeNas::RecvNas, this));
    security->TraceConnectWithoutContext("NasSecurityChanged",
                                         MakeCallback(&LteSecUeNas::NasSecurityChanged, this));
    rrc->TraceConnectWithoutContext("HandoverEndOk",
                                    MakeCallback(&LteSecUeNas::HandoverEndOk, this));
}

void
LteSecUeNas::SetRule(int value)
{
    m_rule = static_cast<NasAlgorithmChange>(value);
}

int
LteSecUeNas::GetRule() const
{
    return static_cast<int>(m_rule);
}

bool
LteSecUeNas::IsActive() const
{
    return m_active;
}

bool
LteSecUeNas::ResetsCounts(bool nonce) const
{
    // the first command takes the native context into use (counts from 0, TS 24.301 4.4.3.1)
    return !m_active || m_rule == NasAlgorithmChange::SMC_RESET ||
           (m_rule == NasAlgorithmChange::SMC_REFRESH && nonce);
}

void
LteSecUeNas::NasSecurityChanged(uint64_t /* imsi */,
                                const std::string& /* algorithms */,
                                uint32_t /* dlNasCount */)
{
    m_interMmeHo = true; // a handover command with a NAS part: the UE enters another MME's area
}

void
LteSecUeNas::HandoverEndOk(uint64_t /* imsi */, uint16_t /* cellId */, uint16_t /* rnti */)
{
    if (m_interMmeHo && m_active)
    {
        m_interMmeHo = false;
        SendTrackingAreaUpdate();
    }
}

void
LteSecUeNas::SendTrackingAreaUpdate()
{
    NasEmmMessage tau;
    tau.type = NasMessageType::TAU_REQUEST;
    tau.ksi = m_security->NasContext().ksiAsme;
    tau.mTmsi = static_cast<uint32_t>(m_security->GetImsi());
    Send(tau, NasSecurityHeader::INTEGRITY_CIPHERED);
}

void
LteSecUeNas::Send(const NasEmmMessage& msg, NasSecurityHeader header)
{
    NasSecurityContext& ctx = m_security->NasContext();
    uint32_t count = ctx.ulNasCount++;
    std::vector<uint8_t> pdu = ProtectNas(msg, header, ctx, count, Direction::UPLINK);
    NS_LOG_INFO("IMSI " << m_security->GetImsi() << " sends " << NasMessageName(msg.type)
                        << " with UL NAS COUNT " << count);
    m_sentTrace(m_security->GetImsi(),
                NasMessageName(msg.type),
                count,
                static_cast<uint32_t>(pdu.size()),
                NasSecurityBytes(msg, pdu.size()));
    m_nas->SendNasMessage(pdu);
}

NasCheck
LteSecUeNas::RecvSecurityModeCommand(const std::vector<uint8_t>& pdu,
                                     std::string& error,
                                     uint32_t& count)
{
    NasProtectedMessage p;
    NasEmmMessage smc;
    if (!p.Decode(pdu, error) || !smc.Decode(p.message, error))
    {
        return NasCheck::MALFORMED;
    }
    NasSecurityContext& ctx = m_security->NasContext();
    // the context the command takes into use: its algorithms, KASME refreshed with a NonceMME
    NasSecurityContext candidate = ctx;
    if (smc.haveNonceMme)
    {
        candidate.kasme = DeriveRefreshedKasme(ctx.kasme, smc.nonceMme);
    }
    candidate.nasEea = smc.eea;
    candidate.nasEia = smc.eia;
    candidate.ksiAsme = smc.ksi;
    candidate.DeriveNasKeys();
    bool reset = ResetsCounts(smc.haveNonceMme);
    NasEmmMessage checked;
    NasSecurityHeader header;
    NasCheck c = UnprotectNas(pdu,
                              candidate,
                              reset ? 0 : ctx.dlNasCount,
                              Direction::DOWNLINK,
                              checked,
                              count,
                              header,
                              error);
    if (c != NasCheck::ACCEPTED)
    {
        return c;
    }
    if (!(smc.replayedCapabilities == m_security->GetCapabilities()))
    {
        error = "replayed UE security capabilities differ from the UE's (bidding down)";
        return NasCheck::INTEGRITY;
    }
    candidate.dlNasCount = count + 1;
    if (reset)
    {
        candidate.ulNasCount = 0;
    }
    ctx = candidate;
    m_active = true;
    return NasCheck::ACCEPTED;
}

void
LteSecUeNas::RecvNas(std::vector<uint8_t> pdu)
{
    uint64_t imsi = m_security->GetImsi();
    NasProtectedMessage p;
    std::string error;
    NasEmmMessage msg;
    uint32_t count = 0;
    NasCheck c = NasCheck::MALFORMED;
    std::string name;
    if (p.Decode(pdu, error) && p.header == NasSecurityHeader::INTEGRITY_NEW_CONTEXT)
    {
        name = NasMessageName(NasMessageType::SECURITY_MODE_COMMAND);
        c = RecvSecurityModeCommand(pdu, error, count);
    }
    else if (error.empty())
    {
        NasSecurityContext& ctx = m_security->NasContext();
        NasSecurityHeader header;
        c = UnprotectNas(pdu, ctx, ctx.dlNasCount, Direction::DOWNLINK, msg, count, header, error);
        if (c == NasCheck::ACCEPTED)
        {
            name = NasMessageName(msg.type);
            ctx.dlNasCount = count + 1;
        }
    }
    if (c != NasCheck::ACCEPTED)
    {
        NS_LOG_WARN("IMSI " << imsi << ": NAS message of " << pdu.size() << " bytes rejected ("
                            << NasCheckName(c) << "): " << error);
    }
    m_checkedTrace(imsi, name, count, NasCheckName(c), pdu);
    if (c == NasCheck::ACCEPTED && p.header == NasSecurityHeader::INTEGRITY_NEW_CONTEXT)
    {
        NasEmmMessage complete;
        complete.type = NasMessageType::SECURITY_MODE_COMPLETE;
        Send(complete, NasSecurityHeader::INTEGRITY_CIPHERED_NEW_CONTEXT);
    }
}

} // namespace ns3
