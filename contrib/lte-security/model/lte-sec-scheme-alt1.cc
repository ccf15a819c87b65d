/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// TR 33.821 alternative 1: the holder of the key one level up derives the target's key. For the
// KeNB of a target eNB that is the MME: KeNB_T = KDF(KASME, FC 0xF3, a 16-octet fresh input the
// MME draws per handover) (DeriveAlt1Kenb). The MME sends KeNB_T in HANDOVER REQUEST's Security
// Context and the fresh input in its NAS Security Parameters to E-UTRAN; the target puts the
// fresh input in the handover command, and the UE derives KeNB_T from its own KASME. The MME is
// not part of X2 preparation, so every inter-eNB handover is prepared through it (S1, even
// towards an X2 neighbour): the extra signalling and latency are this scheme's cost on X2.
// Inter-MME, the source MME hands KASME on in the MM Context (the HSS, one more level up, would
// be too slow: the design's reasoning) and the target MME derives KeNB_T; no KeNB on S10. Within
// one eNB, the eNB holds the key one level up of its cells' keys: KeNB_T = DeriveAlt2Kenb(KeNB,
// target PCI, EARFCN-DL), and the command carries no fresh input. AS keys by FC 0x15.

#include "lte-sec-scheme.h"

#include "ns3/integer.h"
#include "ns3/random-variable-stream.h"

namespace ns3
{

using namespace ltesec;

/**
 * \ingroup lte-security
 * TR 33.821 alternative 1 ("alt1"): the MME derives every target eNB's KeNB from KASME and a
 * fresh input it sends with it.
 */
class LteSecAlt1Scheme : public LteSecScheme
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::LteSecAlt1Scheme")
                                .SetParent<LteSecScheme>()
                                .SetGroupName("LteSecurity")
                                .AddConstructor<LteSecAlt1Scheme>();
        return tid;
    }

    /// a stream of its own, so that making the scheme does not move ns-3's automatic streams
    static constexpr int64_t DEFAULT_STREAM = 0x7fff0000;

    LteSecAlt1Scheme()
        : m_rng(CreateObjectWithAttributes<UniformRandomVariable>("Stream",
                                                                  IntegerValue(DEFAULT_STREAM)))
    {
    }

    std::string GetName() const override
    {
        return "alt1";
    }

    int64_t AssignStreams(int64_t stream) override
    {
        m_rng->SetStream(stream);
        return 1;
    }

    bool X2CarriesNcc() const override
    {
        return false;
    }

    bool S10CarriesKenb() const override
    {
        return false; // the target MME makes the key from KASME (in the MM Context)
    }

    bool PreparesThroughMme() const override
    {
        return true;
    }

    HandoverKey SourceX2(const EnbUeSecurityContext& source, uint16_t targetCellId) const override
    {
        // reached within one eNB only (inter-eNB handovers go by S1)
        CellInfo target = GetCell(targetCellId);
        return {true, DeriveAlt2Kenb(source.kenb, target.pci, target.earfcnDl), 0};
    }

    HandoverKey SourceS1(const EnbUeSecurityContext&, uint16_t) const override
    {
        return {}; // the source sends no key: the MME makes the target's
    }

    HandoverKey MmeS1(MmeUeSecurityContext& ctx, const HandoverKey&, uint16_t) const override
    {
        return FromKasme(ctx);
    }

    HandoverKey MmePathSwitch(MmeUeSecurityContext& ctx) const override
    {
        return {true, Kenb::From(ctx.nh), ctx.ncc}; // mandatory IE, not used
    }

    HandoverKey MmeS10Source(MmeUeSecurityContext&, const HandoverKey&, uint16_t) const override
    {
        return {};
    }

    HandoverKey MmeS10Target(MmeUeSecurityContext& ctx, const HandoverKey&, uint16_t) const override
    {
        return FromKasme(ctx);
    }

    void TargetAdmit(EnbUeSecurityContext& ctx,
                     const HandoverKey& received,
                     bool,
                     uint16_t) const override
    {
        ctx.kenb = received.key;
        ctx.ncc = 0;
        ctx.haveUnusedNh = false;
        ctx.freshInput = received.fresh;
    }

    void TargetPathSwitchAcknowledged(EnbUeSecurityContext&, const HandoverKey&) const override
    {
    }

    void FillCommand(const EnbUeSecurityContext& ctx,
                     LteRrcSap::SecurityConfigHo& sc) const override
    {
        LteSecScheme::FillCommand(ctx, sc);
        sc.haveRefreshNonce = ctx.freshInput.size() == sc.refreshNonce.size();
        if (sc.haveRefreshNonce)
        {
            std::copy(ctx.freshInput.begin(), ctx.freshInput.end(), sc.refreshNonce.begin());
        }
    }

    bool UeHandover(UeSecurityContext& ue,
                    const LteRrcSap::SecurityConfigHo& sc,
                    const CellInfo& target,
                    uint32_t& nhSteps,
                    std::string&) const override
    {
        nhSteps = 0;
        if (sc.haveRefreshNonce)
        {
            std::vector<uint8_t> fresh(sc.refreshNonce.begin(), sc.refreshNonce.end());
            ue.kenb = DeriveAlt1Kenb(ue.nas.kasme, fresh);
        }
        else
        {
            ue.kenb = DeriveAlt2Kenb(ue.kenb, target.pci, target.earfcnDl);
        }
        return true;
    }

  private:
    /// The target's KeNB from KASME and a fresh input drawn now.
    HandoverKey FromKasme(const MmeUeSecurityContext& ctx) const
    {
        HandoverKey key;
        key.present = true;
        key.fresh.resize(16);
        for (auto& b : key.fresh)
        {
            b = static_cast<uint8_t>(m_rng->GetInteger(0, 255));
        }
        key.key = DeriveAlt1Kenb(ctx.nas.kasme, key.fresh);
        return key;
    }

    Ptr<UniformRandomVariable> m_rng; ///< the MME's fresh inputs
};

LTESEC_REGISTER_SCHEME("alt1", LteSecAlt1Scheme);

} // namespace ns3
