/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-ue-rrc.h"

#include "lte-sec-enb-rrc.h"
#include "lte-sec-wire.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/string.h"

#include <algorithm>
#include <sstream>

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
            .AddAttribute(
                "SupportedEea",
                "Ciphering algorithms the UE supports (eea0..eea3, comma-separated).",
                StringValue("eea0,eea1,eea2,eea3"),
                MakeStringAccessor(&LteSecUeRrc::SetSupportedEea, &LteSecUeRrc::GetSupportedEea),
                MakeStringChecker())
            .AddAttribute(
                "SupportedEia",
                "Integrity algorithms the UE supports (eia0..eia3, comma-separated).",
                StringValue("eia0,eia1,eia2,eia3"),
                MakeStringAccessor(&LteSecUeRrc::SetSupportedEia, &LteSecUeRrc::GetSupportedEia),
                MakeStringChecker())
            .AddAttribute("AllowNullIntegrity",
                          "Accept EIA0 (no integrity protection) in a security mode or handover "
                          "command. TS 33.401 5.1.4.2 allows it only for unauthenticated "
                          "emergency sessions; without this attribute such a command is rejected.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LteSecUeRrc::m_allowNullIntegrity),
                          MakeBooleanChecker())
            .AddAttribute("ReestablishmentKeys",
                          "The keys of a connection re-established after a failed handover "
                          "(see ns3::LteSecEnbRrc::ReestablishmentKeys; they must match)",
                          EnumValue(static_cast<int>(ReestablishmentKeys::REFRESH)),
                          MakeEnumAccessor(&LteSecUeRrc::m_reestablishmentKeys),
                          MakeReestablishmentKeysChecker())
            .AddAttribute("TamperShortMacI",
                          "For validation: send a wrong shortMAC-I in every re-establishment "
                          "request (as a UE without the keys would), which the eNB must refuse.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LteSecUeRrc::m_tamperShortMacI),
                          MakeBooleanChecker())
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
            .AddTraceSource("PduDiscarded",
                            "A PDCP PDU or SDU was dropped for another reason than a failed "
                            "check (duplicate, outside the window, COUNT wrap, SDU too large, "
                            "...): IMSI, C-RNTI, LCID, COUNT, reason.",
                            MakeTraceSourceAccessor(&LteSecUeRrc::m_pduDiscardedTrace),
                            "ns3::LteSecEnbRrc::PduDiscardedTracedCallback")
            .AddTraceSource("DecipheringFailure",
                            "A data PDU did not decipher to an IP packet of its length and was "
                            "dropped (a wrong key; payload bit flips are not detected): "
                            "IMSI, C-RNTI, LCID, COUNT.",
                            MakeTraceSourceAccessor(&LteSecUeRrc::m_decipheringFailureTrace),
                            "ns3::LteSecEnbRrc::DecipheringFailureTracedCallback")
            .AddTraceSource("KeyReuse",
                            "Refreshed RRC/UP keys equal keys already used under the same KeNB "
                            "(same C-RNTI and algorithm): IMSI, cell, C-RNTI, the keys.",
                            MakeTraceSourceAccessor(&LteSecUeRrc::m_keyReuseTrace),
                            "ns3::LteSecUeRrc::KeyReuseTracedCallback")
            .AddTraceSource("CommandRejected",
                            "A security mode or handover command was discarded: IMSI, cell, "
                            "reason.",
                            MakeTraceSourceAccessor(&LteSecUeRrc::m_commandRejectedTrace),
                            "ns3::LteSecUeRrc::CommandRejectedTracedCallback")
            .AddTraceSource("NhSync",
                            "A handover command was followed: IMSI, target PCI, the command's "
                            "NCC, the NH derivations the UE made to reach it (TS 33.401; 0 "
                            "for a horizontal KeNB* and for schemes without NH).",
                            MakeTraceSourceAccessor(&LteSecUeRrc::m_nhSyncTrace),
                            "ns3::LteSecUeRrc::NhSyncTracedCallback")
            .AddTraceSource("NasSecurityChanged",
                            "The NAS part of an inter-MME handover command verified: the UE "
                            "takes its NAS algorithms (and keys): IMSI, \"eea2/eia2\", the "
                            "downlink NAS COUNT it came with",
                            MakeTraceSourceAccessor(&LteSecUeRrc::m_nasSecurityChangedTrace),
                            "ns3::LteSecUeRrc::NasSecurityChangedTracedCallback");
    return tid;
}

