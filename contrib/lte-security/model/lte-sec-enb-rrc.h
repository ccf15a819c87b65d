/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_ENB_RRC_H
#define LTE_SEC_ENB_RRC_H

#include "lte-sec-context.h"
#include "lte-sec-key-log.h"
#include "lte-sec-mme.h"
#include "lte-sec-pdcp.h"
#include "lte-sec-scheme.h"
#include "lte-sec-wire.h"

#include "ns3/lte-as-security-sap.h"
#include "ns3/lte-enb-rrc.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <map>
#include <vector>

namespace ns3
{

/**
 * \ingroup lte-security
 *
 * The eNB side of AS security, plugged into LteEnbRrc through its LteEnbAsSecuritySapProvider.
 * At initial context setup it takes KeNB from the MME, selects algorithms from its priority lists
 * and the UE's capabilities and starts AS security with the first RRCConnectionReconfiguration
 * (carrying the selection in securityConfigHO, the model's AS security mode command). On X2
 * handover the source sends KeNB, the UE's capabilities and the current algorithms in the AS
 * Security Information IE; the target keeps the algorithms when it can, derives KRRCenc, KRRCint
 * and KUPenc from KeNB and the C-RNTI it allocates, and announces changed algorithms in the
 * handover command. PDCP entities are LteSecPdcp, keyed per UE.
 */
class LteSecEnbRrc : public Object, public LteEnbAsSecuritySapProvider, private LteSecPdcpUser
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();

    LteSecEnbRrc();

    /**
     * Assign a fixed random stream to the nonce generator.
     * \param stream the first stream index
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);
    ~LteSecEnbRrc() override;

    /**
     * Set the eNB's context.
     * \param cellId the (primary) cell of this eNB (for traces)
     * \param mme the MME model
     * \param keyLog the key log, or nullptr
     * \param rrc the eNB's RRC (its cells, its RRC protocol, intra-cell handover)
     */
    void Setup(uint16_t cellId, Ptr<LteSecMme> mme, Ptr<LteSecKeyLog> keyLog, Ptr<LteEnbRrc> rrc);

    /// Set the key-handling scheme (LteSecurityHelper shares one per scenario; default: seed).
    void SetScheme(Ptr<LteSecScheme> scheme);
    /// \return the key-handling scheme
    Ptr<LteSecScheme> GetScheme() const;

    /// TracedCallback signature of HandoverKey: IMSI, target cell, C-RNTI, scheme, NCC of the
    /// handover command, the path ("X2", "S1" or "intra-eNB")
    typedef void (*HandoverKeyTracedCallback)(uint64_t imsi,
                                              uint16_t cellId,
                                              uint16_t rnti,
                                              const std::string& scheme,
                                              uint8_t ncc,
                                              const std::string& path);

    /// Size of the AS Security Information IE content: KeNB, EEA and EIA bitmaps, algorithms.
    static constexpr uint32_t AS_SECURITY_INFORMATION_SIZE = ltesec::AsSecurityInformation::SIZE;
    /// Bytes the AS Security Information IE adds to an X2 HANDOVER REQUEST (with its IE header).
    static constexpr uint32_t AS_SECURITY_INFORMATION_IE_SIZE =
        ltesec::AsSecurityInformation::IE_SIZE;

    /**
     * \return the logical channels of the PDCP entities the model holds for a UE (released
     * bearers are gone)
     */
    std::vector<uint8_t> GetPdcpLcids(uint16_t rnti) const;

    /// \return the security context of a UE, or nullptr
    const ltesec::EnbUeSecurityContext* GetUeContext(uint16_t rnti) const;

