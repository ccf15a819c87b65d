// Scenario 1 (lte-security-ns3-reference, the LTE user guide's handover campaign) on a short
// run: security off and on make the same handovers at the same times (ideal RRC: the module
// changes nothing the radio sees), the user guide's HandoverEndOk count equals the completed
// records, and only the run with security has security bytes.
#include "run-program.h"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace
{

/// The lines of a CSV, each split at commas (the reference program quotes nothing)
std::vector<std::vector<std::string>>
ReadCsv(const std::string& file)
{
    std::vector<std::vector<std::string>> rows;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line))
    {
        std::vector<std::string> cells;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ','))
        {
            cells.push_back(cell);
        }
        rows.push_back(cells);
    }
    return rows;
}

/// The column named \p name of a CSV's header
std::size_t
Column(const std::vector<std::vector<std::string>>& rows, const std::string& name)
{
    BOOST_TEST_REQUIRE(!rows.empty());
    for (std::size_t i = 0; i < rows[0].size(); ++i)
    {
        if (rows[0][i] == name)
        {
            return i;
        }
    }
    BOOST_FAIL("no column " + name);
    return 0;
}

struct Run
{
    std::vector<std::vector<std::string>> handovers;
    std::vector<std::vector<std::string>> summary;
};

/// 7 sites, 21 cells, about 20 UEs at 60 km/h, A3, 6 s: several handovers in about half a minute
Run
RunReference(const std::string& security)
{
    std::string prefix = "/tmp/lte-sec-ns3-reference-" + std::to_string(::getpid()) + "-" + security;
    std::string err;
    int rc = RunProgram("lte-security-ns3-reference --simTime=6 --density=1e-5 --run=2 " +
                            security + " --prefix=" + prefix,
                        err);
    BOOST_TEST_REQUIRE(rc == 0, err);
    Run r{ReadCsv(prefix + "-handovers.csv"), ReadCsv(prefix + "-summary.csv")};
    std::remove((prefix + "-handovers.csv").c_str());
    std::remove((prefix + "-summary.csv").c_str());
    return r;
}

} // namespace

BOOST_AUTO_TEST_SUITE(ns3_reference)

BOOST_AUTO_TEST_CASE(security_off_and_on_make_the_same_handovers)
{
    Run off = RunReference("--security=0");
    Run on = RunReference("--scheme=seed");
    BOOST_TEST_REQUIRE(off.handovers.size() >= 3u); // the header and two attempts at least
    BOOST_TEST_REQUIRE(off.handovers.size() == on.handovers.size());
    for (const std::string& name :
         {"start_s", "imsi", "type", "source_cell", "target_cell", "outcome", "latency_ms"})
    {
        std::size_t col = Column(off.handovers, name);
        for (std::size_t i = 1; i < off.handovers.size(); ++i)
        {
            BOOST_TEST(off.handovers[i][col] == on.handovers[i][col], name << " of attempt " << i);
        }
    }
    std::size_t outcome = Column(on.handovers, "outcome");
    std::size_t keys = Column(on.handovers, "as_keys");
    for (std::size_t i = 1; i < on.handovers.size(); ++i)
    {
        if (on.handovers[i][outcome] == "completed")
        {
            BOOST_TEST(on.handovers[i][keys] == "agree");
        }
    }
    // the user guide's statistic counts what the records call completed
    for (const Run* r : {&off, &on})
    {
        BOOST_TEST_REQUIRE(r->summary.size() == 2u);
        BOOST_TEST(r->summary[1][Column(r->summary, "handover_end_ok")] ==
                   r->summary[1][Column(r->summary, "completed")]);
    }
    BOOST_TEST(off.summary[1][Column(off.summary, "security_bytes")] == "0");
    BOOST_TEST(std::stoul(on.summary[1][Column(on.summary, "security_bytes")]) > 0u);
}

BOOST_AUTO_TEST_CASE(bad_arguments_are_refused)
{
    std::string err;
    BOOST_TEST(RunProgram("lte-security-ns3-reference --algorithm=a5", err) != 0);
    BOOST_TEST(err.find("--algorithm") != std::string::npos);
    BOOST_TEST(RunProgram("lte-security-ns3-reference --traffic=ftp", err) != 0);
    BOOST_TEST(err.find("--traffic") != std::string::npos);
    BOOST_TEST(RunProgram("lte-security-ns3-reference --density=0", err) != 0);
    BOOST_TEST(err.find("--density") != std::string::npos);
    BOOST_TEST(RunProgram("lte-security-ns3-reference --s1apLink=0 --scheme=seed", err) != 0);
    BOOST_TEST(err.find("--s1apLink") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
