/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-enb-rrc.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/lte-rrc-header.h"
#include "ns3/simulator.h"
#include "ns3/string.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LteSecEnbRrc");

NS_OBJECT_ENSURE_REGISTERED(LteSecEnbRrc);

using namespace ltesec;

std::vector<Eea>
ParseEeaAttribute(const std::string& list, const std::string& attribute)
{
    try
    {
        return ParseEeaList(list, attribute);
    }
    catch (const std::invalid_argument& e)
    {
        NS_FATAL_ERROR(e.what());
    }
}

std::vector<Eia>
ParseEiaAttribute(const std::string& list, const std::string& attribute)
{
    try
    {
        return ParseEiaList(list, attribute);
    }
    catch (const std::invalid_argument& e)
    {
        NS_FATAL_ERROR(e.what());
    }
}

uint32_t
IdealRrcMacI(Eia eia, const AlgKey& krrcInt, uint8_t transactionId)
{
    AlgorithmInput in;
    in.count = 0;
    in.bearer = 0;
    in.direction = Direction::UPLINK;
    return ComputeMac(eia, krrcInt, in, {transactionId}, 8);
}

TypeId
LteSecEnbRrc::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LteSecEnbRrc")
            .SetParent<Object>()
            .SetGroupName("LteSecurity")
            .AddConstructor<LteSecEnbRrc>()
            .AddAttribute("EeaPriority",
                          "Ciphering algorithms this eNB accepts, most preferred first "
                          "(eea0..eea3, comma-separated).",
                          StringValue("eea2,eea1,eea3,eea0"),
                          MakeStringAccessor(&LteSecEnbRrc::SetEeaPriority,
                                             &LteSecEnbRrc::GetEeaPriority),
                          MakeStringChecker())
            .AddAttribute("EiaPriority",
                          "Integrity algorithms this eNB accepts, most preferred first "
                          "(eia0..eia3, comma-separated).",
                          StringValue("eia2,eia1,eia3"),
                          MakeStringAccessor(&LteSecEnbRrc::SetEiaPriority,
                                             &LteSecEnbRrc::GetEiaPriority),
                          MakeStringChecker())
            .AddAttribute("RefreshNonce",
                          "Add a 128-bit random number of the target to the key refresh "
                          "(the design's option), sent in the handover command.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LteSecEnbRrc::m_refreshNonce),
                          MakeBooleanChecker())
            .AddAttribute("TamperReceivedKenb",
                          "For validation: flip one bit of every KeNB received by handover, so "
                          "that the handover confirm must fail its integrity check.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LteSecEnbRrc::m_tamperReceivedKenb),
                          MakeBooleanChecker())
            .AddTraceSource("KeyDerivation",
                            "A key was derived or received: IMSI, cell, C-RNTI, key name "
                            "(with its algorithm), key fingerprint.",
                            MakeTraceSourceAccessor(&LteSecEnbRrc::m_keyDerivationTrace),
                            "ns3::LteSecEnbRrc::KeyDerivationTracedCallback")
            .AddTraceSource("IntegrityFailure",
                            "A PDU or message from a UE failed its integrity check and was "
                            "dropped: IMSI, C-RNTI, LCID, COUNT.",
                            MakeTraceSourceAccessor(&LteSecEnbRrc::m_integrityFailureTrace),
                            "ns3::LteSecEnbRrc::IntegrityFailureTracedCallback")
            .AddTraceSource("DecipheringFailure",
                            "A data PDU did not decipher to an IP packet and was dropped: "
                            "IMSI, C-RNTI, LCID, COUNT.",
                            MakeTraceSourceAccessor(&LteSecEnbRrc::m_decipheringFailureTrace),
                            "ns3::LteSecEnbRrc::IntegrityFailureTracedCallback")
            .AddTraceSource("SecurityMessage",
                            "A message carrying security information was sent: interface "
                            "(X2, Uu), message, IMSI, bytes of security information in it.",
                            MakeTraceSourceAccessor(&LteSecEnbRrc::m_securityMessageTrace),
                            "ns3::LteSecEnbRrc::SecurityMessageTracedCallback")
            .AddTraceSource("HandoverRejected",
                            "A handover into this eNB was refused for security reasons: IMSI, "
                            "source cell, reason.",
                            MakeTraceSourceAccessor(&LteSecEnbRrc::m_handoverRejectedTrace),
                            "ns3::LteSecEnbRrc::HandoverRejectedTracedCallback");
    return tid;
}

