/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_NAS_ADVERSARY_H
#define LTE_SEC_NAS_ADVERSARY_H

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <string>
#include <vector>

namespace ns3
{

class LteSecurityHelper;
class LteUeNetDevice;

/**
 * \ingroup lte-security
 *
 * The replay of S3-070553 on a UE that leaves an MME and comes back (A -> B -> A): an adversary
 * on S1-MME records the protected NAS messages of the UE at MME A during its first stay there
 * (the downlink ones A sends, the uplink ones A accepts) and, at a time the scenario chooses
 * (after the return), sends each again: the downlink ones to the UE in DOWNLINK NAS TRANSPORT
 * from A, the uplink ones to A in UPLINK NAS TRANSPORT from the eNB serving the UE. What the
 * receivers' checks say of each replayed message is the result (ReplayChecked, GetReplays()).
 * Needs LteSecurityHelper's NasMessages.
 */
class LteSecNasReplayAdversary : public Object
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();

    LteSecNasReplayAdversary();
    ~LteSecNasReplayAdversary() override;

    /**
     * Record the NAS messages of a UE at an MME.
     * \param helper the security helper (NasMessages true, devices installed)
     * \param mmeIndex MME A (as LteSecurityHelper::GetMme())
     * \param ue the UE
     */
    void Setup(Ptr<LteSecurityHelper> helper, uint32_t mmeIndex, Ptr<LteUeNetDevice> ue);

    /// Replay every recorded message at \p when.
    void ScheduleReplay(Time when);

    /// One replayed message and what its receiver found
    struct Replay
    {
        std::string direction; ///< "DL" (to the UE) or "UL" (to the MME)
        std::string message;   ///< the NAS message, as recorded
        uint32_t count{0};     ///< its NAS COUNT when it was recorded
        std::string outcome;   ///< the receiver's check: accepted, integrity, replay, malformed;
                               ///< "not delivered" if it never reached the receiver's check
    };

    /// \return the messages recorded at MME A during the first stay, in order
    uint32_t GetRecorded() const;
    /// \return the replayed messages, in order
    std::vector<Replay> GetReplays() const;
    /// \return the number of replayed messages the receiver accepted
    uint32_t GetAccepted() const;

    /// TracedCallback signature of ReplayChecked: direction, message, recorded COUNT, outcome
    typedef void (*ReplayCheckedTracedCallback)(const std::string& direction,
                                                const std::string& message,
                                                uint32_t count,
                                                const std::string& outcome);

  protected:
    void DoDispose() override;

  private:
    struct Recorded
    {
        Replay replay;
        std::vector<uint8_t> pdu;
        bool sent{false}; ///< replayed
    };

    void SentAtA(uint64_t imsi,
                 const std::string& message,
                 uint32_t count,
                 uint32_t bytes,
                 uint32_t securityBytes,
                 const std::vector<uint8_t>& pdu);
    void CheckedAtA(uint64_t imsi,
                    const std::string& message,
                    uint32_t count,
                    const std::string& outcome,
                    const std::vector<uint8_t>& pdu);
    void CheckedElsewhere(uint64_t imsi,
                          const std::string& message,
                          uint32_t count,
                          const std::string& outcome,
                          const std::vector<uint8_t>& pdu);
    void CheckedAtUe(uint64_t imsi,
                     const std::string& message,
                     uint32_t count,
                     const std::string& outcome,
                     const std::vector<uint8_t>& pdu);
    /// Notes the outcome of a replayed message of \p direction with these bytes
    void Outcome(const std::string& direction,
                 const std::vector<uint8_t>& pdu,
                 const std::string& outcome);
    void DoReplay();

    Ptr<LteSecurityHelper> m_helper;
    uint32_t m_mmeIndex{0};
    Ptr<LteUeNetDevice> m_ue;
    uint64_t m_imsi{0};
    bool m_recording{true};      ///< the UE's first stay at MME A
    std::vector<Recorded> m_log; ///< recorded messages
    TracedCallback<const std::string&, const std::string&, uint32_t, const std::string&>
        m_replayCheckedTrace;
};

} // namespace ns3

#endif /* LTE_SEC_NAS_ADVERSARY_H */
