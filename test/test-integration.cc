// Module pieces seen from a user: MME key freshness, the key log, attribute errors.
#include "lte-sec-scenario.h"
#include "test-print.h"

#include "ns3/lte-sec-mme.h"
#include "ns3/lte-sec-ue-rrc.h"
#include "ns3/lte-sec-wire.h"
#include "ns3/string.h"

#include <boost/test/unit_test.hpp>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace ns3;
using namespace ns3::ltesec;

namespace
{

/// Runs a shell command; returns exit code and stderr.
std::pair<int, std::string>
Run(const std::string& cmd)
{
    std::string err = "integration-" + std::to_string(::getpid()) + ".err";
    int status = std::system((cmd + " >/dev/null 2>" + err).c_str());
    std::ifstream in(err);
    std::stringstream ss;
    ss << in.rdbuf();
    std::remove(err.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ss.str()};
}

} // namespace

BOOST_AUTO_TEST_SUITE(integration)

BOOST_AUTO_TEST_CASE(mme_gives_a_fresh_kenb_per_connection)
{
    Ptr<LteSecMme> mme = CreateObject<LteSecMme>();
    Kasme kasme = mme->GetKasme(7);
    UeSecurityCapabilities caps;
    mme->RegisterUe(7, caps); // the UE announces its capabilities
    Kenb first = mme->InitialContextSetup(7, caps);
    Kenb second = mme->InitialContextSetup(7, caps);
    BOOST_TEST(first != second);
    BOOST_TEST(first == DeriveKenb(kasme, 0));  // uplink NAS COUNT of the first connection
    BOOST_TEST(second == DeriveKenb(kasme, 1)); // and of the second
    // every IMSI has its own KASME; provisioning overrides the derivation
    BOOST_TEST(mme->GetKasme(7) != mme->GetKasme(8));
    Kasme mine = Kasme::FromHex(std::string(64, 'a'), "k");
    mme->ProvisionKasme(8, mine);
    BOOST_TEST(mme->GetKasme(8) == mine);
}

BOOST_AUTO_TEST_CASE(ue_checks_the_security_mode_command)
{
    ltesec_test::ScenarioConfig c;
    c.handoverTimes = {};
    c.simTime = 1.0;
    ltesec_test::ScenarioResult good = ltesec_test::RunScenario(c);
    BOOST_TEST(good.integrityFailures == 0u);
    BOOST_TEST(good.dlRxBytes > 10000u);
    // a UE whose KASME differs from the MME's derives other keys: the command fails its check at
    // the UE, which discards it (no bearers, no data), and the failure is traced
    c.kasmeMismatch = true;
    ltesec_test::ScenarioResult bad = ltesec_test::RunScenario(c);
    BOOST_TEST(bad.integrityFailures == 1u);
    BOOST_TEST(bad.dlRxBytes == 0u);
    BOOST_TEST(bad.ulRxBytes == 0u);
}

BOOST_AUTO_TEST_CASE(ue_discards_commands_with_algorithms_it_does_not_support)
{
    const Kasme kasme = Kasme::FromHex(std::string(64, 'b'), "k");
    auto command = [&kasme](int eea, int eia) {
        LteRrcSap::RrcConnectionReconfiguration msg{};
        msg.haveMeasConfig = false;
        msg.haveMobilityControlInfo = false;
        msg.haveRadioResourceConfigDedicated = false;
        msg.haveNonCriticalExtension = false;
        msg.haveSecurityConfigHo = true;
        msg.securityConfigHo.haveSecurityAlgorithmConfig = true;
        msg.securityConfigHo.cipheringAlgorithm = eea;
        msg.securityConfigHo.integrityProtAlgorithm = eia;
        // protected as the network would (ideal RRC), so that only the algorithms decide
        UeSecurityContext net;
        net.nas.kasme = kasme;
        net.algorithms = {static_cast<Eea>(eea & 3), static_cast<Eia>(eia & 3)};
        net.DeriveInitialKenb();
        net.cRnti = 1;
        net.RefreshKeys(AsKeyScheme::SEED_CRNTI_REFRESH);
        msg.haveIdealMacI = true;
        msg.idealMacI =
            IdealMacI(net.algorithms.integrity, net.keys.rrcInt, 0, Direction::DOWNLINK, msg);
        return msg;
    };

    struct Case
    {
        int eea;
        int eia;
        bool accepted;
    };

    for (const Case& c : std::vector<Case>{{2, 2, true},
                                           {1, 2, false},
                                           {2, 3, false},
                                           {5, 2, false},
                                           {2, 7, false}})
    {
        BOOST_TEST_CONTEXT("eea " << c.eea << " eia " << c.eia)
        {
            Ptr<LteSecUeRrc> ue = CreateObject<LteSecUeRrc>();
            ue->SetAttribute("SupportedEea", StringValue("eea0,eea2"));
            ue->SetAttribute("SupportedEia", StringValue("eia1,eia2"));
            ue->Setup(1, kasme, nullptr, nullptr);
            BOOST_TEST(ue->RecvRrcConnectionReconfiguration(1, command(c.eea, c.eia)) ==
                       c.accepted);
            BOOST_TEST(ue->IsActive() == c.accepted);
            ue->Dispose();
        }
    }
}

