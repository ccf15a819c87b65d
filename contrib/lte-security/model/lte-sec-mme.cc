/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-mme.h"

#include "lte-sec-s10.h"
#include "lte-sec-wire.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/string.h"

#include <algorithm>
#include <cstring>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LteSecMme");

NS_OBJECT_ENSURE_REGISTERED(LteSecMme);

using namespace ltesec;

TypeId
LteSecMme::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LteSecMme")
            .SetParent<Object>()
            .SetGroupName("LteSecurity")
            .AddConstructor<LteSecMme>()
            .AddAttribute("KasmeMasterKey",
                          "256-bit key (64 hex digits) from which the KASME of every IMSI that "
                          "was not provisioned is derived. A simulation parameter, not a protocol "
                          "key: reading the attribute gives the hex back (lowercase), so that it "
                          "can be copied to another MME.",
                          StringValue("000102030405060708090a0b0c0d0e0f"
                                      "101112131415161718191a1b1c1d1e1f"),
                          MakeStringAccessor(&LteSecMme::SetMasterKey, &LteSecMme::GetMasterKeyHex),
                          MakeStringChecker())
            .AddAttribute(
                "NasEeaPriority",
                "NAS ciphering algorithms of this MME, by priority: at the first "
                "attach (whose NAS security mode command is not modelled) and when a "
                "UE arrives by inter-MME handover, the first one the UE supports",
                StringValue("eea2,eea1,eea3,eea0"),
                MakeStringAccessor(&LteSecMme::SetNasEeaPriority, &LteSecMme::GetNasEeaPriority),
                MakeStringChecker())
            .AddAttribute(
                "NasEiaPriority",
                "NAS integrity algorithms of this MME, by priority (see NasEeaPriority)",
                StringValue("eia2,eia1,eia3"),
                MakeStringAccessor(&LteSecMme::SetNasEiaPriority, &LteSecMme::GetNasEiaPriority),
                MakeStringChecker())
            .AddAttribute("TamperNasMac",
                          "For validation: flip one bit of the NAS-MAC of every NAS container "
                          "this MME builds (the UE must reject the handover command)",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LteSecMme::m_tamperNasMac),
                          MakeBooleanChecker())
            .AddAttribute("ReplayDlNasCount",
                          "For validation: protect the NAS container with the downlink NAS COUNT "
                          "used last, as a replayed command would (the UE must reject it)",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LteSecMme::m_replayDlNasCount),
                          MakeBooleanChecker())
            .AddAttribute(
                "NasAlgorithmChange",
                "How a UE arriving by inter-MME handover gets this MME's NAS algorithms: "
                "ts33401 (in the handover command's NAS part; the NAS COUNTs continue), "
                "smc-reset (a NAS security mode command after the handover that resets the "
                "NAS COUNTs: the variant S3-070553 shows open to replay), smc-keep (one that "
                "keeps them: countermeasure 1), smc-refresh (one with a NonceMME that "
                "refreshes the NAS keys: countermeasure 2). The smc-* values need NAS "
                "messages (LteSecurityHelper::NasMessages).",
                EnumValue(static_cast<int>(NasAlgorithmChange::TS33401)),
                MakeEnumAccessor(&LteSecMme::SetNasAlgorithmChangeValue,
                                 &LteSecMme::GetNasAlgorithmChangeValue),
                MakeEnumChecker(static_cast<int>(NasAlgorithmChange::TS33401),
                                "ts33401",
                                static_cast<int>(NasAlgorithmChange::SMC_RESET),
                                "smc-reset",
                                static_cast<int>(NasAlgorithmChange::SMC_KEEP),
                                "smc-keep",
                                static_cast<int>(NasAlgorithmChange::SMC_REFRESH),
                                "smc-refresh"))
            .AddTraceSource("NasAlgorithmsChanged",
                            "A UE arriving by inter-MME handover gets other NAS algorithms: "
                            "IMSI, the source MME's, this MME's (\"eea2/eia2\")",
                            MakeTraceSourceAccessor(&LteSecMme::m_nasAlgorithmsChangedTrace),
                            "ns3::LteSecMme::NasAlgorithmsChangedTracedCallback")
            .AddTraceSource("SecurityMessage",
                            "The security IEs of an S1AP message the MME sends: interface, "
                            "message, IMSI, their bytes",
                            MakeTraceSourceAccessor(&LteSecMme::m_securityMessageTrace),
                            "ns3::LteSecMme::SecurityMessageTracedCallback");
    return tid;
}

