/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef LTE_SEC_HANDOVER_RECORDER_H
#define LTE_SEC_HANDOVER_RECORDER_H

#include "ns3/lte-sec-record-table.h"
#include "ns3/lte-security-helper.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/traced-callback.h"

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

class EpcS1apMessage;
class EpcS10Message;
class MobilityModel;

/**
 * \ingroup lte-security
 * One handover attempt as the traces saw it: type, cells, sites, MMEs, outcome, latencies, the
 * UE's speed, and per interface the messages, their bytes and their security bytes.
 */
struct LteSecHandoverRecord
{
    uint64_t imsi{0};
    std::string scheme{"off"}; ///< the key-handling scheme ("off": security off)
    std::string type;          ///< "X2", "S1 intra-MME", "S1 inter-MME" or "intra-eNB"
    uint16_t sourceCell{0};    ///< the source cell
    uint16_t targetCell{0};    ///< the target cell
    uint32_t sourceSite{0};    ///< the source cell's site (SetCellSite(); default: the cell)
    uint32_t targetSite{0};    ///< the target cell's site
    uint32_t sourceMme{0};     ///< the source cell's MME (SetCellMme())
    uint32_t targetMme{0};     ///< the target cell's MME
    double ueSpeed{0};         ///< m/s, the UE's speed when the handover started
    double start{0};           ///< s: X2 HANDOVER REQUEST or S1AP HANDOVER REQUIRED sent
    double command{-1};        ///< s: the UE received the handover command (-1: never)
    double confirm{-1};        ///< s: the UE sent its confirm (-1: never)
    double end{-1};            ///< s: the target completed it, or the attempt failed
    /// "completed", "failed (<ns-3 trace>)", "RLF" (the UE's radio link failed during it),
    /// "started" (still open when the records were read)
    std::string outcome{"started"};
    std::string asKeys{"-"}; ///< "agree", "DIFFER" or "-" (no security, or no keys seen)
    std::string nas{"-"};    ///< inter-MME: the UE's new NAS algorithms and "agree"/"DIFFER"
    std::map<std::string, std::string> targetKeys; ///< key name -> fingerprint (target eNB)
    std::map<std::string, std::string> ueKeys;     ///< key name -> fingerprint (UE)
    std::map<std::string, uint32_t> messages;      ///< per interface: messages
    std::map<std::string, uint32_t> bytes;         ///< per interface: bytes (see doc)
    std::map<std::string, uint32_t> securityBytes; ///< per interface: security bytes
    /// after a failed attempt: "re-established" (RRC connection re-establishment in the
    /// source), "re-establishment failed", "started" (still open) or "-" (none tried)
    std::string recovery{"-"};
    double recovered{-1};      ///< s: the source re-established the connection (-1: never)
    uint32_t recoveryBytes{0}; ///< S1-MME and X2 bytes from the UE's request on (in bytes too)
    /// Uu security bytes of the recovery: the request's shortMAC-I, the answer's NCC and, with
    /// real RRC, the MAC-I of the complete
    uint32_t recoverySecurityBytes{0};

    /// \return the latency from the first message to the UE's confirm, in ms (-1: none)
    double LatencyMs() const;
    /// \return preparation: the first message to the command at the UE, in ms (-1: none)
    double PreparationMs() const;
    /// \return execution: the command at the UE to its confirm, in ms (-1: none)
    double ExecutionMs() const;
    /// \return interruption: the command at the UE (it leaves the source) to the target's
    /// completion (it serves the UE), in ms (-1: none)
    double InterruptionMs() const;
    /// \return recovery time: the attempt's end (its failure) to the re-established connection,
    /// in ms (-1: none)
    double RecoveryMs() const;
    /// \return whether source and target are sectors of one site (one eNB in a real network)
    bool SameSite() const;
    /// \return where a failed attempt stopped: "no command at the UE" (lost on the downlink),
    /// "no random access" (the UE never reached the target), "no confirm at the target" (the
    /// UE sent it, the target never completed), "" if it did not fail
    std::string FailureStage() const;
};

/**
 * \ingroup lte-security
 * What a run's handover records add up to (LteSecHandoverRecorder::Summarise()).
 */
