/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-pdcp.h"

#include "ns3/assert.h"
#include "ns3/fatal-error.h"
#include "ns3/log.h"
#include "ns3/lte-pdcp-header.h"
#include "ns3/lte-pdcp-tag.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <memory>
#include <stdexcept>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LteSecPdcp");

NS_OBJECT_ENSURE_REGISTERED(LteSecPdcp);

using namespace ltesec;

namespace
{

/// The largest COUNT.
constexpr uint64_t MAX_COUNT = 0xffffffff;

/// Writes \p v big-endian at \p b.
void
PutMacI(uint8_t* b, uint32_t v)
{
    b[0] = v >> 24;
    b[1] = v >> 16;
    b[2] = v >> 8;
    b[3] = v;
}

/// \return the big-endian 32-bit number at \p b.
uint32_t
GetMacI(const uint8_t* b)
{
    return (uint32_t(b[0]) << 24) | (uint32_t(b[1]) << 16) | (uint32_t(b[2]) << 8) | b[3];
}

/**
 * Replaces the bytes of \p p by \p len bytes at \p data, keeping the packet object, hence its
 * packet tags, and the byte tags that covered [from, from + count) of the old bytes, moved to
 * start at \p to in the new ones.
 */
void
ReplaceBytes(Ptr<Packet> p,
             const uint8_t* data,
             uint32_t len,
             uint32_t from,
             uint32_t count,
             uint32_t to)
{
    struct Saved
    {
        std::unique_ptr<Tag> tag;
        uint32_t start;
        uint32_t end;
    };

    std::vector<Saved> saved;
    ByteTagIterator it = p->GetByteTagIterator();
    while (it.HasNext())
    {
        ByteTagIterator::Item item = it.Next();
        uint32_t start = std::max(item.GetStart(), from);
        uint32_t end = std::min(item.GetEnd(), from + count);
        if (start >= end)
        {
            continue;
        }
        if (!item.GetTypeId().HasConstructor())
        {
            NS_LOG_WARN("byte tag " << item.GetTypeId().GetName()
                                    << " has no constructor: not carried over");
            continue;
        }
        Callback<ObjectBase*> ctor = item.GetTypeId().GetConstructor();
        std::unique_ptr<Tag> tag(dynamic_cast<Tag*>(ctor()));
        if (!tag)
        {
            continue;
        }
        item.GetTag(*tag);
        saved.push_back({std::move(tag), start - from + to, end - from + to});
    }
    p->RemoveAtEnd(p->GetSize());
    p->AddAtEnd(Create<Packet>(data, len));
    for (const auto& t : saved)
    {
        p->AddByteTag(*t.tag, t.start, t.end);
    }
}

/**
 * True if \p len bytes at \p b start like an IPv4 (version 4, IHL >= 5) or IPv6 header whose
 * length field says \p len. Nothing else is read: random bytes pass with probability 27/2^24
 * when len >= 40 (IPv4: 1/16 * 11/16 * 1/2^16, IPv6: 1/16 * 1/2^16), 11/2^24 when 20 <= len < 40.
 */
bool
IsIpPacket(const uint8_t* b, uint32_t len)
{
    if (len >= 20 && (b[0] >> 4) == 4)
    {
        return (b[0] & 0x0f) >= 5 && ((uint32_t(b[2]) << 8) | b[3]) == len;
    }
    if (len >= 40 && (b[0] >> 4) == 6)
    {
        return ((uint32_t(b[4]) << 8) | b[5]) + 40 == len;
    }
    return false;
}

} // namespace

TypeId
LteSecPdcp::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::LteSecPdcp")
            .SetParent<LtePdcp>()
            .SetGroupName("LteSecurity")
            .AddConstructor<LteSecPdcp>()
            .AddTraceSource("IntegrityFailure",
                            "A received SRB PDU failed the integrity check and was dropped.",
                            MakeTraceSourceAccessor(&LteSecPdcp::m_integrityFailureTrace),
                            "ns3::LteSecPdcp::IntegrityFailureTracedCallback")
            .AddTraceSource("DecipheringFailure",
                            "A received DRB PDU did not decipher to an IP packet of its length "
                            "and was dropped (this does not detect altered payload bytes).",
                            MakeTraceSourceAccessor(&LteSecPdcp::m_decipheringFailureTrace),
                            "ns3::LteSecPdcp::DecipheringFailureTracedCallback")
            .AddTraceSource("PduDiscarded",
                            "A PDU or SDU was dropped for another reason than a failed check.",
                            MakeTraceSourceAccessor(&LteSecPdcp::m_pduDiscardedTrace),
                            "ns3::LteSecPdcp::PduDiscardedTracedCallback");
    return tid;
}

