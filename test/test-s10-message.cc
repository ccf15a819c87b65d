// GTPv2-C messages of the S10 interface (TS 29.274) for an inter-MME S1 handover: messages written
// by hand from the spec, round trips, Wireshark's GTPv2 dissector (tshark) decoding all four,
// truncated, random and mutated input, impossible values.
#include "mutations.h"
#include "tshark.h"

#include "ns3/epc-s10-message.h"
#include "ns3/epc-s1ap-pdu.h"
#include "ns3/lte-sec-kdf.h"
#include "ns3/lte-sec-key.h"
#include "ns3/lte-sec-s10.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using ns3::EpcS10Message;
using ns3::SecurityBytes;
using Msg = EpcS10Message;
using Bytes = std::vector<uint8_t>;

namespace
{

template <typename B>
std::string
Hex(const B& b)
{
    return ns3::ltesec::ToHex(b.data(), b.size());
}

const char KASME[] = "d5ef4d8f33266902295d42f322a2f2cf11fb2ccc124c09b4d88d361597037990";

/// The security model's 84-byte MM Context IE (KSI 3, EEA2/EIA2, COUNTs 258 and 7, NH, NCC 2)
SecurityBytes
MmContext()
{
    using namespace ns3::ltesec;
    S10MmContext m;
    m.ksi = 3;
    m.nasEea = Eea::EEA2;
    m.nasEia = Eia::EIA2;
    m.dlNasCount = 258;
    m.ulNasCount = 7;
    m.kasme = Kasme::FromHex(KASME, "kasme");
    m.nh = Nh::FromHex("c855866413071b74aba01c132b943e7698aa5c11760d9bb1162ab313b11c6051", "nh");
    m.ncc = 2;
    m.ueCapabilities = UeSecurityCapabilities::FromLists("eea0,eea1,eea2", "eia1,eia2");
    Bytes ie = m.Encode();
    return SecurityBytes(ie.begin(), ie.end());
}

/// The security model's 38-byte Private Extension IE carrying KeNB
SecurityBytes
KenbExtension()
{
    using namespace ns3::ltesec;
    S10KenbExtension x;
    x.kenb = DeriveKenb(Kasme::FromHex(KASME, "kasme"), 7);
    Bytes ie = x.Encode();
    return SecurityBytes(ie.begin(), ie.end());
}

/**
 * An E-UTRAN transparent container that Wireshark decodes (TS 36.413 9.2.1.56/57, aligned PER):
 * from the source, a SourceeNB-ToTargeteNB-TransparentContainer holding a 100-octet
 * HandoverPreparationInformation (one UE capability container of RAT type cdma2000-1XRTT, 97
 * opaque octets), the target cell and a one-cell UE history; from the target, a
 * TargeteNB-ToSourceeNB-TransparentContainer holding a HandoverCommand whose
 * handoverCommandMessage is an RRCConnectionReconfiguration (no optional field), padded.
 */
Bytes
TransparentContainer(bool fromSource)
{
    const uint8_t plmn[3] = {0x00, 0xf1, 0x10};
    ns3::EpcAperWriter rrc; // TS 36.331, unaligned PER
    if (fromSource)
    {
        rrc.Bits(0x0014, 16); // c1, r8, no option, 1 container, RAT type 4
        rrc.Bits(97, 8);
        for (int i = 0; i < 97; ++i)
        {
            rrc.Bits(uint8_t(i * 7 + 3), 8);
        }
    }
    else
    {
        rrc.Bits(0, 5); // c1, handoverCommand-r8, no nonCriticalExtension
        rrc.Bits(98, 8);
        rrc.Bits(0x2000, 16); // DL-DCCH-Message: c1, rrcConnectionReconfiguration, 0, c1, r8, 0
        for (int i = 2; i < 98; ++i)
        {
            rrc.Bits(0, 8);
        }
    }
    Bytes r = rrc.Bytes();
    ns3::EpcAperWriter w;
    w.Bits(0, fromSource ? 4 : 2); // extension bit, optional fields absent
    w.Length(r.size());
    w.Octets(r.data(), r.size());
    if (fromSource)
    {
        for (uint32_t cell : {0x123451u, 0x11u}) // targetCell-ID, then the UE history's cell
        {
            w.Bits(0, 2); // EUTRAN-CGI: extension, iE-Extensions
            w.Octets(plmn, 3);
            w.Align();
            w.Bits(cell, 28);
            if (cell == 0x123451)
            {
                w.Constrained(1, 1, 16); // UE-HistoryInformation: one item
                w.Bits(0, 1);            // LastVisitedCell-Item: extension bit
                w.Constrained(0, 0, 2);  // e-UTRAN-Cell
                w.Bits(0, 2);            // extension, iE-Extensions
            }
        }
        w.Bits(0, 3);              // CellType: extension, iE-Extensions; Cell-Size: extension
        w.Constrained(1, 0, 3);    // small
        w.Constrained(0, 0, 4095); // time-UE-StayedInCell
    }
    return w.Bytes();
}

/// A message of \p type with \p bearers bearers, and the security IEs if \p security
Msg
Sample(Msg::Type type, int bearers, bool security)
{
    Msg m;
    m.type = type;
    m.teid = 0x01020304;
    m.sequenceNumber = 0xabcdef;
    m.imsi = 1010000000001; // 001010000000001
    m.senderTeid = 0x11223344;
    m.senderAddress = 0x0a000001; // 10.0.0.1
    m.cause = type == Msg::FORWARD_RELOCATION_RESPONSE ? 16 : 64;
    m.targetCellId = 0x12345;
    m.tac = 0x0102;
    m.s1apCauseGroup = 0;
    m.s1apCauseValue = 16; // handover-desirable-for-radio-reason
    m.container = TransparentContainer(type == Msg::FORWARD_RELOCATION_REQUEST);
    m.defaultEbi = 5;
    m.sgwS11Teid = 0x55667788;
    m.sgwS11Address = 0x0a000002;
    // EBI, QCI, ARP priority, PCI, PVI, MBR UL and DL, GBR UL and DL, S1-U address and TEID
    const Msg::Bearer all[] = {
        {5, 9, 2, false, true, 1000000, 2000000, 0, 0, 0x0a000003, 100},
        {6, 1, 3, true, false, 2000000, 4000000, 64000, 10000000000, 0x0a000003, 101}};
    m.bearers.assign(all, all + bearers);
    if (security)
    {
        m.mmContext = type == Msg::FORWARD_RELOCATION_REQUEST ? MmContext() : SecurityBytes();
        m.privateExtensions = {KenbExtension(), KenbExtension()};
        m.privateExtensions[1][3] = 1; // instance 1
    }
    return m;
}

/// \return the four messages with 1 and 2 bearers, without and with the security IEs
std::vector<Msg>
Samples()
{
    std::vector<Msg> all;
    for (int t = Msg::FORWARD_RELOCATION_REQUEST; t <= Msg::FORWARD_RELOCATION_COMPLETE_ACKNOWLEDGE;
         ++t)
    {
        for (int bearers : {1, 2})
        {
            all.push_back(Sample(Msg::Type(t), bearers, false));
            all.push_back(Sample(Msg::Type(t), bearers, true));
        }
    }
    return all;
}

/// The default MM Context IE (TS 29.274 8.38, Figure 8.38-6): type 107 = 6b, length 45 = 002d,
/// instance 0; security mode 4 | NHI 0 | DRXI 0 | KSI 0 = 100 0 0 000 = 80; no quintuplets or
/// quadruplets, UAMB RI 0, OSCI 0 = 00; SAMB RI 0, NAS integrity and cipher 0 = 00; NAS downlink
/// and uplink COUNTs 000000 000000; KASME 32 zero octets; UE network capability length 00; MS
/// network capability length 00; MEI length 00; access restriction data 00
const std::string DEFAULT_MM = "6b002d00800000000000000000" + std::string(64, '0') + "00000000";

/// \return the fields that message \p m carries, as text
std::string
Fields(const Msg& m)
{
    std::ostringstream os;
    os << Msg::GetTypeName(m.type) << " teid " << m.teid << " seq " << m.sequenceNumber;
    if (m.type == Msg::FORWARD_RELOCATION_REQUEST || m.type == Msg::FORWARD_RELOCATION_RESPONSE)
    {
        os << " sender " << m.senderTeid << "@" << m.senderAddress << " container "
           << Hex(m.container);
        for (const auto& b : m.bearers)
        {
            os << " bearer " << +b.ebi;
            if (m.type == Msg::FORWARD_RELOCATION_REQUEST)
            {
                os << " qci " << +b.qci << " arp " << +b.arpPriority << " pci "
                   << b.preemptionCapability << " pvi " << b.preemptionVulnerability << " mbr "
                   << b.mbrUl << "/" << b.mbrDl << " gbr " << b.gbrUl << "/" << b.gbrDl << " s1u "
                   << b.sgwS1uTeid << "@" << b.sgwS1uAddress;
            }
        }
    }
    if (m.type == Msg::FORWARD_RELOCATION_REQUEST)
    {
        os << " imsi " << m.imsi << " target " << m.targetCellId << " tac " << m.tac << " cause "
           << +m.s1apCauseGroup << "/" << +m.s1apCauseValue << " lbi " << +m.defaultEbi << " s11 "
           << m.sgwS11Teid << "@" << m.sgwS11Address;
    }
    else if (m.type != Msg::FORWARD_RELOCATION_COMPLETE_NOTIFICATION)
    {
        os << " cause " << +m.cause;
    }
    return os.str();
}

/// \return \p m without its first top-level IE of \p type, the header length adjusted
Bytes
Without(const Bytes& m, uint8_t type)
{
    std::size_t at = 12;
    while (m[at] != type)
    {
        at += 4 + (m[at + 1] << 8 | m[at + 2]);
    }
    Bytes r(m);
    r.erase(r.begin() + at, r.begin() + at + 4 + (m[at + 1] << 8 | m[at + 2]));
    r[2] = uint8_t((r.size() - 4) >> 8);
    r[3] = uint8_t(r.size() - 4);
    return r;
}

} // namespace

