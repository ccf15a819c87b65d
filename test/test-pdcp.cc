// LteSecPdcp on its own: two entities joined by a wire that can alter PDUs in flight.
#include "ns3/lte-rlc-sap.h"
#include "ns3/lte-sec-pdcp.h"
#include "ns3/flow-id-tag.h"
#include "ns3/packet.h"
#include "ns3/socket.h"
#include "ns3/simulator.h"

#include <boost/test/unit_test.hpp>

using namespace ns3;
using namespace ns3::ltesec;

namespace
{

/// RLC stand-in: hands every PDU of one PDCP to the other, after an optional alteration.
class Wire : public LteRlcSapProvider
{
  public:
    LteRlcSapUser* peer{nullptr};
    int flipByte{-1}; ///< byte to alter in the next PDU (-1: none)
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
        peer->ReceivePdcpPdu(p);
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

struct Link
{
    Ptr<LteSecPdcp> tx = CreateObject<LteSecPdcp>();
    Ptr<LteSecPdcp> rx = CreateObject<LteSecPdcp>();
    Wire wire;
    Sink sink;
    Sink txSink;
    std::vector<uint32_t> failures;

    Link(bool srb)
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
        rx->TraceConnectWithoutContext("IntegrityFailure", MakeCallback(&Link::Failure, this));
    }

    ~Link()
    {
        tx->Dispose();
        rx->Dispose();
    }

    void Failure(uint16_t, uint8_t, uint32_t count)
    {
        failures.push_back(count);
    }

    void Send(const std::vector<uint8_t>& data, Ptr<Packet> packet = nullptr)
    {
        LtePdcpSapProvider::TransmitPdcpSduParameters p;
        p.pdcpSdu = packet ? packet : Create<Packet>(data.data(), data.size());
        p.rnti = 7;
        p.lcid = 1;
        tx->GetLtePdcpSapProvider()->TransmitPdcpSdu(p);
    }

    void ActivateBoth(Eea eea, Eia eia, const AlgKey& enc, const AlgKey& integ)
    {
        tx->Activate(eea, enc, eia, integ);
        rx->Activate(eea, enc, eia, integ);
    }
};

/// Bytes shaped like an IPv4 packet of \p len bytes (DRBs carry IP).
std::vector<uint8_t>
IpPacket(uint16_t len)
{
    std::vector<uint8_t> b(len, 0x42);
    b[0] = 0x45;
    b[2] = len >> 8;
    b[3] = len & 0xff;
    return b;
}

const AlgKey ENC = AlgKey::FromHex("d3c5d592327fb11c4035c6680af8c6d1", "enc");
const AlgKey INT = AlgKey::FromHex("2bd6459f82c5b300952c49104881ff48", "int");
const std::vector<uint8_t> MSG = {'h', 'a', 'n', 'd', 'o', 'v', 'e', 'r', ' ', 'c', 'o', 'n'};

} // namespace

BOOST_AUTO_TEST_SUITE(pdcp)

BOOST_AUTO_TEST_CASE(srb_pdu_carries_mac_i_and_ciphertext)
{
    Link l(true);
    l.Send(MSG); // before activation: MAC-I field present and zero, data in clear
    BOOST_TEST(l.wire.seen[0].size() == 2 + MSG.size() + 4);
    BOOST_TEST(std::vector<uint8_t>(l.wire.seen[0].end() - 4, l.wire.seen[0].end()) ==
                   std::vector<uint8_t>(4, 0),
               boost::test_tools::per_element());
    l.ActivateBoth(Eea::EEA2, Eia::EIA2, ENC, INT);
    l.Send(MSG);
    const auto& pdu = l.wire.seen[1];
    BOOST_TEST(pdu.size() == 2 + MSG.size() + 4);
    BOOST_TEST(std::vector<uint8_t>(pdu.begin() + 2, pdu.begin() + 2 + MSG.size()) != MSG);
    BOOST_TEST(l.sink.sdus.size() == 2u);
    BOOST_TEST(l.sink.sdus[1] == MSG, boost::test_tools::per_element());
    BOOST_TEST(l.failures.empty());
}