BOOST_AUTO_TEST_CASE(kasme_master_key_attribute)
{
    Ptr<LteSecMme> a = CreateObject<LteSecMme>();
    Ptr<LteSecMme> b = CreateObject<LteSecMme>();
    b->SetAttribute("KasmeMasterKey", StringValue(std::string(64, 'f')));
    BOOST_TEST(a->GetKasme(1) != b->GetKasme(1));
}

BOOST_AUTO_TEST_CASE(key_log_only_when_asked)
{
    // each run in an empty folder of its own, which is also its HOME and TMPDIR: whatever the
    // program writes anywhere it may write lands there
    auto runIn = [](const std::string& dir, const std::string& args) {
        std::string exe = std::string(LTESEC_BIN_DIR) + "/lte-security-x2-handover";
        std::system(("rm -rf " + dir + " && mkdir -p " + dir).c_str());
        int status = std::system(("cd " + dir + " && HOME=$PWD TMPDIR=$PWD " + exe +
                                  " --numEnbs=2 --numUes=1 --simTime=1 --csv=none " + args +
                                  " > stdout.txt 2> stderr.txt")
                                     .c_str());
        std::ifstream err(dir + "/stderr.txt");
        std::stringstream ss;
        ss << err.rdbuf();
        return std::make_pair(WIFEXITED(status) ? WEXITSTATUS(status) : -1, ss.str());
    };
    auto files = [](const std::string& dir) {
        std::string list = "integration-" + std::to_string(::getpid()) + ".files";
        std::system(("cd " + dir +
                     " && find . -type f ! -name stdout.txt ! -name stderr.txt | sort > ../" + list)
                        .c_str());
        std::ifstream in(dir + "/../" + list);
        std::vector<std::string> names;
        for (std::string line; std::getline(in, line);)
        {
            names.push_back(line);
        }
        std::remove((dir + "/../" + list).c_str());
        return names;
    };
    std::string base = "keylog-test-" + std::to_string(::getpid());
    auto plain = runIn(base + "-plain", "");
    BOOST_TEST(plain.first == 0);
    BOOST_TEST(files(base + "-plain").empty(), "files written without --keyLog");

    auto logged = runIn(base + "-log", "--keyLog=keys.txt");
    BOOST_TEST(logged.first == 0);
    BOOST_TEST(files(base + "-log") == std::vector<std::string>{"./keys.txt"},
               boost::test_tools::per_element());
    struct stat st;
    BOOST_TEST(::stat((base + "-log/keys.txt").c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 0777) == 0600u);
    std::ifstream in(base + "-log/keys.txt");
    std::ifstream out(base + "-log/stdout.txt");
    std::stringstream printed;
    printed << out.rdbuf() << plain.second << logged.second;
    std::string line;
    int keys = 0;
    while (std::getline(in, line))
    {
        if (line.empty() || line[0] == '#')
        {
            continue;
        }
        std::istringstream f(line);
        std::string time, entity, imsi, rnti, key, hex;
        f >> time >> entity >> imsi >> rnti >> key >> hex;
        BOOST_TEST_CONTEXT(line)
        {
            BOOST_TEST((hex.size() == 64u || hex.size() == 32u));
            // no key ever reaches the program's output
            BOOST_TEST(printed.str().find(hex) == std::string::npos);
        }
        ++keys;
    }
    BOOST_TEST(keys == 8); // eNB and UE: KeNB, KRRCenc, KRRCint, KUPenc at initial setup
    std::system(("rm -rf " + base + "-plain " + base + "-log").c_str());
}

BOOST_AUTO_TEST_CASE(bad_attribute_values_fail_naming_the_attribute)
{
    std::string exe =
        std::string(LTESEC_BIN_DIR) + "/lte-security-x2-handover --simTime=0.5 --csv=none ";

    struct Case
    {
        std::string args;
        std::string mention;
    };

    for (const Case& c : std::vector<Case>{
             {"--eeaPriority=eea2,eea9", "ns3::LteSecEnbRrc::EeaPriority"},
             {"--eiaPriority=eia2,,eia1", "ns3::LteSecEnbRrc::EiaPriority"},
             {"--ueEea=aes", "ns3::LteSecUeRrc::SupportedEea"},
             {"--ueEia=eia1,x", "ns3::LteSecUeRrc::SupportedEia"},
             {"--keyLog=/nonexistent-dir/keys.txt", "KeyLogFile"},
             {"--eiaPriority=eia3 --ueEia=eia1", "supports none of"},
             // the review's case: EIA0 without the explicit permission is refused at once
             {"--numEnbs=2 --numUes=1 --ns3::LteSecEnbRrc::TamperReceivedKenb=1 "
              "--eeaPriority=eea0 --eiaPriority=eia0",
              "AllowNullIntegrity"},
             // a time to trigger TS 36.331 cannot signal (patch 0011; ns-3.37 sent 5120 ms)
             {"--timeToTrigger=300", "TimeToTrigger 300 ms is not a value of TS 36.331"},
         })
    {
        BOOST_TEST_CONTEXT(c.args)
        {
            auto r = Run(exe + c.args);
            BOOST_TEST(r.first != 0);
            BOOST_TEST(r.second.find(c.mention) != std::string::npos, "stderr: " << r.second);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
