/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-security-helper.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/component-carrier-enb.h"
#include "ns3/enum.h"
#include "ns3/epc-enb-application.h"
#include "ns3/epc-mme-application.h"
#include "ns3/epc-ue-nas.h"
#include "ns3/log.h"
#include "ns3/lte-enb-net-device.h"
#include "ns3/lte-enb-rrc.h"
#include "ns3/lte-ue-net-device.h"
#include "ns3/lte-ue-rrc.h"
#include "ns3/node-list.h"
#include "ns3/string.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LteSecurityHelper");

NS_OBJECT_ENSURE_REGISTERED(LteSecurityHelper);

TypeId
LteSecurityHelper::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LteSecurityHelper")
            .SetParent<Object>()
            .SetGroupName("LteSecurity")
            .AddConstructor<LteSecurityHelper>()
            .AddAttribute("KeyLogFile",
                          "If not empty, every derived key is written in hex to this file "
                          "(for debugging; off by default).",
                          StringValue(""),
                          MakeStringAccessor(&LteSecurityHelper::m_keyLogFile),
                          MakeStringChecker())
            .AddAttribute("Scheme",
                          "Key-handling scheme on handover, for the whole scenario: seed (the "
                          "design: KeNB forwarded, keys refreshed with the C-RNTI), ts33401 "
                          "(KeNB* and the NH/NCC chain), alt1 (TR 33.821 alternative 1: the MME "
                          "derives the target's KeNB from KASME and a fresh input; every "
                          "inter-eNB handover goes by S1), alt2 (TR 33.821 alternative 2: the "
                          "source derives the target's KeNB). Set it before installing.",
                          StringValue("seed"),
                          MakeStringAccessor(&LteSecurityHelper::SetScheme,
                                             &LteSecurityHelper::GetSchemeName),
                          MakeStringChecker())
            .AddAttribute("NasMessages",
                          "Model NAS security on NAS messages (LteSecUeNas, LteSecMmeNas): the "
                          "NAS security mode command of the first connection, and a tracking "
                          "area update after every inter-MME handover, over S1-AP NAS transport "
                          "and RRC information transfer. Set it before installing.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&LteSecurityHelper::m_nasMessages),
                          MakeBooleanChecker())
            .AddAttribute(
                "NasAlgorithmChange",
                "What MMEs and UEs do when an inter-MME handover changes the NAS algorithms "
                "(ns3::LteSecMme::NasAlgorithmChange): ts33401, smc-reset (vulnerable to the "
                "replay of S3-070553), smc-keep, smc-refresh. The smc-* values need "
                "NasMessages. Set it before installing.",
                EnumValue(static_cast<int>(ltesec::NasAlgorithmChange::TS33401)),
                MakeEnumAccessor(&LteSecurityHelper::m_nasAlgorithmChange),
                MakeEnumChecker(static_cast<int>(ltesec::NasAlgorithmChange::TS33401),
                                "ts33401",
                                static_cast<int>(ltesec::NasAlgorithmChange::SMC_RESET),
                                "smc-reset",
                                static_cast<int>(ltesec::NasAlgorithmChange::SMC_KEEP),
                                "smc-keep",
                                static_cast<int>(ltesec::NasAlgorithmChange::SMC_REFRESH),
                                "smc-refresh"))
            .AddAttribute("ReestablishmentKeys",
                          "The keys of a connection re-established after a failed handover, at "
                          "eNBs and UEs (ns3::LteSecEnbRrc::ReestablishmentKeys): refresh (KeNB "
                          "unchanged, RRC/UP keys with the new C-RNTI) or reuse (the source's "
                          "keys as they were); ts33401 always takes KeNB*. Set it before "
                          "installing.",
                          EnumValue(static_cast<int>(ltesec::ReestablishmentKeys::REFRESH)),
                          MakeEnumAccessor(&LteSecurityHelper::m_reestablishmentKeys),
                          ltesec::MakeReestablishmentKeysChecker());
    return tid;
}

LteSecurityHelper::LteSecurityHelper()
{
    m_enbFactory.SetTypeId(LteSecEnbRrc::GetTypeId());
    m_ueFactory.SetTypeId(LteSecUeRrc::GetTypeId());
    m_mme = CreateObject<LteSecMme>();
    m_scheme = LteSecScheme::Create("seed", "ns3::LteSecurityHelper::Scheme");
    m_mme->SetScheme(m_scheme);
}