struct LteSecRunSummary
{
    std::string scheme{"off"};  ///< the key-handling scheme ("off": security off)
    uint32_t ues{0};            ///< UEs in the run
    double seconds{0};          ///< simulated time the rates are over
    uint32_t attempts{0};       ///< handover attempts (records)
    uint32_t completed{0};      ///< completed ones
    uint32_t failed{0};         ///< ended by an ns-3 failure trace
    uint32_t noCommand{0};      ///< failed or RLF: the command never reached the UE
    uint32_t noRandomAccess{0}; ///< failed or RLF: the UE never completed random access
    uint32_t noConfirm{0};      ///< failed or RLF: the confirm sent, never completed at the target
    uint32_t rlfDuring{0};      ///< ended by a radio link failure of the UE
    uint32_t rlfs{0};           ///< radio link failures in the run (during a handover or not)
    uint32_t pingPongs{0};      ///< completed handovers back to the previous cell within 1 s
    uint32_t sameSite{0};       ///< attempts between sectors of one site
    uint32_t reattaches{0};     ///< initial context setups after a UE's first
    uint64_t securityBytes{0};  ///< over all handover attempts and interfaces
    uint64_t reattachSecurityBytes{0}; ///< of the initial setups after a UE's first
    /// \return completed handovers per UE per second
    double HandoverRate() const;
    /// \return ping-pongs per completed handover
    double PingPongRate() const;
    /// \return failed attempts (ns-3 failure or RLF) per attempt
    double FailureRate() const;
    /// \return security bytes per attempt
    double SecurityBytesPerHandover() const;
    /// \return security bytes (handovers and re-attaches) per UE per second
    double SecurityBytesPerUeSecond() const;
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

    /// Declares the site of a cell (sectors of one site share it).
    void SetCellSite(uint16_t cellId, uint32_t site);

    /**
     * \param ues the UEs of the run
     * \param seconds the simulated time to take rates over
     * \return the summary of the records so far
     */
    LteSecRunSummary Summarise(uint32_t ues, double seconds) const;

    /// Writes summaries as CSV: a header line (\p header true) and one line
    static void WriteSummaryCsv(std::ostream& os, const LteSecRunSummary& s, bool header);

    /// Signature of the HandoverRecord trace: the record of an attempt that just ended
    typedef void (*RecordTracedCallback)(const LteSecHandoverRecord& record);

    /// \return the records, in start order
    const std::vector<LteSecHandoverRecord>& GetRecords() const;

    /// Writes the records as CSV (a header line, one line per handover).
    void WriteCsv(std::ostream& os) const;

    /**
     * Writes the records to the table \p table of the SQLite database \p path (replacing that
     * table; LteSecWriteSqlite()), with the CSV's columns and types, \p lead first in each row (a
     * scenario's knobs). Aborts naming the file if ns-3 was built without SQLite.
     */
    void WriteSqlite(const std::string& path,
                     const LteSecRow& lead = {},
                     const std::string& table = "handovers") const;

    /// \return the columns of a record (those of WriteCsv() and WriteSqlite())
    static LteSecRow RecordRow(const LteSecHandoverRecord& r);

    /// \return the columns of a summary (those of WriteSummaryCsv())
    static LteSecRow SummaryRow(const LteSecRunSummary& s);

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
    void UeHandoverStart(uint64_t imsi, uint16_t cellId, uint16_t rnti, uint16_t target);
    void UeHandoverEndError(uint64_t imsi, uint16_t cellId, uint16_t rnti);
    void RadioLinkFailure(uint64_t imsi, uint16_t cellId, uint16_t rnti);
    void ReestablishmentStart(uint64_t imsi, uint16_t cellId, uint16_t rnti);
    void ReestablishmentEndError(uint64_t imsi, uint16_t cellId, uint16_t rnti);
    void Reestablished(uint64_t imsi, uint16_t cellId, uint16_t rnti);
    /// Ends the open attempt of \p r with \p outcome and fires the HandoverRecord trace
    void Close(LteSecHandoverRecord& r, const std::string& outcome);

    Ptr<LteSecurityHelper> m_security;
    std::map<uint16_t, uint32_t> m_cellMme;
    std::map<uint16_t, uint32_t> m_cellSite;
    std::map<uint64_t, Ptr<MobilityModel>> m_ueMobility; ///< IMSI -> the UE's mobility
    std::string m_scheme{"off"};
    uint32_t m_rlfs{0};
    std::map<uint64_t, uint32_t> m_initialSetups; ///< IMSI -> INITIAL CONTEXT SETUPs
    uint64_t m_reattachSecurityBytes{0};          ///< of the setups after a UE's first
    TracedCallback<const LteSecHandoverRecord&> m_recordTrace;
    std::vector<LteSecHandoverRecord> m_records;
    std::map<uint64_t, std::size_t> m_current; ///< IMSI -> index of its last record
    std::map<uint16_t, uint64_t> m_x2apIdImsi; ///< old eNB UE X2AP ID -> IMSI
    /// security bytes traced before the message that opens a record: IMSI -> interface -> bytes
    std::map<uint64_t, std::map<std::string, uint32_t>> m_pendingSecurity;
    bool m_realRrc{true};
};

} // namespace ns3

#endif /* LTE_SEC_HANDOVER_RECORDER_H */
