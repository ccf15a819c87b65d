/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-scheme.h"

#include "ns3/abort.h"
#include "ns3/enum.h"
#include "ns3/object-factory.h"

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(LteSecScheme);

using namespace ltesec;

namespace
{

std::map<std::string, TypeId>&
Registry()
{
    static std::map<std::string, TypeId> registry;
    return registry;
}

} // namespace

TypeId
LteSecScheme::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LteSecScheme").SetParent<Object>().SetGroupName("LteSecurity");
    return tid;
}

LteSecScheme::~LteSecScheme() = default;

AsKeys
LteSecScheme::DeriveAsKeys(const Kenb& kenb,
                           const AsAlgorithms& algs,
                           uint16_t cRnti,
                           const std::vector<uint8_t>&) const
{
    return ltesec::DeriveAsKeys(AsKeyScheme::TS33401, kenb, algs, cRnti);
}

Ptr<const AttributeChecker>
ltesec::MakeReestablishmentKeysChecker()
{
    return MakeEnumChecker(static_cast<int>(ReestablishmentKeys::REUSE),
                           "reuse",
                           static_cast<int>(ReestablishmentKeys::REFRESH),
                           "refresh");
}

Kenb
LteSecScheme::ReestablishmentKenb(const EnbUeSecurityContext& ctx, const CellInfo&) const
{
    return ctx.kenb;
}

bool
LteSecScheme::ReestablishmentRefreshes() const
{
    return false;
}

bool
LteSecScheme::SourceS1KeyOptional() const
{
    return false;
}

int64_t
LteSecScheme::AssignStreams(int64_t)
{
    return 0;
}

bool
LteSecScheme::PreparesThroughMme() const
{
    return false;
}

void
LteSecScheme::FillCommand(const EnbUeSecurityContext& ctx, LteRrcSap::SecurityConfigHo& sc) const
{
    sc.keyChangeIndicator = false;
    sc.nextHopChainingCount = ctx.ncc & 0x07;
}

void
LteSecScheme::AddCell(uint16_t cellId, const CellInfo& info)
{
    NS_ABORT_MSG_IF(info.pci > MAX_PCI, "cell " << cellId << ": PCI " << info.pci << " above 503");
    NS_ABORT_MSG_IF(info.earfcnDl > MAX_EARFCN,
                    "cell " << cellId << ": EARFCN-DL " << info.earfcnDl << " above 262143");
    m_cells[cellId] = info;
}

CellInfo
LteSecScheme::GetCell(uint16_t cellId) const
{
    auto it = m_cells.find(cellId);
    NS_ABORT_MSG_IF(it == m_cells.end(),
                    "scheme " << GetName() << ": cell " << cellId
                              << " is unknown (install LteSecurityHelper on its eNB)");
    return it->second;
}

bool
LteSecScheme::Register(const std::string& name, TypeId tid)
{
    return Registry().emplace(name, tid).second;
}

std::string
LteSecScheme::Names()
{
    std::string names;
    for (const auto& entry : Registry())
    {
        names += (names.empty() ? "" : ",") + entry.first;
    }
    return names;
}

Ptr<LteSecScheme>
LteSecScheme::Create(const std::string& name, const std::string& what)
{
    auto it = Registry().find(name);
    NS_ABORT_MSG_IF(it == Registry().end(),
                    what << ": unknown key-handling scheme \"" << name << "\" (known: " << Names()
                         << ")");
    ObjectFactory factory;
    factory.SetTypeId(it->second);
    return factory.Create<LteSecScheme>();
}

} // namespace ns3
