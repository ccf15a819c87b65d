/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_PDCP_H
#define LTE_SEC_PDCP_H

#include "lte-sec-algorithm.h"

#include "ns3/lte-pdcp.h"
#include "ns3/traced-callback.h"

#include <bitset>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup lte-security
 * What a PDCP entity tells the security model that made it (LteSecEnbRrc, LteSecUeRrc): the
 * events of its trace sources IntegrityFailure, DecipheringFailure and PduDiscarded, as direct
 * calls. A trace connection per event and entity would cost about 250 bytes of heap each, 1.5 kB
 * per UE at the eNB and the UE.
 */
class LteSecPdcpUser
{
  public:
    virtual ~LteSecPdcpUser() = default;
    /// A PDU's MAC-I did not verify (as the IntegrityFailure trace).
    virtual void PdcpIntegrityFailure(uint16_t rnti, uint8_t lcid, uint32_t count) = 0;
    /// A DRB PDU did not decipher to an IP packet (as the DecipheringFailure trace).
    virtual void PdcpDecipheringFailure(uint16_t rnti, uint8_t lcid, uint32_t count) = 0;
    /// Any other discard (as the PduDiscarded trace).
    virtual void PdcpDiscard(uint16_t rnti,
                             uint8_t lcid,
                             uint32_t count,
                             const std::string& reason) = 0;
};

/**
 * \ingroup lte-security
 *
 * PDCP with security (TS 36.323 5.1, 5.6, 5.7, 6.2; TS 33.401 7.3). The bytes on the wire are the
 * real ciphertext.
 *
 * Signalling radio bearers use the PDU format of TS 36.323 6.2.2: a 1-byte header (3 reserved
 * bits, 5-bit SN), the data and a 4-byte MAC-I (all zero until integrity is active);
 * COUNT = HFN (27 bits) || SN (5 bits). MAC-I = EIA(KRRCint, COUNT, BEARER, DIRECTION,
 * header || data); data and MAC-I are ciphered with KRRCenc. The receiver follows TS 36.323
 * 5.1.2.2: an SN below the next expected one is taken to be of the next HFN, and the state
 * advances only when the MAC-I verifies. A PDU whose MAC-I does not verify (altered, wrong key,
 * replayed, late) is dropped and reported by IntegrityFailure; it is never delivered. With EIA0
 * the MAC-I is zero and is not checked: nothing is detected, as TS 33.401 5.1.4.2 defines EIA0.
 *
 * Data radio bearers keep ns-3's 2-byte header (D/C bit, 3 reserved bits, 12-bit SN, the long
 * SN of TS 36.323 6.2.3); a control PDU (D/C = 0) is not modelled and is dropped. The receiver
 * estimates the HFN with the reordering window of 2048 (TS 36.323 5.1.2.1.2): an SN more than 2048
 * behind the next expected one is of the next HFN, an SN 2048 or more ahead of it is a late PDU of
 * the previous HFN (at HFN 0, where there is none, a jump ahead: never a negative HFN). Every SN
 * thus maps into [next - 2048, next + 2047]; a PDU older than that cannot be told from a new one
 * (deciphered under the wrong COUNT, it normally fails the IP check below). PDUs are delivered at
 * once (ns-3 has no reordering buffer), each COUNT at most once: duplicates within the window are
 * dropped.
 *
 * Data is ciphered with KUPenc; LTE has no user plane integrity. As a stand-in for the IP stack's
 * own check, a deciphered DRB PDU must start like an IPv4 header (version 4, IHL >= 5) or IPv6
 * header whose length field equals the PDU's data length; otherwise it is dropped and reported
 * by DecipheringFailure. This catches a wrong key or a wrong COUNT, except when the garbage happens
 * to pass: probability 27/2^24 (about 1 in 621,000) per PDU of 40 bytes or more, 11/2^24 (1 in
 * 1.5 million) for 20 to 39 bytes. It does NOT detect altered bytes outside the version, IHL and
 * length fields: a PDU with a flipped payload bit is deciphered and delivered, corrupted.
 *
 * Every other discard (duplicate, control PDU, truncated PDU, COUNT past 2^32 - 1, SDU above
 * 8188 bytes, a length the algorithm cannot process, SetDiscardAll) fires PduDiscarded.
 */
