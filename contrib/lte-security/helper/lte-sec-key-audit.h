/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_KEY_AUDIT_H
#define LTE_SEC_KEY_AUDIT_H

#include "ns3/lte-security-helper.h"
#include "ns3/net-device-container.h"
#include "ns3/object.h"

#include <map>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup lte-security
 * One result of the key-exposure audit.
 */
struct LteSecAuditFinding
{
    std::string property; ///< "backward security", "forward security", ...
    std::string result;   ///< "holds", "fails", "after N hops", ...
    uint32_t cases{0};    ///< hops (or key uses) examined
    uint32_t exposed{0};  ///< of them, those whose keys the adversary computed
    std::string detail;   ///< what was computed, in words
};

/**
 * \ingroup lte-security
 *
 * The key-exposure audit: records, per UE, every key epoch (the KeNB, AS keys, C-RNTI, cell,
 * algorithms and refresh nonce after initial setup and after each handover) and what key material
 * each target eNB received and held, then plays adversaries against the record. Each adversary
 * computes keys from what it holds and what is public (PCIs, EARFCN-DLs, C-RNTIs, algorithms,
 * and every derivation of every registered scheme) and compares them with the keys the UE used:
 * - backward security: a compromised target eNB, with what it received (the X2 AS Security
 *   Information, the S1 Security Context) and the source C-RNTI of the handover preparation,
 *   computes the source's KeNB and AS keys;
 * - forward security: a compromised eNB, with its KeNB, what it received and an NH it holds
 *   unused, follows the UE over the next hops (it sees the next handover command as the source;
 *   a nonce in a later command only if it broke the keys protecting it);
 * - passive observers of X2, and of S1-MME with S10 (no NDS/IP): the keys in the messages they
 *   see (KASME in the MM Context lets them step the NH chain);
 * - key reuse: an AS key used again in a later epoch of the same connection (PDCP COUNTs restart
 *   with every epoch, so the keystream repeats).
 * Key values stay in memory (wiped when freed); the findings name keys, never print them.
 */
class LteSecKeyAudit : public Object
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();
    LteSecKeyAudit();
    ~LteSecKeyAudit() override;

    /**
     * Connects to the security models (call after LteSecurityHelper::Install).
     * \param security the helper (its scheme and MMEs)
     * \param enbDevices the eNBs with security
     * \param ueDevices the UEs with security
     */
    void Install(Ptr<LteSecurityHelper> security,
                 const NetDeviceContainer& enbDevices,
                 const NetDeviceContainer& ueDevices);

    /// Declares the MME (pool area) of a cell: an S1 handover between MMEs crosses S10.
    void SetCellMme(uint16_t cellId, uint32_t mme);

    /// \return the findings over everything recorded so far
    std::vector<LteSecAuditFinding> Analyse() const;

    /// \return the key epochs recorded (all UEs)
    uint32_t GetNEpochs() const;

    /// Writes the findings as CSV rows "label,property,result,cases,exposed,detail" (with a
    /// header line if \p header).
    static void WriteCsv(std::ostream& os,
                         const std::string& label,
                         const std::vector<LteSecAuditFinding>& findings,
                         bool header);
    /// Writes the findings as a Markdown table under a heading naming \p label.
    static void WriteMarkdown(std::ostream& os,
                              const std::string& label,
                              const std::vector<LteSecAuditFinding>& findings);

  protected:
    void DoDispose() override;

  private:
    struct Epoch;
    struct Pending;

    void UeKey(uint64_t imsi,
               uint16_t cellId,
               uint16_t rnti,
               const std::string& key,
               const std::string& fp);
    void UeNhSync(uint64_t imsi, uint16_t pci, uint8_t ncc, uint32_t steps);
    void UeReestablishment(uint64_t imsi, uint16_t cellId, uint16_t rnti);
    void EnbHandoverKey(LteSecEnbRrc* enb,
                        uint64_t imsi,
                        uint16_t cellId,
                        uint16_t rnti,
                        const std::string& scheme,
                        uint8_t ncc,
                        const std::string& path);

    Ptr<LteSecurityHelper> m_security;
    std::map<uint64_t, Ptr<LteSecUeRrc>> m_ues;      ///< IMSI -> UE model
    std::map<uint16_t, Ptr<LteSecEnbRrc>> m_cellEnb; ///< cell -> eNB model
    std::map<uint16_t, uint32_t> m_cellMme;          ///< cell -> MME
    std::map<uint64_t, std::vector<Epoch>> m_epochs; ///< IMSI -> epochs in order
    std::map<uint64_t, Pending> m_pending;           ///< IMSI -> the admission awaited
};

} // namespace ns3

#endif /* LTE_SEC_KEY_AUDIT_H */