BOOST_AUTO_TEST_SUITE(s10_message)

/// Messages written by hand from TS 29.274 (header 5.1, IEs 8.2.1)
BOOST_AUTO_TEST_CASE(known_answer)
{
    Msg a;
    a.type = Msg::FORWARD_RELOCATION_COMPLETE_ACKNOWLEDGE;
    a.teid = 0x0a0b0c0d;
    a.sequenceNumber = 0x000102;
    a.cause = 16;
    // 48: version 2 (010), P 0, T 1, MP 0, spare 00 = 0100 1000; 88: type 136; 000e: 14 octets
    // after the first 4 (TEID 4, sequence 3, spare 1, Cause IE 6); TEID 0a0b0c0d; sequence
    // 000102; spare 00. Cause (8.4): type 02, length 0002, instance 00, 10 (16: Request
    // accepted), spare | PCE 0 | BCE 0 | CS 0 = 00.
    BOOST_TEST(Hex(a.Encode()) == "4888000e0a0b0c0d00010200"
                                  "02000200"
                                  "10"
                                  "00");
    // Forward Relocation Complete Notification: no IE (Indication is optional); 87 = 135
    a.type = Msg::FORWARD_RELOCATION_COMPLETE_NOTIFICATION;
    BOOST_TEST(Hex(a.Encode()) == "488700080a0b0c0d00010200");

    Msg r;
    r.teid = 0;
    r.sequenceNumber = 7;
    r.imsi = 1010000000001;
    r.senderTeid = 0x11223344;
    r.senderAddress = 0xc0a80001; // 192.168.0.1
    r.targetCellId = 0x12345;
    r.tac = 0x0102;
    Bytes b = r.Encode();
    // 85: type 133; length 00a6 = 166 = 8 + IMSI 12 + Sender F-TEID 13 + PDN Connection 47 (APN
    // 13, LBI 5, PGW F-TEID 13, AMBR 12, no bearer) + S11 F-TEID 13 + MM Context 49 + F-Container
    // 5 + Target Identification 13 + F-Cause 6; TEID 0 (the target MME's is not known yet)
    // IMSI (8.3): 01, 0008, 00, TBCD 001010000000001: digit 2 | digit 1 per octet, filler f
    // Sender F-TEID (8.22): 57 (87), 0009, 00; V4 1 | V6 0 | interface 12 (S10 MME GTP-C) = 8c;
    // TEID 11223344; IPv4 c0a80001
    BOOST_TEST(Hex(Bytes(b.begin(), b.begin() + 37)) == "488500a60000000000000700"
                                                        "0100080000010100000000f1"
                                                        "570009008c11223344c0a80001");
    // MM Context, the default: between the S11 F-TEID and the F-Container
    BOOST_TEST(Hex(b).find("8b0000000000000000" + DEFAULT_MM + "7600010003") != std::string::npos);
    // Target Identification (8.51): 79 (121), 0009, 00; type 01 (macro eNodeB ID); MCC 001 MNC 01
    // = 00 f1 10; spare 0 | macro eNB ID 12345; TAC 0102. F-Cause (8.49): 77 (119), 0002, 00;
    // spare | cause type 0 (radio network layer); 10 (16, handover-desirable-for-radio-reason)
    BOOST_TEST(Hex(Bytes(b.end() - 19, b.end())) == "79000900"
                                                    "01"
                                                    "00f110"
                                                    "012345"
                                                    "0102"
                                                    "77000200"
                                                    "00"
                                                    "10");
    // Bearer QoS (8.15): 50 (80), 0016, 00; spare | PCI 0 (may pre-empt) | PL 2 | spare | PVI 1
    // (not pre-emptable) = 0 0 0010 0 1 = 09; QCI 01; MBR UL 1001 bit/s rounded up to 2 kbit/s,
    // MBR DL 1 Mbit/s = 1000 kbit/s = 00000003e8, GBR UL 0, GBR DL 10 Gbit/s = 10^7 kbit/s
    // EBI 5, QCI 1, ARP 2, PCI, no PVI, MBR UL and DL, GBR UL and DL, S1-U address and TEID
    r.bearers = {Msg::Bearer{5, 1, 2, true, false, 1001, 1000000, 0, 10000000000ULL, 0, 0}};
    BOOST_TEST(Hex(r.Encode())
                   .find("500016000901"
                         "0000000002"
                         "00000003e8"
                         "0000000000"
                         "0000989680") != std::string::npos);
}

