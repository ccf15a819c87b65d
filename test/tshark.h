// Wireshark's dissectors as the judge of our 3GPP encodings: messages written to a pcap with
// text2pcap and decoded by tshark.
#ifndef LTESEC_TEST_TSHARK_H
#define LTESEC_TEST_TSHARK_H

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace ltesec_test
{

/**
 * Writes \p messages as one packet each, framed by text2pcap with \p framing (e.g. "-u 2123,2123"
 * for UDP, "-S 36412,36412,18" for SCTP with a payload protocol identifier), and runs tshark on
 * the pcap, with tshark \p options. \return tshark's verbose output (its failure is a test
 * error).
 */
inline std::string
Tshark(const std::vector<std::vector<uint8_t>>& messages,
       const std::string& framing,
       const std::string& options = "")
{
    std::string base = "tshark-test-" + std::to_string(::getpid());
    {
        std::ofstream hex(base + ".txt");
        for (const auto& m : messages)
        {
            for (std::size_t i = 0; i < m.size(); ++i)
            {
                if (i % 16 == 0)
                {
                    char off[16];
                    std::snprintf(off, sizeof(off), "%s%06zx", i ? "\n" : "", i);
                    hex << off;
                }
                char b[4];
                std::snprintf(b, sizeof(b), " %02x", m[i]);
                hex << b;
            }
            hex << "\n";
        }
    }
    std::string cmd = "text2pcap -q " + framing + " " + base + ".txt " + base +
                      ".pcap >/dev/null 2>&1 && tshark -r " + base + ".pcap " + options + " -V > " +
                      base + ".out 2>&1";
    int status = std::system(cmd.c_str());
    std::ifstream in(base + ".out");
    std::stringstream out;
    out << in.rdbuf();
    for (const char* ext : {".txt", ".pcap", ".out"})
    {
        std::remove((base + ext).c_str());
    }
    BOOST_TEST(WIFEXITED(status));
    BOOST_TEST(WEXITSTATUS(status) == 0, "text2pcap/tshark failed: " << out.str());
    return out.str();
}

/// A Boost.Test precondition: the Wireshark checks run only where tshark and text2pcap exist.
inline boost::test_tools::assertion_result
HaveTshark(boost::unit_test::test_unit_id)
{
    boost::test_tools::assertion_result r(
        std::system("command -v tshark >/dev/null 2>&1 && command -v text2pcap >/dev/null") == 0);
    r.message() << "tshark or text2pcap not found: Wireshark checks skipped";
    return r;
}

} // namespace ltesec_test

#endif
