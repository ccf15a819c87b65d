// The key tool: every published set through the command line, and its error paths.
#include "vector-file.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
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
    std::string cmd = std::string(LTESEC_KEYTOOL) + " " + args + " >" + base + ".out 2>" + base +
                      ".err";
    int status = std::system(cmd.c_str());
    Result r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, Slurp(base + ".out"),
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
    Result s = Run("kdf seed-refresh --kenb " + kenb + " --c-rnti 1 --type rrc-int --alg 2 --short");
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
        {"kdf seed-refresh --kenb " + kasme + " --c-rnti 70000 --type rrc-int --alg 1",
         "--c-rnti"},
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

BOOST_AUTO_TEST_CASE(help_on_every_level)
{
    for (const char* args : {"--help", "kdf --help", "kdf kenb --help", "kdf seed-refresh --help",
                             "eea2 --help", "eia1 --help"})
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