LteSecMme::LteSecMme()
    : m_scheme(LteSecScheme::Create("seed", "LteSecMme"))
{
}

LteSecMme::~LteSecMme() = default;

void
LteSecMme::DoDispose()
{
    m_scheme = nullptr;
    Object::DoDispose();
}

void
LteSecMme::SetScheme(Ptr<LteSecScheme> scheme)
{
    m_scheme = scheme;
}

Ptr<LteSecScheme>
LteSecMme::GetScheme() const
{
    NS_ABORT_MSG_IF(!m_scheme, "LteSecMme has no key-handling scheme (LteSecurityHelper sets it)");
    return m_scheme;
}

void
LteSecMme::SetMasterKey(std::string hex)
{
    try
    {
        m_masterKey = Key256::FromHex(hex, "ns3::LteSecMme::KasmeMasterKey");
    }
    catch (const std::invalid_argument& e)
    {
        NS_FATAL_ERROR(e.what());
    }
}

std::string
LteSecMme::GetMasterKeyHex() const
{
    // a simulation parameter, not a protocol key: the value itself, so that Get/Set round-trip
    return m_masterKey.RevealHex();
}

void
LteSecMme::ProvisionKasme(uint64_t imsi, const Kasme& kasme)
{
    m_provisioned[imsi] = kasme;
    auto it = m_contexts.find(imsi);
    if (it != m_contexts.end())
    {
        it->second.nas.kasme = kasme; // the next KeNB comes from the new KASME
    }
}

void
LteSecMme::SetNasEeaPriority(std::string list)
{
    m_nasEeaPriority = ParseEeaList(list, "ns3::LteSecMme::NasEeaPriority");
}

std::string
LteSecMme::GetNasEeaPriority() const
{
    return ToString(m_nasEeaPriority);
}

void
LteSecMme::SetNasEiaPriority(std::string list)
{
    m_nasEiaPriority = ParseEiaList(list, "ns3::LteSecMme::NasEiaPriority");
}

std::string
LteSecMme::GetNasEiaPriority() const
{
    return ToString(m_nasEiaPriority);
}

bool
LteSecMme::SelectNasAlgorithms(const UeSecurityCapabilities& caps, Eea& eea, Eia& eia) const
{
    auto e = std::find_if(m_nasEeaPriority.begin(), m_nasEeaPriority.end(), [&](Eea a) {
        return caps.Supports(a);
    });
    auto i = std::find_if(m_nasEiaPriority.begin(), m_nasEiaPriority.end(), [&](Eia a) {
        return caps.Supports(a);
    });
    if (e == m_nasEeaPriority.end() || i == m_nasEiaPriority.end())
    {
        return false;
    }
    eea = *e;
    eia = *i;
    return true;
}

Kasme
LteSecMme::GetKasme(uint64_t imsi) const
{
    auto it = m_provisioned.find(imsi);
    if (it != m_provisioned.end())
    {
        return it->second;
    }
    KdfInput s(FC_MODEL_KASME_PROVISIONING);
    s.AddUint(imsi, 8);
    return Kasme::From(Kdf(m_masterKey.Data(), Key256::SIZE, s));
}

void
LteSecMme::RegisterUe(uint64_t imsi, const UeSecurityCapabilities& caps)
{
    MmeUeSecurityContext& ctx = GetContext(imsi);
    ctx.ueCapabilities = caps;
}

MmeUeSecurityContext&
LteSecMme::GetContext(uint64_t imsi)
{
    auto it = m_contexts.find(imsi);
    if (it == m_contexts.end())
    {
        MmeUeSecurityContext& ctx = m_contexts[imsi];
        ctx.imsi = imsi;
        ctx.nas.kasme = GetKasme(imsi);
        return ctx;
    }
    return it->second;
}

