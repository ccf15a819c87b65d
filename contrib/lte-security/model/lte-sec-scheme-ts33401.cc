/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The scheme 3GPP adopted (TS 33.401 7.2.8): KeNB* per target cell from KeNB (horizontal) or from
// an unused NH (vertical), the MME's NH chain stepped before every use, NCC in the handover
// command, AS keys by FC 0x15 without the C-RNTI.

#include "lte-sec-scheme.h"

namespace ns3
{

using namespace ltesec;

/**
 * \ingroup lte-security
 * TS 33.401 ("ts33401"). Initial setup: KeNB with NCC 0, NH1 (NCC 1) kept by the MME and the UE.
 * X2: the source sends KeNB* and its NCC in the AS Security Information; the MME answers the path
 * switch with a fresh {NH, NCC}, which the target keeps for the next hop. S1: the MME steps the
 * chain and sends {NH, NCC} in HANDOVER REQUEST; the target makes KeNB* from NH. Inter-MME: the
 * source MME steps the chain and sends {NH, NCC} in the MM Context. The UE steps its NH until its
 * NCC matches the command's (modulo 8) and makes the same KeNB*.
 */
class LteSecTs33401Scheme : public LteSecScheme
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::LteSecTs33401Scheme")
                                .SetParent<LteSecScheme>()
                                .SetGroupName("LteSecurity")
                                .AddConstructor<LteSecTs33401Scheme>();
        return tid;
    }

    std::string GetName() const override
    {
        return "ts33401";
    }

    bool X2CarriesNcc() const override
    {
        return true;
    }

    bool S10CarriesKenb() const override
    {
        return false;
    }

    HandoverKey SourceX2(const EnbUeSecurityContext& source, uint16_t targetCellId) const override
    {
        CellInfo target = GetCell(targetCellId);
        // TS 33.401 7.2.8.4.2: vertical if an unused {NH, NCC} pair is held, else horizontal
        if (source.haveUnusedNh)
        {
            return {true, DeriveKenbStar(source.nh, target.pci, target.earfcnDl), source.nhNcc};
        }
        return {true, DeriveKenbStar(source.kenb, target.pci, target.earfcnDl), source.ncc};
    }

    Kenb ReestablishmentKenb(const EnbUeSecurityContext& ctx, const CellInfo& cell) const override
    {
        // TS 33.401 7.2.8.4.2 / 7.2.8.4.3 as for a handover to the cell: vertical if an unused
        // {NH, NCC} pair is held, else horizontal from the current KeNB
        if (ctx.haveUnusedNh)
        {
            return DeriveKenbStar(ctx.nh, cell.pci, cell.earfcnDl);
        }
        return DeriveKenbStar(ctx.kenb, cell.pci, cell.earfcnDl);
    }

    bool ReestablishmentRefreshes() const override
    {
        return true;
    }

    HandoverKey SourceS1(const EnbUeSecurityContext&, uint16_t) const override
    {
        return {}; // the MME provides {NH, NCC}
    }

    HandoverKey MmeS1(MmeUeSecurityContext& ctx, const HandoverKey&, uint16_t) const override
    {
        ctx.AdvanceNh(); // 7.2.8.4.3: NCC + 1 and a fresh NH before every use
        return {true, Kenb::From(ctx.nh), ctx.ncc};
    }

    HandoverKey MmePathSwitch(MmeUeSecurityContext& ctx) const override
    {
        ctx.AdvanceNh(); // 7.2.8.4.2
        return {true, Kenb::From(ctx.nh), ctx.ncc};
    }

    HandoverKey MmeS10Source(MmeUeSecurityContext& ctx, const HandoverKey&, uint16_t) const override
    {
        ctx.AdvanceNh(); // the source MME steps; the MM Context carries the fresh pair
        return {};
    }

    HandoverKey MmeS10Target(MmeUeSecurityContext& ctx, const HandoverKey&, uint16_t) const override
    {
        return {true, Kenb::From(ctx.nh), ctx.ncc}; // the MM Context's pair, unchanged
    }

    void TargetAdmit(EnbUeSecurityContext& ctx,
                     const HandoverKey& received,
                     bool s1,
                     uint16_t cellId) const override
    {
        // S1: KeNB* from the NH of the Security Context; X2: KeNB* arrived
        CellInfo self = s1 ? GetCell(cellId) : CellInfo{};
        ctx.kenb =
            s1 ? DeriveKenbStar(Nh::From(received.key), self.pci, self.earfcnDl) : received.key;
        ctx.ncc = received.ncc & 0x07;
        if (s1)
        {
            ctx.nh = Nh::From(received.key); // kept (used): what the target holds
            ctx.nhNcc = ctx.ncc;
        }
        ctx.haveUnusedNh = false;
    }

    void TargetPathSwitchAcknowledged(EnbUeSecurityContext& ctx,
                                      const HandoverKey& fromMme) const override
    {
        ctx.nh = Nh::From(fromMme.key);
        ctx.nhNcc = fromMme.ncc & 0x07;
        ctx.haveUnusedNh = true;
    }

    bool UeHandover(UeSecurityContext& ue,
                    const LteRrcSap::SecurityConfigHo& sc,
                    const CellInfo& target,
                    uint32_t& nhSteps,
                    std::string& error) const override
    {
        nhSteps = 0;
        uint8_t ncc = sc.nextHopChainingCount & 0x07;
        if (sc.keyChangeIndicator)
        {
            error = "keyChangeIndicator set (a KASME change is not modelled)";
            return false;
        }
        if (ncc == ue.kenbNcc)
        {
            ue.kenb = DeriveKenbStar(ue.kenb, target.pci, target.earfcnDl); // horizontal
            return true;
        }
        // 7.2.8.4.3: step NH until its NCC matches (the NCC wraps modulo 8)
        while (ue.ncc != ncc)
        {
            ue.nh = DeriveNh(ue.nas.kasme, ue.nh);
            ue.ncc = (ue.ncc + 1) & 0x07;
            ++nhSteps;
        }
        ue.kenb = DeriveKenbStar(ue.nh, target.pci, target.earfcnDl);
        ue.kenbNcc = ncc;
        return true;
    }
};

LTESEC_REGISTER_SCHEME("ts33401", LteSecTs33401Scheme);

} // namespace ns3