LteSecPdcp::LteSecPdcp() = default;

LteSecPdcp::~LteSecPdcp() = default;

void
LteSecPdcp::DoDispose()
{
    m_cipher.reset();
    m_integrity.reset();
    m_pending.reset();
    LtePdcp::DoDispose();
}

void
LteSecPdcp::SetBearer(bool srb, Direction txDirection)
{
    m_srb = srb;
    m_txDirection = txDirection;
    if (m_srb)
    {
        m_delivered.reset();
    }
    else if (!m_delivered)
    {
        m_delivered = std::make_unique<std::bitset<REORDERING_WINDOW>>();
    }
}

void
LteSecPdcp::SetUser(LteSecPdcpUser* user)
{
    m_user = user;
}

void
LteSecPdcp::Activate(Eea eea, const AlgKey& encKey, Eia eia, const AlgKey& intKey)
{
    NS_LOG_FUNCTION(this << m_rnti << +m_lcid << eea << eia);
    StartIntegrity(eia, intKey);
    m_cipher = std::make_unique<EeaCipher>(eea, encKey);
}

bool
LteSecPdcp::IsActive() const
{
    return m_cipher != nullptr;
}

void
LteSecPdcp::StartIntegrity(Eia eia, const AlgKey& intKey)
{
    NS_LOG_FUNCTION(this << m_rnti << +m_lcid << eia);
    if (m_srb)
    {
        m_integrity = std::make_unique<EiaIntegrity>(eia, intKey);
    }
    m_pending.reset();
}

bool
LteSecPdcp::HasPending() const
{
    return m_pending != nullptr;
}

bool
LteSecPdcp::VerifyPending(Eia eia, const AlgKey& intKey)
{
    if (!m_pending)
    {
        return false;
    }
    std::unique_ptr<Pending> pending = std::move(m_pending);
    if (eia == Eia::EIA0)
    {
        return true; // EIA0 checks nothing (TS 33.401 5.1.4.2)
    }
    AlgorithmInput in;
    in.count = pending->count;
    in.bearer = GetBearerInput();
    in.direction = RxDirection();
    uint32_t expected = 0;
    try
    {
        expected = EiaIntegrity(eia, intKey)
                       .ComputeMac(in,
                                   pending->protectedPart.data(),
                                   uint64_t(pending->protectedPart.size()) * 8);
    }
    catch (const std::invalid_argument& e)
    {
        NS_LOG_WARN("RNTI " << m_rnti << " LCID " << +m_lcid << ": " << e.what());
        Discard(pending->count, "algorithm length");
        return false;
    }
    if (expected != pending->macI)
    {
        NS_LOG_INFO("RNTI " << m_rnti << " LCID " << +m_lcid << " COUNT " << pending->count
                            << ": MAC-I of the security mode command does not verify");
        IntegrityFailure(pending->count);
        return false;
    }
    return true;
}

bool
LteSecPdcp::CheckPending(Eia eia, const AlgKey& intKey) const
{
    if (!m_pending)
    {
        return false;
    }
    if (eia == Eia::EIA0)
    {
        return true;
    }
    AlgorithmInput in;
    in.count = m_pending->count;
    in.bearer = GetBearerInput();
    in.direction = RxDirection();
    try
    {
        return EiaIntegrity(eia, intKey)
                   .ComputeMac(in,
                               m_pending->protectedPart.data(),
                               uint64_t(m_pending->protectedPart.size()) * 8) == m_pending->macI;
    }
    catch (const std::invalid_argument&)
    {
        return false;
    }
}

bool
LteSecPdcp::IsSrb() const
{
    return m_srb;
}

