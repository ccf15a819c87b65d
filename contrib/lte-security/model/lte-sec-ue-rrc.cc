/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-ue-rrc.h"

#include "lte-sec-enb-rrc.h"

#include "ns3/log.h"
#include "ns3/string.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LteSecUeRrc");

NS_OBJECT_ENSURE_REGISTERED(LteSecUeRrc);

using namespace ltesec;

TypeId
LteSecUeRrc::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LteSecUeRrc")
            .SetParent<Object>()
            .SetGroupName("LteSecurity")
            .AddConstructor<LteSecUeRrc>()
            .AddAttribute("SupportedEea",
                          "Ciphering algorithms the UE supports (eea0..eea3, comma-separated).",
                          StringValue("eea0,eea1,eea2,eea3"),
                          MakeStringAccessor(&LteSecUeRrc::SetSupportedEea,
                                             &LteSecUeRrc::GetSupportedEea),
                          MakeStringChecker())
            .AddAttribute("SupportedEia",
                          "Integrity algorithms the UE supports (eia0..eia3, comma-separated).",
                          StringValue("eia0,eia1,eia2,eia3"),
                          MakeStringAccessor(&LteSecUeRrc::SetSupportedEia,
                                             &LteSecUeRrc::GetSupportedEia),
                          MakeStringChecker())
            .AddTraceSource("KeyDerivation",
                            "A key was derived: IMSI, cell, C-RNTI, key name (with its "
                            "algorithm), key fingerprint.",
                            MakeTraceSourceAccessor(&LteSecUeRrc::m_keyDerivationTrace),
                            "ns3::LteSecEnbRrc::KeyDerivationTracedCallback")
            .AddTraceSource("IntegrityFailure",
                            "A PDU from the eNB failed its integrity check and was dropped: "
                            "IMSI, C-RNTI, LCID, COUNT.",
                            MakeTraceSourceAccessor(&LteSecUeRrc::m_integrityFailureTrace),
                            "ns3::LteSecEnbRrc::IntegrityFailureTracedCallback")
            .AddTraceSource("DecipheringFailure",
                            "A data PDU did not decipher to an IP packet and was dropped: "
                            "IMSI, C-RNTI, LCID, COUNT.",
                            MakeTraceSourceAccessor(&LteSecUeRrc::m_decipheringFailureTrace),
                            "ns3::LteSecEnbRrc::IntegrityFailureTracedCallback")
            .AddTraceSource("KeyReuse",
                            "The refreshed RRC/UP keys equal keys already used under the same "
                            "KeNB (same C-RNTI and algorithms): IMSI, cell, C-RNTI.",
                            MakeTraceSourceAccessor(&LteSecUeRrc::m_keyReuseTrace),
                            "ns3::LteSecUeRrc::KeyReuseTracedCallback");
    return tid;
}

LteSecUeRrc::LteSecUeRrc() = default;

LteSecUeRrc::~LteSecUeRrc() = default;

void
LteSecUeRrc::DoDispose()
{
    m_pdcps.clear();
    m_keyLog = nullptr;
    m_rrc = nullptr;
    Object::DoDispose();
}

void
LteSecUeRrc::Setup(uint64_t imsi, const Kasme& kasme, Ptr<LteSecKeyLog> keyLog, Ptr<LteUeRrc> rrc)
{
    m_ctx.imsi = imsi;
    m_ctx.nas.kasme = kasme;
    m_keyLog = keyLog;
    m_rrc = PeekPointer(rrc);
}

void
LteSecUeRrc::SetSupportedEea(std::string list)
{
    m_ctx.capabilities.Set(ParseEeaAttribute(list, "ns3::LteSecUeRrc::SupportedEea"));
}

std::string
LteSecUeRrc::GetSupportedEea() const
{
    return m_ctx.capabilities.EeaList();
}

void
LteSecUeRrc::SetSupportedEia(std::string list)
{
    m_ctx.capabilities.Set(ParseEiaAttribute(list, "ns3::LteSecUeRrc::SupportedEia"));
}

std::string
LteSecUeRrc::GetSupportedEia() const
{
    return m_ctx.capabilities.EiaList();
}

UeSecurityCapabilities
LteSecUeRrc::GetCapabilities() const
{
    return m_ctx.capabilities;
}