class LteSecPdcp : public LtePdcp
{
  public:
    /// \return the TypeId
    static TypeId GetTypeId();

    LteSecPdcp();
    ~LteSecPdcp() override;

    /**
     * Set which bearer and side this entity serves.
     * \param srb true for a signalling radio bearer
     * \param txDirection the direction of what this entity sends (DOWNLINK at the eNB)
     */
    void SetBearer(bool srb, ltesec::Direction txDirection);

    /**
     * Start protection with these keys. Called again, it switches keys (COUNTs go on).
     * \param eea the ciphering algorithm
     * \param encKey KRRCenc (SRB) or KUPenc (DRB)
     * \param eia the integrity algorithm (SRB only)
     * \param intKey KRRCint (SRB only; ignored for DRBs)
     */
    void Activate(ltesec::Eea eea,
                  const ltesec::AlgKey& encKey,
                  ltesec::Eia eia,
                  const ltesec::AlgKey& intKey);

    /// \return true once Activate() was called
    bool IsActive() const;

    /**
     * Start integrity protection alone (SRB): the security mode command is integrity protected
     * but not ciphered. Activate() later adds ciphering.
     * \param eia the integrity algorithm
     * \param intKey KRRCint
     */
    void StartIntegrity(ltesec::Eia eia, const ltesec::AlgKey& intKey);

    /**
     * \return true if an SRB PDU arrived before integrity was active: its MAC-I could not be
     * checked yet (see VerifyPending())
     */
    bool HasPending() const;

    /**
     * Check the MAC-I of the last PDU that arrived before integrity was active, now that the keys
     * are known (the UE's check of the security mode command). A failure fires IntegrityFailure.
     * With EIA0 nothing is checked.
     * \param eia the integrity algorithm
     * \param intKey KRRCint
     * \return true if it verifies
     */
    bool VerifyPending(ltesec::Eia eia, const ltesec::AlgKey& intKey);

    /**
     * Like VerifyPending(), but keeps the PDU and traces nothing: for trying candidate keys.
     * \param eia the integrity algorithm
     * \param intKey KRRCint
     * \return true if the kept PDU's MAC-I verifies under these keys
     */
    bool CheckPending(ltesec::Eia eia, const ltesec::AlgKey& intKey) const;

    /// \return true for a signalling radio bearer
    bool IsSrb() const;

    /**
     * Sets who hears the entity's failures and discards besides its trace sources.
     * \param user the security model that owns the entity, nullptr for none; not owned
     */
    void SetUser(LteSecPdcpUser* user);

    /// \return the 5-bit BEARER input of the algorithms for this entity
    uint8_t GetBearerInput() const;

    /**
     * Fail closed: while set, every received PDU is dropped and reported by PduDiscarded
     * ("security rejected") instead of being delivered (a UE that rejected the security mode
     * command). Transmission is not affected.
     * \param discardAll true to drop every received PDU
     */
    void SetDiscardAll(bool discardAll);

    /**
     * Set the COUNT state, for tests and for re-establishment. COUNTs below \p rxNextCount count
     * as received (duplicates from then on).
     * \param txNextCount the COUNT of the next PDU to send
     * \param rxNextCount the COUNT expected next on receive
     */
    void SetCounts(uint32_t txNextCount, uint32_t rxNextCount);

    /// \return the COUNT of the next PDU to send (2^32 once every COUNT is used)
    uint64_t GetTxNextCount() const;

    /// \return the COUNT expected next on receive (2^32 once COUNT 2^32 - 1 arrived)
    uint64_t GetRxNextCount() const;

    /// Bytes of MAC-I on an SRB PDU.
    static constexpr uint32_t MAC_I_SIZE = 4;
    /// Largest PDCP SDU in bytes (TS 36.323 4.3.1).
    static constexpr uint32_t MAX_SDU_SIZE = 8188;
    /// SN length on SRBs, in bits (TS 36.323 6.2.2).
    static constexpr uint32_t SRB_SN_BITS = 5;
    /// SN length on DRBs, in bits (ns-3's header; TS 36.323 6.2.3).
    static constexpr uint32_t DRB_SN_BITS = 12;
    /// Reordering window of the 12-bit SN (TS 36.323 7.2).
    static constexpr uint32_t REORDERING_WINDOW = 2048;

