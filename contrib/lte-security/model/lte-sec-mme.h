/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_MME_H
#define LTE_SEC_MME_H

#include "lte-sec-context.h"
#include "lte-sec-nas.h"
#include "lte-sec-scheme.h"

#include "ns3/epc-mme-security-sap.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>

namespace ns3
{

/**
 * \ingroup lte-security
 *
 * The MME's share of AS security (and the stand-in for authentication): holds KASME per IMSI
 * and, at each S1AP INITIAL CONTEXT SETUP, derives a fresh KeNB from KASME and the uplink NAS
 * COUNT (TS 33.401 7.2.8.1) for the eNB.
 *
 * KASME comes from ProvisionKasme() or, for an IMSI not provisioned, from the KasmeMasterKey
 * attribute: KASME = KDF(master key, FC 0xF1 || IMSI (8 bytes) || 0x0008), so that every UE has
 * its own KASME without an authentication procedure.
 *
 * With S1-AP on a link it fills the security IEs of the MME's S1AP messages
 * (EpcMmeSecuritySapProvider): Security Key and UE Security Capabilities of INITIAL CONTEXT SETUP
 * REQUEST, Security Context and UE Security Capabilities of PATH SWITCH REQUEST ACKNOWLEDGE and
 * of HANDOVER REQUEST. Without EPC, the eNB model calls it directly.
 */
class LteSecMme : public Object, public EpcMmeSecuritySapProvider
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();

    LteSecMme();
    ~LteSecMme() override;

    /// Set the KASME of an IMSI (overrides the master-key derivation; applies from the next
    /// initial context setup). A UE gets its KASME when the helper installs it: provision first.
    void ProvisionKasme(uint64_t imsi, const ltesec::Kasme& kasme);

    /// \return the KASME of an IMSI, provisioned or derived from the master key
    ltesec::Kasme GetKasme(uint64_t imsi) const;

    /// Records the security capabilities a UE announces (in reality, in its attach request).
    void RegisterUe(uint64_t imsi, const ltesec::UeSecurityCapabilities& caps);

    /**
     * S1AP INITIAL CONTEXT SETUP: a fresh KeNB for the UE's new connection; the uplink NAS COUNT
     * advances by one per connection (the NAS message that started it).
     * \param imsi the IMSI
     * \param[out] caps the UE's security capabilities
     * \return KeNB
     */
    ltesec::Kenb InitialContextSetup(uint64_t imsi, ltesec::UeSecurityCapabilities& caps);

    /**
     * S1AP PATH SWITCH REQUEST / ACKNOWLEDGE, security part (TS 33.401 7.2.4.2.2): the target eNB
     * sends the UE security capabilities it received from the source; the MME answers with its
     * own copy (the target must use it and re-select algorithms if the two differ).
     * \param imsi the IMSI
     * \param received the capabilities the target eNB holds
     * \return the MME's copy
     */
    ltesec::UeSecurityCapabilities PathSwitch(uint64_t imsi,
                                              const ltesec::UeSecurityCapabilities& received);

    /**
     * \copydoc PathSwitch(uint64_t,const ltesec::UeSecurityCapabilities&)
     * \param[out] key the Security Context the scheme answers with (NH, NCC)
     */
    ltesec::UeSecurityCapabilities PathSwitch(uint64_t imsi,
                                              const ltesec::UeSecurityCapabilities& received,
                                              ltesec::HandoverKey& key);

    /// Set the key-handling scheme (LteSecurityHelper shares one per scenario; default: seed).
    void SetScheme(Ptr<LteSecScheme> scheme);
    /// \return the key-handling scheme
    Ptr<LteSecScheme> GetScheme() const;

    /// \return the MME's security context of an IMSI (created on first use)
    ltesec::MmeUeSecurityContext& GetContext(uint64_t imsi);

    // EpcMmeSecuritySapProvider
    void InitialContextSetup(uint64_t imsi,
                             SecurityBytes& ueSecurityCapabilities,
                             SecurityBytes& securityKey) override;
    void PathSwitch(uint64_t imsi,
                    uint16_t cellId,
                    const SecurityBytes& receivedCapabilities,
                    SecurityBytes& securityContext,
                    SecurityBytes& ueSecurityCapabilities) override;
    void HandoverRequired(uint64_t imsi,
                          uint16_t sourceCellId,
                          uint16_t targetCellId,
                          const SecurityBytes& sourceSecurityContext,
                          SecurityBytes& securityContext,
                          SecurityBytes& ueSecurityCapabilities,
                          SecurityBytes& nasSecurityParameters) override;
    void PrepareForwardRelocation(uint64_t imsi,
                                  uint16_t sourceCellId,
                                  uint16_t targetCellId,
                                  const SecurityBytes& sourceSecurityContext,
                                  SecurityBytes& mmContext,
                                  std::vector<SecurityBytes>& privateExtensions) override;
    bool ForwardRelocation(uint64_t imsi,
                           uint16_t targetCellId,
                           const SecurityBytes& mmContext,
                           const std::vector<SecurityBytes>& privateExtensions,
                           SecurityBytes& securityContext,
                           SecurityBytes& ueSecurityCapabilities,
                           SecurityBytes& nasSecurityParameters) override;

