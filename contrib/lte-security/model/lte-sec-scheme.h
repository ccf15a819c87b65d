/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_SCHEME_H
#define LTE_SEC_SCHEME_H

#include "lte-sec-context.h"

#include "ns3/attribute.h"
#include "ns3/lte-rrc-sap.h"
#include "ns3/object.h"

#include <map>
#include <string>
#include <vector>

namespace ns3
{
namespace ltesec
{

/// A cell as every entity of the scheme sees it (public: broadcast, or in the neighbour table).
struct CellInfo
{
    uint16_t pci{0};      ///< physical cell identity
    uint32_t earfcnDl{0}; ///< downlink EARFCN
};

/**
 * \ingroup lte-security
 * The key material one hop of a handover hands on: a 256-bit key and the NCC that goes with it.
 * Which key it is depends on the scheme and the hop (see LteSecScheme).
 */
struct HandoverKey
{
    bool present{false};        ///< false: the hop carries no key (the field is left out)
    Kenb key;                   ///< KeNB, KeNB*, NH or the target's KeNB
    uint8_t ncc{0};             ///< Next hop Chaining Count, 3 bits
    std::vector<uint8_t> fresh; ///< alternative 1: the MME's fresh input the key was made with
};

/**
 * What a UE and its eNB fall back to when the UE re-establishes its connection after a failed
 * handover (the seed's editor's note: "FFS how to re-use the original keys"); schemes whose
 * ReestablishmentRefreshes() derive fresh keys whatever this says.
 */
enum class ReestablishmentKeys : uint8_t
{
    REUSE,   ///< the RRC and UP keys of the source as they were (PDCP COUNTs restart)
    REFRESH, ///< KeNB unchanged, RRC and UP keys refreshed with the new C-RNTI
};

/// \return the checker of the ReestablishmentKeys attributes ("reuse", "refresh")
Ptr<const AttributeChecker> MakeReestablishmentKeysChecker();

} // namespace ltesec

/**
 * \ingroup lte-security
 *
 * One key-handling scheme for handover: what the source eNB sends, what the MME adds, what the
 * target eNB and the UE derive, and what the handover command carries. One object per scenario
 * is shared by every eNB, UE and MME model (LteSecurityHelper::Scheme); the models route their
 * hook events to it and carry its keys in the IE codecs of lte-sec-wire.h and lte-sec-s10.h.
 *
 * A scheme is a subclass in a file of its own, registered by name with
 * LTESEC_REGISTER_SCHEME(name, Class) in that file; LteSecScheme::Create(name) makes one.
 */
class LteSecScheme : public Object
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();

    ~LteSecScheme() override;

    /// \return the scheme's registered name ("seed", "ts33401", ...)
    virtual std::string GetName() const = 0;

    /**
     * \return true if the X2 AS Security Information carries an NCC octet in this scheme (the
     * seed's 35-byte IE content has none)
     */
    virtual bool X2CarriesNcc() const = 0;

    /// \return true if the S10 Forward Relocation Request carries the KeNB Private Extension
    virtual bool S10CarriesKenb() const = 0;

    /**
     * \return true if the source may leave the key out of HANDOVER REQUIRED because the MME
     * holds what it needs (the seed: LteSecEnbRrc::KenbInHandoverRequired); false by default
     */
    virtual bool SourceS1KeyOptional() const;

    /**
     * Fixes the random stream(s) the scheme draws from (the MME's fresh inputs, if any).
     * \param stream the first stream index
     * \return the number of streams used (0 by default)
     */
    virtual int64_t AssignStreams(int64_t stream);

    /**
     * \return true if the MME must take part in every inter-eNB handover (alternative 1): the
     * eNBs then hand over by S1 even towards an X2 neighbour (LteEnbRrc::ForceS1Handover), and
     * security needs S1-AP on a link; false by default
     */
    virtual bool PreparesThroughMme() const;

    /**
     * The AS keys of a connection from its KeNB (initial setup and every handover); by default
     * as TS 33.401 A.7 (FC 0x15, no C-RNTI, no nonce).
     * \param kenb KeNB
     * \param algs the algorithms
     * \param cRnti the C-RNTI of the UE in its cell
     * \param nonce the design's refresh nonce (empty: none)
     * \return KRRCenc, KRRCint and KUPenc
     */
    virtual ltesec::AsKeys DeriveAsKeys(const ltesec::Kenb& kenb,
                                        const ltesec::AsAlgorithms& algs,
                                        uint16_t cRnti,
                                        const std::vector<uint8_t>& nonce) const;

    /**
     * Source eNB, X2 or intra-eNB handover: the key of the AS Security Information.
     * \param source the source's context of the UE
     * \param targetCellId the target cell (see GetCell())
     * \return the key and NCC to send
     */
    virtual ltesec::HandoverKey SourceX2(const ltesec::EnbUeSecurityContext& source,
                                         uint16_t targetCellId) const = 0;

    /**
     * Source eNB, S1 handover: what the source adds to HANDOVER REQUIRED (a Security Context).
     * \param source the source's context of the UE
     * \param targetCellId the target cell (see GetCell())
     * \return the key, or present = false for none
     */
    virtual ltesec::HandoverKey SourceS1(const ltesec::EnbUeSecurityContext& source,
                                         uint16_t targetCellId) const = 0;

    /**
     * MME, S1 handover within the MME: the Security Context of HANDOVER REQUEST.
     * \param ctx the MME's context of the UE (a scheme may step its NH chain)
     * \param fromSource what the source sent in HANDOVER REQUIRED (present = false: nothing)
     * \param targetCellId the target cell (see GetCell())
     * \return the Security Context's NH field and NCC
     */
    virtual ltesec::HandoverKey MmeS1(ltesec::MmeUeSecurityContext& ctx,
                                      const ltesec::HandoverKey& fromSource,
                                      uint16_t targetCellId) const = 0;

