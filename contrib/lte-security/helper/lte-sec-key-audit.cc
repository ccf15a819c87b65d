/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-key-audit.h"

#include "ns3/abort.h"
#include "ns3/component-carrier.h"
#include "ns3/lte-enb-net-device.h"
#include "ns3/lte-sec-kdf.h"
#include "ns3/lte-ue-net-device.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_OBJECT_ENSURE_REGISTERED(LteSecKeyAudit);

using namespace ltesec;

/// One key epoch of a UE: the keys from a security mode command or a handover command on.
struct LteSecKeyAudit::Epoch
{
    double time{0};
    uint16_t cell{0};
    CellInfo cellInfo;
    /// "initial", "X2", "intra-eNB", "S1 intra-MME", "S1 inter-MME", "re-establishment"
    std::string path{"initial"};
    Kenb kenb;
    AsKeys keys;
    AsAlgorithms algorithms;
    uint16_t cRnti{0};
    std::vector<uint8_t> nonce;
    std::vector<Kenb> received; ///< key material the target eNB got and holds (KeNB, KeNB*, NH)
    std::vector<Kenb> heldNh;   ///< an NH the eNB held unused when the UE left (path switch)
};

/// What a target eNB held when it admitted the UE, until the UE takes the command.
struct LteSecKeyAudit::Pending
{
    bool handover{false};        ///< the UE's next keys come from a handover command
    bool reestablishment{false}; ///< ... from a re-establishment after a failed handover
    std::string path;
    std::vector<Kenb> received;
};

namespace
{

/// The adversary's computing power: every registered scheme's AS key derivation.
const std::vector<Ptr<LteSecScheme>>&
AllSchemes()
{
    static std::vector<Ptr<LteSecScheme>> schemes;
    if (schemes.empty())
    {
        std::stringstream names(LteSecScheme::Names());
        std::string name;
        while (std::getline(names, name, ','))
        {
            schemes.push_back(LteSecScheme::Create(name, "LteSecKeyAudit"));
        }
    }
    return schemes;
}

/// What an adversary knows: 256-bit keys, and KASME if it saw an MM Context.
struct Knowledge
{
    std::vector<Kenb> keys;
    bool haveKasme{false};
    Kasme kasme;

