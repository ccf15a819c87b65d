/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// TR 33.821 alternative 2: the source derives the target's KeNB from its own KeNB and the target
// cell (DeriveAlt2Kenb, FC 0xF2); the MME is not involved and there is no NH. The target and the
// UE derive the AS keys from the new KeNB by FC 0x15.

#include "lte-sec-scheme.h"

namespace ns3
{

using namespace ltesec;

/**
 * \ingroup lte-security
 * TR 33.821 alternative 2 ("alt2"): a new KeNB per hop, made by the source from its KeNB and the
 * target's PCI and EARFCN-DL; over S1 and S10 the MMEs pass it on (Security Context, KeNB
 * Private Extension) like the seed's KeNB.
 */
class LteSecAlt2Scheme : public LteSecScheme
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::LteSecAlt2Scheme")
                                .SetParent<LteSecScheme>()
                                .SetGroupName("LteSecurity")
                                .AddConstructor<LteSecAlt2Scheme>();
        return tid;
    }

    std::string GetName() const override
    {
        return "alt2";
    }

    bool X2CarriesNcc() const override
    {
        return false;
    }

    bool S10CarriesKenb() const override
    {
        return true;
    }

    HandoverKey SourceX2(const EnbUeSecurityContext& source, uint16_t targetCellId) const override
    {
        CellInfo target = GetCell(targetCellId);
        return {true, DeriveAlt2Kenb(source.kenb, target.pci, target.earfcnDl), 0};
    }

    HandoverKey SourceS1(const EnbUeSecurityContext& source, uint16_t targetCellId) const override
    {
        return SourceX2(source, targetCellId);
    }

    HandoverKey MmeS1(MmeUeSecurityContext&, const HandoverKey& fromSource, uint16_t) const override
    {
        return fromSource; // passed on: the MME has no part in alternative 2
    }

    HandoverKey MmePathSwitch(MmeUeSecurityContext& ctx) const override
    {
        return {true, Kenb::From(ctx.nh), ctx.ncc}; // mandatory IE, not used
    }

    HandoverKey MmeS10Source(MmeUeSecurityContext&,
                             const HandoverKey& fromSource,
                             uint16_t) const override
    {
        return fromSource;
    }

    HandoverKey MmeS10Target(MmeUeSecurityContext&,
                             const HandoverKey& extension,
                             uint16_t) const override
    {
        return {extension.present, extension.key, 0};
    }

    void TargetAdmit(EnbUeSecurityContext& ctx,
                     const HandoverKey& received,
                     bool,
                     uint16_t) const override
    {
        ctx.kenb = received.key;
        ctx.ncc = 0;
        ctx.haveUnusedNh = false;
    }

    void TargetPathSwitchAcknowledged(EnbUeSecurityContext&, const HandoverKey&) const override
    {
    }

    bool UeHandover(UeSecurityContext& ue,
                    const LteRrcSap::SecurityConfigHo&,
                    const CellInfo& target,
                    uint32_t& nhSteps,
                    std::string&) const override
    {
        nhSteps = 0;
        ue.kenb = DeriveAlt2Kenb(ue.kenb, target.pci, target.earfcnDl);
        return true;
    }
};

LTESEC_REGISTER_SCHEME("alt2", LteSecAlt2Scheme);

} // namespace ns3