    /**
     * MME, path switch after an X2 handover: the Security Context of PATH SWITCH REQUEST
     * ACKNOWLEDGE.
     * \param ctx the MME's context of the UE (a scheme may step its NH chain)
     * \return NH and NCC
     */
    virtual ltesec::HandoverKey MmePathSwitch(ltesec::MmeUeSecurityContext& ctx) const = 0;

    /**
     * Source MME, inter-MME S1 handover: prepares the Forward Relocation Request. The MM
     * Context carries \p ctx's NH and NCC after this call.
     * \param ctx the source MME's context of the UE (a scheme may step its NH chain)
     * \param fromSource what the source eNB sent in HANDOVER REQUIRED
     * \param targetCellId the target cell (see GetCell())
     * \return the key of the KeNB Private Extension (used when S10CarriesKenb())
     */
    virtual ltesec::HandoverKey MmeS10Source(ltesec::MmeUeSecurityContext& ctx,
                                             const ltesec::HandoverKey& fromSource,
                                             uint16_t targetCellId) const = 0;

    /**
     * Target MME, inter-MME S1 handover: the Security Context of HANDOVER REQUEST.
     * \param ctx the target MME's context, with the MM Context's NH/NCC and NAS context adopted
     * \param extension the KeNB Private Extension's key (present = false: none arrived)
     * \param targetCellId the target cell (see GetCell())
     * \return the NH field and NCC
     */
    virtual ltesec::HandoverKey MmeS10Target(ltesec::MmeUeSecurityContext& ctx,
                                             const ltesec::HandoverKey& extension,
                                             uint16_t targetCellId) const = 0;

    /**
     * Target eNB, admission: sets the context's KeNB and NCC from what arrived (the X2 AS
     * Security Information, or the S1 HANDOVER REQUEST's Security Context).
     * \param ctx the target's new context of the UE
     * \param received the key and NCC that arrived
     * \param s1 true for S1 handover
     * \param cellId the target cell (see GetCell())
     */
    virtual void TargetAdmit(ltesec::EnbUeSecurityContext& ctx,
                             const ltesec::HandoverKey& received,
                             bool s1,
                             uint16_t cellId) const = 0;

    /**
     * Target eNB: the PATH SWITCH REQUEST ACKNOWLEDGE's Security Context arrived.
     * \param ctx the target's context of the UE
     * \param fromMme NH and NCC
     */
    virtual void TargetPathSwitchAcknowledged(ltesec::EnbUeSecurityContext& ctx,
                                              const ltesec::HandoverKey& fromMme) const = 0;

    /**
     * Target eNB: the key fields of the handover command (keyChangeIndicator, NCC).
     * \param ctx the target's context of the UE
     * \param sc the command's securityConfigHO
     */
    virtual void FillCommand(const ltesec::EnbUeSecurityContext& ctx,
                             LteRrcSap::SecurityConfigHo& sc) const;

    /**
     * UE, handover command: the KeNB of the target (the AS keys follow by DeriveAsKeys()).
     * \param ue the UE's context (KeNB, NH chain)
     * \param sc the command's securityConfigHO
     * \param target the target cell as the command names it
     * \param[out] nhSteps NH derivations the UE made to reach the command's NCC
     * \param[out] error why the command cannot be followed (when false is returned)
     * \return false if the command cannot be followed
     */
    virtual bool UeHandover(ltesec::UeSecurityContext& ue,
                            const LteRrcSap::SecurityConfigHo& sc,
                            const ltesec::CellInfo& target,
                            uint32_t& nhSteps,
                            std::string& error) const = 0;

    /**
     * eNB and UE, RRC connection re-establishment after a failed handover, in a cell of the
     * eNB that held the connection: the KeNB of the re-established connection when it takes
     * fresh keys. By default the KeNB unchanged (the design's fallback to the key before the
     * attempt).
     * \param ctx the context the UE falls back to (the source's)
     * \param cell the cell of the re-establishment
     * \return KeNB
     */
    virtual ltesec::Kenb ReestablishmentKenb(const ltesec::EnbUeSecurityContext& ctx,
                                             const ltesec::CellInfo& cell) const;
    /**
     * \return true if a re-establishment always takes fresh keys (TS 33.401: KeNB* for the
     * cell), whatever the fallback option says
     */
    virtual bool ReestablishmentRefreshes() const;

    /// Makes a cell known to the scheme (the neighbour tables of the eNBs).
    void AddCell(uint16_t cellId, const ltesec::CellInfo& info);
    /// \return the cell's PCI and EARFCN-DL; aborts naming the cell if it was never added
    ltesec::CellInfo GetCell(uint16_t cellId) const;

    /**
     * \param name a registered scheme name
     * \param what who asks (for the error message), e.g. an attribute's name
     * \return a new scheme object; aborts naming \p what and the known names if \p name is unknown
     */
    static Ptr<LteSecScheme> Create(const std::string& name, const std::string& what);
    /// \return the registered names, sorted, comma-separated
    static std::string Names();
    /// Registers a scheme's TypeId under \p name (see LTESEC_REGISTER_SCHEME).
    static bool Register(const std::string& name, TypeId tid);

  private:
    std::map<uint16_t, ltesec::CellInfo> m_cells;
};

/// Registers scheme class \p cls under \p name; put it in the scheme's .cc file.
#define LTESEC_REGISTER_SCHEME(name, cls)                                                          \
    NS_OBJECT_ENSURE_REGISTERED(cls);                                                              \
    static const bool g_ltesecScheme##cls = LteSecScheme::Register(name, cls::GetTypeId())

} // namespace ns3

#endif /* LTE_SEC_SCHEME_H */