UeSecurityCapabilities
LteSecMme::PathSwitch(uint64_t imsi, const UeSecurityCapabilities& received, HandoverKey& key)
{
    UeSecurityCapabilities stored = PathSwitch(imsi, received);
    key = GetScheme()->MmePathSwitch(GetContext(imsi));
    return stored;
}

UeSecurityCapabilities
LteSecMme::PathSwitch(uint64_t imsi, const UeSecurityCapabilities& received)
{
    const MmeUeSecurityContext& ctx = GetContext(imsi);
    if (!(ctx.ueCapabilities == received))
    {
        NS_LOG_INFO("IMSI " << imsi << ": path switch with capabilities " << received.EeaList()
                            << "/" << received.EiaList() << ", the MME holds "
                            << ctx.ueCapabilities.EeaList() << "/" << ctx.ueCapabilities.EiaList());
    }
    return ctx.ueCapabilities;
}

Kenb
LteSecMme::InitialContextSetup(uint64_t imsi, UeSecurityCapabilities& caps)
{
    NS_ABORT_MSG_IF(m_contexts.find(imsi) == m_contexts.end(),
                    "LteSecMme: IMSI " << imsi
                                       << " has no security model: install LteSecurityHelper on "
                                          "every UE that attaches to an eNB with security");
    MmeUeSecurityContext& ctx = GetContext(imsi);
    Kenb kenb = ctx.DeriveInitialKenb();
    ctx.kenb = kenb;
    if (!m_nasSelected[imsi])
    {
        // the NAS security mode command of the first attach (not modelled as messages)
        m_nasSelected[imsi] =
            SelectNasAlgorithms(ctx.ueCapabilities, ctx.nas.nasEea, ctx.nas.nasEia);
        ctx.nas.DeriveNasKeys();
    }
    NS_LOG_INFO("IMSI " << imsi << " UL NAS COUNT " << ctx.nas.ulNasCount << " KeNB fp "
                        << kenb.Fingerprint());
    ctx.nas.ulNasCount++;
    caps = ctx.ueCapabilities;
    return kenb;
}

namespace
{

SecurityBytes
ToSecurityBytes(const std::vector<uint8_t>& bytes)
{
    return SecurityBytes(bytes.begin(), bytes.end());
}

/// bytes of the Security Key IE (TS 36.413 9.2.1.41): IE header and the 256-bit value
constexpr uint32_t S1AP_SECURITY_KEY_IE_SIZE = 4 + 32;

} // namespace

void
LteSecMme::InitialContextSetup(uint64_t imsi,
                               SecurityBytes& ueSecurityCapabilities,
                               SecurityBytes& securityKey)
{
    if (m_contexts.find(imsi) == m_contexts.end())
    {
        return; // a UE without security: the IEs keep their defaults (no algorithm, zero key)
    }
    S1apUeSecurityCapabilities caps;
    Kenb kenb = InitialContextSetup(imsi, caps.capabilities);
    ueSecurityCapabilities = ToSecurityBytes(caps.EncodeValue());
    securityKey.assign(kenb.Data(), kenb.Data() + Kenb::SIZE);
    m_securityMessageTrace("S1-MME",
                           "INITIAL CONTEXT SETUP REQUEST",
                           imsi,
                           S1apUeSecurityCapabilities::IE_SIZE + S1AP_SECURITY_KEY_IE_SIZE);
}

void
LteSecMme::PathSwitch(uint64_t imsi,
                      uint16_t cellId,
                      const SecurityBytes& receivedCapabilities,
                      SecurityBytes& securityContext,
                      SecurityBytes& ueSecurityCapabilities)
{
    S1apUeSecurityCapabilities received;
    std::string error;
    if (!received.DecodeValue(
            std::vector<uint8_t>(receivedCapabilities.begin(), receivedCapabilities.end()),
            error))
    {
        NS_LOG_WARN("IMSI " << imsi << ": PATH SWITCH REQUEST from cell " << cellId << ": "
                            << error);
    }
    S1apUeSecurityCapabilities stored;
    HandoverKey key;
    stored.capabilities = PathSwitch(imsi, received.capabilities, key);
    ueSecurityCapabilities = ToSecurityBytes(stored.EncodeValue());
    S1apSecurityContext context;
    context.ncc = key.ncc;
    context.nh = Nh::From(key.key);
    securityContext = ToSecurityBytes(context.EncodeValue());
    m_securityMessageTrace("S1-MME",
                           "PATH SWITCH REQUEST ACKNOWLEDGE",
                           imsi,
                           S1apSecurityContext::IE_SIZE + S1apUeSecurityCapabilities::IE_SIZE);
}

