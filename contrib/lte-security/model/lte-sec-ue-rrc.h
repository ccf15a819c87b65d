/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_UE_RRC_H
#define LTE_SEC_UE_RRC_H

#include "lte-sec-context.h"
#include "lte-sec-key-log.h"
#include "lte-sec-pdcp.h"
#include "lte-sec-scheme.h"

#include "ns3/lte-as-security-sap.h"
#include "ns3/lte-ue-rrc.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <array>
#include <map>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup lte-security
 *
 * The UE side of AS security, plugged into LteUeRrc through its LteUeAsSecuritySapProvider.
 * On the security mode command (the first RRCConnectionReconfiguration with securityConfigHO and
 * no mobilityControlInfo) it derives KeNB from its KASME and uplink NAS COUNT and the RRC/UP keys
 * from KeNB and its C-RNTI; on a handover command it derives fresh keys from the same KeNB and
 * the new C-RNTI (and the new algorithms if announced), so that the handover confirm leaves
 * protected with the target's keys. A command naming an algorithm the UE does not support is
 * discarded, and so is a security mode command whose MAC-I cannot be checked or does not verify
 * (the UE then fails closed: its PDCP entities deliver nothing until the connection is
 * released). EIA0 is accepted only with AllowNullIntegrity. If a handover gives back a C-RNTI
 * already used under the current KeNB, keys repeat (KRRCenc and KUPenc depend on the EEA,
 * KRRCint on the EIA), and the PDCP COUNTs restart at 0: the KeyReuse trace reports each key.
 */
