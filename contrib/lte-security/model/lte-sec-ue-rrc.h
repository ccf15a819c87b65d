/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_UE_RRC_H
#define LTE_SEC_UE_RRC_H

#include "lte-sec-context.h"
#include "lte-sec-key-log.h"
#include "lte-sec-pdcp.h"

#include "ns3/lte-as-security-sap.h"
#include "ns3/lte-ue-rrc.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>
#include <set>
#include <tuple>

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
 * discarded. If a handover gives back a C-RNTI (with the same algorithms) already used under the
 * current KeNB, the keys repeat, and the PDCP COUNTs restart at 0: the KeyReuse trace reports it.
 */
class LteSecUeRrc : public Object, public LteUeAsSecuritySapProvider
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

    /// \return the UE's security capabilities (attributes SupportedEea, SupportedEia)
    ltesec::UeSecurityCapabilities GetCapabilities() const;

    /// \return the UE's security context
    const ltesec::UeSecurityContext& GetContext() const;

    /// \return true while AS security is active
    bool IsActive() const;

    /// TracedCallback signature of KeyReuse: IMSI, cell, C-RNTI
    typedef void (*KeyReuseTracedCallback)(uint64_t imsi, uint16_t cellId, uint16_t rnti);

    // LteUeAsSecuritySapProvider
    Ptr<LtePdcp> CreatePdcp(uint16_t rnti, uint8_t lcid) override;
    bool RecvRrcConnectionReconfiguration(
        uint16_t rnti,
        const LteRrcSap::RrcConnectionReconfiguration& msg) override;
    void SendRrcConnectionReconfigurationCompleted(
        uint16_t rnti,
        LteRrcSap::RrcConnectionReconfigurationCompleted& msg,
        bool handover) override;
    void ConnectionReleased() override;

  protected:
    void DoDispose() override;

  private:
    void ActivatePdcp(Ptr<LteSecPdcp> pdcp) const;
    void TraceKeys(uint16_t cellId) const;
    /// Fires KeyReuse if the current keys were already derived from the current KeNB.
    void CheckKeyReuse(uint16_t cellId, const std::vector<uint8_t>& nonce);
    /// \return true if the algorithms of \p sc are known and supported by this UE
    bool AcceptAlgorithms(const LteRrcSap::SecurityConfigHo& sc) const;
    void PdcpIntegrityFailure(uint16_t rnti, uint8_t lcid, uint32_t count);
    void PdcpDecipheringFailure(uint16_t rnti, uint8_t lcid, uint32_t count);

    void SetSupportedEea(std::string list);
    std::string GetSupportedEea() const;
    void SetSupportedEia(std::string list);
    std::string GetSupportedEia() const;

    ltesec::UeSecurityContext m_ctx;
    bool m_active{false};
    Ptr<LteSecKeyLog> m_keyLog;
    LteUeRrc* m_rrc{nullptr};
    std::map<uint8_t, Ptr<LteSecPdcp>> m_pdcps;

    KeyDerivationTrace m_keyDerivationTrace;
    TracedCallback<uint64_t, uint16_t, uint8_t, uint32_t> m_integrityFailureTrace;
    TracedCallback<uint64_t, uint16_t, uint8_t, uint32_t> m_decipheringFailureTrace;
    TracedCallback<uint64_t, uint16_t, uint16_t> m_keyReuseTrace;

    /// (C-RNTI, EEA, EIA, nonce) combinations whose keys were derived from the current KeNB
    std::set<std::tuple<uint16_t, uint8_t, uint8_t, std::vector<uint8_t>>> m_usedUnderKenb;
};

} // namespace ns3

#endif /* LTE_SEC_UE_RRC_H */
