/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_MME_NAS_H
#define LTE_SEC_MME_NAS_H

#include "lte-sec-nas.h"

#include "ns3/object.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace ns3
{

class EpcMmeApplication;
class EpcS1apMessage;
class LteSecMme;

/**
 * \ingroup lte-security
 *
 * NAS security of an MME on real NAS messages, in S1-AP DOWNLINK / UPLINK NAS TRANSPORT: the
 * NAS security mode command of a UE's first connection (the attach's, which ns-3 does not
 * model), and on a TRACKING AREA UPDATE REQUEST (after an inter-MME handover) the accept, preceded
 * by a NAS security mode command when the handover left a change of NAS algorithms to one
 * (LteSecMme attribute NasAlgorithmChange: smc-reset, smc-keep, smc-refresh). Uses the NAS
 * security context of the MME's LteSecMme.
 */
class LteSecMmeNas : public Object
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();

    LteSecMmeNas();
    ~LteSecMmeNas() override;

    /**
     * Connect the model to an MME.
     * \param security the MME's security model (NAS contexts and the rule)
     * \param app the MME application (S1-AP on a link)
     */
    void Setup(Ptr<LteSecMme> security, Ptr<EpcMmeApplication> app);

    /// \return the MME application
    Ptr<EpcMmeApplication> GetApplication() const;

    /**
     * Fix the random stream of the NonceMME values.
     * \param stream the stream index
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

    /// TracedCallback signature of NasMessageSent: IMSI, message, NAS COUNT, bytes, security
    /// bytes (the security header, and the whole of a security mode command), the bytes sent
    typedef void (*NasMessageSentTracedCallback)(uint64_t imsi,
                                                 const std::string& message,
                                                 uint32_t count,
                                                 uint32_t bytes,
                                                 uint32_t securityBytes,
                                                 const std::vector<uint8_t>& pdu);
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
    void RecvNas(uint64_t imsi, std::vector<uint8_t> pdu);
    void S1apRx(const EpcS1apMessage& msg, uint32_t bytes);
    /// Sends a NAS security mode command that takes these algorithms into use
    void SendSecurityModeCommand(uint64_t imsi, ltesec::Eea eea, ltesec::Eia eia, bool first);
    void Send(uint64_t imsi, const ltesec::NasEmmMessage& msg, ltesec::NasSecurityHeader header);

    Ptr<LteSecMme> m_security;
    Ptr<EpcMmeApplication> m_app;
    Ptr<UniformRandomVariable> m_nonce; ///< NonceMME of smc-refresh
    std::set<uint64_t> m_smcDone;       ///< UEs whose first security mode command completed
    std::set<uint64_t> m_tauWaiting;    ///< UEs whose TAU accept waits for a mode command
    TracedCallback<uint64_t,
                   const std::string&,
                   uint32_t,
                   uint32_t,
                   uint32_t,
                   const std::vector<uint8_t>&>
        m_sentTrace;
    TracedCallback<uint64_t,
                   const std::string&,
                   uint32_t,
                   const std::string&,
                   const std::vector<uint8_t>&>
        m_checkedTrace;
};

} // namespace ns3

#endif /* LTE_SEC_MME_NAS_H */
