/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef LTE_SEC_HANDOVER_RECORDER_H
#define LTE_SEC_HANDOVER_RECORDER_H

#include "ns3/lte-security-helper.h"
#include "ns3/object.h"
#include "ns3/packet.h"

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

class EpcS1apMessage;
class EpcS10Message;

/**
 * \ingroup lte-security
 * One handover as the traces saw it: type, cells, MMEs, outcome, latency, and per interface the
 * messages, their bytes and their security bytes.
 */
struct LteSecHandoverRecord
{
    uint64_t imsi{0};
    std::string type;               ///< "X2", "S1 intra-MME" or "S1 inter-MME"
    uint16_t sourceCell{0};         ///< the source cell
    uint16_t targetCell{0};         ///< the target cell
    uint32_t sourceMme{0};          ///< the source cell's MME (SetCellMme())
    uint32_t targetMme{0};          ///< the target cell's MME
    double start{0};                ///< s: X2 HANDOVER REQUEST or S1AP HANDOVER REQUIRED sent
    double confirm{-1};             ///< s: the UE sent its confirm (-1: never)
    std::string outcome{"started"}; ///< "completed", "failed (<trace>)", "started"
    std::string asKeys{"-"};        ///< "agree", "DIFFER" or "-" (no security, or no keys seen)
    std::string nas{"-"};           ///< inter-MME: the UE's new NAS algorithms and "agree"/"DIFFER"
    std::map<std::string, std::string> targetKeys; ///< key name -> fingerprint (target eNB)
    std::map<std::string, std::string> ueKeys;     ///< key name -> fingerprint (UE)
    std::map<std::string, uint32_t> messages;      ///< per interface: messages
    std::map<std::string, uint32_t> bytes;         ///< per interface: bytes (see doc)
    std::map<std::string, uint32_t> securityBytes; ///< per interface: security bytes

    /// \return the latency from the first message to the UE's confirm, in ms (-1: none)
    double LatencyMs() const;
};

/**
 * \ingroup lte-security
 *
 * Builds one LteSecHandoverRecord per handover from trace sources: S1AP and S10 messages
 * (EpcEnbApplication, EpcMmeApplication), X2-C and S11 GTPv2-C messages as they leave the
 * point-to-point links, the security models' SecurityMessage and KeyDerivation traces, and the
 * RRC's handover traces. Bytes: S1-MME and S10, the S1AP-PDUs and GTPv2-C messages; X2 and S11,
 * the UDP payloads (X2AP, GTPv2-C); Uu, the security fields of the handover command and the MAC-I
 * of the command and the confirm (real RRC). X2 messages after the request are attributed by the
 * old eNB UE X2AP ID.
 */
class LteSecHandoverRecorder : public Object
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    LteSecHandoverRecorder();
    ~LteSecHandoverRecorder() override;

    /**
     * Connects to every trace source of the simulation (call after the devices, the EPC and the
     * security models exist).
     * \param security the security helper (nullptr: security off)
     */
    void Install(Ptr<LteSecurityHelper> security);

    /// Declares the MME (pool area) of a cell.
    void SetCellMme(uint16_t cellId, uint32_t mme);

    /// \return the records, in start order
    const std::vector<LteSecHandoverRecord>& GetRecords() const;

    /// Writes the records as CSV (a header line, one line per handover).
    void WriteCsv(std::ostream& os) const;

    /// Writes one record as a line of text.
    static void Print(std::ostream& os, const LteSecHandoverRecord& r);

    /// The interfaces of the records, in print order
    static const std::vector<std::string>& Interfaces();

  protected:
    void DoDispose() override;

  private:
    LteSecHandoverRecord* Current(uint64_t imsi);
    LteSecHandoverRecord& Open(uint64_t imsi,
                               const std::string& type,
                               uint16_t source,
                               uint16_t target);
    void Count(uint64_t imsi, const std::string& interface, uint32_t bytes);
    void S1apTx(const EpcS1apMessage& msg, uint32_t bytes);
    void S10Tx(const EpcS10Message& msg, uint32_t bytes);
    void LinkTx(Ptr<const Packet> p);
    void SecurityMessage(const std::string& interface,
                         const std::string& message,
                         uint64_t imsi,
                         uint32_t bytes);
    /// Keeps a key the target eNB (\p ue false) or the UE derived during a handover
    void StoreKey(bool ue,
                  uint64_t imsi,
                  uint16_t cellId,
                  const std::string& key,
                  const std::string& fp);
    void EnbKey(uint64_t imsi,
                uint16_t cellId,
                uint16_t rnti,
                const std::string& key,
                const std::string& fp);
    void UeKey(uint64_t imsi,
               uint16_t cellId,
               uint16_t rnti,
               const std::string& key,
               const std::string& fp);
    void HandoverStart(uint64_t imsi, uint16_t cellId, uint16_t rnti, uint16_t target);
    void UeHandoverEndOk(uint64_t imsi, uint16_t cellId, uint16_t rnti);
    void EnbHandoverEndOk(uint64_t imsi, uint16_t cellId, uint16_t rnti);
    void Failure(std::string what, uint64_t imsi, uint16_t rnti, uint16_t cellId);
    static void FailureTrace(LteSecHandoverRecorder* self,
                             std::string what,
                             uint64_t imsi,
                             uint16_t rnti,
                             uint16_t cellId);
    void NasChanged(uint64_t imsi, const std::string& algorithms, uint32_t count);

    Ptr<LteSecurityHelper> m_security;
    std::map<uint16_t, uint32_t> m_cellMme;
    std::vector<LteSecHandoverRecord> m_records;
    std::map<uint64_t, std::size_t> m_current; ///< IMSI -> index of its last record
    std::map<uint16_t, uint64_t> m_x2apIdImsi; ///< old eNB UE X2AP ID -> IMSI
    /// security bytes traced before the message that opens a record: IMSI -> interface -> bytes
    std::map<uint64_t, std::map<std::string, uint32_t>> m_pendingSecurity;
    bool m_realRrc{true};
};

} // namespace ns3

#endif /* LTE_SEC_HANDOVER_RECORDER_H */