uint8_t
LteSecPdcp::GetBearerInput() const
{
    // BEARER = radio bearer identity - 1: SRB1 -> 0, DRB n (LCID n + 2) -> n - 1.
    return static_cast<uint8_t>((m_srb ? m_lcid - 1 : m_lcid - 3) & 0x1f);
}

void
LteSecPdcp::SetDiscardAll(bool discardAll)
{
    NS_LOG_FUNCTION(this << m_rnti << +m_lcid << discardAll);
    m_discardAll = discardAll;
}

void
LteSecPdcp::SetCounts(uint32_t txNextCount, uint32_t rxNextCount)
{
    NS_LOG_FUNCTION(this << m_rnti << +m_lcid << txNextCount << rxNextCount);
    m_txNextCount = txNextCount;
    m_rxNextCount = rxNextCount;
    if (m_delivered)
    {
        m_delivered->set();
    }
    m_txSequenceNumber = static_cast<uint16_t>(m_txNextCount % SnModulus());
    m_rxSequenceNumber = static_cast<uint16_t>(m_rxNextCount % SnModulus());
}

uint64_t
LteSecPdcp::GetTxNextCount() const
{
    return m_txNextCount;
}

uint64_t
LteSecPdcp::GetRxNextCount() const
{
    return m_rxNextCount;
}

uint32_t
LteSecPdcp::SnModulus() const
{
    return 1u << (m_srb ? SRB_SN_BITS : DRB_SN_BITS);
}

Direction
LteSecPdcp::RxDirection() const
{
    return m_txDirection == Direction::DOWNLINK ? Direction::UPLINK : Direction::DOWNLINK;
}

uint64_t
LteSecPdcp::RxCount(uint32_t sn) const
{
    const uint64_t modulus = SnModulus();
    uint64_t nextSn = m_rxNextCount % modulus;
    uint64_t hfn = m_rxNextCount / modulus;
    if (m_srb)
    {
        // TS 36.323 5.1.2.2: an SN below Next_PDCP_RX_SN is of RX_HFN + 1
        return ((sn < nextSn ? hfn + 1 : hfn) * modulus) + sn;
    }
    // TS 36.323 5.1.2.1.2, reordering window of half the SN space
    if (sn + REORDERING_WINDOW < nextSn)
    {
        hfn++; // far behind: the sender wrapped
    }
    else if (sn >= nextSn + REORDERING_WINDOW && hfn > 0)
    {
        hfn--; // far ahead: a late PDU from before the wrap
    }
    return (hfn * modulus) + sn;
}

bool
LteSecPdcp::IsDelivered(uint64_t count) const
{
    if (count >= m_rxNextCount)
    {
        return false;
    }
    // RxCount() puts every SN at most one window behind the next expected COUNT
    NS_ASSERT_MSG(count + REORDERING_WINDOW >= m_rxNextCount, "COUNT outside the window");
    return m_delivered->test(count % REORDERING_WINDOW);
}

void
LteSecPdcp::MarkDelivered(uint64_t count)
{
    if (count >= m_rxNextCount)
    {
        // the COUNTs skipped now lie in the window, not delivered; those leaving it are forgotten
        if (count - m_rxNextCount >= REORDERING_WINDOW)
        {
            m_delivered->reset();
        }
        else
        {
            for (uint64_t c = m_rxNextCount; c < count; ++c)
            {
                m_delivered->reset(c % REORDERING_WINDOW);
            }
        }
        m_rxNextCount = count + 1;
    }
    m_delivered->set(count % REORDERING_WINDOW);
}

void
LteSecPdcp::Discard(uint64_t count, const char* reason)
{
    NS_LOG_INFO("RNTI " << m_rnti << " LCID " << +m_lcid << " COUNT " << count << ": " << reason
                        << ", dropped");
    uint32_t traced = static_cast<uint32_t>(std::min(count, MAX_COUNT));
    m_pduDiscardedTrace(m_rnti, m_lcid, traced, reason);
    if (m_user)
    {
        m_user->PdcpDiscard(m_rnti, m_lcid, traced, reason);
    }
}

void
LteSecPdcp::IntegrityFailure(uint32_t count)
{
    m_integrityFailureTrace(m_rnti, m_lcid, count);
    if (m_user)
    {
        m_user->PdcpIntegrityFailure(m_rnti, m_lcid, count);
    }
}

