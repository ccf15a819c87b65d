/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-enb-rrc.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/lte-enb-rrc.h"
#include "ns3/lte-rrc-protocol-ideal.h"
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

TypeId
LteSecEnbRrc::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LteSecEnbRrc")
            .SetParent<Object>()
            .SetGroupName("LteSecurity")
            .AddConstructor<LteSecEnbRrc>()
            .AddAttribute(
                "EeaPriority",
                "Ciphering algorithms this eNB accepts, most preferred first "
                "(eea0..eea3, comma-separated).",
                StringValue("eea2,eea1,eea3,eea0"),
                MakeStringAccessor(&LteSecEnbRrc::SetEeaPriority, &LteSecEnbRrc::GetEeaPriority),
                MakeStringChecker())
            .AddAttribute(
                "EiaPriority",
                "Integrity algorithms this eNB accepts, most preferred first "
                "(eia0..eia3, comma-separated).",
                StringValue("eia2,eia1,eia3"),
                MakeStringAccessor(&LteSecEnbRrc::SetEiaPriority, &LteSecEnbRrc::GetEiaPriority),
                MakeStringChecker())
            .AddAttribute("KenbInHandoverRequired",
                          "S1 handover: the source adds KeNB to HANDOVER REQUIRED (a Security "
                          "Context IE); if false, the MME sends the KeNB it holds (the design "
                          "allows both).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&LteSecEnbRrc::m_kenbInHandoverRequired),
                          MakeBooleanChecker())
            .AddAttribute("RefreshNonce",
                          "Add a 128-bit random number of the target to the key refresh "
                          "(the design's option), sent in the handover command.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LteSecEnbRrc::m_refreshNonce),
                          MakeBooleanChecker())
            .AddAttribute("AllowNullIntegrity",
                          "Allow EIA0 (no integrity protection). TS 33.401 5.1.4.2 allows it only "
                          "for unauthenticated emergency sessions; without this attribute EIA0 is "
                          "never selected nor kept.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LteSecEnbRrc::m_allowNullIntegrity),
                          MakeBooleanChecker())
            .AddAttribute(
                "BidDownEea",
                "For validation: as a misconfigured or compromised source, forward "
                "these EEAs (comma-separated) as the UE's capabilities on handover "
                "(empty: the real ones).",
                StringValue(""),
                MakeStringAccessor(&LteSecEnbRrc::SetBidDownEea, &LteSecEnbRrc::GetBidDownEea),
                MakeStringChecker())
            .AddAttribute("TamperReceivedKenb",
                          "For validation: flip one bit of every KeNB received by handover, so "
                          "that the handover confirm must fail its integrity check.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LteSecEnbRrc::m_tamperReceivedKenb),
                          MakeBooleanChecker())
            .AddAttribute("TamperCommandNcc",
                          "For validation: as a faulty target, announce NCC + 1 in every handover "
                          "command (TS 33.401: the UE then derives another KeNB and the handover "
                          "confirm must fail).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LteSecEnbRrc::m_tamperCommandNcc),
                          MakeBooleanChecker())
            .AddAttribute("ReestablishmentKeys",
                          "The keys of a connection re-established after a failed handover "
                          "(seed, alt1, alt2; ts33401 always takes KeNB*): reuse (the source's "
                          "RRC and UP keys as they were) or refresh (with the new C-RNTI)",
                          EnumValue(static_cast<int>(ltesec::ReestablishmentKeys::REFRESH)),
                          MakeEnumAccessor(&LteSecEnbRrc::m_reestablishmentKeys),
                          ltesec::MakeReestablishmentKeysChecker())
            .AddTraceSource("ReestablishmentKey",
                            "A re-establishment request verified: IMSI, cell, new C-RNTI, the "
                            "C-RNTI it re-establishes, the keys taken (reuse, refresh, KeNB*).",
                            MakeTraceSourceAccessor(&LteSecEnbRrc::m_reestablishmentKeyTrace),
                            "ns3::LteSecEnbRrc::ReestablishmentKeyTracedCallback")
            .AddTraceSource("ReestablishmentRejected",
                            "A re-establishment request was refused for security reasons: IMSI, "
                            "cell, reason (e.g. a shortMAC-I that does not verify).",
                            MakeTraceSourceAccessor(&LteSecEnbRrc::m_reestablishmentRejectedTrace),
                            "ns3::LteSecEnbRrc::HandoverRejectedTracedCallback")
            .AddTraceSource("HandoverKey",
                            "A UE was admitted by handover: IMSI, cell, C-RNTI, scheme, the NCC "
                            "its handover command carries, the path (X2, S1, intra-eNB).",
                            MakeTraceSourceAccessor(&LteSecEnbRrc::m_handoverKeyTrace),
                            "ns3::LteSecEnbRrc::HandoverKeyTracedCallback")
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
            .AddTraceSource("PduDiscarded",
                            "A PDCP PDU or SDU was dropped for another reason than a failed "
                            "check (duplicate, outside the window, COUNT wrap, SDU too large, "
                            "...): IMSI, C-RNTI, LCID, COUNT, reason.",
                            MakeTraceSourceAccessor(&LteSecEnbRrc::m_pduDiscardedTrace),
                            "ns3::LteSecEnbRrc::PduDiscardedTracedCallback")
            .AddTraceSource("DecipheringFailure",
                            "A data PDU did not decipher to an IP packet of its length and was "
                            "dropped (a wrong key; payload bit flips are not detected): "
                            "IMSI, C-RNTI, LCID, COUNT.",
                            MakeTraceSourceAccessor(&LteSecEnbRrc::m_decipheringFailureTrace),
                            "ns3::LteSecEnbRrc::DecipheringFailureTracedCallback")
            .AddTraceSource("SecurityMessage",
                            "A message carrying security information was sent: interface "
                            "(X2, Uu), message, IMSI, bytes of security information in it.",
                            MakeTraceSourceAccessor(&LteSecEnbRrc::m_securityMessageTrace),
                            "ns3::LteSecEnbRrc::SecurityMessageTracedCallback")
            .AddTraceSource("HandoverRejected",
                            "A handover into this eNB was refused for security reasons: IMSI, "
                            "source cell, reason.",
                            MakeTraceSourceAccessor(&LteSecEnbRrc::m_handoverRejectedTrace),
                            "ns3::LteSecEnbRrc::HandoverRejectedTracedCallback")
            .AddTraceSource("CapabilityMismatch",
                            "At path switch the MME's copy of the UE security capabilities "
                            "differed from those the source sent; the eNB takes the MME's and "
                            "re-selects: IMSI, cell, received, MME's.",
                            MakeTraceSourceAccessor(&LteSecEnbRrc::m_capabilityMismatchTrace),
                            "ns3::LteSecEnbRrc::CapabilityMismatchTracedCallback");
    return tid;
}