    void Add(const Kenb& k)
    {
        if (std::find(keys.begin(), keys.end(), k) == keys.end())
        {
            keys.push_back(k);
        }
    }
};

/// \return true if \p target follows from what \p k holds by public derivations towards \p cell:
/// the key itself, KeNB* and alternative 2's key from it; with KASME, NH steps (up to 8) from it
/// and KeNB* from those, and the KeNB of any of the first 64 uplink NAS COUNTs.
bool
Derivable(const Knowledge& k, const Kenb& target, const CellInfo& cell)
{
    auto fromKey = [&](const Kenb& x) {
        return x == target || DeriveKenbStar(x, cell.pci, cell.earfcnDl) == target ||
               DeriveAlt2Kenb(x, cell.pci, cell.earfcnDl) == target;
    };
    for (const Kenb& x : k.keys)
    {
        if (fromKey(x))
        {
            return true;
        }
        if (k.haveKasme)
        {
            Nh nh = DeriveNh(k.kasme, x);
            for (int step = 0; step < 8; ++step)
            {
                if (fromKey(Kenb::From(nh)))
                {
                    return true;
                }
                nh = DeriveNh(k.kasme, nh);
            }
        }
    }
    if (k.haveKasme)
    {
        for (uint32_t count = 0; count < 64; ++count)
        {
            if (DeriveKenb(k.kasme, count) == target)
            {
                return true;
            }
        }
    }
    return false;
}

/// The AS keys of an epoch (\p truth) that follow from \p kenb by any scheme's derivation (nonce if
/// known).
std::vector<std::string>
AsKeysFrom(const Kenb& kenb,
           const AsKeys& truth,
           const AsAlgorithms& algs,
           uint16_t cRnti,
           const std::vector<uint8_t>& nonce)
{
    std::vector<std::string> found;
    for (const auto& scheme : AllSchemes())
    {
        AsKeys k = scheme->DeriveAsKeys(kenb, algs, cRnti, nonce);
        const std::pair<const char*, bool> hits[] = {{"KRRCenc", k.rrcEnc == truth.rrcEnc},
                                                     {"KRRCint", k.rrcInt == truth.rrcInt},
                                                     {"KUPenc", k.upEnc == truth.upEnc}};
        for (const auto& h : hits)
        {
            if (h.second && std::find(found.begin(), found.end(), h.first) == found.end())
            {
                found.push_back(h.first);
            }
        }
    }
    return found;
}

/// Keys of epoch \p e an adversary with \p k computes; KeNB first if it is among them.
std::vector<std::string>
Computed(const Knowledge& k,
         const ltesec::Kenb& kenb,
         const CellInfo& cell,
         const AsKeys& keys,
         const AsAlgorithms& algs,
         uint16_t cRnti,
         const std::vector<uint8_t>& nonce,
         bool knowsNonce)
{
    std::vector<std::string> found;
    std::vector<uint8_t> tryNonce = knowsNonce ? nonce : std::vector<uint8_t>{};
    if (Derivable(k, kenb, cell))
    {
        found.push_back("KeNB");
        for (const auto& n : AsKeysFrom(kenb, keys, algs, cRnti, tryNonce))
        {
            found.push_back(n);
        }
        return found;
    }
    for (const Kenb& x : k.keys) // keys made straight from something it holds
    {
        for (const auto& n : AsKeysFrom(x, keys, algs, cRnti, tryNonce))
        {
            if (std::find(found.begin(), found.end(), n) == found.end())
            {
                found.push_back(n);
            }
        }
    }
    return found;
}

/// What the target eNB of an epoch holds: its KeNB and the key material it received.
template <typename E>
Knowledge
HeldByTarget(const E& e)
{
    Knowledge k;
    k.Add(e.kenb);
    for (const auto& x : e.received)
    {
        k.Add(x);
    }
    return k;
}

/// Counts one case of \p finding, exposed if \p got names a key, and each key in \p counts.
void
Tally(LteSecAuditFinding& finding,
      std::map<std::string, uint32_t>& counts,
      const std::vector<std::string>& got)
{
    finding.cases++;
    finding.exposed += !got.empty();
    for (const auto& n : got)
    {
        counts[n]++;
    }
}

std::string
Join(const std::map<std::string, uint32_t>& counts)
{
    std::ostringstream os;
    std::string sep;
    for (const char* name : {"KeNB", "KRRCenc", "KRRCint", "KUPenc"})
    {
        auto it = counts.find(name);
        if (it != counts.end() && it->second > 0)
        {
            os << sep << name << " " << it->second;
            sep = ", ";
        }
    }
    return os.str();
}

} // namespace

TypeId
LteSecKeyAudit::GetTypeId()
{
    static TypeId tid = TypeId("ns3::LteSecKeyAudit")
                            .SetParent<Object>()
                            .SetGroupName("LteSecurity")
                            .AddConstructor<LteSecKeyAudit>();
    return tid;
}

LteSecKeyAudit::LteSecKeyAudit() = default;

LteSecKeyAudit::~LteSecKeyAudit() = default;

void
LteSecKeyAudit::DoDispose()
{
    m_security = nullptr;
    m_ues.clear();
    m_cellEnb.clear();
    m_epochs.clear();
    m_pending.clear();
    Object::DoDispose();
}

void
LteSecKeyAudit::SetCellMme(uint16_t cellId, uint32_t mme)
{
    m_cellMme[cellId] = mme;
}

