// S1AP messages in aligned PER (TS 36.413): a whole message written by hand from the spec, the
// security IEs inside them, round trips of every message type, Wireshark's S1AP dissector
// (tshark) decoding every message type, truncated, random and mutated input, impossible values.
#include "mutations.h"
#include "tshark.h"

#include "ns3/epc-s1ap-pdu.h"
#include "ns3/lte-sec-key.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using ns3::EpcAperWriter;
using ns3::EpcS1apCriticality;
using ns3::EpcS1apMessage;
using Msg = EpcS1apMessage;
using Bytes = std::vector<uint8_t>;

namespace
{

constexpr int TYPES = Msg::UE_CONTEXT_RELEASE_COMPLETE + 1;

std::string
Hex(const Bytes& b)
{
    return ns3::ltesec::ToHex(b);
}

/// UE Security Capabilities value: EEA1, EEA2; EIA1, EIA2, EIA3 (bitmaps 1100..., 1110...)
const Bytes CAPABILITIES = {0x18, 0x00, 0x0e, 0x00, 0x00};

/// Security Context value: NCC 2 (0 0 010 000 = 10), then the 32 bytes of NH
Bytes
Context()
{
    Bytes c = {0x10};
    for (int i = 0; i < 32; ++i)
    {
        c.push_back(static_cast<uint8_t>(0x50 + i));
    }
    return c;
}

Msg::Erab
Erab(uint8_t id, bool gbr)
{
    Msg::Erab e;
    e.erabId = id;
    e.qci = gbr ? 1 : 9;
    e.arpPriority = gbr ? 2 : 15;
    e.preemptionCapability = gbr;
    e.preemptionVulnerability = !gbr;
    e.gbr = gbr;
    e.mbrDl = 128000;
    e.mbrUl = 64000;
    e.gbrDl = 10000000000ULL;
    e.gbrUl = 32000;
    e.transportLayerAddress = 0x0a000001 + id; // 10.0.0.(1 + id)
    e.teid = 0x1000 + id;
    e.causeGroup = 0;
    e.causeValue = 20; // radioNetwork user-inactivity
    e.ulPdcpSn = 100 + id;
    e.ulHfn = 7;
    e.dlPdcpSn = 4095;
    e.dlHfn = 1048575;
    return e;
}

/**
 * A 100-byte LTE RRC container (TS 36.331, unaligned PER) that Wireshark decodes: from the source,
 * a HandoverPreparationInformation (c1, r8, no optional field) with one UE capability container
 * of RAT type cdma2000-1XRTT holding 97 opaque octets; from the target, a HandoverCommand whose
 * handoverCommandMessage holds an RRCConnectionReconfiguration (no optional field), padded.
 */
Bytes
RrcContainer(bool fromSource)
{
    EpcAperWriter w;
    if (fromSource)
    {
        w.Bits(0x0014, 16); // 0 000 0000 0001 0 100: c1, r8, options, 1 container, RAT type 4
        w.Bits(97, 8);
        for (int i = 0; i < 97; ++i)
        {
            w.Bits(static_cast<uint8_t>(i * 7 + 3), 8);
        }
    }
    else
    {
        w.Bits(0, 5); // c1, handoverCommand-r8, no nonCriticalExtension
        w.Bits(98, 8);
        w.Bits(0x2000, 16); // DL-DCCH-Message: c1, rrcConnectionReconfiguration, 0, c1, r8, 0
        for (int i = 2; i < 98; ++i)
        {
            w.Bits(0, 8);
        }
    }
    return w.Bytes();
}

/// A message of \p type with realistic content and \p erabs E-RABs
Msg
Sample(int type, int erabs = 1)
{
    Msg m;
    m.type = static_cast<Msg::Type>(type);
    m.mmeUeS1apId = 4000000123u;
    m.enbUeS1apId = 0xabcdef;
    m.sourceMmeUeS1apId = 17;
    m.cellId = 0x1234567;
    m.targetCellId = 0x2345;
    m.tac = 0x0102;
    m.mmec = 0x21;
    m.mTmsi = 0xc0ffee01;
    m.rrcEstablishmentCause = 4; // mo-Data
    m.ueAmbrDl = 10000000000ULL;
    m.ueAmbrUl = 50000000;
    for (int i = 0; i < erabs; ++i)
    {
        m.erabs.push_back(Erab(static_cast<uint8_t>(5 + i), i == 1));
    }
    m.causeGroup = 0;
    m.causeValue = 16; // handover-desirable-for-radio-reason
    m.rrcContainer = RrcContainer(type == Msg::HANDOVER_REQUIRED || type == Msg::HANDOVER_REQUEST);
    m.ueSecurityCapabilities.assign(CAPABILITIES.begin(), CAPABILITIES.end());
    for (int i = 0; i < 32; ++i)
    {
        m.securityKey.push_back(static_cast<uint8_t>(0xa0 + i));
    }
    Bytes c = Context();
    m.securityContext.assign(c.begin(), c.end());
    return m;
}

/// \return whether \p small occurs in \p big
bool
Contains(const Bytes& big, const Bytes& small)
{
    return std::search(big.begin(), big.end(), small.begin(), small.end()) != big.end();
}

} // namespace