const UeSecurityContext&
LteSecUeRrc::GetContext() const
{
    return m_ctx;
}

bool
LteSecUeRrc::IsActive() const
{
    return m_active;
}

void
LteSecUeRrc::TraceKeys(uint16_t cellId) const
{
    ReportAsKeys(m_keyDerivationTrace,
                 m_keyLog,
                 "UE-imsi" + std::to_string(m_ctx.imsi),
                 m_ctx.imsi,
                 cellId,
                 m_ctx.cRnti,
                 m_ctx.kenb,
                 m_ctx.algorithms,
                 m_ctx.keys);
}

void
LteSecUeRrc::CheckKeyReuse(uint16_t cellId, const std::vector<uint8_t>& nonce)
{
    auto used = std::make_tuple(m_ctx.cRnti,
                                static_cast<uint8_t>(m_ctx.algorithms.ciphering),
                                static_cast<uint8_t>(m_ctx.algorithms.integrity),
                                nonce);
    if (!m_usedUnderKenb.insert(used).second)
    {
        NS_LOG_WARN("IMSI " << m_ctx.imsi << ": C-RNTI " << m_ctx.cRnti << " in cell " << cellId
                            << " gives the same RRC/UP keys as before under this KeNB");
        m_keyReuseTrace(m_ctx.imsi, cellId, m_ctx.cRnti);
    }
}

bool
LteSecUeRrc::AcceptAlgorithms(const LteRrcSap::SecurityConfigHo& sc) const
{
    if (!sc.haveSecurityAlgorithmConfig)
    {
        return true;
    }
    if (sc.cipheringAlgorithm > 3 || sc.integrityProtAlgorithm > 3 ||
        !m_ctx.capabilities.Supports(static_cast<Eea>(sc.cipheringAlgorithm)) ||
        !m_ctx.capabilities.Supports(static_cast<Eia>(sc.integrityProtAlgorithm)))
    {
        NS_LOG_WARN("IMSI " << m_ctx.imsi << ": command names EEA " << +sc.cipheringAlgorithm
                            << " / EIA " << +sc.integrityProtAlgorithm
                            << ", not supported: discarded");
        return false;
    }
    return true;
}

void
LteSecUeRrc::ActivatePdcp(Ptr<LteSecPdcp> pdcp) const
{
    pdcp->Activate(m_ctx.algorithms.ciphering,
                   pdcp->IsSrb() ? m_ctx.keys.rrcEnc : m_ctx.keys.upEnc,
                   m_ctx.algorithms.integrity,
                   m_ctx.keys.rrcInt);
}

void
LteSecUeRrc::PdcpIntegrityFailure(uint16_t rnti, uint8_t lcid, uint32_t count)
{
    NS_LOG_INFO("IMSI " << m_ctx.imsi << " RNTI " << rnti << " LCID " << +lcid
                        << ": integrity failure, PDU dropped");
    m_integrityFailureTrace(m_ctx.imsi, rnti, lcid, count);
}

void
LteSecUeRrc::PdcpDecipheringFailure(uint16_t rnti, uint8_t lcid, uint32_t count)
{
    m_decipheringFailureTrace(m_ctx.imsi, rnti, lcid, count);
}

Ptr<LtePdcp>
LteSecUeRrc::CreatePdcp(uint16_t rnti, uint8_t lcid)
{
    Ptr<LteSecPdcp> pdcp = CreateObject<LteSecPdcp>();
    pdcp->SetRnti(rnti);
    pdcp->SetLcId(lcid);
    pdcp->SetBearer(lcid < 3, Direction::UPLINK);
    pdcp->TraceConnectWithoutContext("IntegrityFailure",
                                     MakeCallback(&LteSecUeRrc::PdcpIntegrityFailure, this));
    pdcp->TraceConnectWithoutContext("DecipheringFailure",
                                     MakeCallback(&LteSecUeRrc::PdcpDecipheringFailure, this));
    m_pdcps[lcid] = pdcp;
    if (m_active)
    {
        ActivatePdcp(pdcp);
    }
    return pdcp;
}