void
LteSecKeyAudit::Install(Ptr<LteSecurityHelper> security,
                        const NetDeviceContainer& enbDevices,
                        const NetDeviceContainer& ueDevices)
{
    NS_ABORT_MSG_IF(!security, "LteSecKeyAudit::Install: no security helper");
    m_security = security;
    for (auto it = enbDevices.Begin(); it != enbDevices.End(); ++it)
    {
        Ptr<LteEnbNetDevice> dev = DynamicCast<LteEnbNetDevice>(*it);
        Ptr<LteSecEnbRrc> enb = dev ? dev->GetObject<LteSecEnbRrc>() : nullptr;
        NS_ABORT_MSG_IF(!enb, "LteSecKeyAudit::Install: an eNB device without security");
        for (const auto& cc : dev->GetCcMap())
        {
            m_cellEnb[cc.second->GetCellId()] = enb;
        }
        // a plain pointer: a Ptr bound into the eNB's own trace would keep it alive for ever
        enb->TraceConnectWithoutContext(
            "HandoverKey",
            MakeCallback(&LteSecKeyAudit::EnbHandoverKey, this).Bind(PeekPointer(enb)));
    }
    for (auto it = ueDevices.Begin(); it != ueDevices.End(); ++it)
    {
        Ptr<LteUeNetDevice> dev = DynamicCast<LteUeNetDevice>(*it);
        Ptr<LteSecUeRrc> ue = dev ? dev->GetObject<LteSecUeRrc>() : nullptr;
        NS_ABORT_MSG_IF(!ue, "LteSecKeyAudit::Install: a UE device without security");
        m_ues[dev->GetImsi()] = ue;
        ue->TraceConnectWithoutContext("KeyDerivation", MakeCallback(&LteSecKeyAudit::UeKey, this));
        ue->TraceConnectWithoutContext("NhSync", MakeCallback(&LteSecKeyAudit::UeNhSync, this));
        dev->GetRrc()->TraceConnectWithoutContext(
            "ReestablishmentStart",
            MakeCallback(&LteSecKeyAudit::UeReestablishment, this));
    }
}

void
LteSecKeyAudit::EnbHandoverKey(LteSecEnbRrc* enb,
                               uint64_t imsi,
                               uint16_t cellId,
                               uint16_t rnti,
                               const std::string& /* scheme */,
                               uint8_t /* ncc */,
                               const std::string& path)
{
    Pending& p = m_pending[imsi];
    p = Pending{};
    p.path = path;
    auto& epochs = m_epochs[imsi];
    if (path == "S1" && !epochs.empty())
    {
        uint32_t from = m_cellMme.count(epochs.back().cell) ? m_cellMme[epochs.back().cell] : 0;
        uint32_t to = m_cellMme.count(cellId) ? m_cellMme[cellId] : 0;
        p.path = from == to ? "S1 intra-MME" : "S1 inter-MME";
    }
    if (const EnbUeSecurityContext* ctx = enb->GetUeContext(rnti))
    {
        p.received.push_back(ctx->kenb);
        if (ctx->nh != Nh())
        {
            p.received.push_back(Kenb::From(ctx->nh));
        }
    }
    // what the source holds as the UE leaves: an NH it has not used (TS 33.401 path switch)
    if (!epochs.empty())
    {
        Epoch& last = epochs.back();
        auto src = m_cellEnb.find(last.cell);
        const EnbUeSecurityContext* ctx =
            src == m_cellEnb.end() ? nullptr : src->second->GetUeContext(last.cRnti);
        if (ctx && ctx->haveUnusedNh)
        {
            last.heldNh.push_back(Kenb::From(ctx->nh));
        }
    }
}

void
LteSecKeyAudit::UeNhSync(uint64_t imsi, uint16_t, uint8_t, uint32_t)
{
    m_pending[imsi].handover = true; // the next keys are the handover command's
}

void
LteSecKeyAudit::UeReestablishment(uint64_t imsi, uint16_t, uint16_t)
{
    Pending& p = m_pending[imsi];
    p = Pending{};
    p.reestablishment = true; // the next keys are those the UE falls back to
}

void
LteSecKeyAudit::UeKey(uint64_t imsi,
                      uint16_t cellId,
                      uint16_t,
                      const std::string&,
                      const std::string&)
{
    auto ue = m_ues.find(imsi);
    if (ue == m_ues.end())
    {
        return;
    }
    const UeSecurityContext& ctx = ue->second->GetContext();
    auto& epochs = m_epochs[imsi];
    Epoch e;
    e.time = Simulator::Now().GetSeconds();
    e.cell = cellId;
    e.cellInfo = m_security->GetScheme()->GetCell(cellId);
    e.kenb = ctx.kenb;
    e.keys = ctx.keys;
    e.algorithms = ctx.algorithms;
    e.cRnti = ctx.cRnti;
    e.nonce = ctx.refreshNonce;
    Pending& p = m_pending[imsi];
    if (!p.handover && !p.reestablishment && !epochs.empty() && epochs.back().kenb == ctx.kenb &&
        epochs.back().cRnti == ctx.cRnti && epochs.back().keys == ctx.keys)
    {
        return; // another key of the same epoch
    }
    if (p.handover)
    {
        e.path = p.path.empty() ? "X2" : p.path;
        e.received = p.received;
    }
    else if (p.reestablishment)
    {
        e.path = "re-establishment"; // the same connection goes on, in the source
    }
    p = Pending{};
    epochs.push_back(e);
}

