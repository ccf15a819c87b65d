/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-mme.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/string.h"

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
                          MakeStringChecker());
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
    NS_LOG_INFO("IMSI " << imsi << " UL NAS COUNT " << ctx.nas.ulNasCount << " KeNB fp "
                        << kenb.Fingerprint());
    ctx.nas.ulNasCount++;
    caps = ctx.ueCapabilities;
    return kenb;
}

} // namespace ns3
