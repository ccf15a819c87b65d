// The test harness of the pdcp suite: two LteSecPdcp entities joined by a wire that can alter,
// hold, drop, reorder and replay PDUs, and the expected PDU bytes built with the one-shot
// algorithms (checked against the 3GPP test sets in the vectors suite).
#ifndef LTESEC_TEST_PDCP_LINK_H
#define LTESEC_TEST_PDCP_LINK_H

#include "ns3/flow-id-tag.h"
#include "ns3/lte-rlc-sap.h"
#include "ns3/lte-sec-pdcp.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"

#include <boost/test/unit_test.hpp>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <utility>

using namespace ns3;
using namespace ns3::ltesec;

namespace
{

/// RLC stand-in: hands every PDU of one PDCP to the other, after an optional alteration, unless
/// told to hold them (the test then injects what it wants, in the order it wants).
class Wire : public LteRlcSapProvider
{
  public:
    LteRlcSapUser* peer{nullptr};
    int flipByte{-1}; ///< byte to alter in the next PDU (-1: none)
    bool hold{false}; ///< record PDUs without passing them on
    std::vector<std::vector<uint8_t>> seen;

    void TransmitPdcpPdu(TransmitPdcpPduParameters params) override
    {
        std::vector<uint8_t> b(params.pdcpPdu->GetSize());
        params.pdcpPdu->CopyData(b.data(), b.size());
        seen.push_back(b);
        Ptr<Packet> p = params.pdcpPdu;
        if (flipByte >= 0)
        {
            b[flipByte] ^= 0x01;
            p = Create<Packet>(b.data(), b.size());
            flipByte = -1;
        }
        if (!hold)
        {
            peer->ReceivePdcpPdu(p);
        }
    }
};

/// Upper layer stand-in: collects delivered SDUs.
class Sink : public LtePdcpSapUser
{
  public:
    std::vector<std::vector<uint8_t>> sdus;
    std::vector<Ptr<Packet>> packets;

    void ReceivePdcpSdu(ReceivePdcpSduParameters params) override
    {
        std::vector<uint8_t> b(params.pdcpSdu->GetSize());
        params.pdcpSdu->CopyData(b.data(), b.size());
        sdus.push_back(b);
        packets.push_back(params.pdcpSdu);
    }
};

using Discards = std::vector<std::pair<uint32_t, std::string>>;

void
RecordCount(std::vector<uint32_t>* v, uint16_t, uint8_t, uint32_t count)
{
    v->push_back(count);
}

void
RecordDiscard(Discards* v, uint16_t, uint8_t, uint32_t count, const std::string& reason)
{
    v->emplace_back(count, reason);
}

struct Link
{
    Ptr<LteSecPdcp> tx = CreateObject<LteSecPdcp>();
    Ptr<LteSecPdcp> rx = CreateObject<LteSecPdcp>();
    Wire wire;
    Sink sink;
    Sink txSink;
    std::vector<uint32_t> failures;    ///< IntegrityFailure at rx
    std::vector<uint32_t> deciphering; ///< DecipheringFailure at rx
    Discards rxDiscards;               ///< PduDiscarded at rx
    Discards txDiscards;               ///< PduDiscarded at tx

    explicit Link(bool srb)
    {
        uint8_t lcid = srb ? 1 : 3;
        for (auto p : {tx, rx})
        {
            p->SetRnti(7);
            p->SetLcId(lcid);
        }
        tx->SetBearer(srb, Direction::DOWNLINK);
        rx->SetBearer(srb, Direction::UPLINK);
        tx->SetLteRlcSapProvider(&wire);
        tx->SetLtePdcpSapUser(&txSink);
        wire.peer = rx->GetLteRlcSapUser();
        rx->SetLtePdcpSapUser(&sink);
        rx->TraceConnectWithoutContext("IntegrityFailure",
                                       MakeBoundCallback(&RecordCount, &failures));
        rx->TraceConnectWithoutContext("DecipheringFailure",
                                       MakeBoundCallback(&RecordCount, &deciphering));
        rx->TraceConnectWithoutContext("PduDiscarded",
                                       MakeBoundCallback(&RecordDiscard, &rxDiscards));
        tx->TraceConnectWithoutContext("PduDiscarded",
                                       MakeBoundCallback(&RecordDiscard, &txDiscards));
    }

    ~Link()
    {
        tx->Dispose();
        rx->Dispose();
    }

    void Send(const std::vector<uint8_t>& data, Ptr<Packet> packet = nullptr)
    {
        LtePdcpSapProvider::TransmitPdcpSduParameters p;
        p.pdcpSdu = packet ? packet : Create<Packet>(data.data(), data.size());
        p.rnti = 7;
        p.lcid = 1;
        tx->GetLtePdcpSapProvider()->TransmitPdcpSdu(p);
    }

