// S1AP security IEs in aligned PER (TS 36.413): exact bytes written by hand from the spec, sizes,
// bad input, and Wireshark's S1AP dissector (tshark) decoding them in a whole S1AP PDU.
#include "test-print.h"
#include "tshark.h"

#include "ns3/epc-s1ap-pdu.h"
#include "ns3/lte-sec-wire.h"

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

std::vector<uint8_t>
Ie(const S1apUeSecurityCapabilities& c)
{
    ns3::EpcAperWriter w;
    c.WriteIe(w);
    return w.Bytes();
}

std::vector<uint8_t>
Ie(const S1apSecurityContext& c)
{
    ns3::EpcAperWriter w;
    c.WriteIe(w);
    return w.Bytes();
}

S1apSecurityContext
Context(uint8_t ncc)
{
    S1apSecurityContext c;
    c.ncc = ncc;
    c.nh = Nh::FromHex("c855866413071b74aba01c132b943e7698aa5c11760d9bb1162ab313b11c6051", "nh");
    return c;
}

/**
 * An S1AP-PDU initiatingMessage (CHOICE index 0 of 3, extensible) of \p procedureCode, criticality
 * reject, whose value is a message SEQUENCE {protocolIEs, ...} holding \p ies (already encoded
 * ProtocolIE-Fields, each octet aligned).
 */
std::vector<uint8_t>
InitiatingMessage(uint8_t procedureCode, const std::vector<std::vector<uint8_t>>& ies)
{
    ns3::EpcAperWriter value;
    value.Bits(0, 1); // the message's extension bit
    value.Constrained(ies.size(), 0, 65535);
    for (const auto& ie : ies)
    {
        value.Octets(ie.data(), ie.size());
    }
    ns3::EpcAperWriter pdu;
    pdu.Bits(0, 1);           // S1AP-PDU extension bit
    pdu.Constrained(0, 0, 2); // initiatingMessage
    pdu.Constrained(procedureCode, 0, 255);
    pdu.Constrained(0, 0, 2); // criticality reject
    pdu.OpenType(value.Bytes());
    return pdu.Bytes();
}

} // namespace

BOOST_AUTO_TEST_SUITE(s1ap)

/// TS 36.413 9.2.1.40, encoded by hand: id 107 = 00 6b, criticality reject (2 bits) padded = 00,
/// open-type length 05, then ext 0, option 0, [ext 0, 1100 0000 0000 0000], [ext 0, 1100...]
/// = 0 0 0 11000 | 00000000 | 000 0 11 00 | 00000000 | 0000 (pad) = 18 00 0c 00 00.
BOOST_AUTO_TEST_CASE(ue_security_capabilities_ie_bytes)
{
    S1apUeSecurityCapabilities c;
    c.capabilities = UeSecurityCapabilities::FromLists("eea0,eea1,eea2", "eia1,eia2");
    std::vector<uint8_t> ie = Ie(c);
    BOOST_TEST(ToHex(ie) == "006b000518000c0000");
    BOOST_TEST(ie.size() == S1apUeSecurityCapabilities::IE_SIZE);
    BOOST_TEST(S1apUeSecurityCapabilities::IE_SIZE == 9u);
    // all three, and none: 0 111 0... -> 1c 00 0e 00 00 ; 00 00 00 00 00
    c.capabilities = UeSecurityCapabilities::FromLists("eea0,eea1,eea2,eea3", "eia1,eia2,eia3");
    BOOST_TEST(ToHex(c.EncodeValue()) == "1c000e0000");
    c.capabilities = UeSecurityCapabilities::FromLists("eea0", "eia0");
    BOOST_TEST(ToHex(c.EncodeValue()) == "0000000000");
}