/// Decode(Encode(m)) gives back every field written, the security IEs byte for byte
BOOST_AUTO_TEST_CASE(round_trip)
{
    for (const Msg& m : Samples())
    {
        bool security = !m.privateExtensions.empty();
        Bytes b = m.Encode();
        BOOST_TEST_CONTEXT(Msg::GetTypeName(m.type) << ", " << m.bearers.size() << " bearers"
                                                    << (security ? ", security" : ""))
        {
            Msg d;
            std::string error;
            BOOST_TEST_REQUIRE(Msg::Decode(b, d, error), error);
            BOOST_TEST(Fields(d) == Fields(m));
            BOOST_TEST(Hex(d.Encode()) == Hex(b));
            BOOST_TEST(Hex(d.mmContext) == (m.type != Msg::FORWARD_RELOCATION_REQUEST ? ""
                                            : security ? Hex(m.mmContext)
                                                       : DEFAULT_MM));
            BOOST_TEST_REQUIRE(d.privateExtensions.size() == m.privateExtensions.size());
            for (std::size_t i = 0; i < d.privateExtensions.size(); ++i)
            {
                BOOST_TEST(Hex(d.privateExtensions[i]) == Hex(m.privateExtensions[i]));
            }
        }
    }
    // the security IEs' bytes: the 84-byte MM Context and two 38-byte extensions, or the default
    // MM Context (49 bytes) with security off; other messages: the extensions only
    BOOST_TEST(Sample(Msg::FORWARD_RELOCATION_REQUEST, 1, true).GetSecurityIeBytes() ==
               84u + 2 * 38u);
    BOOST_TEST(Sample(Msg::FORWARD_RELOCATION_REQUEST, 1, false).GetSecurityIeBytes() ==
               DEFAULT_MM.size() / 2);
    BOOST_TEST(DEFAULT_MM.size() / 2 == 49u);
    BOOST_TEST(
        Sample(Msg::FORWARD_RELOCATION_COMPLETE_NOTIFICATION, 1, false).GetSecurityIeBytes() == 0u);
    // unknown IEs are skipped (a Recovery IE, type 3), repeated ones ignored after the first
    Bytes b = Sample(Msg::FORWARD_RELOCATION_COMPLETE_ACKNOWLEDGE, 1, false).Encode();
    b.insert(b.end(), {0x03, 0x00, 0x01, 0x00, 0x07, 0x02, 0x00, 0x02, 0x00, 0x41, 0x00});
    b[3] += 11;
    Msg d;
    std::string error;
    BOOST_TEST(Msg::Decode(b, d, error), error);
    BOOST_TEST(+d.cause == 64);
}