BOOST_AUTO_TEST_SUITE(s1ap_pdu)

/// UE CONTEXT RELEASE COMPLETE (TS 36.413 9.1.4) written by hand from its ASN.1 and X.691
BOOST_AUTO_TEST_CASE(known_answer)
{
    Msg m;
    m.type = Msg::UE_CONTEXT_RELEASE_COMPLETE;
    m.mmeUeS1apId = 0x12345;
    m.enbUeS1apId = 0x102;
    const Bytes expected = {
        0x20,       // S1AP-PDU CHOICE: extension bit 0, successfulOutcome (1) in 2 bits, padding
        0x17,       // procedureCode INTEGER (0..255) = 23 (id-UEContextRelease): an aligned octet
        0x00,       // criticality reject (0) in 2 bits, padding
        0x12,       // value, an open type: length 18
        0x00,       // UEContextReleaseComplete SEQUENCE: extension bit 0, padding
        0x00, 0x02, // protocolIEs SEQUENCE (SIZE (0..65535)): 2 IEs in two aligned octets
        0x00, 0x00, // id INTEGER (0..65535) = 0: id-MME-UE-S1AP-ID
        0x40,       // criticality ignore (1): 01, padding
        0x04,       // value: length 4
        0x80,       // MME-UE-S1AP-ID INTEGER (0..4294967295), a range of more than 64K: the
        0x01,       // number of octets minus 1 (1..4: 2 bits) = 10, padding, then the 3 octets
        0x23,       // 01 23 45 (X.691 11.5.7.4)
        0x45,       //
        0x00, 0x08, // id-eNB-UE-S1AP-ID
        0x40,       // criticality ignore
        0x03,       // value: length 3
        0x40,       // ENB-UE-S1AP-ID INTEGER (0..16777215): octets minus 1 (1..3: 2 bits) = 01,
        0x01, 0x02, // padding, then 01 02
    };
    BOOST_TEST(Hex(m.Encode()) == Hex(expected));

    // HANDOVER NOTIFY: ECGI cell identity 28 bits then 4 padding bits; TAC not aligned
    m.type = Msg::HANDOVER_NOTIFY;
    m.mmeUeS1apId = 1;
    m.enbUeS1apId = 2;
    m.cellId = 0x1234567;
    m.tac = 0x0102;
    BOOST_TEST(Hex(m.Encode()) == "0002402500000400000002000100080002000200644008"
                                  "0000f1101234567000434006"
                                  "0000f1100102");
}

