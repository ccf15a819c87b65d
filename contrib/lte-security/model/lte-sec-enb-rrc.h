/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_ENB_RRC_H
#define LTE_SEC_ENB_RRC_H

#include "lte-sec-context.h"
#include "lte-sec-key-log.h"
#include "lte-sec-mme.h"
#include "lte-sec-pdcp.h"

#include "ns3/lte-as-security-sap.h"
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
class LteSecEnbRrc : public Object, public LteEnbAsSecuritySapProvider
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
     * \param cellId the cell of this eNB (for traces)
     * \param mme the MME model
     * \param keyLog the key log, or nullptr
     */
    void Setup(uint16_t cellId, Ptr<LteSecMme> mme, Ptr<LteSecKeyLog> keyLog);

    /// Size of the AS Security Information IE content: KeNB, EEA and EIA bitmaps, algorithms.
    static constexpr uint32_t AS_SECURITY_INFORMATION_SIZE = 32 + 2 + 1;
    /// Bytes the AS Security Information IE adds to an X2 HANDOVER REQUEST (with its IE header).
    static constexpr uint32_t AS_SECURITY_INFORMATION_IE_SIZE = 4 + AS_SECURITY_INFORMATION_SIZE;

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
    /// TracedCallback signature of HandoverRejected
    typedef void (*HandoverRejectedTracedCallback)(uint64_t imsi,
                                                   uint16_t sourceCellId,
                                                   const std::string& reason);
    /// TracedCallback signature of SecurityMessage
    typedef void (*SecurityMessageTracedCallback)(const std::string& interface,
                                                  const std::string& message,
                                                  uint64_t imsi,
                                                  uint32_t securityBytes);

    // LteEnbAsSecuritySapProvider
    Ptr<LtePdcp> CreatePdcp(uint16_t rnti, uint8_t lcid) override;
    void InitialContextSetup(uint16_t rnti, uint64_t imsi) override;
    std::vector<uint8_t> PrepareHandover(uint16_t rnti,
                                         uint64_t imsi,
                                         uint16_t targetCellId) override;
    bool AdmitHandover(uint16_t rnti,
                       uint64_t imsi,
                       uint16_t sourceCellId,
                       uint16_t targetCellId,
                       const std::vector<uint8_t>& asSecurityInformation) override;
    void BuildRrcConnectionReconfiguration(uint16_t rnti,
                                           LteRrcSap::RrcConnectionReconfiguration& msg) override;
    bool RecvRrcConnectionReconfigurationCompleted(
        uint16_t rnti,
        const LteRrcSap::RrcConnectionReconfigurationCompleted& msg,
        bool handover) override;
    void HandoverCompleted(uint16_t rnti) override;
    void RemoveUe(uint16_t rnti) override;

  protected:
    void DoDispose() override;

  private:
    /// Where a UE stands.
    enum class Phase
    {
        NO_SECURITY,       ///< no KeNB yet
        SMC_PENDING,       ///< KeNB and keys ready, the security mode command not yet sent
        ACTIVE,            ///< protected
        HANDOVER_ADMITTED, ///< arriving by handover, keys ready, confirm awaited
    };

    /// Per-UE state.
    struct UeEntry
    {
        uint64_t imsi{0};
        Phase phase{Phase::NO_SECURITY};
        bool algorithmsChanged{false};
        std::vector<uint8_t> nonce; ///< key refresh nonce sent in the handover command (if any)
        ltesec::EnbUeSecurityContext ctx;
        std::map<uint8_t, Ptr<LteSecPdcp>> pdcps;
    };

    void ActivatePdcps(uint16_t rnti);
    void ActivatePdcp(const UeEntry& ue, Ptr<LteSecPdcp> pdcp) const;
    void TraceKeys(const UeEntry& ue) const;
    void PdcpIntegrityFailure(uint16_t rnti, uint8_t lcid, uint32_t count);
    void PdcpDecipheringFailure(uint16_t rnti, uint8_t lcid, uint32_t count);
    uint32_t SecurityConfigBytes(const LteRrcSap::RrcConnectionReconfiguration& msg) const;
    bool SelectAlgorithms(const ltesec::UeSecurityCapabilities& caps,
                          ltesec::AsAlgorithms& algs) const;

    void SetEeaPriority(std::string list);
    std::string GetEeaPriority() const;
    void SetEiaPriority(std::string list);
    std::string GetEiaPriority() const;

    uint16_t m_cellId{0};
    Ptr<LteSecMme> m_mme;
    Ptr<LteSecKeyLog> m_keyLog;
    std::vector<ltesec::Eea> m_eeaPriority;
    std::vector<ltesec::Eia> m_eiaPriority;
    bool m_tamperReceivedKenb{false};
    bool m_refreshNonce{false};
    Ptr<UniformRandomVariable> m_nonceRng;
    std::map<uint16_t, UeEntry> m_ues;

    KeyDerivationTrace m_keyDerivationTrace;
    TracedCallback<uint64_t, uint16_t, uint8_t, uint32_t> m_integrityFailureTrace;
    TracedCallback<uint64_t, uint16_t, uint8_t, uint32_t> m_decipheringFailureTrace;
    TracedCallback<const std::string&, const std::string&, uint64_t, uint32_t>
        m_securityMessageTrace;
    TracedCallback<uint64_t, uint16_t, const std::string&> m_handoverRejectedTrace;
};

/// Parses an algorithm list attribute; aborts naming \p attribute on an unknown name or an empty
/// list (see ltesec::ParseEeaList()).
std::vector<ltesec::Eea> ParseEeaAttribute(const std::string& list, const std::string& attribute);
/// \copydoc ParseEeaAttribute
std::vector<ltesec::Eia> ParseEiaAttribute(const std::string& list, const std::string& attribute);

/**
 * The MAC-I that PDCP would put on an RRCConnectionReconfigurationComplete, for ideal RRC which
 * has no PDCP: EIA over the 1-byte transaction identifier with COUNT 0, BEARER 0, uplink.
 */
uint32_t IdealRrcMacI(ltesec::Eia eia, const ltesec::AlgKey& krrcInt, uint8_t transactionId);

} // namespace ns3

#endif /* LTE_SEC_ENB_RRC_H */