    /// TracedCallback signature of KeyDerivation
    typedef void (*KeyDerivationTracedCallback)(uint64_t imsi,
                                                uint16_t cellId,
                                                uint16_t rnti,
                                                const std::string& key,
                                                const std::string& fingerprint);
    /// TracedCallback signature of IntegrityFailure
    typedef void (*IntegrityFailureTracedCallback)(uint64_t imsi,
                                                   uint16_t rnti,
                                                   uint8_t lcid,
                                                   uint32_t count);
    /**
     * TracedCallback signature of DecipheringFailure: a DRB PDU that did not decipher to an IP
     * packet of its own length (see LteSecPdcp for what this check can and cannot detect):
     * IMSI, C-RNTI, LCID, COUNT
     */
    typedef void (*DecipheringFailureTracedCallback)(uint64_t imsi,
                                                     uint16_t rnti,
                                                     uint8_t lcid,
                                                     uint32_t count);
    /// TracedCallback signature of PduDiscarded: IMSI, C-RNTI, LCID, COUNT, reason
    typedef void (*PduDiscardedTracedCallback)(uint64_t imsi,
                                               uint16_t rnti,
                                               uint8_t lcid,
                                               uint32_t count,
                                               const std::string& reason);
    /// TracedCallback signature of HandoverRejected
    typedef void (*HandoverRejectedTracedCallback)(uint64_t imsi,
                                                   uint16_t sourceCellId,
                                                   const std::string& reason);
    /// TracedCallback signature of CapabilityMismatch: IMSI, cell, capabilities received from
    /// the source, capabilities the MME holds (as "eea0,eea2/eia1,eia2")
    typedef void (*CapabilityMismatchTracedCallback)(uint64_t imsi,
                                                     uint16_t cellId,
                                                     const std::string& received,
                                                     const std::string& mme);
    /// TracedCallback signature of SecurityMessage
    typedef void (*SecurityMessageTracedCallback)(const std::string& interface,
                                                  const std::string& message,
                                                  uint64_t imsi,
                                                  uint32_t securityBytes);

    // LteEnbAsSecuritySapProvider
    Ptr<LtePdcp> CreatePdcp(uint16_t rnti, uint8_t lcid) override;
    void InitialContextSetup(uint16_t rnti,
                             uint64_t imsi,
                             const SecurityBytes& ueSecurityCapabilities,
                             const SecurityBytes& securityKey) override;
    SecurityBytes PrepareHandover(uint16_t rnti, uint64_t imsi, uint16_t targetCellId) override;
    SecurityBytes PrepareS1Handover(uint16_t rnti, uint64_t imsi, uint16_t targetCellId) override;
    bool AdmitS1Handover(uint16_t rnti,
                         uint64_t imsi,
                         uint16_t sourceCellId,
                         uint16_t targetCellId,
                         const SecurityBytes& securityContext,
                         const SecurityBytes& ueSecurityCapabilities,
                         const SecurityBytes& nasSecurityParameters) override;
    SecurityBytes GetUeSecurityCapabilities(uint16_t rnti) override;
    bool AdmitHandover(uint16_t rnti,
                       uint64_t imsi,
                       uint16_t sourceCellId,
                       uint16_t targetCellId,
                       const SecurityBytes& asSecurityInformation) override;
    void BuildRrcConnectionReconfiguration(uint16_t rnti,
                                           LteRrcSap::RrcConnectionReconfiguration& msg) override;
    bool RecvRrcConnectionReconfigurationCompleted(
        uint16_t rnti,
        const LteRrcSap::RrcConnectionReconfigurationCompleted& msg,
        bool handover) override;
    void HandoverCompleted(uint16_t rnti,
                           const SecurityBytes& securityContext,
                           const SecurityBytes& ueSecurityCapabilities) override;
    void ReleasePdcp(uint16_t rnti, uint8_t lcid) override;
    void RemoveUe(uint16_t rnti) override;
    bool AdmitReestablishment(uint16_t oldRnti,
                              uint16_t newRnti,
                              uint16_t cellId,
                              const LteRrcSap::ReestabUeIdentity& identity) override;
    void BuildRrcConnectionReestablishment(uint16_t rnti,
                                           LteRrcSap::RrcConnectionReestablishment& msg) override;