/// The security IEs inside HANDOVER REQUEST and INITIAL CONTEXT SETUP REQUEST: each IE is
/// id (2 octets), criticality (1), length (1) and the value (5, 32, 33 octets)
BOOST_AUTO_TEST_CASE(security_ies)
{
    Bytes ho = Sample(Msg::HANDOVER_REQUEST).Encode();
    Bytes caps = {0x00, 0x6b, 0x00, 0x05}; // id 107, reject, length 5
    caps.insert(caps.end(), CAPABILITIES.begin(), CAPABILITIES.end());
    Bytes context = {0x00, 0x28, 0x00, 0x21}; // id 40, reject, length 33
    Bytes c = Context();
    context.insert(context.end(), c.begin(), c.end());
    BOOST_TEST(caps.size() == 9u);
    BOOST_TEST(context.size() == 37u);
    BOOST_TEST(Contains(ho, caps));
    BOOST_TEST(Contains(ho, context));
    // they are the last two IEs of the message
    Bytes tail(ho.end() - 46, ho.end());
    BOOST_TEST(Hex(tail) == Hex(caps) + Hex(context));

    // HANDOVER REQUIRED: SecurityContext of criticality ignore (40), absent when empty
    Msg required = Sample(Msg::HANDOVER_REQUIRED);
    Bytes withContext = required.Encode();
    context[2] = 0x40;
    BOOST_TEST(Hex(Bytes(withContext.end() - 37, withContext.end())) == Hex(context));
    required.securityContext.clear();
    BOOST_TEST(withContext.size() - required.Encode().size() == 37u);

    // Security Key (id 73): BIT STRING (SIZE(256)), 32 octets without a length
    Bytes ics = Sample(Msg::INITIAL_CONTEXT_SETUP_REQUEST).Encode();
    BOOST_TEST(Hex(Bytes(ics.end() - 36, ics.end() - 32)) == "00490020");
    BOOST_TEST(ics.back() == 0xbf);

    // the defaults of empty fields: all algorithms off, NCC 0, zero keys
    Msg empty = Sample(Msg::HANDOVER_REQUEST);
    empty.ueSecurityCapabilities.clear();
    empty.securityContext.clear();
    Bytes e = empty.Encode();
    BOOST_TEST(Hex(Bytes(e.end() - 46, e.end())) ==
               "006b00050000000000" + std::string("00280021") + std::string(66, '0'));
    Msg back;
    std::string error;
    BOOST_TEST(Msg::Decode(e, back, error), error);
    BOOST_TEST(back.ueSecurityCapabilities.size() == 5u);
    BOOST_TEST(back.securityContext.size() == 33u);
    BOOST_TEST(Msg::Decode(ics, back, error), error);
    BOOST_TEST(back.securityKey.size() == 32u);

    // NAS Security Parameters to E-UTRAN (id 136, reject): the last IE of HANDOVER REQUEST
    Msg nas = Sample(Msg::HANDOVER_REQUEST);
    const Bytes container{1, 2, 3, 4, 0x22, 3, 9};
    nas.nasSecurityParameters.assign(container.begin(), container.end());
    Bytes withNas = nas.Encode();
    BOOST_TEST(Hex(Bytes(withNas.end() - 12, withNas.end())) == "0088000807" + Hex(container));
    BOOST_TEST(withNas.size() - ho.size() == 12u);
    BOOST_TEST(Msg::Decode(withNas, back, error), error);
    BOOST_TEST(Hex(Bytes(back.nasSecurityParameters.begin(), back.nasSecurityParameters.end())) ==
               Hex(container));

    // what GetSecurityIeBytes() counts is what the IEs take
    BOOST_TEST(nas.GetSecurityIeBytes() == 9u + 37u + 12u);
    BOOST_TEST(Sample(Msg::HANDOVER_REQUEST).GetSecurityIeBytes() == 9u + 37u);
    BOOST_TEST(Sample(Msg::INITIAL_CONTEXT_SETUP_REQUEST).GetSecurityIeBytes() == 9u + 36u);
    BOOST_TEST(Sample(Msg::PATH_SWITCH_REQUEST).GetSecurityIeBytes() == 9u);
    BOOST_TEST(Sample(Msg::PATH_SWITCH_REQUEST_ACKNOWLEDGE).GetSecurityIeBytes() == 37u + 9u);
    BOOST_TEST(Sample(Msg::HANDOVER_REQUIRED).GetSecurityIeBytes() == 37u);
    BOOST_TEST(required.GetSecurityIeBytes() == 0u); // its Security Context left out
    BOOST_TEST(Sample(Msg::HANDOVER_NOTIFY).GetSecurityIeBytes() == 0u);
}