void
LteSecPdcp::DecipheringFailure(uint32_t count)
{
    m_decipheringFailureTrace(m_rnti, m_lcid, count);
    if (m_user)
    {
        m_user->PdcpDecipheringFailure(m_rnti, m_lcid, count);
    }
}

void
LteSecPdcp::DoTransmitPdcpSdu(LtePdcpSapProvider::TransmitPdcpSduParameters params)
{
    NS_LOG_FUNCTION(this << m_rnti << +m_lcid << params.pdcpSdu->GetSize());
    Ptr<Packet> sdu = params.pdcpSdu;
    const uint64_t count = m_txNextCount;
    const uint32_t dlen = sdu->GetSize();
    if (dlen > MAX_SDU_SIZE)
    {
        Discard(count, "SDU too large");
        return;
    }
    if (count > MAX_COUNT)
    {
        NS_FATAL_ERROR("LteSecPdcp RNTI " << m_rnti << " LCID " << +m_lcid
                                          << ": every COUNT is used (the next would wrap past "
                                             "2^32 - 1), and re-keying is not modelled");
    }
    const uint32_t sn = static_cast<uint32_t>(count % SnModulus());

    // PDU bytes: header || data [|| MAC-I]. SRB header (TS 36.323 6.2.2): R R R SN(5).
    // DRB header (ns-3's LtePdcpHeader): D/C, R R R, SN(12).
    const uint32_t hlen = m_srb ? 1 : 2;
    const uint32_t maclen = m_srb ? MAC_I_SIZE : 0;
    std::vector<uint8_t> pdu(hlen + dlen + maclen, 0);
    if (m_srb)
    {
        pdu[0] = static_cast<uint8_t>(sn);
    }
    else
    {
        pdu[0] = static_cast<uint8_t>((LtePdcpHeader::DATA_PDU << 7) | (sn >> 8));
        pdu[1] = static_cast<uint8_t>(sn & 0xff);
    }
    sdu->CopyData(pdu.data() + hlen, dlen);

    AlgorithmInput in;
    in.count = static_cast<uint32_t>(count);
    in.bearer = GetBearerInput();
    in.direction = m_txDirection;
    try
    {
        if (m_srb && m_integrity)
        {
            PutMacI(pdu.data() + hlen + dlen,
                    m_integrity->ComputeMac(in, pdu.data(), uint64_t(hlen + dlen) * 8));
        }
        if (m_cipher)
        {
            uint8_t* body = pdu.data() + hlen;
            m_cipher->Apply(in, body, body, (dlen + maclen) * 8);
        }
    }
    catch (const std::invalid_argument& e)
    {
        // a length the algorithm cannot process (ZUC: 65504 bits); BEARER is always valid here
        NS_LOG_WARN("RNTI " << m_rnti << " LCID " << +m_lcid << ": " << e.what());
        Discard(count, "algorithm length");
        return;
    }
    m_txNextCount++;
    m_txSequenceNumber = static_cast<uint16_t>(m_txNextCount % SnModulus());

    // the SDU becomes the PDU: its packet tags stay, its byte tags move behind the header
    Ptr<Packet> p = sdu;
    ReplaceBytes(p, pdu.data(), pdu.size(), 0, dlen, hlen);
    PdcpTag pdcpTag(Simulator::Now());
    p->AddByteTag(pdcpTag, 0, hlen);

    m_txPdu(m_rnti, m_lcid, p->GetSize());

    LteRlcSapProvider::TransmitPdcpPduParameters txParams;
    txParams.rnti = m_rnti;
    txParams.lcid = m_lcid;
    txParams.pdcpPdu = p;
    m_rlcSapProvider->TransmitPdcpPdu(txParams);
}