    /// Hands these bytes to the receiver as a PDU from RLC.
    void Inject(const std::vector<uint8_t>& pdu)
    {
        wire.peer->ReceivePdcpPdu(Create<Packet>(pdu.data(), pdu.size()));
    }

    void ActivateBoth(Eea eea, Eia eia, const AlgKey& enc, const AlgKey& integ)
    {
        tx->Activate(eea, enc, eia, integ);
        rx->Activate(eea, enc, eia, integ);
    }
};

/// Bytes shaped like an IPv4 packet of \p len bytes (DRBs carry IP), numbered \p id.
std::vector<uint8_t>
IpPacket(uint16_t len, uint32_t id = 0)
{
    std::vector<uint8_t> b(len, 0x42);
    b[0] = 0x45;
    b[2] = len >> 8;
    b[3] = len & 0xff;
    for (int i = 0; i < 4; ++i)
    {
        b[20 + i] = static_cast<uint8_t>(id >> (24 - 8 * i));
    }
    return b;
}

const AlgKey ENC = AlgKey::FromHex("d3c5d592327fb11c4035c6680af8c6d1", "enc");
const AlgKey INT = AlgKey::FromHex("2bd6459f82c5b300952c49104881ff48", "int");
const std::vector<uint8_t> MSG = {'h', 'a', 'n', 'd', 'o', 'v', 'e', 'r', ' ', 'c', 'o', 'n'};

/// MSG followed by the number \p i: tells the SDUs apart.
std::vector<uint8_t>
Msg(uint32_t i)
{
    std::vector<uint8_t> m = MSG;
    m.push_back(static_cast<uint8_t>(i));
    m.push_back(static_cast<uint8_t>(i >> 8));
    return m;
}

AlgorithmInput
Input(uint32_t count, uint8_t bearer = 0)
{
    AlgorithmInput in;
    in.count = count;
    in.bearer = bearer;
    in.direction = Direction::DOWNLINK;
    return in;
}

/// The SRB1 downlink PDU of TS 36.323 6.2.2: SN(5) || Ciphered(data || EIA(header || data)).
std::vector<uint8_t>
SrbPdu(uint32_t count, const std::vector<uint8_t>& data, Eea eea, Eia eia)
{
    std::vector<uint8_t> pdu{static_cast<uint8_t>(count & 0x1f)};
    pdu.insert(pdu.end(), data.begin(), data.end());
    uint32_t mac = ComputeMac(eia, INT, Input(count), pdu, pdu.size() * 8);
    std::vector<uint8_t> body(data);
    for (int shift : {24, 16, 8, 0})
    {
        body.push_back(static_cast<uint8_t>(mac >> shift));
    }
    std::vector<uint8_t> c = Encrypt(eea, ENC, Input(count), body, body.size() * 8);
    pdu.resize(1);
    pdu.insert(pdu.end(), c.begin(), c.end());
    return pdu;
}

/// The DRB1 (BEARER 0) downlink PDU: D/C = 1, R R R, SN(12), then the ciphered data.
std::vector<uint8_t>
DrbPdu(uint32_t count, const std::vector<uint8_t>& data, Eea eea)
{
    uint32_t sn = count % 4096;
    std::vector<uint8_t> pdu{static_cast<uint8_t>(0x80 | (sn >> 8)), static_cast<uint8_t>(sn)};
    std::vector<uint8_t> c = Encrypt(eea, ENC, Input(count), data, data.size() * 8);
    pdu.insert(pdu.end(), c.begin(), c.end());
    return pdu;
}

/// The IpPacket numbers of the SDUs in \p sink.
std::vector<uint32_t>
Ids(const Sink& sink)
{
    std::vector<uint32_t> ids;
    for (const auto& s : sink.sdus)
    {
        ids.push_back(s.size() < 24 ? 0xffffffff
                                    : (uint32_t(s[20]) << 24) | (uint32_t(s[21]) << 16) |
                                          (uint32_t(s[22]) << 8) | s[23]);
    }
    return ids;
}

/// The Msg numbers of the SDUs in \p sink.
std::vector<uint32_t>
MsgIds(const Sink& sink)
{
    std::vector<uint32_t> ids;
    for (const auto& s : sink.sdus)
    {
        ids.push_back(s.size() != MSG.size() + 2 ? 0xffffffff
                                                 : s[MSG.size()] | (s[MSG.size() + 1] << 8));
    }
    return ids;
}

const uint64_t TWO_32 = uint64_t(1) << 32;

} // namespace

#endif
