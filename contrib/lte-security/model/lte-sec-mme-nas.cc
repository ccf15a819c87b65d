/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-mme-nas.h"

#include "lte-sec-kdf.h"
#include "lte-sec-mme.h"

#include "ns3/epc-mme-application.h"
#include "ns3/epc-s1ap-pdu.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LteSecMmeNas");

NS_OBJECT_ENSURE_REGISTERED(LteSecMmeNas);

using namespace ltesec;

TypeId
LteSecMmeNas::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LteSecMmeNas")
            .SetParent<Object>()
            .SetGroupName("LteSecurity")
            .AddConstructor<LteSecMmeNas>()
            .AddTraceSource("NasMessageSent",
                            "A protected NAS message the MME sends: IMSI, message, NAS COUNT, "
                            "bytes, security bytes, the bytes",
                            MakeTraceSourceAccessor(&LteSecMmeNas::m_sentTrace),
                            "ns3::LteSecMmeNas::NasMessageSentTracedCallback")
            .AddTraceSource("NasMessageChecked",
                            "A NAS message the MME received, and what its check found: IMSI, "
                            "message, NAS COUNT, outcome (accepted, integrity, replay, "
                            "malformed), the bytes",
                            MakeTraceSourceAccessor(&LteSecMmeNas::m_checkedTrace),
                            "ns3::LteSecMmeNas::NasMessageCheckedTracedCallback");
    return tid;
}

LteSecMmeNas::LteSecMmeNas()
    : m_nonce(CreateObject<UniformRandomVariable>())
{
}

LteSecMmeNas::~LteSecMmeNas() = default;

void
LteSecMmeNas::DoDispose()
{
    m_security = nullptr;
    m_app = nullptr;
    m_nonce = nullptr;
    Object::DoDispose();
}

void
LteSecMmeNas::Setup(Ptr<LteSecMme> security, Ptr<EpcMmeApplication> app)
{
    m_security = security;
    m_app = app;
    app->SetNasMessageCallback(MakeCallback(&LteSecMmeNas::RecvNas, this));
    app->TraceConnectWithoutContext("S1apRx", MakeCallback(&LteSecMmeNas::S1apRx, this));
}

Ptr<EpcMmeApplication>
LteSecMmeNas::GetApplication() const
{
    return m_app;
}

int64_t
LteSecMmeNas::AssignStreams(int64_t stream)
{
    m_nonce->SetStream(stream);
    return 1;
}

void
LteSecMmeNas::S1apRx(const EpcS1apMessage& msg, uint32_t /* bytes */)
{
    uint64_t imsi = msg.mmeUeS1apId;
    if (!m_security->HasContext(imsi))
    {
        return; // a UE without security
    }
    if (msg.type == EpcS1apMessage::HANDOVER_NOTIFY)
    {
        m_smcDone.insert(imsi); // arrived with a NAS context in use
    }
    else if (msg.type == EpcS1apMessage::INITIAL_CONTEXT_SETUP_RESPONSE &&
             m_smcDone.find(imsi) == m_smcDone.end())
    {
        // the first connection: the attach's security mode command takes the context into use
        const MmeUeSecurityContext& ctx = m_security->GetContext(imsi);
        SendSecurityModeCommand(imsi, ctx.nas.nasEea, ctx.nas.nasEia, true);
    }
}

void
LteSecMmeNas::SendSecurityModeCommand(uint64_t imsi, Eea eea, Eia eia, bool first)
{
    MmeUeSecurityContext& ctx = m_security->GetContext(imsi);
    NasAlgorithmChange rule = m_security->GetNasAlgorithmChange();
    NasEmmMessage smc;
    smc.type = NasMessageType::SECURITY_MODE_COMMAND;
    smc.eea = eea;
    smc.eia = eia;
    smc.ksi = ctx.nas.ksiAsme;
    smc.replayedCapabilities = ctx.ueCapabilities;
    if (!first && rule == NasAlgorithmChange::SMC_REFRESH)
    {
        smc.haveNonceMme = true;
        smc.nonceMme = m_nonce->GetInteger(0, 0xffffffff);
        ctx.nas.kasme = DeriveRefreshedKasme(ctx.nas.kasme, smc.nonceMme);
    }
    bool reset = first || rule == NasAlgorithmChange::SMC_RESET ||
                 (rule == NasAlgorithmChange::SMC_REFRESH && smc.haveNonceMme);
    ctx.nas.nasEea = eea;
    ctx.nas.nasEia = eia;
    ctx.nas.DeriveNasKeys();
    if (reset)
    {
        // the counts restart, and with them what the MME accepts (the replay state)
        ctx.nas.ulNasCount = 0;
        ctx.nas.dlNasCount = 0;
    }
    Send(imsi, smc, NasSecurityHeader::INTEGRITY_NEW_CONTEXT);
}

