/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * lte-keytool: the lte-security module's key derivations and EEA/EIA algorithms from the command
 * line, for checking a capture or a specification example by hand.
 */
#include "ns3/lte-sec-algorithm.h"
#include "ns3/lte-sec-kdf.h"
#include "ns3/lte-sec-key.h"

#include <cctype>
#include <cstdlib>
#include <iostream>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

using namespace ns3::ltesec;

namespace
{

const char* USAGE_TOP =
    "Usage: lte-keytool COMMAND [OPTIONS]\n"
    "LTE key derivations (TS 33.401 Annex A) and EPS algorithms (TS 33.401 Annex B).\n"
    "\n"
    "Commands:\n"
    "  kdf kenb|nh|kenb-star|alg-key|seed-refresh   key derivations (lte-keytool kdf --help)\n"
    "  eea0|eea1|eea2|eea3                          cipher/decipher a bit string\n"
    "  eia0|eia1|eia2|eia3                          compute a 32-bit MAC\n"
    "Output is lowercase hex on one line. Bad input (also a --length the algorithm does not\n"
    "take) or an error of the crypto library: one line on stderr, exit code 2.\n";

const char* USAGE_KDF =
    "Usage: lte-keytool kdf DERIVATION [OPTIONS] [--short]\n"
    "  kenb          --kasme HEX --ul-nas-count HEX          KeNB (FC 0x11)\n"
    "  nh            --kasme HEX --sync HEX                  NH (FC 0x12), SYNC 256 bits\n"
    "  kenb-star     --key HEX --pci N --earfcn-dl N         KeNB* (FC 0x13), PCI 0..503,\n"
    "                                                        EARFCN-DL 0..262143\n"
    "  alg-key       --key HEX --type T --alg 0..3           algorithm key (FC 0x15),\n"
    "                T = nas-enc|nas-int|rrc-enc|rrc-int|up-enc|up-int\n"
    "  seed-refresh  --kenb HEX --c-rnti N --type T --alg 0..3 [--nonce HEX]\n"
    "                RRC/UP key from KeNB and C-RNTI (this model's FC 0xF0),\n"
    "                T = rrc-enc|rrc-int|up-enc, nonce 16 bytes\n"
    "Keys are 256 bits (64 hex digits). Prints the 256-bit KDF output; --short prints the\n"
    "128-bit key (its last 16 bytes).\n";

const char* USAGE_ALG =
    "Usage: lte-keytool eeaN|eiaN --key HEX --count HEX --bearer HEX --direction 0|1\n"
    "                            --length BITS --data HEX\n"
    "  --key        128-bit key (32 hex digits)\n"
    "  --count      32-bit COUNT in hex\n"
    "  --bearer     5-bit BEARER in hex (0..1f)\n"
    "  --direction  0 uplink, 1 downlink\n"
    "  --length     message length in bits; --data must hold at least that many bits.\n"
    "               eea0, eea2: 0..4294967295   eea1: 0..4294967288   eea3: 0..65504\n"
    "               eia0, eia2: 0..4294967295   eia1: 1..4294967295   eia3: 1..65504\n"
    "               (65504: ipsec-mb's ZUC limit)\n"
    "eea prints ceil(length/8) bytes with the bits past length zero; eia prints the 32-bit MAC.\n";

/// \p text with line breaks turned into spaces: every error is one line on stderr.
std::string
OneLine(std::string text)
{
    for (char& c : text)
    {
        if (c == '\n' || c == '\r')
        {
            c = ' ';
        }
    }
    return text;
}

/// A command-line error: reported on one line, exit code 2.
struct UsageError : std::invalid_argument
{
    using std::invalid_argument::invalid_argument;
};

class Options
{
  public:
    Options(int argc, char** argv, int first, const std::set<std::string>& allowed)
    {
        for (int i = first; i < argc; ++i)
        {
            std::string a = argv[i];
            if (a == "--help" || a == "-h")
            {
                m_help = true;
                continue;
            }
            if (a == "--short")
            {
                m_flags.insert(a);
                continue;
            }
            if (a.rfind("--", 0) != 0)
            {
                throw UsageError("unexpected argument '" + a + "'");
            }
            std::string value;
            std::size_t eq = a.find('=');
            if (eq != std::string::npos)
            {
                value = a.substr(eq + 1);
                a = a.substr(0, eq);
            }
            else if (i + 1 < argc)
            {
                value = argv[++i];
            }
            else
            {
                throw UsageError(a + ": missing value");
            }
            if (allowed.count(a) == 0)
            {
                throw UsageError(a + ": unknown option");
            }
            m_values[a] = value;
        }
    }

    bool Help() const
    {
        return m_help;
    }