/// Wireshark's GTPv2 dissector decodes the four messages, with the values written, and no error
BOOST_AUTO_TEST_CASE(tshark_decodes_every_message,
                     *boost::unit_test::precondition(ltesec_test::HaveTshark))
{
    std::vector<Bytes> messages;
    for (int t = Msg::FORWARD_RELOCATION_REQUEST; t <= Msg::FORWARD_RELOCATION_COMPLETE_ACKNOWLEDGE;
         ++t)
    {
        messages.push_back(
            Sample(Msg::Type(t), t == Msg::FORWARD_RELOCATION_REQUEST ? 2 : 1, true).Encode());
    }
    messages.push_back(Sample(Msg::FORWARD_RELOCATION_REQUEST, 1, false).Encode());
    std::string out = "\n" + ltesec_test::Tshark(messages, "-u 2123,2123");
    BOOST_TEST_MESSAGE(out);
    for (std::size_t i = 0; i < messages.size(); ++i)
    {
        std::size_t begin = out.find("\nFrame " + std::to_string(i + 1) + ":");
        std::size_t end = out.find("\nFrame " + std::to_string(i + 2) + ":");
        BOOST_TEST_REQUIRE(begin != std::string::npos);
        std::string frame = out.substr(begin, end == std::string::npos ? end : end - begin);
        auto type = Msg::Type(i < 4 ? Msg::FORWARD_RELOCATION_REQUEST + i : 133);
        std::string name = Msg::GetTypeName(type);
        BOOST_TEST(frame.find("Message Type: " + name + " (" + std::to_string(type) + ")") !=
                       std::string::npos,
                   name);
        BOOST_TEST(frame.find("Malformed") == std::string::npos, name);
        BOOST_TEST(frame.find("Expert Info (Error") == std::string::npos, name);
        BOOST_TEST(frame.find("Expert Info (Warning") == std::string::npos, name);
        BOOST_TEST(frame.find("Sequence Number: 0xabcdef") != std::string::npos, name);
        BOOST_TEST((frame.find("Enterprise ID: Example") != std::string::npos) == (i < 4), name);
    }
    for (const char* v : {"IMSI: 001010000000001",
                          "Interface Type: S10 MME GTP-C interface (12)",
                          "TEID/GRE Key: 0x11223344",
                          "F-TEID IPv4: 10.0.0.1",
                          "APN (Access Point Name): internet",
                          "Interface Type: S5/S8 PGW GTP-C interface (7)",
                          "Interface Type: S1-U SGW GTP-U interface (1)",
                          "Interface Type: S11/S4 SGW GTP-C interface (11)",
                          "TEID/GRE Key: 0x55667788",
                          "EPS Bearer ID (EBI): 6",
                          "PCI (Pre-emption Capability): Disabled",
                          "PVI (Pre-emption Vulnerability): Enabled",
                          "PL (Priority Level): 3",
                          "Label (QCI): 1",
                          "Maximum Bit Rate For Downlink: 4000",
                          "Guaranteed Bit Rate For Downlink: 10000000",
                          "KSI_asme: 3",
                          "Used NAS Cipher: 128-EEA2 (2)",
                          "NAS Downlink Count: 258",
                          "NAS Uplink Count: 7",
                          "Kasme: d5ef4d8f33266902295d42f322a2f2cf11fb2ccc124c09b4d88d361597037990",
                          "Kasme: 0000000000000000000000000000000000000000000000000000000000000000",
                          "NCC (Next Hop Chaining Count): 2",
                          "Container Type: E-UTRAN transparent container (3)",
                          "SourceeNB-ToTargeteNB-TransparentContainer",
                          "rat-Type: cdma2000-1XRTT (4)",
                          "TargeteNB-ToSourceeNB-TransparentContainer",
                          "c1: rrcConnectionReconfiguration (4)",
                          "Target Type: Macro eNodeB ID (1)",
                          "Mobile Country Code (MCC): Unknown (1)",
                          "Mobile Network Code (MNC): Unknown (01)",
                          "Macro eNodeB ID: 0x12345",
                          "Tracking Area Code: 0x0102 (258)",
                          "Radio Network Layer Cause: handover-desirable-for-radio-reason (16)",
                          "Cause: Request accepted (16)",
                          "Enterprise ID: Example Enterprise Number for Documentation Use (32473)"})
    {
        BOOST_TEST(out.find(v) != std::string::npos, v);
    }
}