/// Sizes with one E-RAB and 100-byte RRC containers (a regression check of the encoding)
BOOST_AUTO_TEST_CASE(sizes)
{
    const std::size_t sizes[TYPES] =
        {61, 107, 43, 71, 70, 36, 216, 137, 30, 237, 152, 22, 46, 30, 24, 47, 47, 26, 24};
    for (int t = 0; t < TYPES; ++t)
    {
        std::size_t n = Sample(t).Encode().size();
        BOOST_TEST_MESSAGE(Msg::GetTypeName(Msg::Type(t)) << ": " << n << " bytes");
        BOOST_TEST(n == sizes[t], Msg::GetTypeName(Msg::Type(t)));
    }
}

BOOST_AUTO_TEST_CASE(round_trip)
{
    for (int erabs = 1; erabs <= 2; ++erabs)
    {
        for (int t = 0; t < TYPES; ++t)
        {
            Msg m = Sample(t, erabs);
            if (erabs == 2)
            {
                // the optional IEs absent, a NAS-PDU of our own
                m.mTmsi = 0;
                m.nasPdu = {0x07, 0x41, 0x01, 0x0b, 0xf6};
                m.securityContext.clear();
                m.ueSecurityCapabilities.clear();
            }
            std::string name = Msg::GetTypeName(m.type);
            Bytes b = m.Encode();
            Msg d;
            std::string error;
            BOOST_TEST_REQUIRE(Msg::Decode(b, d, error), name << ": " << error);
            BOOST_TEST(d.type == m.type, name);
            // every field written is read back: the decoded message encodes to the same bytes
            BOOST_TEST(Hex(d.Encode()) == Hex(b), name);
        }
    }
    std::string error;
    Msg d;
    // E-RAB fields, the containers, the security values
    Msg m = Sample(Msg::HANDOVER_REQUEST, 2);
    BOOST_TEST_REQUIRE(Msg::Decode(m.Encode(), d, error), error);
    BOOST_TEST_REQUIRE(d.erabs.size() == 2u);
    const Msg::Erab& e = d.erabs[1];
    BOOST_TEST(+e.erabId == 6);
    BOOST_TEST(+e.qci == 1);
    BOOST_TEST(+e.arpPriority == 2);
    BOOST_TEST(e.preemptionCapability);
    BOOST_TEST(!e.preemptionVulnerability);
    BOOST_TEST(e.gbr);
    BOOST_TEST(e.mbrDl == 128000u);
    BOOST_TEST(e.gbrDl == 10000000000ULL);
    BOOST_TEST(e.transportLayerAddress == 0x0a000007u);
    BOOST_TEST(e.teid == 0x1006u);
    BOOST_TEST(!d.erabs[0].gbr);
    BOOST_TEST(Hex(d.rrcContainer) == Hex(m.rrcContainer));
    BOOST_TEST(d.cellId == m.cellId);
    BOOST_TEST(d.targetCellId == m.targetCellId);
    BOOST_TEST(d.ueAmbrDl == 10000000000ULL);
    BOOST_TEST(Hex(Bytes(d.securityContext.begin(), d.securityContext.end())) == Hex(Context()));
    m = Sample(Msg::MME_STATUS_TRANSFER, 2);
    BOOST_TEST_REQUIRE(Msg::Decode(m.Encode(), d, error), error);
    BOOST_TEST_REQUIRE(d.erabs.size() == 2u);
    BOOST_TEST(d.erabs[1].ulPdcpSn == 106u);
    BOOST_TEST(d.erabs[1].ulHfn == 7u);
    BOOST_TEST(d.erabs[1].dlPdcpSn == 4095u);
    BOOST_TEST(d.erabs[1].dlHfn == 1048575u);
    m = Sample(Msg::INITIAL_UE_MESSAGE);
    BOOST_TEST_REQUIRE(Msg::Decode(m.Encode(), d, error), error);
    BOOST_TEST(Hex(d.nasPdu) == "c7000000"); // the SERVICE REQUEST written for an empty NAS-PDU
    BOOST_TEST(d.mTmsi == 0xc0ffee01u);
    BOOST_TEST(+d.mmec == 0x21);
    m = Sample(Msg::UE_CONTEXT_RELEASE_COMMAND);
    m.causeGroup = 2; // nas
    m.causeValue = 5; // uE-not-in-PLMN-serving-area, an extension value
    BOOST_TEST_REQUIRE(Msg::Decode(m.Encode(), d, error), error);
    BOOST_TEST(+d.causeGroup == 2);
    BOOST_TEST(+d.causeValue == 5);
    BOOST_TEST(d.mmeUeS1apId == 4000000123u);
    BOOST_TEST(d.enbUeS1apId == 0xabcdefu);
}