void
LteSecMme::HandoverRequired(uint64_t imsi,
                            uint16_t sourceCellId,
                            uint16_t targetCellId,
                            const SecurityBytes& sourceSecurityContext,
                            SecurityBytes& securityContext,
                            SecurityBytes& ueSecurityCapabilities,
                            SecurityBytes& nasSecurityParameters)
{
    MmeUeSecurityContext& ctx = GetContext(imsi);
    HandoverKey key = GetScheme()->MmeS1(ctx,
                                         FromSource(imsi, sourceCellId, sourceSecurityContext),
                                         targetCellId);
    securityContext = ToSecurityBytes(EncodeSecurityContext(imsi, ctx, key));
    S1apUeSecurityCapabilities caps;
    caps.capabilities = ctx.ueCapabilities;
    ueSecurityCapabilities = ToSecurityBytes(caps.EncodeValue());
    // alternative 1: the fresh input the key was made with, for the handover command
    S1apNasSecurityParameters nas;
    nas.freshInput = key.fresh;
    nasSecurityParameters = ToSecurityBytes(nas.EncodeValue());
    m_securityMessageTrace("S1-MME",
                           "HANDOVER REQUEST",
                           imsi,
                           S1apSecurityContext::IE_SIZE + S1apUeSecurityCapabilities::IE_SIZE +
                               nas.IeSize());
}

bool
LteSecMme::HasContext(uint64_t imsi) const
{
    return m_contexts.find(imsi) != m_contexts.end();
}

NasAlgorithmChange
LteSecMme::GetNasAlgorithmChange() const
{
    return m_nasAlgorithmChange;
}

void
LteSecMme::SetNasAlgorithmChangeValue(int value)
{
    m_nasAlgorithmChange = static_cast<NasAlgorithmChange>(value);
}

int
LteSecMme::GetNasAlgorithmChangeValue() const
{
    return static_cast<int>(m_nasAlgorithmChange);
}

bool
LteSecMme::TakePendingNasAlgorithms(uint64_t imsi, Eea& eea, Eia& eia)
{
    auto it = m_pendingNasAlgorithms.find(imsi);
    if (it == m_pendingNasAlgorithms.end())
    {
        return false;
    }
    const MmeUeSecurityContext& ctx = GetContext(imsi);
    std::ostringstream from;
    std::ostringstream to;
    from << ctx.nas.nasEea << "/" << ctx.nas.nasEia;
    to << it->second.first << "/" << it->second.second;
    eea = it->second.first;
    eia = it->second.second;
    m_pendingNasAlgorithms.erase(it);
    m_nasAlgorithmsChangedTrace(imsi, from.str(), to.str());
    return true;
}

/// The Security Context a source eNB put in HANDOVER REQUIRED (present = false: none, or one
/// that does not decode)
HandoverKey
LteSecMme::FromSource(uint64_t imsi, uint16_t sourceCellId, const SecurityBytes& fromSource) const
{
    HandoverKey key;
    if (fromSource.empty())
    {
        return key;
    }
    S1apSecurityContext context;
    std::string error;
    if (context.DecodeValue(std::vector<uint8_t>(fromSource.begin(), fromSource.end()), error))
    {
        key.present = true;
        key.key = Kenb::From(context.nh);
        key.ncc = context.ncc;
    }
    else
    {
        NS_LOG_WARN("IMSI " << imsi << ": HANDOVER REQUIRED from cell " << sourceCellId << ": "
                            << error << "; ignored");
    }
    return key;
}