/// Truncated, longer, random and mutated input: refused with an error, never a crash
BOOST_AUTO_TEST_CASE(bad_input)
{
    std::vector<Bytes> valid;
    Msg d;
    std::string error;
    for (const Msg& m : Samples())
    {
        valid.push_back(m.Encode());
        for (std::size_t n = 0; n < valid.back().size(); ++n)
        {
            error.clear();
            bool ok = Msg::Decode(Bytes(valid.back().begin(), valid.back().begin() + n), d, error);
            BOOST_TEST(!ok, Msg::GetTypeName(m.type) << " truncated to " << n);
            BOOST_TEST(!error.empty());
        }
    }
    Bytes longer = valid[0];
    longer.push_back(0);
    BOOST_TEST(!Msg::Decode(longer, d, error));
    BOOST_TEST(error == "Forward Relocation Request: too long: length field " +
                            std::to_string(longer.size() - 5) + ", " +
                            std::to_string(longer.size() - 4) + " octets after the first 4",
               error);
    longer[0] = 0x28; // GTPv1
    BOOST_TEST(!Msg::Decode(longer, d, error));
    BOOST_TEST(error.find("version 1, 2 expected") != std::string::npos, error);
    // a missing mandatory IE is named; an IE longer than what is left is refused
    BOOST_TEST(!Msg::Decode(Without(valid[2], 107), d, error));
    BOOST_TEST(error == "Forward Relocation Request: mandatory IE MM Context missing", error);
    BOOST_TEST(!Msg::Decode(Without(valid[2], 121), d, error));
    BOOST_TEST(error.find("Target Identification missing") != std::string::npos, error);
    BOOST_TEST(!Msg::Decode(Without(valid[12], 2), d, error));
    BOOST_TEST(error == "Forward Relocation Complete Acknowledge: mandatory IE Cause missing");
    Bytes overrun = valid[12];
    overrun[13] = 0xff; // the Cause IE's length
    BOOST_TEST(!Msg::Decode(overrun, d, error));
    BOOST_TEST(error ==
                   "Forward Relocation Complete Acknowledge: IE type 2 of 65282 octets, 2 left",
               error);

    std::mt19937 rng(20241128);
    int decoded = 0;
    for (int i = 0; i < 2000; ++i)
    {
        Bytes r(rng() % 300);
        for (auto& x : r)
        {
            x = uint8_t(rng());
        }
        if (r.size() >= 12 && i % 2)
        {
            r[0] = 0x48; // a plausible header: version 2, T = 1, a known type, the right length
            r[1] = uint8_t(133 + rng() % 4);
            r[2] = uint8_t((r.size() - 4) >> 8);
            r[3] = uint8_t(r.size() - 4);
        }
        decoded += Msg::Decode(r, d, error);
    }
    decoded += ltesec_test::DecodeMutations<Msg>(valid, rng, 2000);
    BOOST_TEST_MESSAGE(decoded << " of 4000 random or mutated messages decoded");
}