/// Unknown IEs: skipped if of criticality ignore, refused if reject; missing mandatory IEs
BOOST_AUTO_TEST_CASE(unknown_and_missing_ies)
{
    // HANDOVER NOTIFY as ProtocolIE-Fields of our own, plus IE 999 of criticality c
    auto notify = [](bool withTai, EpcS1apCriticality c) {
        Msg m = Sample(Msg::HANDOVER_NOTIFY);
        Bytes b = m.Encode();
        Bytes ies(b.begin() + 7, b.end()); // after the PDU header (4), extension bit, count (2)
        EpcAperWriter value;
        value.Bits(0, 1);
        value.Constrained(withTai ? 5 : 4, 0, 65535);
        value.Octets(ies.data(), withTai ? ies.size() : ies.size() - 10); // TAI: 10 octets
        ns3::EpcS1apWriteIe(value, 999, c, {0x12, 0x34});
        EpcAperWriter pdu;
        pdu.Bits(0, 1);
        pdu.Constrained(0, 0, 2);
        pdu.Constrained(2, 0, 255);
        pdu.Constrained(1, 0, 2);
        pdu.OpenType(value.Bytes());
        return pdu.Bytes();
    };
    Msg d;
    std::string error;
    BOOST_TEST(Msg::Decode(notify(true, EpcS1apCriticality::IGNORE), d, error), error);
    BOOST_TEST(d.tac == 0x0102u);
    BOOST_TEST(!Msg::Decode(notify(true, EpcS1apCriticality::REJECT), d, error));
    BOOST_TEST(error.find("999") != std::string::npos, error);
    BOOST_TEST(!Msg::Decode(notify(false, EpcS1apCriticality::IGNORE), d, error));
    BOOST_TEST(error.find("HANDOVER NOTIFY") != std::string::npos, error);
    BOOST_TEST(error.find("TAI") != std::string::npos, error);
    // a message this codec does not know: Paging (procedure code 10)
    BOOST_TEST(!Msg::Decode({0x00, 0x0a, 0x40, 0x03, 0x00, 0x00, 0x00}, d, error));
    BOOST_TEST(error.find("procedure code 10") != std::string::npos, error);
}