LteSecUeRrc::LteSecUeRrc()
    : m_scheme(LteSecScheme::Create("seed", "LteSecUeRrc"))
{
}

void
LteSecUeRrc::SetScheme(Ptr<LteSecScheme> scheme)
{
    NS_ABORT_MSG_IF(!scheme, "LteSecUeRrc::SetScheme: no scheme");
    m_scheme = scheme;
}

LteSecUeRrc::~LteSecUeRrc() = default;

void
LteSecUeRrc::DoDispose()
{
    for (auto& p : m_pdcps)
    {
        p.second->SetUser(nullptr);
    }
    m_pdcps.clear();
    m_keyLog = nullptr;
    m_scheme = nullptr;
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

uint16_t
LteSecUeRrc::CellId() const
{
    return m_rrc != nullptr ? m_rrc->GetCellId() : 0;
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
LteSecUeRrc::CheckKeyReuse(uint16_t cellId)
{
    const std::pair<const char*, const AlgKey*> keys[] = {{"KRRCenc", &m_ctx.keys.rrcEnc},
                                                          {"KRRCint", &m_ctx.keys.rrcInt},
                                                          {"KUPenc", &m_ctx.keys.upEnc}};
    std::string repeated;
    for (std::size_t i = 0; i < m_usedUnderKenb.size(); ++i)
    {
        uint32_t fp = keys[i].second->FingerprintValue();
        std::vector<uint32_t>& used = m_usedUnderKenb[i];
        if (std::find(used.begin(), used.end(), fp) != used.end())
        {
            repeated += (repeated.empty() ? "" : ",") + std::string(keys[i].first);
        }
        else
        {
            used.push_back(fp);
        }
    }
    if (!repeated.empty())
    {
        NS_LOG_WARN("IMSI " << m_ctx.imsi << ": C-RNTI " << m_ctx.cRnti << " in cell " << cellId
                            << " repeats " << repeated << " under this KeNB");
        m_keyReuseTrace(m_ctx.imsi, cellId, m_ctx.cRnti, repeated);
    }
}

bool
LteSecUeRrc::Reject(const std::string& reason)
{
    NS_LOG_WARN("IMSI " << m_ctx.imsi << ": command discarded: " << reason);
    m_commandRejectedTrace(m_ctx.imsi, CellId(), reason);
    return false;
}

bool
LteSecUeRrc::AcceptAlgorithms(const LteRrcSap::SecurityConfigHo& sc)
{
    if (sc.malformed)
    {
        return Reject("securityConfigHO does not decode");
    }
    if (!sc.haveSecurityAlgorithmConfig)
    {
        return true;
    }
    if (sc.cipheringAlgorithm > 3 || sc.integrityProtAlgorithm > 3 ||
        !m_ctx.capabilities.Supports(static_cast<Eea>(sc.cipheringAlgorithm)) ||
        !m_ctx.capabilities.Supports(static_cast<Eia>(sc.integrityProtAlgorithm)))
    {
        return Reject("EEA " + std::to_string(sc.cipheringAlgorithm) + " / EIA " +
                      std::to_string(sc.integrityProtAlgorithm) + " not supported");
    }
    if (sc.integrityProtAlgorithm == 0 && !m_allowNullIntegrity)
    {
        return Reject("EIA0 refused (allowed for emergency sessions only: AllowNullIntegrity)");
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

void
LteSecUeRrc::PdcpDiscard(uint16_t rnti, uint8_t lcid, uint32_t count, const std::string& reason)
{
    m_pduDiscardedTrace(m_ctx.imsi, rnti, lcid, count, reason);
}

Ptr<LtePdcp>
LteSecUeRrc::CreatePdcp(uint16_t rnti, uint8_t lcid)
{
    Ptr<LteSecPdcp> pdcp = CreateObject<LteSecPdcp>();
    pdcp->SetRnti(rnti);
    pdcp->SetLcId(lcid);
    pdcp->SetBearer(lcid < 3, Direction::UPLINK);
    pdcp->SetUser(this);
    m_pdcps[lcid] = pdcp;
    if (m_smcRejected)
    {
        pdcp->SetDiscardAll(true);
    }
    else if (m_active)
    {
        ActivatePdcp(pdcp);
    }
    return pdcp;
}

bool
LteSecUeRrc::RecvHandoverCommand(const LteRrcSap::RrcConnectionReconfiguration& msg)
{
    // KeNB unchanged, keys from the new C-RNTI (and the new algorithms, the nonce if any)
    if (msg.haveSecurityConfigHo && !AcceptAlgorithms(msg.securityConfigHo))
    {
        return false;
    }
    if (msg.haveSecurityConfigHo && msg.securityConfigHo.haveNasContainer &&
        !RecvNasContainer(msg.securityConfigHo.nasContainer))
    {
        return false;
    }
    // the target cell as the command names it: its PCI and, if given, its EARFCN-DL
    const auto& mci = msg.mobilityControlInfo;
    CellInfo target;
    target.pci = mci.targetPhysCellId;
    target.earfcnDl = mci.haveCarrierFreq ? mci.carrierFreq.dlCarrierFreq
                                          : (m_rrc != nullptr ? m_rrc->GetDlEarfcn() : 0);
    LteRrcSap::SecurityConfigHo sc; // a command without securityConfigHO: the defaults
    if (msg.haveSecurityConfigHo)
    {
        sc = msg.securityConfigHo;
    }
    UeSecurityContext next = m_ctx;
    uint32_t nhSteps = 0;
    std::string error;
    if (!m_scheme->UeHandover(next, sc, target, nhSteps, error))
    {
        return Reject(error);
    }
    if (sc.haveSecurityAlgorithmConfig)
    {
        next.algorithms.ciphering = static_cast<Eea>(sc.cipheringAlgorithm);
        next.algorithms.integrity = static_cast<Eia>(sc.integrityProtAlgorithm);
    }
    next.cRnti = mci.newUeIdentity;
    std::vector<uint8_t> nonce;
    if (sc.haveRefreshNonce)
    {
        nonce.assign(sc.refreshNonce.begin(), sc.refreshNonce.end());
    }
    next.keys = m_scheme->DeriveAsKeys(next.kenb, next.algorithms, next.cRnti, nonce);
    next.refreshNonce = nonce;
    m_beforeHandover = m_ctx; // for a re-establishment in the source
    m_haveBeforeHandover = true;
    m_ctx = next;
    m_nhSyncTrace(m_ctx.imsi, target.pci, sc.nextHopChainingCount, nhSteps);
    // the old entities are released by the RRC; new ones come through CreatePdcp()
    m_pdcps.clear();
    m_idealUlCount = 0;
    m_idealDlNext = 0;
    TraceKeys(msg.mobilityControlInfo.targetPhysCellId);
    CheckKeyReuse(msg.mobilityControlInfo.targetPhysCellId);
    return true;
}

bool
LteSecUeRrc::RecvNasContainer(const std::array<uint8_t, 7>& bytes)
{
    NasTransparentContainer c;
    std::string error;
    if (!c.Decode(std::vector<uint8_t>(bytes.begin(), bytes.end()), error))
    {
        return Reject(error);
    }
    if (c.eia == Eia::EIA0)
    {
        return Reject("NAS container with EIA0");
    }
    // a COUNT not below the next one expected: a replayed command cannot verify
    uint32_t count = EstimateDlNasCount(m_ctx.nas.dlNasCount, c.sqn);
    if (!c.Verify(m_ctx.nas.kasme, count))
    {
        return Reject("NAS-MAC of the handover command does not verify");
    }
    m_ctx.nas.ksiAsme = c.ksi;
    m_ctx.nas.nasEea = c.eea;
    m_ctx.nas.nasEia = c.eia;
    m_ctx.nas.DeriveNasKeys();
    m_ctx.nas.dlNasCount = count + 1;
    std::ostringstream algs;
    algs << c.eea << "/" << c.eia;
    m_nasSecurityChangedTrace(m_ctx.imsi, algs.str(), count);
    return true;
}

NasSecurityContext&
LteSecUeRrc::NasContext()
{
    return m_ctx.nas;
}

const NasSecurityContext&
LteSecUeRrc::GetNasContext() const
{
    return m_ctx.nas;
}

uint64_t
LteSecUeRrc::GetImsi() const
{
    return m_ctx.imsi;
}

bool
LteSecUeRrc::RecvSecurityModeCommand(uint16_t rnti,
                                     const LteRrcSap::RrcConnectionReconfiguration& msg)
{
    const auto& sc = msg.securityConfigHo;
    bool accepted = sc.haveSecurityAlgorithmConfig
                        ? AcceptAlgorithms(sc)
                        : Reject("security mode command without algorithms");
    auto srb1 = m_pdcps.find(1);
    bool pending = srb1 != m_pdcps.end() && srb1->second->HasPending();
    if (accepted && !msg.haveIdealMacI && !pending)
    {
        // Real RRC: the command came through SRB1 with a MAC-I kept for now; ideal RRC (no
        // PDCP): the MAC-I rides in the message. Neither: nothing can verify it.
        accepted = Reject("security mode command with no MAC-I to check");
    }
    else if (accepted)
    {
        // The KeNB is that of the uplink NAS COUNT of the message that started the connection,
        // which the UE sent and the MME took. The model has no such NAS message: the UE tries its
        // own count and the next ones (the MME counts every connection it set up, also those the
        // UE rejected or never completed), as a NAS sequence number would resynchronise them.
        // Older counts are never tried, so a command of an earlier connection cannot pass.
        accepted = false;
        UeSecurityContext candidate = m_ctx;
        candidate.algorithms.ciphering = static_cast<Eea>(sc.cipheringAlgorithm);
        candidate.algorithms.integrity = static_cast<Eia>(sc.integrityProtAlgorithm);
        candidate.cRnti = rnti;
        candidate.refreshNonce.clear();
        AlgKey ownCountKey; // KRRCint under the UE's own count, for the failure trace
        for (uint32_t ahead = 0; ahead < NAS_COUNT_LOOKAHEAD && !accepted; ++ahead)
        {
            candidate.nas.ulNasCount = m_ctx.nas.ulNasCount + ahead;
            candidate.DeriveInitialKenb();
            candidate.keys =
                m_scheme->DeriveAsKeys(candidate.kenb, candidate.algorithms, candidate.cRnti, {});
            if (ahead == 0)
            {
                ownCountKey = candidate.keys.rrcInt;
            }
            if (msg.haveIdealMacI)
            {
                accepted =
                    msg.idealCount >= m_idealDlNext && IdealMacI(candidate.algorithms.integrity,
                                                                 candidate.keys.rrcInt,
                                                                 msg.idealCount,
                                                                 Direction::DOWNLINK,
                                                                 msg) == msg.idealMacI;
            }
            else
            {
                accepted = srb1->second->CheckPending(candidate.algorithms.integrity,
                                                      candidate.keys.rrcInt);
            }
        }
        if (!accepted)
        {
            if (msg.haveIdealMacI)
            {
                m_integrityFailureTrace(m_ctx.imsi, rnti, 1, msg.idealCount);
            }
            else
            {
                // the kept PDU fails under the UE's own count: traced by PDCP, dropped
                srb1->second->VerifyPending(candidate.algorithms.integrity, ownCountKey);
            }
            Reject("security mode command fails integrity");
        }
        else
        {
            if (!msg.haveIdealMacI)
            {
                srb1->second->VerifyPending(candidate.algorithms.integrity, candidate.keys.rrcInt);
            }
            m_ctx = candidate;
            m_idealDlNext = msg.haveIdealMacI ? msg.idealCount + 1 : 0;
        }
    }
    if (!accepted)
    {
        // fail closed: nothing unprotected reaches RRC or IP until the connection is released
        m_smcRejected = true;
        for (auto& p : m_pdcps)
        {
            p.second->SetDiscardAll(true);
        }
        return false;
    }
    // the uplink NAS COUNT of the message that started this connection is used up
    m_ctx.nas.ulNasCount++;
    m_active = true;
    m_idealUlCount = 0;
    for (auto& p : m_pdcps)
    {
        ActivatePdcp(p.second);
    }
    TraceKeys(CellId());
    ClearUsedUnderKenb(); // a fresh KeNB
    CheckKeyReuse(CellId());
    return true;
}

bool
LteSecUeRrc::RecvRrcConnectionReconfiguration(uint16_t rnti,
                                              const LteRrcSap::RrcConnectionReconfiguration& msg)
{
    if (m_smcRejected)
    {
        return Reject("security was rejected on this connection");
    }
    if (msg.haveMobilityControlInfo)
    {
        // TS 36.331 5.3.5.4: no handover before AS security is active
        return m_active ? RecvHandoverCommand(msg)
                        : Reject("handover command before AS security is active");
    }
    if (msg.haveSecurityConfigHo && !m_active)
    {
        return RecvSecurityModeCommand(rnti, msg);
    }
    return true;
}

void
LteSecUeRrc::SendRrcConnectionReconfigurationCompleted(
    uint16_t rnti,
    LteRrcSap::RrcConnectionReconfigurationCompleted& msg,
    bool /* handover */)
{
    if (!m_active)
    {
        return;
    }
    // The source's AS context stays until the next handover, a re-establishment or the release:
    // the target may never take this confirm, and the UE then falls back to the source (the
    // design leaves it FFS; TS 36.331 would re-establish with the target's keys instead).
    // Only ideal RRC reads this: real RRC serializes the message, and its MAC-I is PDCP's.
    msg.haveIdealMacI = true;
    msg.idealCount = m_idealUlCount++;
    msg.idealMacI = IdealMacI(m_ctx.algorithms.integrity,
                              m_ctx.keys.rrcInt,
                              msg.idealCount,
                              Direction::UPLINK,
                              msg);
}

void
LteSecUeRrc::ReleasePdcp(uint16_t rnti, uint8_t lcid)
{
    m_pdcps.erase(lcid);
}

std::vector<uint8_t>
LteSecUeRrc::GetPdcpLcids() const
{
    std::vector<uint8_t> lcids;
    for (const auto& p : m_pdcps)
    {
        lcids.push_back(p.first);
    }
    return lcids;
}

void
LteSecUeRrc::ConnectionReleased()
{
    m_active = false;
    m_smcRejected = false;
    m_idealDlNext = 0;
    m_idealUlCount = 0;
    m_pdcps.clear();
    // the AS context is gone: overwrite its keys (SecretKey assignment wipes the old bytes)
    m_ctx.kenb = Kenb();
    m_ctx.keys = AsKeys();
    m_ctx.refreshNonce.clear();
    m_beforeHandover = UeSecurityContext();
    m_haveBeforeHandover = false;
    ClearUsedUnderKenb();
}

void
LteSecUeRrc::ClearUsedUnderKenb()
{
    for (auto& used : m_usedUnderKenb)
    {
        used.clear();
        used.shrink_to_fit();
    }
}

} // namespace ns3