uint32_t
LteSecKeyAudit::GetNEpochs() const
{
    uint32_t n = 0;
    for (const auto& e : m_epochs)
    {
        n += e.second.size();
    }
    return n;
}

std::vector<LteSecAuditFinding>
LteSecKeyAudit::Analyse() const
{
    LteSecAuditFinding backward{"backward security (compromised target)", "", 0, 0, ""};
    LteSecAuditFinding forward{"forward security (compromised eNB)", "", 0, 0, ""};
    LteSecAuditFinding x2{"passive X2 observer", "", 0, 0, ""};
    LteSecAuditFinding s1{"passive S1-MME and S10 observer", "", 0, 0, ""};
    LteSecAuditFinding reuse{"key reuse (AS key of an earlier epoch)", "", 0, 0, ""};
    std::map<std::string, uint32_t> backwardKeys;
    std::map<std::string, uint32_t> x2Keys;
    std::map<std::string, uint32_t> s1Keys;
    std::map<std::string, uint32_t> reusedKeys;
    uint32_t safeAfter = 0;       // largest number of hops after which the next keys were safe
    uint32_t longestUnbroken = 0; // most later epochs a compromised eNB computed without a break
    uint32_t forwardCases = 0;    // compromised eNBs with a later epoch
    for (const auto& [imsi, epochs] : m_epochs)
    {
        Kasme kasme = m_security->GetMme(0)->GetKasme(imsi);
        Knowledge x2Observer;
        Knowledge s1Observer;
        for (std::size_t i = 0; i < epochs.size(); ++i)
        {
            const Epoch& e = epochs[i];
            const bool initial = e.path == "initial";
            // backward: the target of this epoch against the source's keys
            if (!initial && i > 0)
            {
                const Epoch& s = epochs[i - 1];
                auto got = Computed(HeldByTarget(e),
                                    s.kenb,
                                    s.cellInfo,
                                    s.keys,
                                    s.algorithms,
                                    s.cRnti,
                                    s.nonce,
                                    false);
                Tally(backward, backwardKeys, got);
            }
            // forward: this epoch's eNB, compromised, following the UE
            Knowledge f = HeldByTarget(e);
            for (const auto& k : e.heldNh)
            {
                f.Add(k);
            }
            uint32_t computed = 0;
            uint32_t later = 0;
            bool brokePrevious = true; // as the source it sees the next command
            for (std::size_t j = i + 1; j < epochs.size() && epochs[j].path != "initial"; ++j)
            {
                const Epoch& n = epochs[j];
                later++;
                auto got = Computed(f,
                                    n.kenb,
                                    n.cellInfo,
                                    n.keys,
                                    n.algorithms,
                                    n.cRnti,
                                    n.nonce,
                                    brokePrevious);
                if (got.empty() || got[0] != "KeNB")
                {
                    break;
                }
                computed++;
                f.Add(n.kenb);
                brokePrevious = std::find(got.begin(), got.end(), "KRRCenc") != got.end();
            }
            if (later > 0)
            {
                forwardCases++;
                forward.exposed += computed > 0;
                if (computed < later)
                {
                    safeAfter = std::max(safeAfter, computed + 1);
                }
                else
                {
                    longestUnbroken = std::max(longestUnbroken, computed);
                }
            }
            // observers: what crossed their interface, in time order
            bool onX2 = e.path == "X2";
            bool onS1 = initial || e.path.rfind("S1", 0) == 0;
            if (onX2)
            {
                x2Observer.Add(e.kenb); // the AS Security Information's key
            }
            if (initial)
            {
                s1Observer.Add(e.kenb); // INITIAL CONTEXT SETUP's Security Key
            }
            else if (onS1)
            {
                for (const auto& k : e.received)
                {
                    s1Observer.Add(k); // HANDOVER REQUEST's Security Context
                }
            }
            if (e.path == "S1 inter-MME")
            {
                s1Observer.haveKasme = true; // the MM Context on S10
                s1Observer.kasme = kasme;
            }
            auto observe = [&](Knowledge& obs,
                               LteSecAuditFinding& finding,
                               std::map<std::string, uint32_t>& counts,
                               bool sees) {
                auto got =
                    Computed(obs, e.kenb, e.cellInfo, e.keys, e.algorithms, e.cRnti, e.nonce, sees);
                Tally(finding, counts, got);
                if (!got.empty() && got[0] == "KeNB")
                {
                    obs.Add(e.kenb);
                }
            };
            observe(x2Observer, x2, x2Keys, onX2);
            observe(s1Observer, s1, s1Keys, onS1);
            for (const auto& k : e.heldNh)
            {
                s1Observer.Add(k); // PATH SWITCH REQUEST ACKNOWLEDGE's Security Context
            }
            // reuse: an AS key of an earlier epoch of this connection
            std::size_t first = i;
            while (first > 0 && epochs[first].path != "initial")
            {
                --first;
            }
            bool repeats[3] = {false, false, false};
            for (std::size_t j = first; j < i; ++j)
            {
                repeats[0] |= epochs[j].keys.rrcEnc == e.keys.rrcEnc;
                repeats[1] |= epochs[j].keys.rrcInt == e.keys.rrcInt;
                repeats[2] |= epochs[j].keys.upEnc == e.keys.upEnc;
            }
            reusedKeys["KRRCenc"] += repeats[0];
            reusedKeys["KRRCint"] += repeats[1];
            reusedKeys["KUPenc"] += repeats[2];
            reuse.cases += 3; // its three AS keys
        }
    }
    backward.result = backward.exposed == 0 ? "holds" : "fails";
    backward.detail = backward.exposed == 0 ? "no source key computed"
                                            : "source keys computed: " + Join(backwardKeys);
    forward.cases = forwardCases;
    if (forwardCases == 0)
    {
        forward.result = "no later hop";
    }
    else if (safeAfter == 0 || longestUnbroken >= safeAfter)
    {
        forward.result = "never";
        forward.detail = "a compromised eNB computed the keys of all " +
                         std::to_string(longestUnbroken) + " later hops of the connection";
    }
    else
    {
        forward.result = "after " + std::to_string(safeAfter) + " hop" + (safeAfter > 1 ? "s" : "");
        forward.detail = "a compromised eNB computed at most " + std::to_string(safeAfter - 1) +
                         " later hop(s); the next one's keys were safe";
    }
    for (auto* f : {&x2, &s1})
    {
        f->result = f->exposed == 0 ? "learns no key"
                                    : "learns the keys of " + std::to_string(f->exposed) + "/" +
                                          std::to_string(f->cases) + " epochs";
        f->detail = Join(f == &x2 ? x2Keys : s1Keys);
    }
    for (const auto& r : reusedKeys)
    {
        reuse.exposed += r.second;
    }
    reuse.result = reuse.exposed == 0 ? "none" : std::to_string(reuse.exposed) + " repeated keys";
    reuse.detail =
        reuse.exposed == 0 ? "" : Join(reusedKeys) + " (keystream repeats: COUNT restarts)";
    return {backward, forward, x2, s1, reuse};
}

void
LteSecKeyAudit::WriteCsv(std::ostream& os,
                         const std::string& label,
                         const std::vector<LteSecAuditFinding>& findings,
                         bool header)
{
    if (header)
    {
        os << "label,property,result,cases,exposed,detail\n";
    }
    for (const auto& f : findings)
    {
        os << label << "," << f.property << "," << f.result << "," << f.cases << "," << f.exposed
           << ",\"" << f.detail << "\"\n";
    }
}

void
LteSecKeyAudit::WriteMarkdown(std::ostream& os,
                              const std::string& label,
                              const std::vector<LteSecAuditFinding>& findings)
{
    os << "\n### " << label << "\n\n| property | result | cases | exposed | detail |\n"
       << "|---|---|---|---|---|\n";
    for (const auto& f : findings)
    {
        os << "| " << f.property << " | " << f.result << " | " << f.cases << " | " << f.exposed
           << " | " << f.detail << " |\n";
    }
}

} // namespace ns3