    /**
     * TracedCallback signature of an integrity failure (SRB).
     * \param rnti the C-RNTI
     * \param lcid the logical channel
     * \param count the COUNT under which the dropped PDU was checked
     */
    typedef void (*IntegrityFailureTracedCallback)(uint16_t rnti, uint8_t lcid, uint32_t count);

    /**
     * TracedCallback signature of a DRB PDU that did not decipher to an IP packet of its length.
     * \param rnti the C-RNTI
     * \param lcid the logical channel
     * \param count the COUNT under which the dropped PDU was deciphered
     */
    typedef void (*DecipheringFailureTracedCallback)(uint16_t rnti, uint8_t lcid, uint32_t count);

    /**
     * TracedCallback signature of a PDU or SDU dropped for another reason than a failed check.
     * \param rnti the C-RNTI
     * \param lcid the logical channel
     * \param count the COUNT of the PDU (on transmit: that it would have had); 0 where none
     *        applies (truncated or control PDU, "security rejected"); 2^32 - 1 for "COUNT wrap"
     * \param reason "duplicate", "control PDU", "truncated", "COUNT wrap", "SDU too large",
     *        "algorithm length" or "security rejected"
     */
    typedef void (*PduDiscardedTracedCallback)(uint16_t rnti,
                                               uint8_t lcid,
                                               uint32_t count,
                                               const std::string& reason);

  protected:
    void DoTransmitPdcpSdu(LtePdcpSapProvider::TransmitPdcpSduParameters params) override;
    void DoReceivePdu(Ptr<Packet> p) override;
    void DoDispose() override;

  private:
    /// \return 1 << SN length
    uint32_t SnModulus() const;
    /// \return the COUNT of a received SN, possibly above 2^32 - 1
    uint64_t RxCount(uint32_t sn) const;
    /// \return true if the DRB PDU of this COUNT was delivered already
    bool IsDelivered(uint64_t count) const;
    /// Records the delivery of a DRB PDU and advances the next expected COUNT.
    void MarkDelivered(uint64_t count);
    /// Fires PduDiscarded.
    void Discard(uint64_t count, const char* reason);
    /// Fires IntegrityFailure.
    void IntegrityFailure(uint32_t count);
    /// Fires DecipheringFailure.
    void DecipheringFailure(uint32_t count);
    /// \return the DIRECTION input of received PDUs
    ltesec::Direction RxDirection() const;

    bool m_srb{false};
    bool m_discardAll{false};
    ltesec::Direction m_txDirection{ltesec::Direction::DOWNLINK};
    uint64_t m_txNextCount{0}; ///< COUNT of the next PDU to send
    uint64_t m_rxNextCount{0}; ///< COUNT expected next on receive (highest received + 1)
    /// DRB: delivered COUNTs, indexed COUNT % window (none on an SRB, which has no window)
    std::unique_ptr<std::bitset<REORDERING_WINDOW>> m_delivered{
        std::make_unique<std::bitset<REORDERING_WINDOW>>()};
    LteSecPdcpUser* m_user{nullptr};
    std::unique_ptr<ltesec::EeaCipher> m_cipher;
    std::unique_ptr<ltesec::EiaIntegrity> m_integrity;

    /// The last SRB PDU received before integrity was active.
    struct Pending
    {
        uint32_t count{0};
        std::vector<uint8_t> protectedPart; ///< header || data
        uint32_t macI{0};
    };

    std::unique_ptr<Pending> m_pending;
    TracedCallback<uint16_t, uint8_t, uint32_t> m_integrityFailureTrace;
    TracedCallback<uint16_t, uint8_t, uint32_t> m_decipheringFailureTrace;
    TracedCallback<uint16_t, uint8_t, uint32_t, const std::string&> m_pduDiscardedTrace;
};

} // namespace ns3

#endif /* LTE_SEC_PDCP_H */