void
LteSecPdcp::DoReceivePdu(Ptr<Packet> p)
{
    NS_LOG_FUNCTION(this << m_rnti << +m_lcid << p->GetSize());

    PdcpTag pdcpTag;
    p->FindFirstMatchingByteTag(pdcpTag);
    Time delay = Simulator::Now() - pdcpTag.GetSenderTimestamp();
    m_rxPdu(m_rnti, m_lcid, p->GetSize(), delay.GetNanoSeconds());

    if (m_discardAll)
    {
        Discard(0, "security rejected");
        return;
    }
    const uint32_t hlen = m_srb ? 1 : 2;
    const uint32_t maclen = m_srb ? MAC_I_SIZE : 0;
    if (p->GetSize() < hlen + maclen)
    {
        Discard(0, "truncated");
        return;
    }
    std::vector<uint8_t> pdu(p->GetSize());
    p->CopyData(pdu.data(), pdu.size());
    if (!m_srb && (pdu[0] >> 7) != LtePdcpHeader::DATA_PDU)
    {
        Discard(0, "control PDU"); // PDCP control PDUs are not modelled
        return;
    }
    // reserved bits are ignored on receive, but the SRB MAC-I covers them
    uint32_t sn = m_srb ? (pdu[0] & 0x1f) : (uint32_t(pdu[0] & 0x0f) << 8) | pdu[1];
    uint64_t count = RxCount(sn);
    if (count > MAX_COUNT)
    {
        Discard(count, "COUNT wrap"); // re-keying is not modelled: never wrap to small COUNTs
        return;
    }
    const uint32_t dlen = pdu.size() - hlen - maclen;
    if (dlen > MAX_SDU_SIZE)
    {
        Discard(count, "SDU too large");
        return;
    }
    if (!m_srb && IsDelivered(count))
    {
        Discard(count, "duplicate");
        return;
    }

    AlgorithmInput in;
    in.count = static_cast<uint32_t>(count);
    in.bearer = GetBearerInput();
    in.direction = RxDirection();
    uint8_t* body = pdu.data() + hlen;
    uint32_t received = m_srb ? GetMacI(body + dlen) : 0;
    bool verify = m_srb && m_integrity && m_integrity->GetAlgorithm() != Eia::EIA0;
    bool verified = true;
    try
    {
        if (m_cipher)
        {
            m_cipher->Apply(in, body, body, (dlen + maclen) * 8);
            received = m_srb ? GetMacI(body + dlen) : 0;
        }
        if (verify)
        {
            verified =
                received == m_integrity->ComputeMac(in, pdu.data(), uint64_t(hlen + dlen) * 8);
        }
    }
    catch (const std::invalid_argument& e)
    {
        NS_LOG_WARN("RNTI " << m_rnti << " LCID " << +m_lcid << ": " << e.what());
        Discard(count, "algorithm length");
        return;
    }

    if (m_srb)
    {
        if (!verified)
        {
            NS_LOG_INFO("RNTI " << m_rnti << " LCID " << +m_lcid << " COUNT " << count
                                << ": MAC-I does not verify, PDU dropped");
            IntegrityFailure(static_cast<uint32_t>(count));
            return;
        }
        if (!m_integrity)
        {
            // no keys yet: kept so that the security mode command can be checked once they exist
            m_pending = std::make_unique<Pending>();
            m_pending->count = static_cast<uint32_t>(count);
            m_pending->protectedPart.assign(pdu.begin(), pdu.begin() + hlen + dlen);
            m_pending->macI = received;
        }
        // TS 36.323 5.1.2.2: RX_HFN and Next_PDCP_RX_SN follow the verified PDU
        m_rxNextCount = count + 1;
    }
    else
    {
        if (m_cipher && !IsIpPacket(body, dlen))
        {
            NS_LOG_INFO("RNTI " << m_rnti << " LCID " << +m_lcid << " COUNT " << count
                                << ": does not decipher to an IP packet, PDU dropped");
            DecipheringFailure(static_cast<uint32_t>(count));
            return;
        }
        MarkDelivered(count);
    }
    m_rxSequenceNumber = static_cast<uint16_t>(m_rxNextCount % SnModulus());

    // the PDU becomes the SDU, keeping the tags that covered the data bytes
    Ptr<Packet> sdu = p;
    ReplaceBytes(sdu, pdu.data() + hlen, dlen, hlen, dlen, 0);

    LtePdcpSapUser::ReceivePdcpSduParameters params;
    params.pdcpSdu = sdu;
    params.rnti = m_rnti;
    params.lcid = m_lcid;
    m_pdcpSapUser->ReceivePdcpSdu(params);
}

} // namespace ns3