    bool Flag(const std::string& f) const
    {
        return m_flags.count(f) != 0;
    }

    bool Has(const std::string& name) const
    {
        return m_values.count(name) != 0;
    }

    const std::string& Get(const std::string& name) const
    {
        auto it = m_values.find(name);
        if (it == m_values.end())
        {
            throw UsageError(name + ": missing");
        }
        return it->second;
    }

    /// A decimal (or 0x-prefixed hex) number in [0, max].
    uint64_t Number(const std::string& name, uint64_t max) const
    {
        return Parse(name, Get(name), max, false);
    }

    /// A hex number in [0, max].
    uint64_t HexNumber(const std::string& name, uint64_t max) const
    {
        return Parse(name, Get(name), max, true);
    }

  private:
    static uint64_t Parse(const std::string& name, const std::string& v, uint64_t max, bool hex)
    {
        std::string digits = v;
        int base = hex ? 16 : 10;
        if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X'))
        {
            digits = digits.substr(2);
            base = 16;
        }
        if (digits.empty() || digits.size() > 20)
        {
            throw UsageError(name + ": '" + v + "' is not a number");
        }
        for (char c : digits)
        {
            bool ok = base == 16 ? std::isxdigit(static_cast<unsigned char>(c)) != 0
                                 : std::isdigit(static_cast<unsigned char>(c)) != 0;
            if (!ok)
            {
                throw UsageError(name + ": '" + v + "' is not a " +
                                 (base == 16 ? "hex" : "decimal") + " number");
            }
        }
        uint64_t x = std::stoull(digits, nullptr, base);
        if (x > max)
        {
            throw UsageError(name + ": " + v + " is out of range (max " + std::to_string(max) +
                             ")");
        }
        return x;
    }

