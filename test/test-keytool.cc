// The key tool: every published set through the command line, and its error paths.
#include "vector-file.h"

#include "ns3/lte-sec-algorithm.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

using ltesec_test::Vector;

namespace
{

struct Result
{
    int exitCode;
    std::string out;
    std::string err;
};

std::string
Slurp(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Result
Run(const std::string& args)
{
    static int n = 0;
    std::string base = "keytool-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++);
    std::string cmd =
        std::string(LTESEC_KEYTOOL) + " " + args + " >" + base + ".out 2>" + base + ".err";
    int status = std::system(cmd.c_str());
    Result r{WIFEXITED(status) ? WEXITSTATUS(status) : -1,
             Slurp(base + ".out"),
             Slurp(base + ".err")};
    std::remove((base + ".out").c_str());
    std::remove((base + ".err").c_str());
    return r;
}

std::string
ArgsOf(const Vector& v)
{
    const std::string& a = v["algorithm"];
    if (a == "kdf-kenb")
    {
        return "kdf kenb --kasme " + v["kasme"] + " --ul-nas-count " + v["ul-nas-count"];
    }
    if (a == "kdf-nh")
    {
        return "kdf nh --kasme " + v["kasme"] + " --sync " + v["sync"];
    }
    if (a == "kdf-kenb-star")
    {
        return "kdf kenb-star --key " + v["key"] + " --pci " + v["pci"] + " --earfcn-dl " +
               v["earfcn-dl"];
    }
    if (a == "kdf-alg-key")
    {
        return "kdf alg-key --key " + v["key"] + " --type " + v["type"] + " --alg " + v["alg"];
    }
    return a + " --key " + v["key"] + " --count " + v["count"] + " --bearer " + v["bearer"] +
           " --direction " + v["direction"] + " --length " + v["length"] + " --data " + v["input"];
}

const std::string EIA2 = "eia2 --key 2bd6459f82c5b300952c49104881ff48 --count 38a6f056 "
                         "--bearer 18 --direction 0";

} // namespace

BOOST_AUTO_TEST_SUITE(keytool)

BOOST_AUTO_TEST_CASE(reproduces_every_vector)
{
    int n = 0;
    for (const auto& v : ltesec_test::AllVectors(LTESEC_VECTOR_DIR))
    {
        BOOST_TEST_CONTEXT(v.Name())
        {
            Result r = Run(ArgsOf(v));
            BOOST_TEST(r.exitCode == 0);
            BOOST_TEST(r.out == v["output"] + "\n");
            BOOST_TEST(r.err.empty());
            ++n;
        }
    }
    BOOST_TEST(n >= 30);
}

BOOST_AUTO_TEST_CASE(short_prints_the_128_bit_key)
{
    Result r = Run("kdf alg-key --key "
                   "c4c7bc798ab94e3d354cd6608e79aa92f5569df46519507850051e36f018ca5f "
                   "--type rrc-int --alg 2 --short");
    BOOST_TEST(r.exitCode == 0);
    BOOST_TEST(r.out == "fa1d6d1940f1d879cf0189342a8d73c2\n");
}

BOOST_AUTO_TEST_CASE(seed_refresh)
{
    std::string kenb = "c4c7bc798ab94e3d354cd6608e79aa92f5569df46519507850051e36f018ca5f";
    Result a = Run("kdf seed-refresh --kenb " + kenb + " --c-rnti 1 --type rrc-int --alg 2");
    Result b = Run("kdf seed-refresh --kenb " + kenb + " --c-rnti 2 --type rrc-int --alg 2");
    BOOST_TEST(a.exitCode == 0);
    BOOST_TEST(a.out.size() == 65u);
    BOOST_TEST(a.out != b.out);
    Result s =
        Run("kdf seed-refresh --kenb " + kenb + " --c-rnti 1 --type rrc-int --alg 2 --short");
    BOOST_TEST(s.out == a.out.substr(32));
}

/// Each bad input: exit code 2, nothing on stdout, one line on stderr naming the argument.
BOOST_AUTO_TEST_CASE(bad_input_names_the_argument)
{
    const std::string kasme = "6144c681d1bea9dae1b8cf6cd10a686341db8046a1e7a9ab4d1ea0e33c994ac0";

    struct Case
    {
        std::string args;
        std::string mention;
    };

    std::vector<Case> cases = {
        {"kdf kenb --kasme 123 --ul-nas-count 0", "--kasme: odd number of hex digits"},
        {"kdf kenb --kasme 00 --ul-nas-count 0", "--kasme: expected 32 bytes"},
        {"kdf kenb --kasme " + kasme + " --ul-nas-count xyz", "--ul-nas-count"},
        {"kdf kenb --kasme " + kasme, "--ul-nas-count: missing"},
        {"kdf kenb-star --key " + kasme + " --pci 504 --earfcn-dl 1", "--pci"},
        {"kdf kenb-star --key " + kasme + " --pci 1 --earfcn-dl 262144", "--earfcn-dl"},
        {"kdf alg-key --key " + kasme + " --type foo --alg 1", "--type"},
        {"kdf alg-key --key " + kasme + " --type rrc-int --alg 4", "--alg"},
        {"kdf seed-refresh --kenb " + kasme + " --c-rnti 70000 --type rrc-int --alg 1", "--c-rnti"},
        {"kdf seed-refresh --kenb " + kasme + " --c-rnti 1 --type nas-int --alg 1", "--type"},
        {"kdf frob", "kdf: unknown derivation 'frob'"},
        {"kdf", "kdf: missing derivation"},
        {"frobnicate", "unknown command 'frobnicate'"},
        {EIA2 + " --length 58 --data 3332346263393840 --bogus 1", "--bogus: unknown option"},
        {EIA2 + " --length 65 --data 3332346263393840", "--data"},
        {EIA2 + " --length 58 --data 33323462633938", "--data"},
        {EIA2 + " --length 58 --data 333234626339384", "--data: odd number of hex digits"},
        {EIA2 + " --length 58 --data 33323462633938zz", "--data: 'z'"},
        {"eea2 --key 2bd6459f82c5b300952c49104881ff48 --count 0 --bearer 20 --direction 0 "
         "--length 8 --data 00",
         "--bearer"},
        {"eea2 --key 2bd6459f82c5b300952c49104881ff48 --count 0 --bearer 1 --direction 2 "
         "--length 8 --data 00",
         "--direction"},
        {"eea2 --key 2bd6459f --count 0 --bearer 1 --direction 0 --length 8 --data 00",
         "--key: expected 16 bytes"},
        {"eea2 --key 2bd6459f82c5b300952c49104881ff48 --count 100000000 --bearer 1 --direction 0 "
         "--length 8 --data 00",
         "--count"},
    };
    for (const auto& c : cases)
    {
        BOOST_TEST_CONTEXT(c.args)
        {
            Result r = Run(c.args);
            BOOST_TEST(r.exitCode == 2);
            BOOST_TEST(r.out.empty());
            BOOST_TEST(std::count(r.err.begin(), r.err.end(), '\n') == 1);
            BOOST_TEST(r.err.find(c.mention) != std::string::npos, "stderr: " << r.err);
        }
    }
}

/// Lengths an algorithm does not take: exit code 2, one line naming --length, nothing on stdout
/// (EIA3 used to print 00000000 above 65504 bits, EIA1/EIA3 for 0 bits).
BOOST_AUTO_TEST_CASE(length_out_of_range_names_length)
{
    const std::string common = " --key 2bd6459f82c5b300952c49104881ff48 --count 0 --bearer 0 "
                               "--direction 0 --length ";
    std::string data;
    for (int i = 0; i < 8189; ++i)
    {
        static const char digits[] = "0123456789abcdef";
        data += digits[(i * 7) & 15];
        data += digits[(i * 3 + 1) & 15];
    }

    struct Case
    {
        std::string args;
        std::string mention;
    };

    std::vector<Case> cases = {
        {"eia3" + common + "65512 --data " + data,
         "--length: 65512 bits is outside the range of eia3 (1..65504 bits)"},
        {"eia3" + common + "65505 --data " + data, "--length: 65505 bits"},
        {"eea3" + common + "65505 --data " + data,
         "--length: 65505 bits is outside the range of eea3 (0..65504 bits)"},
        {"eea3" + common + "65512 --data " + data, "--length"},
        {"eia1" + common + "0 --data 00", "--length: 0 bits is outside the range of eia1"},
        {"eia3" + common + "0 --data 00", "--length: 0 bits is outside the range of eia3"},
        {"eea1" + common + "4294967289 --data 00", "--length"},
    };
    for (const auto& c : cases)
    {
        BOOST_TEST_CONTEXT(c.args.substr(0, 90))
        {
            Result r = Run(c.args);
            BOOST_TEST(r.exitCode == 2);
            BOOST_TEST(r.out.empty());
            BOOST_TEST(std::count(r.err.begin(), r.err.end(), '\n') == 1);
            BOOST_TEST(r.err.find("lte-keytool: " + c.mention) == 0u, "stderr: " << r.err);
        }
    }
    // the limits themselves work
    Result ok = Run("eia3" + common + "65504 --data " + data);
    BOOST_TEST(ok.exitCode == 0);
    BOOST_TEST(ok.out.size() == 9u);
    BOOST_TEST(ok.out != "00000000\n");
    ok = Run("eea3" + common + "65504 --data " + data);
    BOOST_TEST(ok.exitCode == 0);
    BOOST_TEST(ok.out.size() == 2 * 8188u + 1);
    ok = Run("eia1" + common + "1 --data 80");
    BOOST_TEST(ok.exitCode == 0);
    BOOST_TEST(ok.out.size() == 9u);
}

/// 128-EEA1 over 40000 bits of an exact-size 5000-byte buffer (ipsec-mb's bit-length f8 used to
/// corrupt the heap there and abort): the result is the library's, computed in a roomier buffer.
BOOST_AUTO_TEST_CASE(eea1_40000_bits)
{
    using namespace ns3::ltesec;
    const std::string key = "2bd6459f82c5b300952c49104881ff48";
    Result r =
        Run("eea1 --key " + key + " --count 0 --bearer 0 --direction 0 --length 40000 --data " +
            std::string(10000, '0'));
    BOOST_TEST(r.exitCode == 0);
    BOOST_TEST(r.err.empty(), r.err);
    AlgorithmInput in;
    std::vector<uint8_t> zeros(6000, 0);
    std::vector<uint8_t> expected =
        Encrypt(Eea::EEA1, AlgKey::FromHex(key, "key"), in, zeros, 48000); // a longer keystream
    expected.resize(5000);
    BOOST_TEST((r.out == ToHex(expected) + "\n"), "output starts " << r.out.substr(0, 40));
    // and a length that is not a whole number of bytes
    r = Run("eea1 --key " + key + " --count 0 --bearer 0 --direction 0 --length 39999 --data " +
            std::string(10000, '0'));
    BOOST_TEST(r.exitCode == 0);
    expected[4999] &= 0xfe;
    BOOST_TEST((r.out == ToHex(expected) + "\n"), "output starts " << r.out.substr(0, 40));
}

BOOST_AUTO_TEST_CASE(help_on_every_level)
{
    for (const char* args : {"--help",
                             "kdf --help",
                             "kdf kenb --help",
                             "kdf seed-refresh --help",
                             "eea2 --help",
                             "eia1 --help"})
    {
        BOOST_TEST_CONTEXT(args)
        {
            Result r = Run(args);
            BOOST_TEST(r.exitCode == 0);
            BOOST_TEST(r.out.find("Usage: lte-keytool") != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
