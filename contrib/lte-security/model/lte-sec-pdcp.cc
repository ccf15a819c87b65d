/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-pdcp.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/lte-pdcp-header.h"
#include "ns3/lte-pdcp-tag.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <memory>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LteSecPdcp");

NS_OBJECT_ENSURE_REGISTERED(LteSecPdcp);

using namespace ltesec;

namespace
{

/// Number of SN values (12-bit SN of ns-3's PDCP header).
constexpr uint32_t SN_MODULUS = 4096;

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

/// True if \p len bytes at \p b are an IPv4 or IPv6 packet of exactly that length.
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
                            "A received PDU failed the integrity check and was dropped.",
                            MakeTraceSourceAccessor(&LteSecPdcp::m_integrityFailureTrace),
                            "ns3::LteSecPdcp::IntegrityFailureTracedCallback")
            .AddTraceSource("DecipheringFailure",
                            "A received DRB PDU did not decipher to an IP packet and was dropped.",
                            MakeTraceSourceAccessor(&LteSecPdcp::m_decipheringFailureTrace),
                            "ns3::LteSecPdcp::IntegrityFailureTracedCallback");
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
    AlgorithmInput in;
    in.count = pending->count;
    in.bearer = GetBearerInput();
    in.direction = m_txDirection == Direction::DOWNLINK ? Direction::UPLINK : Direction::DOWNLINK;
    uint32_t expected = EiaIntegrity(eia, intKey)
                            .ComputeMac(in,
                                        pending->protectedPart.data(),
                                        uint64_t(pending->protectedPart.size()) * 8);
    if (expected != pending->macI)
    {
        NS_LOG_INFO("RNTI " << m_rnti << " LCID " << +m_lcid << " COUNT " << pending->count
                            << ": MAC-I of the security mode command does not verify");
        m_integrityFailureTrace(m_rnti, m_lcid, pending->count);
        return false;
    }
    return true;
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

uint32_t
LteSecPdcp::RxCount(uint16_t sn) const
{
    // TS 36.323 5.1.2.1: the HFN of a received SN, from the next expected COUNT
    uint32_t nextSn = m_rxNextCount % SN_MODULUS;
    uint32_t hfn = m_rxNextCount / SN_MODULUS;
    if (sn + SN_MODULUS / 2 < nextSn)
    {
        hfn++; // the sender wrapped
    }
    else if (sn >= nextSn + SN_MODULUS / 2 && hfn > 0)
    {
        hfn--; // a late PDU from before the wrap
    }
    return (hfn * SN_MODULUS) + sn;
}