bool
LteSecUeRrc::RecvRrcConnectionReconfiguration(uint16_t rnti,
                                              const LteRrcSap::RrcConnectionReconfiguration& msg)
{
    if (msg.haveMobilityControlInfo)
    {
        if (!m_active)
        {
            return true;
        }
        // Handover command: KeNB unchanged, keys from the new C-RNTI (and new algorithms).
        if (msg.haveSecurityConfigHo && !AcceptAlgorithms(msg.securityConfigHo))
        {
            return false;
        }
        if (msg.haveSecurityConfigHo && msg.securityConfigHo.haveSecurityAlgorithmConfig)
        {
            m_ctx.algorithms.ciphering = static_cast<Eea>(msg.securityConfigHo.cipheringAlgorithm);
            m_ctx.algorithms.integrity =
                static_cast<Eia>(msg.securityConfigHo.integrityProtAlgorithm);
        }
        m_ctx.cRnti = msg.mobilityControlInfo.newUeIdentity;
        std::vector<uint8_t> nonce;
        if (msg.haveSecurityConfigHo && msg.securityConfigHo.haveRefreshNonce)
        {
            nonce.assign(msg.securityConfigHo.refreshNonce.begin(),
                         msg.securityConfigHo.refreshNonce.end());
        }
        m_ctx.RefreshKeys(AsKeyScheme::SEED_CRNTI_REFRESH, nonce);
        // the old entities are released by the RRC; new ones come through CreatePdcp()
        m_pdcps.clear();
        TraceKeys(msg.mobilityControlInfo.targetPhysCellId);
        CheckKeyReuse(msg.mobilityControlInfo.targetPhysCellId, nonce);
        return true;
    }
    if (msg.haveSecurityConfigHo && !m_active)
    {
        // Security mode command: KeNB from KASME and the NAS COUNT of this connection.
        const auto& sc = msg.securityConfigHo;
        if (!sc.haveSecurityAlgorithmConfig || !AcceptAlgorithms(sc))
        {
            return false;
        }
        m_ctx.algorithms.ciphering = static_cast<Eea>(sc.cipheringAlgorithm);
        m_ctx.algorithms.integrity = static_cast<Eia>(sc.integrityProtAlgorithm);
        m_ctx.DeriveInitialKenb();
        m_ctx.nas.ulNasCount++;
        m_ctx.cRnti = rnti;
        m_ctx.RefreshKeys(AsKeyScheme::SEED_CRNTI_REFRESH);
        // With real RRC the command came through SRB1 with a MAC-I that only now can be checked
        // (ideal RRC bypasses PDCP: nothing to check).
        auto srb1 = m_pdcps.find(1);
        if (srb1 != m_pdcps.end() && srb1->second->HasPending() &&
            !srb1->second->VerifyPending(m_ctx.algorithms.integrity, m_ctx.keys.rrcInt))
        {
            NS_LOG_INFO("IMSI " << m_ctx.imsi << ": security mode command fails integrity, "
                                << "discarded");
            return false;
        }
        m_active = true;
        for (auto& p : m_pdcps)
        {
            ActivatePdcp(p.second);
        }
        uint16_t cellId = m_rrc != nullptr ? m_rrc->GetCellId() : 0;
        TraceKeys(cellId);
        m_usedUnderKenb.clear(); // a fresh KeNB
        CheckKeyReuse(cellId, {});
    }
    return true;
}

void
LteSecUeRrc::SendRrcConnectionReconfigurationCompleted(
    uint16_t rnti,
    LteRrcSap::RrcConnectionReconfigurationCompleted& msg,
    bool handover)
{
    if (!m_active)
    {
        return;
    }
    // Only ideal RRC reads this: real RRC serializes the message, and its MAC-I is PDCP's.
    msg.haveIdealMacI = true;
    msg.idealMacI =
        IdealRrcMacI(m_ctx.algorithms.integrity, m_ctx.keys.rrcInt, msg.rrcTransactionIdentifier);
}

void
LteSecUeRrc::ConnectionReleased()
{
    m_active = false;
    m_pdcps.clear();
    // the AS context is gone: overwrite its keys (SecretKey assignment wipes the old bytes)
    m_ctx.kenb = Kenb();
    m_ctx.keys = AsKeys();
    m_usedUnderKenb.clear();
}

} // namespace ns3