LteSecEnbRrc::LteSecEnbRrc()
    : m_nonceRng(CreateObject<UniformRandomVariable>())
{
}

int64_t
LteSecEnbRrc::AssignStreams(int64_t stream)
{
    m_nonceRng->SetStream(stream);
    return 1;
}

LteSecEnbRrc::~LteSecEnbRrc() = default;

void
LteSecEnbRrc::DoDispose()
{
    m_ues.clear();
    m_mme = nullptr;
    m_keyLog = nullptr;
    Object::DoDispose();
}

void
LteSecEnbRrc::Setup(uint16_t cellId, Ptr<LteSecMme> mme, Ptr<LteSecKeyLog> keyLog)
{
    m_cellId = cellId;
    m_mme = mme;
    m_keyLog = keyLog;
}

void
LteSecEnbRrc::SetEeaPriority(std::string list)
{
    m_eeaPriority = ParseEeaAttribute(list, "ns3::LteSecEnbRrc::EeaPriority");
}

std::string
LteSecEnbRrc::GetEeaPriority() const
{
    return ToString(m_eeaPriority);
}

void
LteSecEnbRrc::SetEiaPriority(std::string list)
{
    m_eiaPriority = ParseEiaAttribute(list, "ns3::LteSecEnbRrc::EiaPriority");
}

std::string
LteSecEnbRrc::GetEiaPriority() const
{
    return ToString(m_eiaPriority);
}

const EnbUeSecurityContext*
LteSecEnbRrc::GetUeContext(uint16_t rnti) const
{
    auto it = m_ues.find(rnti);
    return it == m_ues.end() ? nullptr : &it->second.ctx;
}

bool
LteSecEnbRrc::SelectAlgorithms(const UeSecurityCapabilities& caps, AsAlgorithms& algs) const
{
    return SelectAlgorithm(m_eeaPriority, caps, algs.ciphering) &&
           SelectAlgorithm(m_eiaPriority, caps, algs.integrity);
}

void
LteSecEnbRrc::TraceKeys(const UeEntry& ue) const
{
    const EnbUeSecurityContext& c = ue.ctx;
    ReportAsKeys(m_keyDerivationTrace,
                 m_keyLog,
                 "eNB-cell" + std::to_string(m_cellId),
                 ue.imsi,
                 m_cellId,
                 c.cRnti,
                 c.kenb,
                 c.algorithms,
                 c.keys);
}

void
LteSecEnbRrc::ActivatePdcp(const UeEntry& ue, Ptr<LteSecPdcp> pdcp) const
{
    const EnbUeSecurityContext& c = ue.ctx;
    pdcp->Activate(c.algorithms.ciphering,
                   pdcp->IsSrb() ? c.keys.rrcEnc : c.keys.upEnc,
                   c.algorithms.integrity,
                   c.keys.rrcInt);
}

void
LteSecEnbRrc::ActivatePdcps(uint16_t rnti)
{
    auto it = m_ues.find(rnti);
    if (it == m_ues.end())
    {
        return;
    }
    for (auto& p : it->second.pdcps)
    {
        ActivatePdcp(it->second, p.second);
    }
}

void
LteSecEnbRrc::PdcpIntegrityFailure(uint16_t rnti, uint8_t lcid, uint32_t count)
{
    auto it = m_ues.find(rnti);
    uint64_t imsi = it == m_ues.end() ? 0 : it->second.imsi;
    NS_LOG_INFO("cell " << m_cellId << " IMSI " << imsi << " RNTI " << rnti << " LCID " << +lcid
                        << ": integrity failure, PDU dropped");
    m_integrityFailureTrace(imsi, rnti, lcid, count);
}