class LteSecUeRrc : public Object, public LteUeAsSecuritySapProvider, private LteSecPdcpUser
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();

    LteSecUeRrc();
    ~LteSecUeRrc() override;

    /**
     * Set the UE's identity and KASME.
     * \param imsi the IMSI
     * \param kasme the KASME shared with the MME
     * \param keyLog the key log, or nullptr
     * \param rrc the UE's RRC (for the serving cell in traces)
     */
    void Setup(uint64_t imsi,
               const ltesec::Kasme& kasme,
               Ptr<LteSecKeyLog> keyLog,
               Ptr<LteUeRrc> rrc);

    /**
     * How many uplink NAS COUNTs from its own the UE tries on a security mode command: the MME
     * advances its count for every connection it sets up, also for one whose command the UE
     * rejected or never received (see RecvRrcConnectionReconfiguration()).
     */
    static constexpr uint32_t NAS_COUNT_LOOKAHEAD = 16;

    /// Set the key-handling scheme (LteSecurityHelper shares one per scenario; default: seed).
    void SetScheme(Ptr<LteSecScheme> scheme);

    /// TracedCallback signature of NhSync: IMSI, target PCI, the command's NCC, NH derivations
    typedef void (*NhSyncTracedCallback)(uint64_t imsi,
                                         uint16_t pci,
                                         uint8_t ncc,
                                         uint32_t nhSteps);

    /// \return the UE's security capabilities (attributes SupportedEea, SupportedEia)
    ltesec::UeSecurityCapabilities GetCapabilities() const;

    /// \return the UE's security context
    const ltesec::UeSecurityContext& GetContext() const;

    /// \return true while AS security is active
    bool IsActive() const;

    /**
     * TracedCallback signature of KeyReuse: IMSI, cell, C-RNTI, the keys that repeat (e.g.
     * "KRRCenc,KUPenc")
     */
    typedef void (*KeyReuseTracedCallback)(uint64_t imsi,
                                           uint16_t cellId,
                                           uint16_t rnti,
                                           const std::string& keys);

    /// TracedCallback signature of CommandRejected: IMSI, cell, reason
    typedef void (*CommandRejectedTracedCallback)(uint64_t imsi,
                                                  uint16_t cellId,
                                                  const std::string& reason);

    // LteUeAsSecuritySapProvider
    Ptr<LtePdcp> CreatePdcp(uint16_t rnti, uint8_t lcid) override;
    bool RecvRrcConnectionReconfiguration(
        uint16_t rnti,
        const LteRrcSap::RrcConnectionReconfiguration& msg) override;
    void SendRrcConnectionReconfigurationCompleted(
        uint16_t rnti,
        LteRrcSap::RrcConnectionReconfigurationCompleted& msg,
        bool handover) override;
    void ReleasePdcp(uint16_t rnti, uint8_t lcid) override;
    void ConnectionReleased() override;
    void SendRrcConnectionReestablishmentRequest(uint16_t cellId,
                                                 LteRrcSap::ReestabUeIdentity& identity) override;
    bool RecvRrcConnectionReestablishment(
        uint16_t rnti,
        uint16_t cellId,
        const LteRrcSap::ReestabUeIdentity& identity,
        const LteRrcSap::RrcConnectionReestablishment& msg) override;

    /// \return the logical channels of the PDCP entities the model holds (released ones gone)
    std::vector<uint8_t> GetPdcpLcids() const;

    /// \return the UE's NAS security context (NAS algorithms and keys as the last inter-MME
    /// handover command set them, the next downlink NAS COUNT it accepts)
    const ltesec::NasSecurityContext& GetNasContext() const;

    /// \return the UE's NAS security context, for the UE's NAS security model (LteSecUeNas)
    ltesec::NasSecurityContext& NasContext();

    /// \return the UE's IMSI (0 before Setup())
    uint64_t GetImsi() const;

    /// TracedCallback signature of NasSecurityChanged: IMSI, "eea2/eia2", the downlink NAS COUNT
    typedef void (*NasSecurityChangedTracedCallback)(uint64_t imsi,
                                                     const std::string& algorithms,
                                                     uint32_t dlNasCount);

  protected:
    void DoDispose() override;

  private:
    void ActivatePdcp(Ptr<LteSecPdcp> pdcp) const;
    void TraceKeys(uint16_t cellId) const;
    /// Fires KeyReuse for each key that was already derived under the current KeNB.
    void CheckKeyReuse(uint16_t cellId);
    /// \return true if the algorithms of \p sc are known and supported by this UE (and EIA0
    /// allowed when named); otherwise the command is rejected (traced)
    bool AcceptAlgorithms(const LteRrcSap::SecurityConfigHo& sc);
    /// Rejects a command: traced, false returned.
    bool Reject(const std::string& reason);
    /// The security mode command; \return false if rejected
    bool RecvSecurityModeCommand(uint16_t rnti, const LteRrcSap::RrcConnectionReconfiguration& msg);
    /// The handover command; \return false if rejected
    bool RecvHandoverCommand(const LteRrcSap::RrcConnectionReconfiguration& msg);
    /// The NAS part of an inter-MME handover command; \return false if rejected
    bool RecvNasContainer(const std::array<uint8_t, 7>& bytes);
    // LteSecPdcpUser: the PDCP entities' events, traced with the IMSI
    void PdcpIntegrityFailure(uint16_t rnti, uint8_t lcid, uint32_t count) override;
    void PdcpDecipheringFailure(uint16_t rnti, uint8_t lcid, uint32_t count) override;
    void PdcpDiscard(uint16_t rnti,
                     uint8_t lcid,
                     uint32_t count,
                     const std::string& reason) override;
    uint16_t CellId() const;

    void SetSupportedEea(std::string list);
    std::string GetSupportedEea() const;
    void SetSupportedEia(std::string list);
    std::string GetSupportedEia() const;

    ltesec::UeSecurityContext m_ctx;
    /// the context before the last handover: what a re-establishment in the source falls back to
    ltesec::UeSecurityContext m_beforeHandover;
    bool m_haveBeforeHandover{false};
    bool m_tamperShortMacI{false}; ///< attribute TamperShortMacI
    int m_reestablishmentKeys{1};  ///< attribute ReestablishmentKeys
    Ptr<LteSecScheme> m_scheme;
    bool m_active{false};
    bool m_smcRejected{false}; ///< a security mode command failed: fail closed until release
    bool m_allowNullIntegrity{false};
    Ptr<LteSecKeyLog> m_keyLog;
    LteUeRrc* m_rrc{nullptr};
    std::map<uint8_t, Ptr<LteSecPdcp>> m_pdcps;
    uint32_t m_idealUlCount{0}; ///< ideal RRC: COUNT of the next protected uplink message
    uint32_t m_idealDlNext{0};  ///< ideal RRC: lowest COUNT acceptable from the eNB

    KeyDerivationTrace m_keyDerivationTrace;
    TracedCallback<uint64_t, uint16_t, uint8_t, uint32_t> m_integrityFailureTrace;
    TracedCallback<uint64_t, uint16_t, uint8_t, uint32_t> m_decipheringFailureTrace;
    TracedCallback<uint64_t, uint16_t, uint8_t, uint32_t, const std::string&> m_pduDiscardedTrace;
    TracedCallback<uint64_t, uint16_t, uint16_t, const std::string&> m_keyReuseTrace;
    TracedCallback<uint64_t, uint16_t, const std::string&> m_commandRejectedTrace;
    TracedCallback<uint64_t, const std::string&, uint32_t> m_nasSecurityChangedTrace;
    TracedCallback<uint64_t, uint16_t, uint8_t, uint32_t> m_nhSyncTrace;

    /// Fingerprints of the keys derived from the current KeNB, per key (KRRCenc, KRRCint,
    /// KUPenc), as KeyFingerprintValue(): a repeat means repeated keystream or MAC
    /// keys once PDCP COUNTs restart
    std::array<std::vector<uint32_t>, 3> m_usedUnderKenb;
    /// Forgets the keys derived from the previous KeNB.
    void ClearUsedUnderKenb();
};

} // namespace ns3

#endif /* LTE_SEC_UE_RRC_H */
