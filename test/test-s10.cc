// S10 (GTPv2-C) security IEs: the MM Context "EPS Security Context and Quadruplets" (TS 29.274
// 8.38) and the KeNB Private Extension, byte by byte, on bad input, and in Wireshark's GTPv2
// dissector (tshark) inside a Forward Relocation Request.
#include "test-print.h"
#include "tshark.h"

#include "ns3/lte-sec-kdf.h"
#include "ns3/lte-sec-s10.h"

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

using namespace ns3::ltesec;

namespace
{

S10MmContext
Sample()
{
    S10MmContext m;
    m.ksi = 3;
    m.nasEea = Eea::EEA2;
    m.nasEia = Eia::EIA2;
    m.dlNasCount = 0x000102;
    m.ulNasCount = 0x000007;
    m.kasme =
        Kasme::FromHex("d5ef4d8f33266902295d42f322a2f2cf11fb2ccc124c09b4d88d361597037990", "k");
    m.nh = Nh::FromHex("c855866413071b74aba01c132b943e7698aa5c11760d9bb1162ab313b11c6051", "nh");
    m.ncc = 2;
    m.ueCapabilities = UeSecurityCapabilities::FromLists("eea0,eea1,eea2", "eia1,eia2");
    return m;
}

/// A GTPv2-C message (TEID present) of \p type carrying \p ies.
std::vector<uint8_t>
Gtpv2(uint8_t type, const std::vector<std::vector<uint8_t>>& ies)
{
    std::vector<uint8_t> body;
    for (const auto& ie : ies)
    {
        body.insert(body.end(), ie.begin(), ie.end());
    }
    std::size_t length = 8 + body.size(); // after the first 4 octets: TEID, sequence, spare
    std::vector<uint8_t> m = {0x48,
                              type,
                              uint8_t(length >> 8),
                              uint8_t(length),
                              0x00,
                              0x00,
                              0x12,
                              0x34, // TEID
                              0x00,
                              0x00,
                              0x2a,
                              0x00}; // sequence 42, spare
    m.insert(m.end(), body.begin(), body.end());
    return m;
}

/// IMSI IE (type 1) for 001010000000001, TBCD.
std::vector<uint8_t>
Imsi()
{
    return {0x01, 0x00, 0x08, 0x00, 0x00, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0xf1};
}

} // namespace

BOOST_AUTO_TEST_SUITE(s10)

/// TS 29.274 8.38 (Figure 8.38-5), by hand: type 107 = 6b, length 80 = 0050, instance 00;
/// security mode 4 | NHI 1 | DRXI 0 | KSI 3 = 100 1 0 011 = 93; no vectors, no AMBR, no old
/// context = 00; SAMB RI 0 | EIA2 (3 bits) | EEA2 (4 bits) = 0 010 0010 = 22; DL COUNT 000102;
/// UL COUNT 000007; KASME; NH; spare | NCC 2 = 02; UE network capability: length 02, EEA octet
/// e0 (EEA0-2), EIA octet 60 (EIA1-2); MS network capability 00; MEI 00; access restriction 00.
BOOST_AUTO_TEST_CASE(mm_context_bytes)
{
    S10MmContext m = Sample();
    std::vector<uint8_t> ie = m.Encode();
    BOOST_TEST(ToHex(ie) == "6b005000"
                            "93"
                            "00"
                            "22"
                            "000102"
                            "000007" +
                                m.kasme.RevealHex() + m.nh.RevealHex() +
                                "02"
                                "02e060"
                                "00"
                                "00"
                                "00");
    BOOST_TEST(ie.size() == S10MmContext::IE_SIZE);
    BOOST_TEST(S10MmContext::IE_SIZE == 84u);
    m.ksi = 8;
    BOOST_CHECK_THROW(m.Encode(), std::invalid_argument);
}

/// Private Extension (TS 29.274 8.67): ff, length 0022 (34), instance 0, enterprise 32473 = 7ed9,
/// then KeNB.
BOOST_AUTO_TEST_CASE(kenb_extension_bytes)
{
    S10KenbExtension x;
    x.kenb = DeriveKenb(Sample().kasme, 7);
    std::vector<uint8_t> ie = x.Encode();
    BOOST_TEST(ToHex(ie) == "ff0022007ed9" + x.kenb.RevealHex());
    BOOST_TEST(ie.size() == S10KenbExtension::IE_SIZE);
    BOOST_TEST(S10KenbExtension::IE_SIZE == 38u);
}

