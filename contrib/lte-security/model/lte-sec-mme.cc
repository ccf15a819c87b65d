/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-mme.h"

#include "lte-sec-wire.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/string.h"

#include <cstring>

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
            .AddTraceSource("SecurityMessage",
                            "The security IEs of an S1AP message the MME sends: interface, "
                            "message, IMSI, their bytes",
                            MakeTraceSourceAccessor(&LteSecMme::m_securityMessageTrace),
                            "ns3::LteSecMme::SecurityMessageTracedCallback");
    return tid;
}

LteSecMme::LteSecMme() = default;

LteSecMme::~LteSecMme() = default;

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
    stored.capabilities = PathSwitch(imsi, received.capabilities);
    ueSecurityCapabilities = ToSecurityBytes(stored.EncodeValue());
    const MmeUeSecurityContext& ctx = GetContext(imsi);
    S1apSecurityContext context;
    context.ncc = ctx.ncc;
    context.nh = ctx.nh;
    securityContext = ToSecurityBytes(context.EncodeValue());
    m_securityMessageTrace("S1-MME",
                           "PATH SWITCH REQUEST ACKNOWLEDGE",
                           imsi,
                           S1apSecurityContext::IE_SIZE + S1apUeSecurityCapabilities::IE_SIZE);
}

void
LteSecMme::HandoverRequired(uint64_t imsi,
                            uint16_t sourceCellId,
                            uint16_t /* targetCellId */,
                            const SecurityBytes& sourceSecurityContext,
                            SecurityBytes& securityContext,
                            SecurityBytes& ueSecurityCapabilities)
{
    MmeUeSecurityContext& ctx = GetContext(imsi);
    // the seed scheme: the target gets KeNB unchanged, from the source if it sent it
    S1apSecurityContext context;
    context.ncc = 0;
    std::memcpy(context.nh.Data(), ctx.kenb.Data(), Kenb::SIZE);
    if (!sourceSecurityContext.empty())
    {
        S1apSecurityContext fromSource;
        std::string error;
        if (fromSource.DecodeValue(
                std::vector<uint8_t>(sourceSecurityContext.begin(), sourceSecurityContext.end()),
                error))
        {
            context = fromSource;
        }
        else
        {
            NS_LOG_WARN("IMSI " << imsi << ": HANDOVER REQUIRED from cell " << sourceCellId << ": "
                                << error << "; the MME's KeNB is sent");
        }
    }
    securityContext = ToSecurityBytes(context.EncodeValue());
    S1apUeSecurityCapabilities caps;
    caps.capabilities = ctx.ueCapabilities;
    ueSecurityCapabilities = ToSecurityBytes(caps.EncodeValue());
    m_securityMessageTrace("S1-MME",
                           "HANDOVER REQUEST",
                           imsi,
                           S1apSecurityContext::IE_SIZE + S1apUeSecurityCapabilities::IE_SIZE);
}

} // namespace ns3