void
LteSecEnbRrc::PdcpDecipheringFailure(uint16_t rnti, uint8_t lcid, uint32_t count)
{
    auto it = m_ues.find(rnti);
    m_decipheringFailureTrace(it == m_ues.end() ? 0 : it->second.imsi, rnti, lcid, count);
}

Ptr<LtePdcp>
LteSecEnbRrc::CreatePdcp(uint16_t rnti, uint8_t lcid)
{
    Ptr<LteSecPdcp> pdcp = CreateObject<LteSecPdcp>();
    pdcp->SetRnti(rnti);
    pdcp->SetLcId(lcid);
    pdcp->SetBearer(lcid < 3, Direction::DOWNLINK);
    pdcp->TraceConnectWithoutContext("IntegrityFailure",
                                     MakeCallback(&LteSecEnbRrc::PdcpIntegrityFailure, this));
    pdcp->TraceConnectWithoutContext("DecipheringFailure",
                                     MakeCallback(&LteSecEnbRrc::PdcpDecipheringFailure, this));
    UeEntry& ue = m_ues[rnti];
    ue.pdcps[lcid] = pdcp;
    if (ue.phase == Phase::ACTIVE || ue.phase == Phase::HANDOVER_ADMITTED)
    {
        ActivatePdcp(ue, pdcp);
    }
    return pdcp;
}

void
LteSecEnbRrc::InitialContextSetup(uint16_t rnti, uint64_t imsi)
{
    NS_LOG_FUNCTION(this << rnti << imsi);
    NS_ABORT_MSG_IF(!m_mme, "LteSecEnbRrc of cell " << m_cellId << " has no MME model");
    UeEntry& ue = m_ues[rnti];
    ue.imsi = imsi;
    UeSecurityCapabilities caps;
    ue.ctx.kenb = m_mme->InitialContextSetup(imsi, caps);
    ue.ctx.ueCapabilities = caps;
    NS_ABORT_MSG_IF(!SelectAlgorithms(caps, ue.ctx.algorithms),
                    "cell " << m_cellId << ": the UE of IMSI " << imsi
                            << " supports none of EeaPriority=" << GetEeaPriority()
                            << " / EiaPriority=" << GetEiaPriority());
    ue.ctx.cRnti = rnti;
    ue.ctx.RefreshKeys(AsKeyScheme::SEED_CRNTI_REFRESH);
    ue.phase = Phase::SMC_PENDING;
    TraceKeys(ue);
}

uint32_t
LteSecEnbRrc::SecurityConfigBytes(const LteRrcSap::RrcConnectionReconfiguration& msg) const
{
    RrcConnectionReconfigurationHeader with;
    with.SetMessage(msg);
    LteRrcSap::RrcConnectionReconfiguration plain = msg;
    plain.haveSecurityConfigHo = false;
    RrcConnectionReconfigurationHeader without;
    without.SetMessage(plain);
    return with.GetSerializedSize() - without.GetSerializedSize();
}