/// TS 36.413 9.2.1.26, encoded by hand: id 40 = 00 28, 00, length 0x21 (33), then ext 0,
/// option 0, NCC (3 bits) padded: NCC 2 = 000 10 000 = 10, then the 32 bytes of NH.
BOOST_AUTO_TEST_CASE(security_context_ie_bytes)
{
    S1apSecurityContext c = Context(2);
    std::vector<uint8_t> ie = Ie(c);
    BOOST_TEST(ToHex(ie) == "0028002110" + c.nh.RevealHex());
    BOOST_TEST(ie.size() == S1apSecurityContext::IE_SIZE);
    BOOST_TEST(S1apSecurityContext::IE_SIZE == 37u);
    BOOST_TEST(ToHex(Context(7).EncodeValue()).substr(0, 2) == "38"); // 0 0 111 000
    BOOST_CHECK_THROW(Context(8).EncodeValue(), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(round_trip_and_bad_input)
{
    for (uint8_t ncc = 0; ncc < 8; ++ncc)
    {
        S1apSecurityContext back;
        std::string error;
        BOOST_TEST(back.DecodeValue(Context(ncc).EncodeValue(), error));
        BOOST_TEST(+back.ncc == +ncc);
        BOOST_TEST(back.nh == Context(ncc).nh);
    }
    S1apUeSecurityCapabilities caps;
    caps.capabilities = UeSecurityCapabilities::FromLists("eea0,eea2,eea3", "eia0,eia2");
    S1apUeSecurityCapabilities back;
    std::string error;
    BOOST_TEST(back.DecodeValue(caps.EncodeValue(), error));
    BOOST_TEST(back.capabilities == caps.capabilities);
    // EEA0 and EIA0 have no bit: implied on decoding
    caps.capabilities = UeSecurityCapabilities::FromLists("eea2", "eia2");
    BOOST_TEST(back.DecodeValue(caps.EncodeValue(), error));
    BOOST_TEST(back.capabilities.EeaList() == "eea0,eea2");
    BOOST_TEST(back.capabilities.EiaList() == "eia0,eia2");
    // every truncation, an extension bit, trailing bytes: refused with a reason
    std::vector<uint8_t> v = Context(3).EncodeValue();
    for (std::size_t n = 0; n < v.size(); ++n)
    {
        S1apSecurityContext d;
        BOOST_TEST(!d.DecodeValue(std::vector<uint8_t>(v.begin(), v.begin() + n), error));
    }
    std::vector<uint8_t> ext = v;
    ext[0] |= 0x80;
    S1apSecurityContext d;
    BOOST_TEST(!d.DecodeValue(ext, error));
    BOOST_TEST(error.find("extensions") != std::string::npos);
    std::vector<uint8_t> longer = caps.EncodeValue();
    longer.push_back(0);
    BOOST_TEST(!back.DecodeValue(longer, error));
    // random bytes never crash
    std::mt19937 rng(7);
    for (int i = 0; i < 1000; ++i)
    {
        std::vector<uint8_t> r(rng() % 40);
        for (auto& x : r)
        {
            x = rng();
        }
        S1apSecurityContext a;
        S1apUeSecurityCapabilities b;
        a.DecodeValue(r, error);
        b.DecodeValue(r, error);
    }
}

/// Wireshark's S1AP dissector reads both IEs inside a HANDOVER REQUEST (procedure code 1) without
/// a malformed-packet error, with the values we put in.
BOOST_AUTO_TEST_CASE(tshark_decodes_the_security_ies)
{
    S1apUeSecurityCapabilities caps;
    caps.capabilities = UeSecurityCapabilities::FromLists("eea0,eea1,eea2", "eia1,eia2,eia3");
    // Wireshark 4.0 registers S1AP on SCTP only (no "decode as" on a UDP port): the PDU is framed
    // as an SCTP DATA chunk, port 36412, payload protocol identifier 18 (S1AP)
    std::string out = ltesec_test::Tshark({InitiatingMessage(1, {Ie(caps), Ie(Context(2))})},
                                          "-S 36412,36412,18");
    BOOST_TEST_MESSAGE(out);
    BOOST_TEST(out.find("Malformed") == std::string::npos);
    BOOST_TEST(out.find("HandoverRequest") != std::string::npos);
    BOOST_TEST(out.find("id-UESecurityCapabilities") != std::string::npos);
    BOOST_TEST(out.find("id-SecurityContext") != std::string::npos);
    BOOST_TEST(out.find("nextHopChainingCount: 2") != std::string::npos);
    BOOST_TEST(out.find("128-EEA2: Supported") != std::string::npos);
    BOOST_TEST(out.find("128-EEA3: Not supported") != std::string::npos);
    BOOST_TEST(out.find("128-EIA3: Supported") != std::string::npos);
    BOOST_TEST(out.find("c855866413071b74aba01c132b943e7698aa5c11760d9bb1162ab313b11c6051") !=
               std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
