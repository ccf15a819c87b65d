/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The design this module implements (TR 33.821 alternative 3): KeNB travels unchanged over X2,
// or through the source and target MME; the target and the UE derive KRRCenc, KRRCint and KUPenc
// from KeNB and the target's C-RNTI (FC 0xF0, see lte-sec-kdf.h).

#include "lte-sec-scheme.h"

namespace ns3
{

using namespace ltesec;

/**
 * \ingroup lte-security
 * The seed scheme ("seed"): KeNB forwarded unchanged, keys refreshed from KeNB and C-RNTI.
 */
class LteSecSeedScheme : public LteSecScheme
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::LteSecSeedScheme")
                                .SetParent<LteSecScheme>()
                                .SetGroupName("LteSecurity")
                                .AddConstructor<LteSecSeedScheme>();
        return tid;
    }

    std::string GetName() const override
    {
        return "seed";
    }

    bool X2CarriesNcc() const override
    {
        return false;
    }

    bool S10CarriesKenb() const override
    {
        return true;
    }

    bool SourceS1KeyOptional() const override
    {
        return true; // the MME holds the KeNB of the last initial setup, which never changes
    }

    AsKeys DeriveAsKeys(const Kenb& kenb,
                        const AsAlgorithms& algs,
                        uint16_t cRnti,
                        const std::vector<uint8_t>& nonce) const override
    {
        return ltesec::DeriveAsKeys(AsKeyScheme::SEED_CRNTI_REFRESH, kenb, algs, cRnti, nonce);
    }

    HandoverKey SourceX2(const EnbUeSecurityContext& source, uint16_t) const override
    {
        return {true, source.kenb, source.ncc};
    }

    HandoverKey SourceS1(const EnbUeSecurityContext& source, uint16_t) const override
    {
        return {true, source.kenb, source.ncc};
    }

    HandoverKey MmeS1(MmeUeSecurityContext& ctx,
                      const HandoverKey& fromSource,
                      uint16_t) const override
    {
        // the KeNB from the source if it sent it, else the one of the last initial setup
        return fromSource.present ? fromSource : HandoverKey{true, ctx.kenb, 0};
    }

    HandoverKey MmePathSwitch(MmeUeSecurityContext& ctx) const override
    {
        // the IE is mandatory; the design does not use it (NH as set up, not stepped)
        return {true, Kenb::From(ctx.nh), ctx.ncc};
    }

    HandoverKey MmeS10Source(MmeUeSecurityContext& ctx,
                             const HandoverKey& fromSource,
                             uint16_t) const override
    {
        return fromSource.present ? fromSource : HandoverKey{true, ctx.kenb, 0};
    }

    HandoverKey MmeS10Target(MmeUeSecurityContext&,
                             const HandoverKey& extension,
                             uint16_t) const override
    {
        return {true, extension.key, 0};
    }

    void TargetAdmit(EnbUeSecurityContext& ctx,
                     const HandoverKey& received,
                     bool,
                     uint16_t) const override
    {
        ctx.kenb = received.key;
        ctx.ncc = received.ncc;
        ctx.haveUnusedNh = false;
    }

    void TargetPathSwitchAcknowledged(EnbUeSecurityContext&, const HandoverKey&) const override
    {
    }

    bool UeHandover(UeSecurityContext&,
                    const LteRrcSap::SecurityConfigHo&,
                    const CellInfo&,
                    uint32_t& nhSteps,
                    std::string&) const override
    {
        nhSteps = 0; // KeNB unchanged
        return true;
    }
};

LTESEC_REGISTER_SCHEME("seed", LteSecSeedScheme);

} // namespace ns3