BOOST_AUTO_TEST_CASE(altered_pdu_is_dropped_and_traced)
{
    for (int alg = 0; alg <= 3; ++alg)
    {
        BOOST_TEST_CONTEXT("eia" << alg)
        {
            if (alg == 0)
            {
                continue; // EIA0 protects nothing by definition
            }
            for (int byte : {0, 1, 5, 2 + static_cast<int>(MSG.size())})
            {
                Link l(true);
                l.ActivateBoth(Eea::EEA2, static_cast<Eia>(alg), ENC, INT);
                l.wire.flipByte = byte; // header, data or MAC-I
                l.Send(MSG);
                BOOST_TEST(l.sink.sdus.empty());
                BOOST_TEST(l.failures.size() == 1u);
                l.Send(MSG); // the next, unaltered one goes through
                BOOST_TEST(l.sink.sdus.size() == 1u);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(wrong_key_at_receiver_is_an_integrity_failure)
{
    Link l(true);
    l.tx->Activate(Eea::EEA1, ENC, Eia::EIA1, INT);
    AlgKey other = INT;
    other.Data()[15] ^= 0x80;
    l.rx->Activate(Eea::EEA1, ENC, Eia::EIA1, other);
    l.Send(MSG);
    BOOST_TEST(l.sink.sdus.empty());
    BOOST_TEST(l.failures.size() == 1u);
}

BOOST_AUTO_TEST_CASE(drb_is_ciphered_without_mac)
{
    for (int alg = 1; alg <= 3; ++alg)
    {
        BOOST_TEST_CONTEXT("eea" << alg)
        {
            Link l(false);
            l.ActivateBoth(static_cast<Eea>(alg), Eia::EIA2, ENC, INT);
            std::vector<uint8_t> data = IpPacket(100);
            l.Send(data);
            BOOST_TEST(l.wire.seen[0].size() == 2 + data.size());
            BOOST_TEST(std::vector<uint8_t>(l.wire.seen[0].begin() + 2, l.wire.seen[0].end()) !=
                       data);
            BOOST_TEST(l.sink.sdus.size() == 1u);
            BOOST_TEST(l.sink.sdus[0] == data, boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(drb_under_a_wrong_key_is_dropped_and_traced)
{
    Link l(false);
    std::vector<uint32_t> deciphering;
    l.rx->TraceConnectWithoutContext(
        "DecipheringFailure",
        MakeBoundCallback(+[](std::vector<uint32_t>* v, uint16_t, uint8_t, uint32_t c) {
            v->push_back(c);
        },
                          &deciphering));
    l.tx->Activate(Eea::EEA2, ENC, Eia::EIA2, INT);
    AlgKey other = ENC;
    other.Data()[0] ^= 0x01;
    l.rx->Activate(Eea::EEA2, other, Eia::EIA2, INT);
    for (int i = 0; i < 20; ++i)
    {
        l.Send(IpPacket(60 + i));
    }
    BOOST_TEST(l.sink.sdus.empty());
    BOOST_TEST(deciphering.size() == 20u);
}

BOOST_AUTO_TEST_CASE(security_mode_command_is_checked_once_keys_exist)
{
    for (bool rightKey : {true, false})
    {
        BOOST_TEST_CONTEXT((rightKey ? "right key" : "wrong key"))
        {
            Link l(true);
            l.tx->StartIntegrity(Eia::EIA2, INT); // integrity protected, not ciphered
            l.Send(MSG);
            const auto& pdu = l.wire.seen[0];
            BOOST_TEST(std::vector<uint8_t>(pdu.begin() + 2, pdu.begin() + 2 + MSG.size()) == MSG,
                       boost::test_tools::per_element());
            BOOST_TEST(std::vector<uint8_t>(pdu.end() - 4, pdu.end()) != std::vector<uint8_t>(4, 0));
            // the receiver has no keys yet: it delivers and keeps the MAC-I for later
            BOOST_TEST(l.sink.sdus.size() == 1u);
            BOOST_TEST(l.rx->HasPending());
            AlgKey key = INT;
            if (!rightKey)
            {
                key.Data()[3] ^= 0x10;
            }
            BOOST_TEST(l.rx->VerifyPending(Eia::EIA2, key) == rightKey);
            BOOST_TEST(l.failures.size() == (rightKey ? 0u : 1u));
            BOOST_TEST(!l.rx->HasPending());
        }
    }
}

BOOST_AUTO_TEST_CASE(tags_survive_protection)
{
    for (bool srb : {true, false})
    {
        BOOST_TEST_CONTEXT((srb ? "SRB" : "DRB"))
        {
            Link l(srb);
            l.ActivateBoth(Eea::EEA2, Eia::EIA2, ENC, INT);
            std::vector<uint8_t> data = srb ? MSG : IpPacket(80);
            Ptr<Packet> p = Create<Packet>(data.data(), data.size());
            SocketPriorityTag priority; // a packet tag
            priority.SetPriority(5);
            p->AddPacketTag(priority);
            p->AddByteTag(FlowIdTag(42)); // a byte tag over the whole SDU
            l.Send(data, p);
            BOOST_TEST(l.sink.packets.size() == 1u);
            Ptr<Packet> got = l.sink.packets[0];
            SocketPriorityTag gotPriority;
            BOOST_TEST(got->PeekPacketTag(gotPriority));
            BOOST_TEST(+gotPriority.GetPriority() == 5);
            FlowIdTag gotFlow;
            BOOST_TEST(got->FindFirstMatchingByteTag(gotFlow));
            BOOST_TEST(gotFlow.GetFlowId() == 42u);
            BOOST_TEST(l.sink.sdus[0] == data, boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(count_runs_across_sn_wrap)
{
    Link l(true);
    l.ActivateBoth(Eea::EEA3, Eia::EIA3, ENC, INT);
    for (int i = 0; i < 4096 + 10; ++i)
    {
        l.Send(MSG);
    }
    BOOST_TEST(l.failures.empty());
    BOOST_TEST(l.sink.sdus.size() == 4106u);
    // same SN, different HFN: different ciphertext
    BOOST_TEST(l.wire.seen[1] != l.wire.seen[4097]);
}

BOOST_AUTO_TEST_SUITE_END()