    /// TracedCallback signature of ReestablishmentKey: IMSI, cell, new C-RNTI, old C-RNTI, the
    /// keys taken ("reuse", "refresh", "KeNB*")
    typedef void (*ReestablishmentKeyTracedCallback)(uint64_t imsi,
                                                     uint16_t cellId,
                                                     uint16_t rnti,
                                                     uint16_t oldRnti,
                                                     const std::string& keys);

  protected:
    void DoDispose() override;

  private:
    /// Where a UE stands.
    enum class Phase
    {
        NO_SECURITY,       ///< no KeNB yet
        SMC_PENDING,       ///< KeNB and keys ready, the security mode command not yet sent
        SMC_SENT,          ///< the command left, protected; its verified complete is awaited
        ACTIVE,            ///< protected both ways, confirmed by the UE
        HANDOVER_ADMITTED, ///< arriving by handover, keys ready, confirm awaited
    };

    /// Per-UE state.
    struct UeEntry
    {
        uint64_t imsi{0};
        uint16_t cellId{0}; ///< the cell the UE is served by
        Phase phase{Phase::NO_SECURITY};
        bool algorithmsChanged{false};
        std::vector<uint8_t> nonce; ///< key refresh nonce sent in the handover command (if any)
        std::vector<uint8_t> nasContainer; ///< inter-MME: the NAS part of the handover command
        ltesec::EnbUeSecurityContext ctx;
        std::map<uint8_t, Ptr<LteSecPdcp>> pdcps;
        uint32_t idealDlCount{0}; ///< ideal RRC: COUNT of the next protected downlink message
        uint32_t idealUlNext{0};  ///< ideal RRC: lowest COUNT acceptable from the UE
    };

    void ActivatePdcps(uint16_t rnti);
    void ActivatePdcp(const UeEntry& ue, Ptr<LteSecPdcp> pdcp) const;
    void TraceKeys(const UeEntry& ue) const;
    // LteSecPdcpUser: the PDCP entities' events, traced with the IMSI
    void PdcpIntegrityFailure(uint16_t rnti, uint8_t lcid, uint32_t count) override;
    void PdcpDecipheringFailure(uint16_t rnti, uint8_t lcid, uint32_t count) override;
    void PdcpDiscard(uint16_t rnti,
                     uint8_t lcid,
                     uint32_t count,
                     const std::string& reason) override;
    /// Selects by priority (EIA0 only when allowed). \return false if nothing is in common
    bool SelectAlgorithms(const ltesec::UeSecurityCapabilities& caps,
                          ltesec::AsAlgorithms& algs) const;
    /// \return true if this eNB may use \p eia (EIA0 only with AllowNullIntegrity)
    bool Allows(ltesec::Eia eia) const;
    /// \return true if this eNB may use \p eea
    bool Allows(ltesec::Eea eea) const;
    /// Selects the algorithms of a UE arriving by handover; \return false if none in common
    bool SelectForHandover(UeEntry& ue, const ltesec::AsAlgorithms& source);
    /// The MME's capabilities differ from those the source sent: re-select (TS 33.401 7.2.4.2.2)
    void CheckCapabilitiesAtPathSwitch(uint16_t rnti, const ltesec::UeSecurityCapabilities& stored);
    /// Starts AS security for a UE with KeNB and its capabilities (initial context setup).
    void StartSecurity(uint16_t rnti,
                       uint64_t imsi,
                       const ltesec::Kenb& kenb,
                       const ltesec::UeSecurityCapabilities& caps);
    /// Admits a UE arriving by handover with the scheme's key and the UE's capabilities
    /// (\p source: the algorithms the source used, if known); \return false to reject
    bool Admit(uint16_t rnti,
               uint64_t imsi,
               uint16_t sourceCellId,
               uint16_t targetCellId,
               const ltesec::HandoverKey& received,
               bool s1,
               const ltesec::UeSecurityCapabilities& caps,
               const ltesec::AsAlgorithms* source);
    /// Starts the intra-cell handover that changes algorithms once the UE is settled.
    void StartIntraCellHandover(uint16_t rnti, uint64_t imsi, uint32_t attempt);
    /// Ideal RRC: \return true if the MAC-I of a reconfiguration complete verifies
    bool VerifyIdealComplete(UeEntry& ue,
                             const LteRrcSap::RrcConnectionReconfigurationCompleted& msg) const;
    /// Puts the ideal-RRC MAC-I on a message the UE must verify.
    void AddIdealMacI(UeEntry& ue, LteRrcSap::RrcConnectionReconfiguration& msg) const;