BOOST_AUTO_TEST_CASE(round_trip_and_bad_input)
{
    S10MmContext m = Sample();
    std::vector<uint8_t> ie = m.Encode();
    S10MmContext d;
    std::string error;
    BOOST_TEST(d.Decode(ie, error), error);
    BOOST_TEST(+d.ksi == 3);
    BOOST_TEST(d.nasEea == Eea::EEA2);
    BOOST_TEST(d.nasEia == Eia::EIA2);
    BOOST_TEST(d.dlNasCount == 0x102u);
    BOOST_TEST(d.ulNasCount == 7u);
    BOOST_TEST(d.kasme == m.kasme);
    BOOST_TEST(d.nh == m.nh);
    BOOST_TEST(+d.ncc == 2);
    BOOST_TEST(d.ueCapabilities == m.ueCapabilities);
    // every truncation (with a consistent length field), another type, another security mode
    for (std::size_t n = 4; n < ie.size() - 3; ++n)
    {
        std::vector<uint8_t> t(ie.begin(), ie.begin() + n);
        t[1] = uint8_t((n - 4) >> 8);
        t[2] = uint8_t(n - 4);
        BOOST_TEST_CONTEXT(n << " octets")
        {
            BOOST_TEST(!S10MmContext().Decode(t, error));
        }
    }
    std::vector<uint8_t> other = ie;
    other[4] = 0x73; // security mode 3 (UMTS)
    BOOST_TEST(!S10MmContext().Decode(other, error));
    BOOST_TEST(error.find("security mode") != std::string::npos);
    other = ie;
    other[2] = 0x51; // length says one more octet than there is
    BOOST_TEST(!S10MmContext().Decode(other, error));
    S10KenbExtension x;
    x.kenb = DeriveKenb(m.kasme, 1);
    S10KenbExtension y;
    BOOST_TEST(y.Decode(x.Encode(), error));
    BOOST_TEST(y.kenb == x.kenb);
    std::vector<uint8_t> wrong = x.Encode();
    wrong[5] ^= 1; // another enterprise
    BOOST_TEST(!y.Decode(wrong, error));
    BOOST_TEST(!y.Decode({0xff, 0x00, 0x00, 0x00}, error));
    std::mt19937 rng(11);
    for (int i = 0; i < 2000; ++i)
    {
        std::vector<uint8_t> r(rng() % 100);
        for (auto& b : r)
        {
            b = rng();
        }
        if (r.size() >= 4)
        {
            r[0] = i % 2 ? 107 : 255;
            r[1] = 0;
            r[2] = uint8_t(r.size() - 4);
        }
        S10MmContext().Decode(r, error);
        S10KenbExtension().Decode(r, error);
    }
}

/// Wireshark's GTPv2 dissector reads the IEs in a Forward Relocation Request (type 133) without a
/// malformed-packet error, with the values we put in.
BOOST_AUTO_TEST_CASE(tshark_decodes_the_security_ies)
{
    S10KenbExtension x;
    x.kenb = DeriveKenb(Sample().kasme, 7);
    std::string out =
        ltesec_test::Tshark({Gtpv2(133, {Imsi(), Sample().Encode(), x.Encode()})}, "-u 2123,2123");
    BOOST_TEST_MESSAGE(out);
    BOOST_TEST(out.find("Malformed") == std::string::npos);
    BOOST_TEST(out.find("Forward Relocation Request") != std::string::npos);
    BOOST_TEST(out.find("Security Mode: EPS Security Context, Quadruplets and Quintuplets (4)") !=
               std::string::npos);
    BOOST_TEST(out.find("KSI_asme: 3") != std::string::npos);
    BOOST_TEST(out.find("Used NAS integrity protection algorithm: 128-EIA2") != std::string::npos);
    BOOST_TEST(out.find("Used NAS Cipher: 128-EEA2") != std::string::npos);
    BOOST_TEST(out.find("NAS Downlink Count: 258") != std::string::npos);
    BOOST_TEST(out.find("NAS Uplink Count: 7") != std::string::npos);
    BOOST_TEST(out.find("NCC (Next Hop Chaining Count): 2") != std::string::npos);
    BOOST_TEST(out.find("128-EEA2: Supported") != std::string::npos);
    BOOST_TEST(out.find("Private Extension") != std::string::npos);
    BOOST_TEST(out.find("32473") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