void
LteSecEnbRrc::BuildRrcConnectionReconfiguration(uint16_t rnti,
                                                LteRrcSap::RrcConnectionReconfiguration& msg)
{
    auto it = m_ues.find(rnti);
    if (it == m_ues.end())
    {
        return;
    }
    UeEntry& ue = it->second;
    if (ue.phase == Phase::SMC_PENDING)
    {
        // The AS security mode command: the selected algorithms; protection starts right after.
        msg.haveSecurityConfigHo = true;
        msg.securityConfigHo.haveSecurityAlgorithmConfig = true;
        msg.securityConfigHo.cipheringAlgorithm = static_cast<uint8_t>(ue.ctx.algorithms.ciphering);
        msg.securityConfigHo.integrityProtAlgorithm =
            static_cast<uint8_t>(ue.ctx.algorithms.integrity);
        msg.securityConfigHo.keyChangeIndicator = false;
        msg.securityConfigHo.nextHopChainingCount = ue.ctx.ncc;
        ue.phase = Phase::ACTIVE;
        // TS 33.401 7.2.4.5: the command is integrity protected, not ciphered; ciphering (and
        // the DRBs' protection) starts once it has left
        auto srb1 = ue.pdcps.find(1);
        if (srb1 != ue.pdcps.end())
        {
            srb1->second->StartIntegrity(ue.ctx.algorithms.integrity, ue.ctx.keys.rrcInt);
        }
        Simulator::ScheduleNow(&LteSecEnbRrc::ActivatePdcps, this, rnti);
        if (!m_securityMessageTrace.IsEmpty())
        {
            m_securityMessageTrace("Uu",
                                   "RRCConnectionReconfiguration (security mode command)",
                                   ue.imsi,
                                   SecurityConfigBytes(msg));
        }
    }
    else if (ue.phase == Phase::HANDOVER_ADMITTED)
    {
        // The handover command: algorithms only when they change.
        msg.haveSecurityConfigHo = true;
        msg.securityConfigHo.haveSecurityAlgorithmConfig = ue.algorithmsChanged;
        msg.securityConfigHo.cipheringAlgorithm = static_cast<uint8_t>(ue.ctx.algorithms.ciphering);
        msg.securityConfigHo.integrityProtAlgorithm =
            static_cast<uint8_t>(ue.ctx.algorithms.integrity);
        msg.securityConfigHo.keyChangeIndicator = false;
        msg.securityConfigHo.nextHopChainingCount = ue.ctx.ncc;
        msg.securityConfigHo.haveRefreshNonce = !ue.nonce.empty();
        std::copy(ue.nonce.begin(), ue.nonce.end(), msg.securityConfigHo.refreshNonce.begin());
        if (!m_securityMessageTrace.IsEmpty())
        {
            m_securityMessageTrace("Uu",
                                   "RRCConnectionReconfiguration (handover command)",
                                   ue.imsi,
                                   SecurityConfigBytes(msg));
        }
    }
}

std::vector<uint8_t>
LteSecEnbRrc::PrepareHandover(uint16_t rnti, uint64_t imsi, uint16_t targetCellId)
{
    auto it = m_ues.find(rnti);
    if (it == m_ues.end() || it->second.phase != Phase::ACTIVE)
    {
        return {};
    }
    const EnbUeSecurityContext& c = it->second.ctx;
    std::vector<uint8_t> info(c.kenb.Data(), c.kenb.Data() + Kenb::SIZE);
    info.push_back(c.ueCapabilities.eea);
    info.push_back(c.ueCapabilities.eia);
    info.push_back(static_cast<uint8_t>((static_cast<uint8_t>(c.algorithms.ciphering) << 4) |
                                        static_cast<uint8_t>(c.algorithms.integrity)));
    m_securityMessageTrace("X2", "HANDOVER REQUEST", imsi, AS_SECURITY_INFORMATION_IE_SIZE);
    return info;
}