/// Every truncation of every message fails with a reason; random and mutated input never crash
BOOST_AUTO_TEST_CASE(bad_input)
{
    std::vector<Bytes> valid;
    for (int t = 0; t < TYPES; ++t)
    {
        for (int erabs = 1; erabs <= 2; ++erabs)
        {
            valid.push_back(Sample(t, erabs).Encode());
            const Bytes& b = valid.back();
            for (std::size_t n = 0; n < b.size(); ++n)
            {
                Msg d;
                std::string error;
                bool ok = Msg::Decode(Bytes(b.begin(), b.begin() + n), d, error);
                BOOST_TEST(!ok, Msg::GetTypeName(Msg::Type(t)) << " truncated to " << n);
                BOOST_TEST(!error.empty());
            }
        }
    }
    // a longer PDU than its length says
    Bytes longer = valid[0];
    longer.push_back(0);
    Msg d;
    std::string error;
    BOOST_TEST(!Msg::Decode(longer, d, error));
    BOOST_TEST(error.find("bytes after") != std::string::npos, error);

    std::mt19937 rng(20240611);
    int decoded = 0;
    for (int i = 0; i < 2000; ++i)
    {
        Bytes r(rng() % 256);
        for (auto& x : r)
        {
            x = static_cast<uint8_t>(rng());
        }
        if (!r.empty() && i % 2)
        {
            r[0] = static_cast<uint8_t>((rng() % 3) << 5); // a plausible PDU choice
        }
        decoded += Msg::Decode(r, d, error);
    }
    decoded += ltesec_test::DecodeMutations<Msg>(valid, rng, 2000);
    BOOST_TEST_MESSAGE(decoded << " of 4000 random or mutated PDUs decoded");
}

BOOST_AUTO_TEST_CASE(impossible_values)
{
    Msg m = Sample(Msg::INITIAL_CONTEXT_SETUP_REQUEST);
    BOOST_CHECK_NO_THROW(m.Encode());
    m.enbUeS1apId = 1u << 24;
    BOOST_CHECK_THROW(m.Encode(), std::invalid_argument);
    m = Sample(Msg::INITIAL_CONTEXT_SETUP_REQUEST);
    m.erabs[0].erabId = 16;
    BOOST_CHECK_THROW(m.Encode(), std::invalid_argument);
    m = Sample(Msg::INITIAL_CONTEXT_SETUP_REQUEST);
    m.securityKey.pop_back(); // 31 bytes
    BOOST_CHECK_THROW(m.Encode(), std::invalid_argument);
    m = Sample(Msg::INITIAL_CONTEXT_SETUP_REQUEST);
    m.ueSecurityCapabilities.push_back(0);
    BOOST_CHECK_THROW(m.Encode(), std::invalid_argument);
    m = Sample(Msg::INITIAL_CONTEXT_SETUP_REQUEST);
    m.erabs.clear(); // the list is SIZE(1..maxnoofE-RABs)
    BOOST_CHECK_THROW(m.Encode(), std::invalid_argument);
    m = Sample(Msg::INITIAL_CONTEXT_SETUP_REQUEST);
    m.ueAmbrDl = 10000000001ULL;
    BOOST_CHECK_THROW(m.Encode(), std::invalid_argument);
    m = Sample(Msg::HANDOVER_CANCEL);
    m.causeValue = 44; // radioNetwork: 36 root values and 8 extensions
    BOOST_CHECK_THROW(m.Encode(), std::invalid_argument);
    m = Sample(Msg::HANDOVER_REQUIRED);
    m.targetCellId = 1u << 20; // the macro eNB ID has 20 bits
    BOOST_CHECK_THROW(m.Encode(), std::invalid_argument);
    m = Sample(Msg::ENB_STATUS_TRANSFER);
    m.erabs[0].ulPdcpSn = 4096;
    BOOST_CHECK_THROW(m.Encode(), std::invalid_argument);
}