LteSecEnbRrc::LteSecEnbRrc()
    : m_scheme(LteSecScheme::Create("seed", "LteSecEnbRrc")),
      m_nonceRng(CreateObject<UniformRandomVariable>())
{
}

void
LteSecEnbRrc::SetScheme(Ptr<LteSecScheme> scheme)
{
    NS_ABORT_MSG_IF(!scheme, "LteSecEnbRrc::SetScheme: no scheme");
    NS_ABORT_MSG_IF(m_refreshNonce && scheme->PreparesThroughMme(),
                    "ns3::LteSecEnbRrc::RefreshNonce is the seed scheme's option; scheme "
                        << scheme->GetName()
                        << " carries the MME's fresh input in the same field of the command");
    m_scheme = scheme;
}

Ptr<LteSecScheme>
LteSecEnbRrc::GetScheme() const
{
    return m_scheme;
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
    for (auto& ue : m_ues)
    {
        for (auto& p : ue.second.pdcps)
        {
            p.second->SetUser(nullptr);
        }
    }
    m_ues.clear();
    m_scheme = nullptr;
    m_mme = nullptr;
    m_keyLog = nullptr;
    m_rrc = nullptr;
    Object::DoDispose();
}

void
LteSecEnbRrc::Setup(uint16_t cellId,
                    Ptr<LteSecMme> mme,
                    Ptr<LteSecKeyLog> keyLog,
                    Ptr<LteEnbRrc> rrc)
{
    m_cellId = cellId;
    m_mme = mme;
    m_keyLog = keyLog;
    m_rrc = rrc;
    m_idealRrc = rrc && rrc->GetObject<LteEnbRrcProtocolIdeal>() != nullptr;
}