void
LteSecPdcp::DoTransmitPdcpSdu(LtePdcpSapProvider::TransmitPdcpSduParameters params)
{
    NS_LOG_FUNCTION(this << m_rnti << +m_lcid << params.pdcpSdu->GetSize());
    Ptr<Packet> sdu = params.pdcpSdu;

    uint16_t sn = m_txSequenceNumber;
    uint32_t count = (m_txHfn * SN_MODULUS) + sn;
    m_txSequenceNumber++;
    if (m_txSequenceNumber > m_maxPdcpSn)
    {
        m_txSequenceNumber = 0;
        m_txHfn++;
        NS_ABORT_MSG_IF(m_txHfn == (1u << 20),
                        "LteSecPdcp RNTI " << m_rnti << " LCID " << +m_lcid
                                           << ": COUNT wraps, and re-keying is not modelled");
    }

    // ns-3's PDCP header (LtePdcpHeader): D/C bit, 3 reserved bits, 12-bit SN
    const uint32_t hlen = 2;

    // PDU bytes: header || data [|| MAC-I]
    uint32_t dlen = sdu->GetSize();
    uint32_t maclen = m_srb ? MAC_I_SIZE : 0;
    std::vector<uint8_t> pdu(hlen + dlen + maclen, 0);
    pdu[0] = static_cast<uint8_t>((LtePdcpHeader::DATA_PDU << 7) | ((sn >> 8) & 0x0f));
    pdu[1] = static_cast<uint8_t>(sn & 0xff);
    sdu->CopyData(pdu.data() + hlen, dlen);

    AlgorithmInput in;
    in.count = count;
    in.bearer = GetBearerInput();
    in.direction = m_txDirection;
    if (m_srb && m_integrity)
    {
        uint32_t mac = m_integrity->ComputeMac(in, pdu.data(), uint64_t(hlen + dlen) * 8);
        uint8_t* m = pdu.data() + hlen + dlen;
        m[0] = mac >> 24;
        m[1] = mac >> 16;
        m[2] = mac >> 8;
        m[3] = mac;
    }
    if (m_cipher)
    {
        uint8_t* body = pdu.data() + hlen;
        m_cipher->Apply(in, body, body, (dlen + maclen) * 8);
    }

    // the SDU becomes the PDU: its packet tags stay, its byte tags move behind the header
    Ptr<Packet> p = sdu;
    ReplaceBytes(p, pdu.data(), pdu.size(), 0, dlen, hlen);
    PdcpTag pdcpTag(Simulator::Now());
    p->AddByteTag(pdcpTag, 1, hlen);

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

    const uint32_t hlen = 2; // LtePdcpHeader
    uint32_t maclen = m_srb ? MAC_I_SIZE : 0;
    if (p->GetSize() < hlen + maclen)
    {
        NS_LOG_WARN("PDU of " << p->GetSize() << " bytes too short, dropped");
        m_integrityFailureTrace(m_rnti, m_lcid, 0);
        return;
    }
    std::vector<uint8_t> pdu(p->GetSize());
    p->CopyData(pdu.data(), pdu.size());
    uint16_t sn = static_cast<uint16_t>(((pdu[0] & 0x0f) << 8) | pdu[1]);
    uint32_t count = RxCount(sn);
    uint32_t dlen = pdu.size() - hlen - maclen;

    AlgorithmInput in;
    in.count = count;
    in.bearer = GetBearerInput();
    in.direction = m_txDirection == Direction::DOWNLINK ? Direction::UPLINK : Direction::DOWNLINK;
    uint8_t* body = pdu.data() + hlen;
    if (m_cipher)
    {
        m_cipher->Apply(in, body, body, (dlen + maclen) * 8);
    }
    if (m_srb)
    {
        const uint8_t* m = pdu.data() + hlen + dlen;
        uint32_t received =
            (uint32_t(m[0]) << 24) | (uint32_t(m[1]) << 16) | (uint32_t(m[2]) << 8) | m[3];
        if (m_integrity)
        {
            uint32_t expected = m_integrity->ComputeMac(in, pdu.data(), uint64_t(hlen + dlen) * 8);
            if (received != expected)
            {
                NS_LOG_INFO("RNTI " << m_rnti << " LCID " << +m_lcid << " COUNT " << count
                                    << ": MAC-I does not verify, PDU dropped");
                m_integrityFailureTrace(m_rnti, m_lcid, count);
                return;
            }
        }
        else
        {
            // no keys yet: kept so that the security mode command can be checked once they exist
            m_pending = std::make_unique<Pending>();
            m_pending->count = count;
            m_pending->protectedPart.assign(pdu.begin(), pdu.begin() + hlen + dlen);
            m_pending->macI = received;
        }
    }
    else if (m_cipher && !IsIpPacket(body, dlen))
    {
        NS_LOG_INFO("RNTI " << m_rnti << " LCID " << +m_lcid << " COUNT " << count
                            << ": does not decipher to an IP packet, PDU dropped");
        m_decipheringFailureTrace(m_rnti, m_lcid, count);
        return;
    }

    m_rxNextCount = std::max(m_rxNextCount, count + 1);
    m_rxSequenceNumber = m_rxNextCount % SN_MODULUS;

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