/// The Security Context IE value for \p key; a scheme that has none to give (a source that
/// did not send what the scheme needs) gets the MME's KeNB, with which the handover will fail.
std::vector<uint8_t>
LteSecMme::EncodeSecurityContext(uint64_t imsi,
                                 const MmeUeSecurityContext& ctx,
                                 const HandoverKey& key) const
{
    S1apSecurityContext context;
    if (key.present)
    {
        context.ncc = key.ncc & 0x07;
        context.nh = Nh::From(key.key);
    }
    else
    {
        NS_LOG_WARN("IMSI " << imsi << ": scheme " << GetScheme()->GetName()
                            << " has no key for the target; the MME's KeNB is sent");
        context.nh = Nh::From(ctx.kenb);
    }
    return context.EncodeValue();
}

void
LteSecMme::PrepareForwardRelocation(uint64_t imsi,
                                    uint16_t sourceCellId,
                                    uint16_t targetCellId,
                                    const SecurityBytes& sourceSecurityContext,
                                    SecurityBytes& mmContext,
                                    std::vector<SecurityBytes>& privateExtensions)
{
    NS_LOG_FUNCTION(this << imsi << sourceCellId << targetCellId);
    if (!HasContext(imsi))
    {
        return; // a UE without security: the default MM Context
    }
    MmeUeSecurityContext& ctx = GetContext(imsi);
    HandoverKey forwarded =
        GetScheme()->MmeS10Source(ctx,
                                  FromSource(imsi, sourceCellId, sourceSecurityContext),
                                  targetCellId);
    // the NAS security context, as TS 29.274 8.38 carries it (the NAS keys follow from KASME)
    S10MmContext mm;
    mm.ksi = ctx.nas.ksiAsme;
    mm.nasEea = ctx.nas.nasEea;
    mm.nasEia = ctx.nas.nasEia;
    mm.dlNasCount = ctx.nas.dlNasCount;
    mm.ulNasCount = ctx.nas.ulNasCount;
    mm.kasme = ctx.nas.kasme;
    mm.nh = ctx.nh;
    mm.ncc = ctx.ncc;
    mm.ueCapabilities = ctx.ueCapabilities;
    std::vector<uint8_t> ie = mm.Encode();
    mmContext.assign(ie.begin(), ie.end());
    uint32_t securityBytes = S10MmContext::IE_SIZE;
    if (GetScheme()->S10CarriesKenb())
    {
        // what the design adds: KeNB, in a Private Extension
        S10KenbExtension ext;
        ext.kenb = forwarded.present ? forwarded.key : ctx.kenb;
        std::vector<uint8_t> extIe = ext.Encode();
        privateExtensions.emplace_back(extIe.begin(), extIe.end());
        securityBytes += S10KenbExtension::IE_SIZE;
    }
    m_securityMessageTrace("S10", "Forward Relocation Request", imsi, securityBytes);
}