void
LteSecurityHelper::SetScheme(std::string name)
{
    NS_ABORT_MSG_IF(m_installed,
                    "ns3::LteSecurityHelper::Scheme: set it before installing security");
    m_scheme = LteSecScheme::Create(name, "ns3::LteSecurityHelper::Scheme");
    m_mme->SetScheme(m_scheme);
}

std::string
LteSecurityHelper::GetSchemeName() const
{
    return m_scheme->GetName();
}

Ptr<LteSecScheme>
LteSecurityHelper::GetScheme() const
{
    return m_scheme;
}

LteSecurityHelper::~LteSecurityHelper() = default;

void
LteSecurityHelper::DoDispose()
{
    m_mme = nullptr;
    m_mmes.clear();
    m_mmeNas.clear();
    m_scheme = nullptr;
    m_keyLog = nullptr;
    Object::DoDispose();
}

void
LteSecurityHelper::SetEnbAttribute(const std::string& name, const AttributeValue& value)
{
    m_enbFactory.Set(name, value);
}

void
LteSecurityHelper::SetUeAttribute(const std::string& name, const AttributeValue& value)
{
    m_ueFactory.Set(name, value);
}

Ptr<LteSecMme>
LteSecurityHelper::GetMme(uint32_t index) const
{
    if (index == 0)
    {
        return m_mme;
    }
    NS_ABORT_MSG_IF(index > m_mmes.size(),
                    "LteSecurityHelper::GetMme: no MME model " << index
                                                               << " (install the eNBs "
                                                                  "first)");
    return m_mmes[index - 1];
}

uint32_t
LteSecurityHelper::GetNMmes() const
{
    return 1 + m_mmes.size();
}

Ptr<LteSecMmeNas>
LteSecurityHelper::GetMmeNas(uint32_t index) const
{
    return index < m_mmeNas.size() ? m_mmeNas[index] : nullptr;
}

Ptr<LteSecKeyLog>
LteSecurityHelper::GetKeyLog()
{
    if (!m_keyLog && !m_keyLogFile.empty())
    {
        m_keyLog = Create<LteSecKeyLog>(m_keyLogFile);
    }
    return m_keyLog;
}

void
LteSecurityHelper::AttachMmes()
{
    for (uint32_t n = 0; n < NodeList::GetNNodes(); ++n)
    {
        Ptr<Node> node = NodeList::GetNode(n);
        for (uint32_t i = 0; i < node->GetNApplications(); ++i)
        {
            Ptr<EpcMmeApplication> app = DynamicCast<EpcMmeApplication>(node->GetApplication(i));
            if (app && m_attachedMmes.insert(PeekPointer(app)).second)
            {
                // one security model per MME; the first is m_mme, the others share its
                // master key (as MMEs of one network share an HSS)
                Ptr<LteSecMme> model = m_mme;
                if (m_attachedMmes.size() > 1)
                {
                    model = CreateObject<LteSecMme>();
                    StringValue key;
                    m_mme->GetAttribute("KasmeMasterKey", key);
                    model->SetAttribute("KasmeMasterKey", key);
                    model->SetScheme(m_scheme);
                    m_mmes.push_back(model);
                }
                app->SetSecuritySapProvider(PeekPointer(model));
                model->SetAttribute("NasAlgorithmChange", EnumValue(m_nasAlgorithmChange));
                NS_ABORT_MSG_IF(!m_nasMessages &&
                                    m_nasAlgorithmChange !=
                                        static_cast<int>(ltesec::NasAlgorithmChange::TS33401),
                                "ns3::LteSecurityHelper::NasAlgorithmChange: the smc-* values "
                                "need NAS messages (set NasMessages to true)");
                if (m_nasMessages)
                {
                    Ptr<LteSecMmeNas> nas = CreateObject<LteSecMmeNas>();
                    nas->Setup(model, app);
                    m_mmeNas.push_back(nas);
                }
            }
        }
    }
}