/// Wireshark's S1AP dissector decodes every message type, with the values written, and no error
BOOST_AUTO_TEST_CASE(tshark_decodes_every_message,
                     *boost::unit_test::precondition(ltesec_test::HaveTshark))
{
    static const char* const names[TYPES] = {
        "InitialUEMessage",
        "InitialContextSetupRequest",
        "InitialContextSetupResponse",
        "PathSwitchRequest",
        "PathSwitchRequestAcknowledge",
        "E-RABReleaseIndication",
        "HandoverRequired",
        "HandoverCommand",
        "HandoverPreparationFailure",
        "HandoverRequest",
        "HandoverRequestAcknowledge",
        "HandoverFailure",
        "HandoverNotify",
        "HandoverCancel",
        "HandoverCancelAcknowledge",
        "ENBStatusTransfer",
        "MMEStatusTransfer",
        "UEContextReleaseCommand",
        "UEContextReleaseComplete",
    };
    std::vector<Bytes> pdus;
    for (int t = 0; t < TYPES; ++t)
    {
        pdus.push_back(Sample(t, t == Msg::INITIAL_CONTEXT_SETUP_REQUEST ? 2 : 1).Encode());
    }
    // Wireshark 4.0 registers S1AP on SCTP only: SCTP DATA chunks, port 36412, PPID 18 (S1AP)
    std::string out = "\n" + ltesec_test::Tshark(pdus, "-S 36412,36412,18");
    BOOST_TEST_MESSAGE(out);
    for (int t = 0; t < TYPES; ++t)
    {
        std::size_t begin = out.find("\nFrame " + std::to_string(t + 1) + ":");
        std::size_t end = out.find("\nFrame " + std::to_string(t + 2) + ":");
        BOOST_TEST_REQUIRE(begin != std::string::npos);
        std::string frame = out.substr(begin, end == std::string::npos ? end : end - begin);
        std::string name = Msg::GetTypeName(Msg::Type(t));
        BOOST_TEST(frame.find(std::string(" ") + names[t] + "\n") != std::string::npos, name);
        BOOST_TEST(frame.find("Malformed") == std::string::npos, name);
        BOOST_TEST(frame.find("Expert Info (Error") == std::string::npos, name);
        BOOST_TEST(frame.find("Expert Info (Warning") == std::string::npos, name);
        if (t != Msg::INITIAL_UE_MESSAGE && t != Msg::PATH_SWITCH_REQUEST &&
            t != Msg::UE_CONTEXT_RELEASE_COMMAND)
        {
            BOOST_TEST(frame.find("MME-UE-S1AP-ID: 4000000123") != std::string::npos, name);
        }
    }
    // values of the IEs: IDs, E-RABs, cells, causes, security
    for (const char* v :
         {"ENB-UE-S1AP-ID: 11259375",
          "MME-UE-S1AP-ID: 17",
          "transportLayerAddress(IPv4): 10.0.0.7",
          "gTP-TEID: 00001006",
          "e-RAB-GuaranteedBitrateDL: 10000000000bits/s",
          "cell-ID: 0x01234567",
          "cell-ID: 0x00002345",
          "macroENB-ID: 023450",
          "tAC: 258 (0x0102)",
          "m-TMSI: 3237998081 (0xc0ffee01)",
          "RRC-Establishment-Cause: mo-Data (4)",
          "radioNetwork: handover-desirable-for-radio-reason (16)",
          "radioNetwork: user-inactivity (20)",
          "HandoverType: intralte (0)",
          "rat-Type: cdma2000-1XRTT (4)",
          "c1: rrcConnectionReconfiguration (4)",
          "cell-Size: small (1)",
          "pDCP-SN: 4095",
          "hFN: 1048575",
          "Security header for the SERVICE REQUEST message (12)",
          "128-EEA2: Supported",
          "128-EEA3: Not supported",
          "128-EIA3: Supported",
          "nextHopChainingCount: 2",
          "505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f",
          "SecurityKey: a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbc"})
    {
        BOOST_TEST(out.find(v) != std::string::npos, v);
    }
}

BOOST_AUTO_TEST_SUITE_END()