bool
LteSecMme::ForwardRelocation(uint64_t imsi,
                             uint16_t targetCellId,
                             const SecurityBytes& mmContext,
                             const std::vector<SecurityBytes>& privateExtensions,
                             SecurityBytes& securityContext,
                             SecurityBytes& ueSecurityCapabilities,
                             SecurityBytes& nasSecurityParameters)
{
    NS_LOG_FUNCTION(this << imsi << targetCellId);
    S10MmContext mm;
    std::string error;
    if (!mm.Decode(std::vector<uint8_t>(mmContext.begin(), mmContext.end()), error))
    {
        NS_LOG_WARN("IMSI " << imsi << ": Forward Relocation Request refused: " << error);
        return false;
    }
    S10KenbExtension ext;
    bool haveKenb = false;
    for (const auto& ie : privateExtensions)
    {
        std::string extError;
        if (ext.Decode(std::vector<uint8_t>(ie.begin(), ie.end()), extError))
        {
            haveKenb = true;
            break;
        }
    }
    if (!haveKenb && GetScheme()->S10CarriesKenb())
    {
        NS_LOG_WARN("IMSI " << imsi << ": Forward Relocation Request without KeNB: refused");
        return false;
    }
    // the NAS security context continues at this MME: same KASME, KSI, algorithms and COUNTs
    MmeUeSecurityContext& ctx = GetContext(imsi);
    ctx.nas.kasme = mm.kasme;
    ctx.nas.ksiAsme = mm.ksi;
    ctx.nas.nasEea = mm.nasEea;
    ctx.nas.nasEia = mm.nasEia;
    ctx.nas.dlNasCount = mm.dlNasCount;
    ctx.nas.ulNasCount = mm.ulNasCount;
    ctx.nas.DeriveNasKeys();
    ctx.nh = mm.nh;
    ctx.ncc = mm.ncc;
    ctx.ueCapabilities = mm.ueCapabilities;
    if (haveKenb)
    {
        ctx.kenb = ext.kenb;
    }
    m_nasSelected[imsi] = true;
    // this MME's NAS algorithms (the UE's capabilities in the MM Context); new ones take new NAS
    // keys from the same KASME, announced with a NAS-MAC in the handover command (the design)
    Eea eea = ctx.nas.nasEea;
    Eia eia = ctx.nas.nasEia;
    if (!SelectNasAlgorithms(ctx.ueCapabilities, eea, eia))
    {
        NS_LOG_WARN("IMSI " << imsi << ": no NAS algorithm in common: relocation refused");
        return false;
    }
    m_pendingNasAlgorithms.erase(imsi);
    if ((eea != ctx.nas.nasEea || eia != ctx.nas.nasEia) &&
        m_nasAlgorithmChange != NasAlgorithmChange::TS33401)
    {
        // left to a NAS security mode command after the handover (LteSecMmeNas)
        m_pendingNasAlgorithms[imsi] = {eea, eia};
        eea = ctx.nas.nasEea;
        eia = ctx.nas.nasEia;
    }
    else if (eea != ctx.nas.nasEea || eia != ctx.nas.nasEia)
    {
        std::ostringstream from;
        std::ostringstream to;
        from << ctx.nas.nasEea << "/" << ctx.nas.nasEia;
        to << eea << "/" << eia;
        ctx.nas.nasEea = eea;
        ctx.nas.nasEia = eia;
        ctx.nas.DeriveNasKeys();
        m_nasAlgorithmsChangedTrace(imsi, from.str(), to.str());
    }
    NasTransparentContainer nasContainer;
    nasContainer.eea = eea;
    nasContainer.eia = eia;
    nasContainer.ksi = ctx.nas.ksiAsme;
    uint32_t dlCount = ctx.nas.dlNasCount;
    if (m_replayDlNasCount && dlCount > 0)
    {
        dlCount--;
    }
    else
    {
        ctx.nas.dlNasCount++; // the handover command's NAS part uses one downlink NAS COUNT
    }
    nasContainer.Protect(ctx.nas.kasme, dlCount);
    if (m_tamperNasMac)
    {
        nasContainer.nasMac ^= 1;
    }
    HandoverKey extension;
    extension.present = haveKenb;
    extension.key = ext.kenb;
    HandoverKey key = GetScheme()->MmeS10Target(ctx, extension, targetCellId);
    S1apNasSecurityParameters nas;
    nas.nasContainer = nasContainer.Encode();
    nas.freshInput = key.fresh; // alternative 1
    std::vector<uint8_t> nasBytes = nas.EncodeValue();
    nasSecurityParameters.assign(nasBytes.begin(), nasBytes.end());
    std::vector<uint8_t> value = EncodeSecurityContext(imsi, ctx, key);
    securityContext.assign(value.begin(), value.end());
    S1apUeSecurityCapabilities caps;
    caps.capabilities = mm.ueCapabilities;
    value = caps.EncodeValue();
    ueSecurityCapabilities.assign(value.begin(), value.end());
    m_securityMessageTrace("S1-MME",
                           "HANDOVER REQUEST",
                           imsi,
                           S1apSecurityContext::IE_SIZE + S1apUeSecurityCapabilities::IE_SIZE +
                               nas.IeSize());
    return true;
}

} // namespace ns3