    void SetEeaPriority(std::string list);
    std::string GetEeaPriority() const;
    void SetEiaPriority(std::string list);
    std::string GetEiaPriority() const;

    void SetBidDownEea(std::string list);
    std::string GetBidDownEea() const;

    uint16_t m_cellId{0};
    Ptr<LteSecScheme> m_scheme;
    bool m_tamperCommandNcc{false};
    Ptr<LteSecMme> m_mme;
    Ptr<LteEnbRrc> m_rrc;
    bool m_idealRrc{false};
    bool m_allowNullIntegrity{false};
    std::vector<ltesec::Eea> m_bidDownEea; ///< validation: capabilities forwarded instead
    std::map<uint64_t, ltesec::AsAlgorithms> m_forced; ///< IMSI -> algorithms of an intra-cell HO
    Ptr<LteSecKeyLog> m_keyLog;
    std::vector<ltesec::Eea> m_eeaPriority;
    std::vector<ltesec::Eia> m_eiaPriority;
    bool m_tamperReceivedKenb{false};
    bool m_refreshNonce{false};
    bool m_kenbInHandoverRequired{true};
    int m_reestablishmentKeys{1}; ///< attribute ReestablishmentKeys (ltesec::ReestablishmentKeys)
    Ptr<UniformRandomVariable> m_nonceRng;
    std::map<uint16_t, UeEntry> m_ues;

    KeyDerivationTrace m_keyDerivationTrace;
    TracedCallback<uint64_t, uint16_t, uint8_t, uint32_t> m_integrityFailureTrace;
    TracedCallback<uint64_t, uint16_t, uint8_t, uint32_t> m_decipheringFailureTrace;
    TracedCallback<uint64_t, uint16_t, uint8_t, uint32_t, const std::string&> m_pduDiscardedTrace;
    TracedCallback<const std::string&, const std::string&, uint64_t, uint32_t>
        m_securityMessageTrace;
    TracedCallback<uint64_t, uint16_t, const std::string&> m_handoverRejectedTrace;
    TracedCallback<uint64_t, uint16_t, uint16_t, const std::string&, uint8_t, const std::string&>
        m_handoverKeyTrace;
    TracedCallback<uint64_t, uint16_t, const std::string&, const std::string&>
        m_capabilityMismatchTrace;
    TracedCallback<uint64_t, uint16_t, uint16_t, uint16_t, const std::string&>
        m_reestablishmentKeyTrace;
    /// ReestablishmentRejected: IMSI, cell, reason (the same signature as HandoverRejected)
    TracedCallback<uint64_t, uint16_t, const std::string&> m_reestablishmentRejectedTrace;
};

/// Parses an algorithm list attribute; aborts naming \p attribute on an unknown name or an empty
/// list (see ltesec::ParseEeaList()).
std::vector<ltesec::Eea> ParseEeaAttribute(const std::string& list, const std::string& attribute);
/// \copydoc ParseEeaAttribute
std::vector<ltesec::Eia> ParseEiaAttribute(const std::string& list, const std::string& attribute);

} // namespace ns3

#endif /* LTE_SEC_ENB_RRC_H */