BOOST_AUTO_TEST_CASE(impossible_values)
{
    auto refused = [](void (*change)(Msg&)) {
        Msg m = Sample(Msg::FORWARD_RELOCATION_REQUEST, 2, true);
        BOOST_CHECK_NO_THROW(m.Encode());
        change(m);
        BOOST_CHECK_THROW(m.Encode(), std::invalid_argument);
    };
    refused([](Msg& m) { m.imsi = 1000000000000000; }); // 16 digits
    refused([](Msg& m) { m.bearers[1].ebi = 16; });
    refused([](Msg& m) { m.bearers[0].ebi = 0; });
    refused([](Msg& m) { m.defaultEbi = 0; });
    refused([](Msg& m) { m.sequenceNumber = 1u << 24; });
    refused([](Msg& m) { m.targetCellId = 1u << 20; });
    refused([](Msg& m) { m.s1apCauseGroup = 5; });
    refused([](Msg& m) { m.bearers[0].arpPriority = 16; });
    refused([](Msg& m) { m.bearers[0].gbrDl = ~uint64_t(0); }); // over 2^40 - 1 kbit/s
    refused([](Msg& m) { m.mmContext[0] = 106; });
    refused([](Msg& m) { m.mmContext.pop_back(); }); // the length field says one more
    refused([](Msg& m) { m.mmContext[3] = 1; });     // instance 1
    refused([](Msg& m) { m.privateExtensions[0][0] = 254; });
    refused([](Msg& m) { m.privateExtensions[1].push_back(0); });
    refused([](Msg& m) { m.privateExtensions.push_back(SecurityBytes{255, 0, 1, 0, 0x7e}); });
    refused([](Msg& m) { m.type = Msg::Type(137); });
    refused([](Msg& m) { m.container.resize(70000); });
    Msg ack = Sample(Msg::FORWARD_RELOCATION_COMPLETE_ACKNOWLEDGE, 0, true);
    ack.privateExtensions[0][2] = 0x21;
    BOOST_CHECK_THROW(ack.Encode(), std::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
