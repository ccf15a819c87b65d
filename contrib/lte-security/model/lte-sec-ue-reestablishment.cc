/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * LteSecUeRrc, RRC connection re-establishment after a failed handover: the shortMAC-I of the
 * request with the keys of the source, and the keys the UE falls back to (the seed's options,
 * TS 33.401's KeNB* with the NCC of RRCConnectionReestablishment).
 */
#include "lte-sec-ue-rrc.h"
#include "lte-sec-wire.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LteSecUeReestablishment");

using namespace ltesec;

void
LteSecUeRrc::SendRrcConnectionReestablishmentRequest(uint16_t cellId,
                                                     LteRrcSap::ReestabUeIdentity& identity)
{
    if (!m_haveBeforeHandover)
    {
        return; // no AS security before the handover: no shortMAC-I
    }
    VarShortMacInput input;
    input.cellIdentity = cellId;
    input.physCellId = identity.physCellId;
    input.cRnti = identity.cRnti;
    identity.shortMacI =
        ShortMacI(m_beforeHandover.algorithms.integrity, m_beforeHandover.keys.rrcInt, input);
    if (m_tamperShortMacI)
    {
        identity.shortMacI ^= 0x0001;
    }
}

bool
LteSecUeRrc::RecvRrcConnectionReestablishment(uint16_t rnti,
                                              uint16_t cellId,
                                              const LteRrcSap::ReestabUeIdentity& identity,
                                              const LteRrcSap::RrcConnectionReestablishment& msg)
{
    if (!m_haveBeforeHandover)
    {
        return !m_active; // security was active, but nothing to fall back to
    }
    // the AS context of the source as it was; the NAS context goes on as it is
    UeSecurityContext next = m_ctx;
    next.kenb = m_beforeHandover.kenb;
    next.kenbNcc = m_beforeHandover.kenbNcc;
    next.nh = m_beforeHandover.nh;
    next.ncc = m_beforeHandover.ncc;
    next.algorithms = m_beforeHandover.algorithms;
    next.keys = m_beforeHandover.keys;
    next.refreshNonce.clear();
    if (m_scheme->ReestablishmentRefreshes())
    {
        // as a handover to this cell, with the NCC the eNB announced
        LteRrcSap::SecurityConfigHo sc;
        sc.nextHopChainingCount = msg.nextHopChainingCount;
        CellInfo cell;
        cell.pci = cellId;
        cell.earfcnDl = m_rrc != nullptr ? m_rrc->GetDlEarfcn() : 0;
        uint32_t nhSteps = 0;
        std::string error;
        if (!m_scheme->UeHandover(next, sc, cell, nhSteps, error))
        {
            Reject("re-establishment: " + error);
            return false;
        }
        next.keys = m_scheme->DeriveAsKeys(next.kenb, next.algorithms, rnti, {});
        m_nhSyncTrace(m_ctx.imsi, cellId, msg.nextHopChainingCount, nhSteps);
    }
    else if (static_cast<ReestablishmentKeys>(m_reestablishmentKeys) ==
             ReestablishmentKeys::REFRESH)
    {
        next.keys = m_scheme->DeriveAsKeys(next.kenb, next.algorithms, rnti, {});
    }
    next.cRnti = rnti;
    m_ctx = next;
    m_beforeHandover = UeSecurityContext();
    m_haveBeforeHandover = false;
    m_active = true;
    // the RRC makes SRB1 and the DRBs again, through CreatePdcp()
    m_pdcps.clear();
    m_idealUlCount = 0;
    m_idealDlNext = 0;
    TraceKeys(cellId);
    CheckKeyReuse(cellId);
    return true;
}

} // namespace ns3
