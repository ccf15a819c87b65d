/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_UE_NAS_H
#define LTE_SEC_UE_NAS_H

#include "lte-sec-nas.h"

#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <string>
#include <vector>

namespace ns3
{

class EpcUeNas;
class LteSecUeRrc;
class LteUeRrc;

/**
 * \ingroup lte-security
 *
 * NAS security of a UE on real NAS messages (TS 24.301 4.4, TS 33.401 7.2.4): the NAS security
 * mode command (verified with the keys of the algorithms it selects), TRACKING AREA UPDATE
 * REQUEST (sent after every inter-MME handover, and by SendTrackingAreaUpdate()) and ACCEPT,
 * each protected with NAS-MAC and ciphered, in ULInformationTransfer / DLInformationTransfer.
 * It shares the NAS security context of the UE's LteSecUeRrc (KASME, algorithms, NAS COUNTs),
 * so that KeNB derivation and the handover command's NAS part see the same counts.
 *
 * Attribute NasAlgorithmChange says which rule the UE follows on a security mode command after
 * the first one; it must match the MMEs' (LteSecurityHelper sets both).
 */
class LteSecUeNas : public Object
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();

    LteSecUeNas();
    ~LteSecUeNas() override;

    /**
     * Connect the model to a UE.
     * \param security the UE's AS security model (its NAS context is shared)
     * \param nas the UE's NAS (transport of the messages)
     * \param rrc the UE's RRC (handover ends)
     */
    void Setup(Ptr<LteSecUeRrc> security, Ptr<EpcUeNas> nas, Ptr<LteUeRrc> rrc);

    /// Send a TRACKING AREA UPDATE REQUEST now (protected with the current NAS context).
    void SendTrackingAreaUpdate();

    /// \return true once a NAS security mode command was accepted
    bool IsActive() const;

    /// TracedCallback signature of NasMessageSent: IMSI, message, NAS COUNT, bytes, security
    /// bytes (the security header, and the whole of a security mode command)
    typedef void (*NasMessageSentTracedCallback)(uint64_t imsi,
                                                 const std::string& message,
                                                 uint32_t count,
                                                 uint32_t bytes,
                                                 uint32_t securityBytes);
    /// TracedCallback signature of NasMessageChecked: IMSI, message ("" if it does not decode),
    /// NAS COUNT, outcome ("accepted", "integrity", "replay", "malformed"), the bytes received
    typedef void (*NasMessageCheckedTracedCallback)(uint64_t imsi,
                                                    const std::string& message,
                                                    uint32_t count,
                                                    const std::string& outcome,
                                                    const std::vector<uint8_t>& pdu);

  protected:
    void DoDispose() override;

  private:
    void SetRule(int value);
    int GetRule() const;
    void RecvNas(std::vector<uint8_t> pdu);
    /// Checks a NAS security mode command; \return the outcome
    ltesec::NasCheck RecvSecurityModeCommand(const std::vector<uint8_t>& pdu,
                                             std::string& error,
                                             uint32_t& count);
    void Send(const ltesec::NasEmmMessage& msg, ltesec::NasSecurityHeader header);
    void NasSecurityChanged(uint64_t imsi, const std::string& algorithms, uint32_t dlNasCount);
    void HandoverEndOk(uint64_t imsi, uint16_t cellId, uint16_t rnti);
    /// \return whether a security mode command restarts the NAS COUNTs
    bool ResetsCounts(bool nonce) const;

    Ptr<LteSecUeRrc> m_security;
    Ptr<EpcUeNas> m_nas;
    ltesec::NasAlgorithmChange m_rule{ltesec::NasAlgorithmChange::TS33401};
    bool m_active{false};     ///< a NAS security mode command was accepted
    bool m_interMmeHo{false}; ///< a handover command with a NAS part: TAU when it ends
    TracedCallback<uint64_t, const std::string&, uint32_t, uint32_t, uint32_t> m_sentTrace;
    TracedCallback<uint64_t,
                   const std::string&,
                   uint32_t,
                   const std::string&,
                   const std::vector<uint8_t>&>
        m_checkedTrace;
};

} // namespace ns3

#endif /* LTE_SEC_UE_NAS_H */
