/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * LteSecEnbRrc, RRC connection re-establishment after a failed handover: the request's
 * shortMAC-I checked against the context the UE names, and the keys of the re-established
 * connection (the seed's fallback options, TS 33.401's KeNB*).
 */
#include "lte-sec-enb-rrc.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LteSecEnbReestablishment");

using namespace ltesec;

bool
LteSecEnbRrc::AdmitReestablishment(uint16_t oldRnti,
                                   uint16_t newRnti,
                                   uint16_t cellId,
                                   const LteRrcSap::ReestabUeIdentity& identity)
{
    NS_LOG_FUNCTION(this << oldRnti << newRnti << cellId);
    auto it = m_ues.find(oldRnti);
    if (it == m_ues.end() || it->second.phase == Phase::NO_SECURITY)
    {
        return true; // a connection without AS security: nothing to verify
    }
    const UeEntry old = it->second; // a copy: m_ues may grow below
    m_securityMessageTrace("Uu", "RRC CONNECTION REESTABLISHMENT REQUEST", old.imsi, 2);
    if (old.phase != Phase::ACTIVE)
    {
        m_reestablishmentRejectedTrace(old.imsi, cellId, "the UE's security is not active");
        return false;
    }
    VarShortMacInput input;
    input.cellIdentity = cellId;
    input.physCellId = identity.physCellId;
    input.cRnti = identity.cRnti;
    uint16_t expected = ShortMacI(old.ctx.algorithms.integrity, old.ctx.keys.rrcInt, input);
    if (expected != identity.shortMacI)
    {
        NS_LOG_WARN("cell " << cellId << ": re-establishment of IMSI " << old.imsi
                            << " refused: shortMAC-I does not verify");
        m_reestablishmentRejectedTrace(old.imsi, cellId, "shortMAC-I does not verify");
        return false;
    }
    UeEntry& ue = m_ues[newRnti];
    ue.imsi = old.imsi;
    ue.cellId = cellId;
    ue.ctx = old.ctx;
    ue.nonce.clear();
    ue.nasContainer.clear();
    ue.algorithmsChanged = false;
    const bool refreshes = m_scheme->ReestablishmentRefreshes();
    std::string keys = refreshes ? "KeNB*" : "reuse";
    if (refreshes ||
        static_cast<ReestablishmentKeys>(m_reestablishmentKeys) == ReestablishmentKeys::REFRESH)
    {
        // TS 33.401: as a handover to this cell, vertical with an unused {NH, NCC}; the seed's
        // refresh: the same KeNB, the new C-RNTI
        ue.ctx.kenb = m_scheme->ReestablishmentKenb(old.ctx, m_scheme->GetCell(cellId));
        if (refreshes && old.ctx.haveUnusedNh)
        {
            ue.ctx.ncc = old.ctx.nhNcc;
            ue.ctx.haveUnusedNh = false;
        }
        ue.ctx.keys = m_scheme->DeriveAsKeys(ue.ctx.kenb, ue.ctx.algorithms, newRnti, {});
        keys = refreshes ? keys : "refresh";
    }
    ue.ctx.cRnti = newRnti;
    ue.phase = Phase::ACTIVE;
    ue.idealDlCount = 0;
    ue.idealUlNext = 0;
    ActivatePdcps(newRnti);
    TraceKeys(ue);
    m_reestablishmentKeyTrace(ue.imsi, cellId, newRnti, oldRnti, keys);
    return true;
}

void
LteSecEnbRrc::BuildRrcConnectionReestablishment(uint16_t rnti,
                                                LteRrcSap::RrcConnectionReestablishment& msg)
{
    auto it = m_ues.find(rnti);
    if (it != m_ues.end() && it->second.phase == Phase::ACTIVE)
    {
        msg.nextHopChainingCount = it->second.ctx.ncc; // the NCC of the KeNB in use
        m_securityMessageTrace("Uu", "RRC CONNECTION REESTABLISHMENT", it->second.imsi, 1);
    }
}

} // namespace ns3