void
LteSecurityHelper::InstallEnb(const NetDeviceContainer& enbDevices)
{
    for (auto it = enbDevices.Begin(); it != enbDevices.End(); ++it)
    {
        Ptr<LteEnbNetDevice> dev = DynamicCast<LteEnbNetDevice>(*it);
        NS_ABORT_MSG_IF(!dev, "LteSecurityHelper::InstallEnb: not an LteEnbNetDevice");
        NS_ABORT_MSG_IF(dev->GetObject<LteSecEnbRrc>(),
                        "LteSecurityHelper: security already installed on cell "
                            << dev->GetCellId());
        Ptr<EpcEnbApplication> enbApp;
        Ptr<Node> node = dev->GetNode();
        for (uint32_t i = 0; i < node->GetNApplications() && !enbApp; ++i)
        {
            enbApp = DynamicCast<EpcEnbApplication>(node->GetApplication(i));
        }
        NS_ABORT_MSG_IF(enbApp && !enbApp->HasS1apInterface(),
                        "LteSecurityHelper: the eNB of cell "
                            << dev->GetCellId()
                            << " calls the MME by functions; security IEs travel in S1AP messages: "
                               "set the EPC helper's attribute S1apLink to true before installing "
                               "the eNB devices");
        NS_ABORT_MSG_IF(!enbApp && m_scheme->PreparesThroughMme(),
                        "ns3::LteSecurityHelper::Scheme "
                            << m_scheme->GetName()
                            << ": the MME takes part in every handover, which needs an EPC with "
                               "S1-AP on a link (cell "
                            << dev->GetCellId() << " has no EPC)");
        if (m_scheme->PreparesThroughMme())
        {
            // the MME is not part of X2 preparation: hand over by S1 towards every eNB
            dev->GetRrc()->SetAttribute("ForceS1Handover", BooleanValue(true));
        }
        AttachMmes();
        m_installed = true;
        for (const auto& cc : dev->GetCcMap())
        {
            // ns-3's physical cell identity is the cell id
            m_scheme->AddCell(cc.second->GetCellId(),
                              {cc.second->GetCellId(), cc.second->GetDlEarfcn()});
        }
        Ptr<LteSecEnbRrc> sec = m_enbFactory.Create<LteSecEnbRrc>();
        sec->SetAttribute("ReestablishmentKeys", EnumValue(m_reestablishmentKeys));
        sec->Setup(dev->GetCellId(), m_mme, GetKeyLog(), dev->GetRrc());
        sec->SetScheme(m_scheme);
        dev->GetRrc()->SetAsSecuritySapProvider(PeekPointer(sec));
        dev->AggregateObject(sec);
    }
}

void
LteSecurityHelper::InstallUe(const NetDeviceContainer& ueDevices)
{
    for (auto it = ueDevices.Begin(); it != ueDevices.End(); ++it)
    {
        Ptr<LteUeNetDevice> dev = DynamicCast<LteUeNetDevice>(*it);
        NS_ABORT_MSG_IF(!dev, "LteSecurityHelper::InstallUe: not an LteUeNetDevice");
        NS_ABORT_MSG_IF(dev->GetObject<LteSecUeRrc>(),
                        "LteSecurityHelper: security already installed on IMSI " << dev->GetImsi());
        Ptr<LteSecUeRrc> sec = m_ueFactory.Create<LteSecUeRrc>();
        sec->SetAttribute("ReestablishmentKeys", EnumValue(m_reestablishmentKeys));
        uint64_t imsi = dev->GetImsi();
        m_installed = true;
        sec->Setup(imsi, m_mme->GetKasme(imsi), GetKeyLog(), dev->GetRrc());
        sec->SetScheme(m_scheme);
        m_mme->RegisterUe(imsi, sec->GetCapabilities());
        for (auto& mme : m_mmes)
        {
            mme->RegisterUe(imsi, sec->GetCapabilities()); // the subscriber is known everywhere
        }
        dev->GetRrc()->SetAsSecuritySapProvider(PeekPointer(sec));
        dev->AggregateObject(sec);
        if (m_nasMessages)
        {
            Ptr<LteSecUeNas> nas = CreateObject<LteSecUeNas>();
            nas->SetAttribute("NasAlgorithmChange", EnumValue(m_nasAlgorithmChange));
            nas->Setup(sec, dev->GetNas(), dev->GetRrc());
            dev->AggregateObject(nas);
        }
    }
}

int64_t
LteSecurityHelper::AssignStreams(const NetDeviceContainer& enbDevices, int64_t stream)
{
    int64_t used = 0;
    for (auto it = enbDevices.Begin(); it != enbDevices.End(); ++it)
    {
        if (Ptr<LteSecEnbRrc> sec = (*it)->GetObject<LteSecEnbRrc>())
        {
            used += sec->AssignStreams(stream + used);
        }
    }
    used += m_scheme->AssignStreams(stream + used);
    for (auto& nas : m_mmeNas)
    {
        used += nas->AssignStreams(stream + used);
    }
    return used;
}

void
LteSecurityHelper::Install(const NetDeviceContainer& enbDevices,
                           const NetDeviceContainer& ueDevices)
{
    InstallEnb(enbDevices);
    InstallUe(ueDevices);
}

} // namespace ns3