    /// TracedCallback signature of NasAlgorithmsChanged
    typedef void (*NasAlgorithmsChangedTracedCallback)(uint64_t imsi,
                                                       const std::string& from,
                                                       const std::string& to);

    /// \return true if the MME holds a security context for \p imsi
    bool HasContext(uint64_t imsi) const;

    /// \return the NasAlgorithmChange attribute: how a change of NAS algorithms is made
    ltesec::NasAlgorithmChange GetNasAlgorithmChange() const;

    /**
     * The NAS algorithms an inter-MME handover left for a NAS security mode command to take
     * into use (NasAlgorithmChange smc-*); fires NasAlgorithmsChanged.
     * \param imsi the UE
     * \param[out] eea this MME's NAS cipher for it
     * \param[out] eia this MME's NAS integrity algorithm for it
     * \return false if no change is pending (nothing is changed)
     */
    bool TakePendingNasAlgorithms(uint64_t imsi, ltesec::Eea& eea, ltesec::Eia& eia);

    /// TracedCallback signature of SecurityMessage: interface, message, IMSI, security bytes
    typedef void (*SecurityMessageTracedCallback)(const std::string& interface,
                                                  const std::string& message,
                                                  uint64_t imsi,
                                                  uint32_t securityBytes);

  protected:
    void DoDispose() override;

  private:
    void SetMasterKey(std::string hex);
    void SetNasAlgorithmChangeValue(int value);
    int GetNasAlgorithmChangeValue() const;
    std::string GetMasterKeyHex() const;
    void SetNasEeaPriority(std::string list);
    std::string GetNasEeaPriority() const;
    void SetNasEiaPriority(std::string list);
    std::string GetNasEiaPriority() const;
    /// \return the Security Context a source eNB sent (present = false: none or malformed)
    ltesec::HandoverKey FromSource(uint64_t imsi,
                                   uint16_t sourceCellId,
                                   const SecurityBytes& fromSource) const;
    /// \return the Security Context IE value carrying \p key
    std::vector<uint8_t> EncodeSecurityContext(uint64_t imsi,
                                               const ltesec::MmeUeSecurityContext& ctx,
                                               const ltesec::HandoverKey& key) const;
    /// Selects NAS algorithms by this MME's priorities among the UE's; \return false if none
    bool SelectNasAlgorithms(const ltesec::UeSecurityCapabilities& caps,
                             ltesec::Eea& eea,
                             ltesec::Eia& eia) const;

    Ptr<LteSecScheme> m_scheme;
    std::vector<ltesec::Eea> m_nasEeaPriority;
    std::vector<ltesec::Eia> m_nasEiaPriority;
    std::map<uint64_t, bool> m_nasSelected; ///< NAS algorithms chosen (at the first attach)
    bool m_tamperNasMac{false};     ///< validation: corrupt the NAS-MAC of the NAS container
    bool m_replayDlNasCount{false}; ///< validation: reuse the last downlink NAS COUNT
    ltesec::NasAlgorithmChange m_nasAlgorithmChange{ltesec::NasAlgorithmChange::TS33401};
    /// NAS algorithms an inter-MME handover left to a NAS security mode command, per IMSI
    std::map<uint64_t, std::pair<ltesec::Eea, ltesec::Eia>> m_pendingNasAlgorithms;

    ltesec::Key256 m_masterKey;
    std::map<uint64_t, ltesec::Kasme> m_provisioned;
    std::map<uint64_t, ltesec::MmeUeSecurityContext> m_contexts;
    /// SecurityMessage: the security IEs of each S1AP message the MME sends
    TracedCallback<const std::string&, const std::string&, uint64_t, uint32_t>
        m_securityMessageTrace;
    /// NasAlgorithmsChanged: IMSI, old and new NAS algorithms ("eea2/eia2")
    TracedCallback<uint64_t, const std::string&, const std::string&> m_nasAlgorithmsChangedTrace;
};

} // namespace ns3

#endif /* LTE_SEC_MME_H */