void
LteSecMmeNas::Send(uint64_t imsi, const NasEmmMessage& msg, NasSecurityHeader header)
{
    MmeUeSecurityContext& ctx = m_security->GetContext(imsi);
    uint32_t count = ctx.nas.dlNasCount++;
    std::vector<uint8_t> pdu = ProtectNas(msg, header, ctx.nas, count, Direction::DOWNLINK);
    uint32_t securityBytes = msg.type == NasMessageType::SECURITY_MODE_COMMAND
                                 ? static_cast<uint32_t>(pdu.size())
                                 : NasProtectedMessage::HEADER_SIZE;
    NS_LOG_INFO("IMSI " << imsi << ": MME sends " << NasMessageName(msg.type)
                        << " with DL NAS COUNT " << count);
    m_sentTrace(imsi,
                NasMessageName(msg.type),
                count,
                static_cast<uint32_t>(pdu.size()),
                securityBytes,
                pdu);
    m_app->SendDownlinkNasTransport(imsi, pdu);
}

void
LteSecMmeNas::RecvNas(uint64_t imsi, std::vector<uint8_t> pdu)
{
    std::string error;
    NasEmmMessage msg;
    uint32_t count = 0;
    NasCheck c = NasCheck::MALFORMED;
    if (!m_security->HasContext(imsi))
    {
        error = "no NAS security context";
    }
    else
    {
        MmeUeSecurityContext& ctx = m_security->GetContext(imsi);
        NasSecurityHeader header;
        c = UnprotectNas(pdu,
                         ctx.nas,
                         ctx.nas.ulNasCount,
                         Direction::UPLINK,
                         msg,
                         count,
                         header,
                         error);
        if (c == NasCheck::ACCEPTED)
        {
            ctx.nas.ulNasCount = count + 1;
        }
    }
    m_checkedTrace(imsi,
                   c == NasCheck::ACCEPTED ? NasMessageName(msg.type) : "",
                   count,
                   NasCheckName(c),
                   pdu);
    if (c != NasCheck::ACCEPTED)
    {
        NS_LOG_WARN("IMSI " << imsi << ": NAS message of " << pdu.size() << " bytes rejected ("
                            << NasCheckName(c) << "): " << error);
        return;
    }
    NasEmmMessage accept;
    accept.type = NasMessageType::TAU_ACCEPT;
    switch (msg.type)
    {
    case NasMessageType::SECURITY_MODE_COMPLETE:
        m_smcDone.insert(imsi);
        if (m_tauWaiting.erase(imsi) > 0)
        {
            Send(imsi, accept, NasSecurityHeader::INTEGRITY_CIPHERED);
        }
        break;
    case NasMessageType::TAU_REQUEST: {
        Eea eea;
        Eia eia;
        if (m_security->TakePendingNasAlgorithms(imsi, eea, eia))
        {
            // the handover left the change of NAS algorithms to a mode command
            m_tauWaiting.insert(imsi);
            SendSecurityModeCommand(imsi, eea, eia, false);
        }
        else
        {
            Send(imsi, accept, NasSecurityHeader::INTEGRITY_CIPHERED);
        }
        break;
    }
    default:
        NS_LOG_WARN("IMSI " << imsi << ": " << NasMessageName(msg.type) << " is not for an MME");
        break;
    }
}

} // namespace ns3
