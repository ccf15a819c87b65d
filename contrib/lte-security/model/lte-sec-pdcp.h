/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_PDCP_H
#define LTE_SEC_PDCP_H

#include "lte-sec-algorithm.h"

#include "ns3/lte-pdcp.h"
#include "ns3/traced-callback.h"

#include <memory>
#include <vector>

namespace ns3
{

/**
 * \ingroup lte-security
 *
 * PDCP with security (TS 36.323 5.6, 5.7; TS 33.401 7.3): COUNT = HFN || SN per direction;
 * on signalling radio bearers every PDU carries a 4-byte MAC-I (all zero until integrity is
 * active) over header and data, and data and MAC-I are ciphered; on data radio bearers the data
 * is ciphered. The bytes on the wire are the real ciphertext. A received PDU whose MAC-I does not
 * verify is dropped and reported by the IntegrityFailure trace source; it is never delivered.
 * Data radio bearers have no integrity protection in LTE: a DRB PDU that does not decipher to an
 * IP packet (wrong key or corrupted bytes) is dropped and reported by DecipheringFailure, where a
 * real IP stack would discard it.
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
     * \param eia the integrity algorithm
     * \param intKey KRRCint
     * \return true if it verifies
     */
    bool VerifyPending(ltesec::Eia eia, const ltesec::AlgKey& intKey);

    /// \return true for a signalling radio bearer
    bool IsSrb() const;

    /// \return the 5-bit BEARER input of the algorithms for this entity
    uint8_t GetBearerInput() const;

    /// Bytes of MAC-I on an SRB PDU.
    static constexpr uint32_t MAC_I_SIZE = 4;

    /**
     * TracedCallback signature of an integrity failure.
     * \param rnti the C-RNTI
     * \param lcid the logical channel
     * \param count the COUNT of the dropped PDU
     */
    typedef void (*IntegrityFailureTracedCallback)(uint16_t rnti, uint8_t lcid, uint32_t count);

  protected:
    void DoTransmitPdcpSdu(LtePdcpSapProvider::TransmitPdcpSduParameters params) override;
    void DoReceivePdu(Ptr<Packet> p) override;
    void DoDispose() override;

  private:
    /// COUNT of a received SN, given the next expected COUNT.
    uint32_t RxCount(uint16_t sn) const;

    bool m_srb{false};
    ltesec::Direction m_txDirection{ltesec::Direction::DOWNLINK};
    uint32_t m_txHfn{0};
    uint32_t m_rxNextCount{0}; ///< COUNT expected next on receive
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
};

} // namespace ns3

#endif /* LTE_SEC_PDCP_H */