    std::map<std::string, std::string> m_values;
    std::set<std::string> m_flags;
    bool m_help{false};
};

void
PrintKdf(const Key256& out, bool shortKey)
{
    if (shortKey)
    {
        std::cout << TruncateToAlgKey(out).RevealHex() << "\n";
    }
    else
    {
        std::cout << out.RevealHex() << "\n";
    }
}

int
RunKdf(int argc, char** argv)
{
    if (argc < 3)
    {
        throw UsageError("kdf: missing derivation (kenb, nh, kenb-star, alg-key, seed-refresh)");
    }
    if (std::string(argv[2]) == "--help" || std::string(argv[2]) == "-h")
    {
        std::cout << USAGE_KDF;
        return 0;
    }
    std::string what = argv[2];
    static const std::map<std::string, std::set<std::string>> allowed = {
        {"kenb", {"--kasme", "--ul-nas-count"}},
        {"nh", {"--kasme", "--sync"}},
        {"kenb-star", {"--key", "--pci", "--earfcn-dl"}},
        {"alg-key", {"--key", "--type", "--alg"}},
        {"seed-refresh", {"--kenb", "--c-rnti", "--type", "--alg", "--nonce"}},
    };
    auto it = allowed.find(what);
    if (it == allowed.end())
    {
        throw UsageError("kdf: unknown derivation '" + what +
                         "' (kenb, nh, kenb-star, alg-key, seed-refresh)");
    }
    Options o(argc, argv, 3, it->second);
    if (o.Help())
    {
        std::cout << USAGE_KDF;
        return 0;
    }
    bool shortKey = o.Flag("--short");
    if (what == "kenb")
    {
        Kasme kasme = Kasme::FromHex(o.Get("--kasme"), "--kasme");
        uint32_t count = static_cast<uint32_t>(o.HexNumber("--ul-nas-count", 0xffffffff));
        PrintKdf(Key256::From(DeriveKenb(kasme, count)), shortKey);
    }
    else if (what == "nh")
    {
        Kasme kasme = Kasme::FromHex(o.Get("--kasme"), "--kasme");
        Nh sync = Nh::FromHex(o.Get("--sync"), "--sync");
        PrintKdf(Key256::From(DeriveNh(kasme, sync)), shortKey);
    }
    else if (what == "kenb-star")
    {
        Kenb key = Kenb::FromHex(o.Get("--key"), "--key");
        auto pci = static_cast<uint16_t>(o.Number("--pci", MAX_PCI));
        auto earfcn = static_cast<uint32_t>(o.Number("--earfcn-dl", MAX_EARFCN));
        PrintKdf(Key256::From(DeriveKenbStar(key, pci, earfcn)), shortKey);
    }
    else if (what == "alg-key")
    {
        Key256 key = Key256::FromHex(o.Get("--key"), "--key");
        AlgKeyType type = ParseAlgKeyType(o.Get("--type"), "--type");
        auto alg = static_cast<uint8_t>(o.Number("--alg", 3));
        PrintKdf(KdfAlgorithmKey(key.Data(), type, alg), shortKey);
    }
    else
    {
        Kenb kenb = Kenb::FromHex(o.Get("--kenb"), "--kenb");
        auto rnti = static_cast<uint16_t>(o.Number("--c-rnti", 0xffff));
        AlgKeyType type = ParseAlgKeyType(o.Get("--type"), "--type");
        if (type != AlgKeyType::RRC_ENC && type != AlgKeyType::RRC_INT &&
            type != AlgKeyType::UP_ENC)
        {
            throw UsageError("--type: seed-refresh derives rrc-enc, rrc-int or up-enc only");
        }
        auto alg = static_cast<uint8_t>(o.Number("--alg", 3));
        std::vector<uint8_t> nonce;
        if (o.Has("--nonce"))
        {
            nonce = ParseHex(o.Get("--nonce"), "--nonce");
            if (nonce.size() != 16)
            {
                throw UsageError("--nonce: expected 16 bytes (32 hex digits)");
            }
        }
        PrintKdf(KdfSeedCrntiRefresh(kenb, type, alg, rnti, nonce), shortKey);
    }
    return 0;
}

int
RunAlgorithm(int argc, char** argv, const std::string& cmd)
{
    Options o(argc, argv, 2, {"--key", "--count", "--bearer", "--direction", "--length", "--data"});
    if (o.Help())
    {
        std::cout << USAGE_ALG;
        return 0;
    }
    AlgKey key = AlgKey::FromHex(o.Get("--key"), "--key");
    AlgorithmInput in;
    in.count = static_cast<uint32_t>(o.HexNumber("--count", 0xffffffff));
    in.bearer = static_cast<uint8_t>(o.HexNumber("--bearer", 31));
    in.direction = static_cast<Direction>(o.Number("--direction", 1));
    auto length = static_cast<uint32_t>(o.Number("--length", 0xffffffffULL));
    bool eea = cmd.rfind("eea", 0) == 0;
    uint64_t minBits =
        eea ? MinBitLength(ParseEea(cmd, "command")) : MinBitLength(ParseEia(cmd, "command"));
    uint64_t maxBits =
        eea ? MaxBitLength(ParseEea(cmd, "command")) : MaxBitLength(ParseEia(cmd, "command"));
    if (length < minBits || length > maxBits)
    {
        throw UsageError("--length: " + std::to_string(length) + " bits is outside the range of " +
                         cmd + " (" + std::to_string(minBits) + ".." + std::to_string(maxBits) +
                         " bits)");
    }
    std::vector<uint8_t> data = ParseHex(o.Get("--data"), "--data");
    if (data.size() * 8 < length)
    {
        throw UsageError("--data: " + std::to_string(data.size() * 8) +
                         " bits, shorter than --length " + std::to_string(length));
    }
    if (eea)
    {
        std::cout << ToHex(Encrypt(ParseEea(cmd, "command"), key, in, data, length)) << "\n";
    }
    else
    {
        uint32_t mac = ComputeMac(ParseEia(cmd, "command"), key, in, data, length);
        uint8_t b[4] = {uint8_t(mac >> 24), uint8_t(mac >> 16), uint8_t(mac >> 8), uint8_t(mac)};
        std::cout << ToHex(b, 4) << "\n";
    }
    return 0;
}

} // namespace

int
main(int argc, char** argv)
{
    if (argc < 2)
    {
        std::cerr << "lte-keytool: missing command (lte-keytool --help)\n";
        return 2;
    }
    std::string cmd = argv[1];
    try
    {
        if (cmd == "--help" || cmd == "-h" || cmd == "help")
        {
            std::cout << USAGE_TOP;
            return 0;
        }
        if (cmd == "kdf")
        {
            return RunKdf(argc, argv);
        }
        static const std::set<std::string> algs =
            {"eea0", "eea1", "eea2", "eea3", "eia0", "eia1", "eia2", "eia3"};
        if (algs.count(cmd) != 0)
        {
            return RunAlgorithm(argc, argv, cmd);
        }
        throw UsageError("unknown command '" + cmd + "' (kdf, eea0..eea3, eia0..eia3)");
    }
    catch (const std::invalid_argument& e) // bad input, including lengths out of range
    {
        std::cerr << "lte-keytool: " << OneLine(e.what()) << "\n";
        return 2;
    }
    catch (const std::runtime_error& e) // OpenSSL or ipsec-mb refused the input
    {
        std::cerr << "lte-keytool: " << OneLine(e.what()) << "\n";
        return 2;
    }
    catch (const std::exception& e)
    {
        std::cerr << "lte-keytool: internal error: " << OneLine(e.what()) << "\n";
        return 1;
    }
}
