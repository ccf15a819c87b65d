// LteSecPdcp on its own, transmit side and protection: PDU formats, MAC-I and ciphertext on the
// wire, altered PDUs, the IP check, the security mode command check, tags.
#include "pdcp-link.h"

BOOST_AUTO_TEST_SUITE(pdcp)

BOOST_AUTO_TEST_CASE(srb_pdu_carries_mac_i_and_ciphertext)
{
    Link l(true);
    l.Send(MSG); // before activation: 1-byte header, data in clear, MAC-I field present and zero
    BOOST_TEST_REQUIRE(l.wire.seen.size() == 1u);
    std::vector<uint8_t> clear{0x00};
    clear.insert(clear.end(), MSG.begin(), MSG.end());
    clear.insert(clear.end(), 4, 0);
    BOOST_TEST(l.wire.seen[0] == clear, boost::test_tools::per_element());
    l.ActivateBoth(Eea::EEA2, Eia::EIA2, ENC, INT);
    l.Send(MSG);
    BOOST_TEST_REQUIRE(l.wire.seen.size() == 2u);
    BOOST_TEST(l.wire.seen[1] == SrbPdu(1, MSG, Eea::EEA2, Eia::EIA2),
               boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(l.sink.sdus.size() == 2u);
    BOOST_TEST(l.sink.sdus[1] == MSG, boost::test_tools::per_element());
    BOOST_TEST(l.failures.empty());
}

BOOST_AUTO_TEST_CASE(srb_pdu_format_and_sn_wrap)
{
    for (int alg = 1; alg <= 3; ++alg)
    {
        BOOST_TEST_CONTEXT("eea" << alg << "/eia" << alg)
        {
            Link l(true);
            Eea eea = static_cast<Eea>(alg);
            Eia eia = static_cast<Eia>(alg);
            l.ActivateBoth(eea, eia, ENC, INT);
            for (uint32_t i = 0; i < 70; ++i)
            {
                l.Send(Msg(i));
            }
            BOOST_TEST_REQUIRE(l.wire.seen.size() == 70u);
            for (uint32_t i = 0; i < 70; ++i)
            {
                BOOST_TEST_CONTEXT("PDU " << i)
                {
                    BOOST_TEST(+l.wire.seen[i][0] == int(i % 32)); // R R R SN(5)
                    BOOST_TEST(l.wire.seen[i] == SrbPdu(i, Msg(i), eea, eia),
                               boost::test_tools::per_element());
                }
            }
            // PDU 33 carries SN 1 and is protected under COUNT 33 (HFN 1)
            BOOST_TEST(+l.wire.seen[33][0] == 1);
            BOOST_TEST(l.wire.seen[33] == SrbPdu(33, Msg(33), eea, eia),
                       boost::test_tools::per_element());
            BOOST_TEST(l.sink.sdus.size() == 70u);
            BOOST_TEST(l.failures.empty());
            BOOST_TEST(l.tx->GetTxNextCount() == 70u);
            BOOST_TEST(l.rx->GetRxNextCount() == 70u);
        }
    }
}

BOOST_AUTO_TEST_CASE(drb_pdu_format_and_sn_wrap)
{
    Link l(false);
    l.ActivateBoth(Eea::EEA2, Eia::EIA2, ENC, INT);
    for (uint32_t i = 0; i < 4098; ++i)
    {
        l.Send(IpPacket(40, i));
    }
    BOOST_TEST_REQUIRE(l.wire.seen.size() == 4098u);
    for (uint32_t i : {0u, 1u, 255u, 256u, 4095u, 4096u, 4097u})
    {
        BOOST_TEST_CONTEXT("PDU " << i)
        {
            BOOST_TEST(l.wire.seen[i] == DrbPdu(i, IpPacket(40, i), Eea::EEA2),
                       boost::test_tools::per_element());
        }
    }
    BOOST_TEST(+l.wire.seen[4097][0] == 0x80); // D/C = 1, SN 1 under HFN 1
    BOOST_TEST(+l.wire.seen[4097][1] == 0x01);
    BOOST_TEST(l.sink.sdus.size() == 4098u);
    BOOST_TEST(l.rx->GetRxNextCount() == 4098u);
    BOOST_TEST(l.deciphering.empty());
}

BOOST_AUTO_TEST_CASE(drb_control_pdu_is_dropped_and_traced)
{
    for (bool active : {false, true})
    {
        BOOST_TEST_CONTEXT((active ? "security on" : "security off"))
        {
            Link l(false);
            if (active)
            {
                l.ActivateBoth(Eea::EEA2, Eia::EIA2, ENC, INT);
            }
            std::vector<uint8_t> control = IpPacket(40);
            control.insert(control.begin(), {0x00, 0x00}); // D/C = 0
            l.Inject(control);
            BOOST_TEST(l.sink.sdus.empty());
            BOOST_TEST((l.rxDiscards == Discards{{0, "control PDU"}}));
            BOOST_TEST(l.deciphering.empty());
            BOOST_TEST(l.rx->GetRxNextCount() == 0u);
            l.Send(IpPacket(40, 1)); // the state is untouched: COUNT 0 goes through
            BOOST_TEST((Ids(l.sink) == std::vector<uint32_t>{1}));
        }
    }
}

BOOST_AUTO_TEST_CASE(truncated_pdu_is_dropped_and_traced)
{
    Link srb(true);
    srb.ActivateBoth(Eea::EEA2, Eia::EIA2, ENC, INT);
    srb.Inject({0x00, 1, 2, 3}); // header and 3 of the 4 MAC-I bytes
    BOOST_TEST(srb.sink.sdus.empty());
    BOOST_TEST(srb.failures.empty());
    BOOST_TEST((srb.rxDiscards == Discards{{0, "truncated"}}));
    Link drb(false);
    drb.Inject({0x80});
    BOOST_TEST(drb.sink.sdus.empty());
    BOOST_TEST((drb.rxDiscards == Discards{{0, "truncated"}}));
}

BOOST_AUTO_TEST_CASE(altered_pdu_is_dropped_and_traced)
{
    const int macByte = 1 + static_cast<int>(MSG.size());
    for (int alg = 1; alg <= 3; ++alg)
    {
        BOOST_TEST_CONTEXT("eia" << alg)
        {
            for (int byte : {0, 1, 5, macByte})
            {
                BOOST_TEST_CONTEXT("byte " << byte)
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
}

BOOST_AUTO_TEST_CASE(eia0_detects_no_alteration)
{
    // EIA0: the MAC-I is 32 zero bits (ciphered like the data) and is not checked
    Link clear(true);
    clear.ActivateBoth(Eea::EEA0, Eia::EIA0, ENC, INT);
    clear.Send(MSG);
    BOOST_TEST_REQUIRE(clear.wire.seen.size() == 1u);
    BOOST_TEST(std::vector<uint8_t>(clear.wire.seen[0].end() - 4, clear.wire.seen[0].end()) ==
                   std::vector<uint8_t>(4, 0),
               boost::test_tools::per_element());
    const int macByte = 1 + static_cast<int>(MSG.size());
    for (int byte : {0, 1, 5, macByte})
    {
        BOOST_TEST_CONTEXT("byte " << byte)
        {
            Link l(true);
            l.ActivateBoth(Eea::EEA2, Eia::EIA0, ENC, INT);
            l.wire.flipByte = byte;
            l.Send(MSG);
            BOOST_TEST_REQUIRE(l.wire.seen.size() == 1u);
            const auto& sent = l.wire.seen[0];
            BOOST_TEST(sent == SrbPdu(0, MSG, Eea::EEA2, Eia::EIA0),
                       boost::test_tools::per_element());
            BOOST_TEST(l.failures.empty()); // not detected: delivered, altered
            BOOST_TEST_REQUIRE(l.sink.sdus.size() == 1u);
            std::vector<uint8_t> expected = MSG;
            if (byte == 0)
            {
                // SN 0 became SN 1: deciphered under COUNT 1
                std::vector<uint8_t> data(sent.begin() + 1, sent.begin() + macByte);
                expected = Encrypt(Eea::EEA2, ENC, Input(1), data, data.size() * 8);
                BOOST_TEST(expected != MSG);
            }
            else if (byte < macByte)
            {
                expected[byte - 1] ^= 0x01;
            }
            BOOST_TEST(l.sink.sdus[0] == expected, boost::test_tools::per_element());
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
            BOOST_TEST(l.wire.seen[0] == DrbPdu(0, data, static_cast<Eea>(alg)),
                       boost::test_tools::per_element());
            BOOST_TEST_REQUIRE(l.sink.sdus.size() == 1u);
            BOOST_TEST(l.sink.sdus[0] == data, boost::test_tools::per_element());
        }
    }
}

BOOST_AUTO_TEST_CASE(drb_under_a_wrong_key_is_dropped_and_traced)
{
    Link l(false);
    l.tx->Activate(Eea::EEA2, ENC, Eia::EIA2, INT);
    AlgKey other = ENC;
    other.Data()[0] ^= 0x01;
    l.rx->Activate(Eea::EEA2, other, Eia::EIA2, INT);
    for (int i = 0; i < 20; ++i)
    {
        l.Send(IpPacket(60 + i));
    }
    BOOST_TEST(l.sink.sdus.empty());
    BOOST_TEST(l.deciphering.size() == 20u);
}

BOOST_AUTO_TEST_CASE(drb_ip_check_misses_payload_bit_flips)
{
    // LTE has no user plane integrity; the IP check reads version, IHL and length only
    const int hlen = 2;
    Link l(false);
    l.ActivateBoth(Eea::EEA2, Eia::EIA2, ENC, INT);
    std::vector<uint8_t> data = IpPacket(100);
    for (int byte : {1, 50, 99}) // type of service, payload, last byte
    {
        l.wire.flipByte = hlen + byte;
        l.Send(data);
        BOOST_TEST_REQUIRE(!l.sink.sdus.empty());
        std::vector<uint8_t> corrupted = data;
        corrupted[byte] ^= 0x01;
        BOOST_TEST(l.sink.sdus.back() == corrupted, boost::test_tools::per_element());
    }
    BOOST_TEST(l.sink.sdus.size() == 3u); // delivered, corrupted: not dropped
    BOOST_TEST(l.deciphering.empty());
    l.wire.flipByte = hlen + 3; // the IPv4 total length: detected
    l.Send(data);
    BOOST_TEST(l.sink.sdus.size() == 3u);
    BOOST_TEST((l.deciphering == std::vector<uint32_t>{3}));
}

BOOST_AUTO_TEST_CASE(trace_sources_have_their_own_signatures)
{
    TypeId tid = LteSecPdcp::GetTypeId();
    for (const auto& t : {std::make_pair("IntegrityFailure", "IntegrityFailureTracedCallback"),
                          std::make_pair("DecipheringFailure", "DecipheringFailureTracedCallback"),
                          std::make_pair("PduDiscarded", "PduDiscardedTracedCallback")})
    {
        TypeId::TraceSourceInformation info;
        Ptr<const TraceSourceAccessor> accessor = tid.LookupTraceSourceByName(t.first, &info);
        BOOST_TEST(bool(accessor));
        BOOST_TEST(info.callback == std::string("ns3::LteSecPdcp::") + t.second);
    }
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
            BOOST_TEST_REQUIRE(l.wire.seen.size() == 1u);
            BOOST_TEST(l.wire.seen[0] == SrbPdu(0, MSG, Eea::EEA0, Eia::EIA2),
                       boost::test_tools::per_element());
            // the receiver has no keys yet: it delivers and keeps the MAC-I for later
            BOOST_TEST(l.sink.sdus.size() == 1u);
            BOOST_TEST(l.rx->HasPending());
            AlgKey key = INT;
            if (!rightKey)
            {
                key.Data()[3] ^= 0x10;
            }
            BOOST_TEST(l.rx->VerifyPending(Eia::EIA2, key) == rightKey);
            BOOST_TEST(
                (l.failures == (rightKey ? std::vector<uint32_t>{} : std::vector<uint32_t>{0})));
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
            BOOST_TEST_REQUIRE(l.sink.packets.size() == 1u);
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
    BOOST_TEST_REQUIRE(l.wire.seen.size() == 4106u);
    BOOST_TEST(l.wire.seen[1] != l.wire.seen[33]);
    BOOST_TEST(l.wire.seen[1] != l.wire.seen[4097]);
}

BOOST_AUTO_TEST_SUITE_END()