bool
LteSecEnbRrc::AdmitHandover(uint16_t rnti,
                            uint64_t imsi,
                            uint16_t sourceCellId,
                            uint16_t targetCellId,
                            const std::vector<uint8_t>& info)
{
    NS_LOG_FUNCTION(this << rnti << imsi << sourceCellId << targetCellId);
    UeEntry& ue = m_ues[rnti];
    ue.imsi = imsi;
    if (info.size() != AS_SECURITY_INFORMATION_SIZE)
    {
        NS_LOG_WARN("cell " << m_cellId << ": handover of IMSI " << imsi << " from cell "
                            << sourceCellId << " without a valid AS Security Information IE ("
                            << info.size() << " bytes): rejected");
        m_handoverRejectedTrace(imsi,
                                sourceCellId,
                                "AS Security Information IE of " + std::to_string(info.size()) +
                                    " bytes, " + std::to_string(AS_SECURITY_INFORMATION_SIZE) +
                                    " expected");
        return false;
    }
    EnbUeSecurityContext& c = ue.ctx;
    c.kenb = Kenb(info.data());
    if (m_tamperReceivedKenb)
    {
        c.kenb.Data()[0] ^= 0x01;
    }
    c.ueCapabilities.eea = info[32];
    c.ueCapabilities.eia = info[33];
    if ((info[34] >> 4) > 3 || (info[34] & 0x0f) > 3)
    {
        m_handoverRejectedTrace(imsi, sourceCellId, "unknown algorithm in AS Security Information");
        return false;
    }
    AsAlgorithms source;
    source.ciphering = static_cast<Eea>(info[34] >> 4);
    source.integrity = static_cast<Eia>(info[34] & 0x0f);
    // keep the source's algorithms when this eNB allows them, else select anew
    auto allows = [](const auto& list, auto a) {
        return std::find(list.begin(), list.end(), a) != list.end();
    };
    AsAlgorithms selected;
    if (!SelectAlgorithms(c.ueCapabilities, selected))
    {
        NS_LOG_WARN("cell " << m_cellId << ": no common algorithm with IMSI " << imsi);
        m_handoverRejectedTrace(imsi, sourceCellId, "no algorithm in common with the UE");
        return false;
    }
    if (allows(m_eeaPriority, source.ciphering) && c.ueCapabilities.Supports(source.ciphering))
    {
        selected.ciphering = source.ciphering;
    }
    if (allows(m_eiaPriority, source.integrity) && c.ueCapabilities.Supports(source.integrity))
    {
        selected.integrity = source.integrity;
    }
    ue.algorithmsChanged = !(selected == source);
    c.algorithms = selected;
    c.cRnti = rnti;
    ue.nonce.clear();
    if (m_refreshNonce)
    {
        for (int i = 0; i < 16; ++i)
        {
            ue.nonce.push_back(static_cast<uint8_t>(m_nonceRng->GetInteger(0, 255)));
        }
    }
    c.RefreshKeys(AsKeyScheme::SEED_CRNTI_REFRESH, ue.nonce);
    ue.phase = Phase::HANDOVER_ADMITTED;
    ActivatePdcps(rnti);
    TraceKeys(ue);
    return true;
}

bool
LteSecEnbRrc::RecvRrcConnectionReconfigurationCompleted(
    uint16_t rnti,
    const LteRrcSap::RrcConnectionReconfigurationCompleted& msg,
    bool handover)
{
    auto it = m_ues.find(rnti);
    if (it == m_ues.end() || !msg.haveIdealMacI ||
        (it->second.phase != Phase::ACTIVE && it->second.phase != Phase::HANDOVER_ADMITTED))
    {
        // with real RRC the message came through LteSecPdcp, which checked its MAC-I
        return true;
    }
    const EnbUeSecurityContext& c = it->second.ctx;
    uint32_t expected =
        IdealRrcMacI(c.algorithms.integrity, c.keys.rrcInt, msg.rrcTransactionIdentifier);
    if (expected != msg.idealMacI)
    {
        NS_LOG_INFO("cell " << m_cellId << " IMSI " << it->second.imsi << ": "
                            << (handover ? "handover confirm" : "reconfiguration complete")
                            << " fails integrity, ignored");
        m_integrityFailureTrace(it->second.imsi, rnti, 1, 0);
        return false;
    }
    return true;
}

void
LteSecEnbRrc::HandoverCompleted(uint16_t rnti)
{
    auto it = m_ues.find(rnti);
    if (it != m_ues.end() && it->second.phase == Phase::HANDOVER_ADMITTED)
    {
        it->second.phase = Phase::ACTIVE;
    }
}

void
LteSecEnbRrc::RemoveUe(uint16_t rnti)
{
    m_ues.erase(rnti);
}

} // namespace ns3