void
LteSecEnbRrc::SetBidDownEea(std::string list)
{
    m_bidDownEea.clear();
    if (!list.empty())
    {
        m_bidDownEea = ParseEeaAttribute(list, "ns3::LteSecEnbRrc::BidDownEea");
    }
}

std::string
LteSecEnbRrc::GetBidDownEea() const
{
    return ToString(m_bidDownEea);
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
LteSecEnbRrc::Allows(Eia eia) const
{
    return (eia != Eia::EIA0 || m_allowNullIntegrity) &&
           std::find(m_eiaPriority.begin(), m_eiaPriority.end(), eia) != m_eiaPriority.end();
}

bool
LteSecEnbRrc::Allows(Eea eea) const
{
    return std::find(m_eeaPriority.begin(), m_eeaPriority.end(), eea) != m_eeaPriority.end();
}

bool
LteSecEnbRrc::SelectAlgorithms(const UeSecurityCapabilities& caps, AsAlgorithms& algs) const
{
    std::vector<Eia> eias;
    std::copy_if(m_eiaPriority.begin(),
                 m_eiaPriority.end(),
                 std::back_inserter(eias),
                 [this](Eia a) { return Allows(a); });
    return SelectAlgorithm(m_eeaPriority, caps, algs.ciphering) &&
           SelectAlgorithm(eias, caps, algs.integrity);
}

void
LteSecEnbRrc::TraceKeys(const UeEntry& ue) const
{
    const EnbUeSecurityContext& c = ue.ctx;
    ReportAsKeys(m_keyDerivationTrace,
                 m_keyLog,
                 "eNB-cell" + std::to_string(ue.cellId),
                 ue.imsi,
                 ue.cellId,
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

void
LteSecEnbRrc::PdcpDiscard(uint16_t rnti, uint8_t lcid, uint32_t count, const std::string& reason)
{
    auto it = m_ues.find(rnti);
    m_pduDiscardedTrace(it == m_ues.end() ? 0 : it->second.imsi, rnti, lcid, count, reason);
}

Ptr<LtePdcp>
LteSecEnbRrc::CreatePdcp(uint16_t rnti, uint8_t lcid)
{
    Ptr<LteSecPdcp> pdcp = CreateObject<LteSecPdcp>();
    pdcp->SetRnti(rnti);
    pdcp->SetLcId(lcid);
    pdcp->SetBearer(lcid < 3, Direction::DOWNLINK);
    pdcp->SetUser(this);
    UeEntry& ue = m_ues[rnti];
    ue.pdcps[lcid] = pdcp;
    if (ue.phase == Phase::ACTIVE || ue.phase == Phase::HANDOVER_ADMITTED)
    {
        ActivatePdcp(ue, pdcp);
    }
    return pdcp;
}

void
LteSecEnbRrc::StartSecurity(uint16_t rnti,
                            uint64_t imsi,
                            const Kenb& kenb,
                            const UeSecurityCapabilities& caps)
{
    NS_LOG_FUNCTION(this << rnti << imsi);
    UeEntry& ue = m_ues[rnti];
    ue.imsi = imsi;
    ue.cellId = m_cellId;
    if (m_rrc)
    {
        ue.cellId =
            m_rrc->ComponentCarrierToCellId(m_rrc->GetUeManager(rnti)->GetComponentCarrierId());
    }
    ue.ctx.kenb = kenb;
    ue.ctx.ueCapabilities = caps;
    ue.ctx.ncc = 0; // TS 33.401 7.2.8.1: the initial KeNB goes with NCC 0
    NS_ABORT_MSG_IF(
        !SelectAlgorithms(caps, ue.ctx.algorithms),
        "cell " << m_cellId << ": the UE of IMSI " << imsi << " supports none of EeaPriority="
                << GetEeaPriority() << " / EiaPriority=" << GetEiaPriority()
                << (m_allowNullIntegrity ? ""
                                         : " (EIA0 needs ns3::LteSecEnbRrc::AllowNullIntegrity: "
                                           "TS 33.401 5.1.4.2 allows it for unauthenticated "
                                           "emergency sessions only)"));
    ue.ctx.cRnti = rnti;
    ue.ctx.haveUnusedNh = false;
    ue.ctx.keys = m_scheme->DeriveAsKeys(kenb, ue.ctx.algorithms, rnti, {});
    ue.phase = Phase::SMC_PENDING;
    ue.idealDlCount = 0;
    ue.idealUlNext = 0;
    TraceKeys(ue);
}

void
LteSecEnbRrc::AddIdealMacI(UeEntry& ue, LteRrcSap::RrcConnectionReconfiguration& msg) const
{
    msg.haveIdealMacI = true;
    msg.idealCount = ue.idealDlCount++;
    msg.idealMacI = IdealMacI(ue.ctx.algorithms.integrity,
                              ue.ctx.keys.rrcInt,
                              msg.idealCount,
                              Direction::DOWNLINK,
                              msg);
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
        // the UE confirms with a protected complete; until then the UE is not ACTIVE here
        ue.phase = Phase::SMC_SENT;
        // TS 33.401 7.2.4.5: the command is integrity protected, not ciphered; ciphering (and
        // the DRBs' protection) starts once it has left
        auto srb1 = ue.pdcps.find(1);
        if (srb1 != ue.pdcps.end())
        {
            srb1->second->StartIntegrity(ue.ctx.algorithms.integrity, ue.ctx.keys.rrcInt);
        }
        Simulator::ScheduleNow(&LteSecEnbRrc::ActivatePdcps, this, rnti);
        if (m_idealRrc)
        {
            AddIdealMacI(ue, msg);
        }
        else if (!m_securityMessageTrace.IsEmpty())
        {
            m_securityMessageTrace("Uu",
                                   "RRCConnectionReconfiguration (security mode command)",
                                   ue.imsi,
                                   SecurityConfigHoBytes(msg));
        }
    }
    else if (ue.phase == Phase::HANDOVER_ADMITTED)
    {
        // The handover command (built by the target; ns-3 adds mobilityControlInfo after this
        // hook): algorithms only when they change.
        msg.haveSecurityConfigHo = true;
        msg.securityConfigHo.haveSecurityAlgorithmConfig = ue.algorithmsChanged;
        msg.securityConfigHo.cipheringAlgorithm = static_cast<uint8_t>(ue.ctx.algorithms.ciphering);
        msg.securityConfigHo.integrityProtAlgorithm =
            static_cast<uint8_t>(ue.ctx.algorithms.integrity);
        msg.securityConfigHo.haveRefreshNonce = !ue.nonce.empty();
        std::copy(ue.nonce.begin(), ue.nonce.end(), msg.securityConfigHo.refreshNonce.begin());
        m_scheme->FillCommand(ue.ctx, msg.securityConfigHo);
        if (m_tamperCommandNcc)
        {
            msg.securityConfigHo.nextHopChainingCount =
                (msg.securityConfigHo.nextHopChainingCount + 1) & 0x07;
        }
        // inter-MME: the target MME's NAS part, passed on unchanged
        msg.securityConfigHo.haveNasContainer = ue.nasContainer.size() == 7;
        std::copy(ue.nasContainer.begin(),
                  ue.nasContainer.end(),
                  msg.securityConfigHo.nasContainer.begin());
        if (!m_idealRrc && !m_securityMessageTrace.IsEmpty())
        {
            m_securityMessageTrace("Uu",
                                   "RRCConnectionReconfiguration (handover command)",
                                   ue.imsi,
                                   SecurityConfigHoBytes(msg));
        }
    }
}

SecurityBytes
LteSecEnbRrc::PrepareHandover(uint16_t rnti, uint64_t imsi, uint16_t targetCellId)
{
    auto it = m_ues.find(rnti);
    if (it == m_ues.end() || it->second.phase != Phase::ACTIVE)
    {
        return {};
    }
    const EnbUeSecurityContext& c = it->second.ctx;
    AsSecurityInformation info;
    HandoverKey key = m_scheme->SourceX2(c, targetCellId);
    info.kenb = key.key;
    info.haveNcc = m_scheme->X2CarriesNcc();
    info.ncc = key.ncc;
    info.ueCapabilities = c.ueCapabilities;
    if (!m_bidDownEea.empty())
    {
        info.ueCapabilities.Set(m_bidDownEea);
    }
    info.algorithms = c.algorithms;
    bool intraEnb = m_rrc && m_rrc->HasCellId(targetCellId);
    SecurityBytes bytes = info.Encode();
    m_securityMessageTrace(intraEnb ? "intra-eNB" : "X2",
                           "HANDOVER REQUEST",
                           imsi,
                           intraEnb ? 0 : AsSecurityInformation::IE_HEADER_SIZE + bytes.size());
    return bytes;
}

bool
LteSecEnbRrc::SelectForHandover(UeEntry& ue, const AsAlgorithms& source)
{
    EnbUeSecurityContext& c = ue.ctx;
    AsAlgorithms selected;
    auto forced = m_forced.find(ue.imsi);
    if (forced != m_forced.end())
    {
        // an intra-cell handover to change algorithms (capability check at path switch)
        selected = forced->second;
        m_forced.erase(forced);
    }
    else
    {
        if (!SelectAlgorithms(c.ueCapabilities, selected))
        {
            return false;
        }
        // keep the source's algorithms when this eNB allows them and the UE supports them
        if (Allows(source.ciphering) && c.ueCapabilities.Supports(source.ciphering))
        {
            selected.ciphering = source.ciphering;
        }
        if (Allows(source.integrity) && c.ueCapabilities.Supports(source.integrity))
        {
            selected.integrity = source.integrity;
        }
    }
    ue.algorithmsChanged = !(selected == source);
    c.algorithms = selected;
    return true;
}

bool
LteSecEnbRrc::AdmitHandover(uint16_t rnti,
                            uint64_t imsi,
                            uint16_t sourceCellId,
                            uint16_t targetCellId,
                            const SecurityBytes& bytes)
{
    NS_LOG_FUNCTION(this << rnti << imsi << sourceCellId << targetCellId);
    AsSecurityInformation info;
    std::string error;
    if (!info.Decode(bytes, error))
    {
        NS_LOG_WARN("cell " << targetCellId << ": handover of IMSI " << imsi << " from cell "
                            << sourceCellId << " rejected: " << error);
        m_handoverRejectedTrace(imsi, sourceCellId, error);
        m_ues.erase(rnti);
        return false;
    }
    return Admit(rnti,
                 imsi,
                 sourceCellId,
                 targetCellId,
                 HandoverKey{true, info.kenb, info.ncc},
                 false,
                 info.ueCapabilities,
                 &info.algorithms);
}

bool
LteSecEnbRrc::Admit(uint16_t rnti,
                    uint64_t imsi,
                    uint16_t sourceCellId,
                    uint16_t targetCellId,
                    const HandoverKey& received,
                    bool s1,
                    const UeSecurityCapabilities& caps,
                    const AsAlgorithms* source)
{
    UeEntry& ue = m_ues[rnti];
    ue.imsi = imsi;
    ue.cellId = targetCellId;
    EnbUeSecurityContext& c = ue.ctx;
    m_scheme->TargetAdmit(c, received, s1, targetCellId);
    if (m_tamperReceivedKenb)
    {
        c.kenb.Data()[0] ^= 0x01;
    }
    c.ueCapabilities = caps;
    AsAlgorithms selected;
    bool ok = source != nullptr
                  ? SelectForHandover(ue, *source)
                  : SelectAlgorithms(caps, selected) && SelectForHandover(ue, selected);
    if (!ok)
    {
        NS_LOG_WARN("cell " << targetCellId << ": no common algorithm with IMSI " << imsi);
        m_handoverRejectedTrace(imsi, sourceCellId, "no algorithm in common with the UE");
        m_ues.erase(rnti);
        return false;
    }
    if (source == nullptr)
    {
        // S1: the target does not know the source's algorithms and always announces its own
        ue.algorithmsChanged = true;
    }
    c.cRnti = rnti;
    ue.nonce.clear();
    ue.nasContainer.clear();
    if (m_refreshNonce)
    {
        for (int i = 0; i < 16; ++i)
        {
            ue.nonce.push_back(static_cast<uint8_t>(m_nonceRng->GetInteger(0, 255)));
        }
    }
    c.keys = m_scheme->DeriveAsKeys(c.kenb, c.algorithms, rnti, ue.nonce);
    ue.phase = Phase::HANDOVER_ADMITTED;
    ue.idealDlCount = 0;
    ue.idealUlNext = 0;
    ActivatePdcps(rnti);
    TraceKeys(ue);
    bool intraEnb = !s1 && m_rrc && m_rrc->HasCellId(sourceCellId);
    m_handoverKeyTrace(imsi,
                       targetCellId,
                       rnti,
                       m_scheme->GetName(),
                       c.ncc,
                       s1 ? "S1" : (intraEnb ? "intra-eNB" : "X2"));
    return true;
}

bool
LteSecEnbRrc::VerifyIdealComplete(UeEntry& ue,
                                  const LteRrcSap::RrcConnectionReconfigurationCompleted& msg) const
{
    if (!msg.haveIdealMacI || msg.idealCount < ue.idealUlNext)
    {
        return false; // no MAC-I, or a replayed COUNT
    }
    const EnbUeSecurityContext& c = ue.ctx;
    return IdealMacI(c.algorithms.integrity,
                     c.keys.rrcInt,
                     msg.idealCount,
                     Direction::UPLINK,
                     msg) == msg.idealMacI;
}

bool
LteSecEnbRrc::RecvRrcConnectionReconfigurationCompleted(
    uint16_t rnti,
    const LteRrcSap::RrcConnectionReconfigurationCompleted& msg,
    bool handover)
{
    auto it = m_ues.find(rnti);
    if (it == m_ues.end() || it->second.phase == Phase::NO_SECURITY ||
        it->second.phase == Phase::SMC_PENDING)
    {
        return true; // before security: nothing to check
    }
    UeEntry& ue = it->second;
    // With real RRC the message came through SRB1's LteSecPdcp, which verified its MAC-I (and
    // drops what fails); ideal RRC carries the MAC-I in the message.
    if (m_idealRrc)
    {
        if (!VerifyIdealComplete(ue, msg))
        {
            NS_LOG_INFO("cell " << ue.cellId << " IMSI " << ue.imsi << ": "
                                << (handover ? "handover confirm" : "reconfiguration complete")
                                << " fails integrity, ignored");
            m_integrityFailureTrace(ue.imsi, rnti, 1, msg.idealCount);
            return false;
        }
        ue.idealUlNext = msg.idealCount + 1;
    }
    if (ue.phase == Phase::SMC_SENT)
    {
        ue.phase = Phase::ACTIVE; // the UE took the security mode command
    }
    return true;
}

void
LteSecEnbRrc::StartIntraCellHandover(uint16_t rnti, uint64_t imsi, uint32_t attempt)
{
    auto it = m_ues.find(rnti);
    if (!m_rrc || it == m_ues.end() || it->second.imsi != imsi || !m_rrc->HasUeManager(rnti))
    {
        m_forced.erase(imsi); // the UE left meanwhile
        return;
    }
    if (m_rrc->GetUeManager(rnti)->GetState() != UeManager::CONNECTED_NORMALLY)
    {
        // the reconfiguration that follows a handover is still running: try again shortly
        if (attempt < 100)
        {
            Simulator::Schedule(MilliSeconds(10),
                                &LteSecEnbRrc::StartIntraCellHandover,
                                this,
                                rnti,
                                imsi,
                                attempt + 1);
        }
        else
        {
            NS_LOG_WARN("IMSI " << imsi << ": intra-cell handover to change algorithms not "
                                << "possible, the UE never settled");
            m_forced.erase(imsi);
        }
        return;
    }
    m_rrc->SendHandoverRequest(rnti, it->second.cellId);
}

void
LteSecEnbRrc::ReleasePdcp(uint16_t rnti, uint8_t lcid)
{
    auto it = m_ues.find(rnti);
    if (it != m_ues.end())
    {
        it->second.pdcps.erase(lcid);
    }
}

std::vector<uint8_t>
LteSecEnbRrc::GetPdcpLcids(uint16_t rnti) const
{
    std::vector<uint8_t> lcids;
    auto it = m_ues.find(rnti);
    if (it != m_ues.end())
    {
        for (const auto& p : it->second.pdcps)
        {
            lcids.push_back(p.first);
        }
    }
    return lcids;
}

void
LteSecEnbRrc::RemoveUe(uint16_t rnti)
{
    m_ues.erase(rnti);
}

} // namespace ns3
