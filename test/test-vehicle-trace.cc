// Urban vehicles (scenario 4): the vehicle trace loader maps the trace's $node_(i) to the i-th
// UE whatever nodes exist before them, at the positions the trace gives; the committed SUMO trace
// loads whole; a short urban run's records agree with the links; bad traces stop with a message.
#include "lte-sec-macro-scenario.h"
#include "run-program.h"

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

using namespace ns3;

namespace
{

const std::string kTwoVehicles = std::string(LTESEC_VECTOR_DIR) + "/two-vehicles.ns2";
const std::string kUrbanTrace = std::string(LTESEC_TRACE_DIR) + "/urban-grid-7sites.ns2";

struct Sample
{
    double t;
    uint32_t ue;
    Vector expected;
};

} // namespace

BOOST_AUTO_TEST_SUITE(vehicles)

/// A known 2-vehicle trace on UEs created after five other nodes (as eNBs and the EPC are):
/// vehicle i moves UE i (ns-3's Install() would move the nodes with global ids 0 and 1), to the
/// positions and velocities the trace implies; the nodes before and a third UE stay unmoved.
BOOST_AUTO_TEST_CASE(trace_nodes_map_to_ues)
{
    NodeContainer others;
    others.Create(5);
    NodeContainer ues;
    ues.Create(3);
    BOOST_TEST(CountVehicleTraceNodes(kTwoVehicles) == 2u);
    BOOST_TEST(InstallVehicleTrace(kTwoVehicles, ues) == 2u);
    for (uint32_t i = 0; i < others.GetN(); ++i)
    {
        BOOST_TEST(!others.Get(i)->GetObject<MobilityModel>());
    }
    BOOST_TEST(!ues.Get(2)->GetObject<MobilityModel>());

    const std::vector<Sample> samples{
        {0.5, 0, Vector(-100, 20, 1.5)},
        {1.5, 0, Vector(-95, 20, 1.5)},
        {2.5, 0, Vector(-85, 20, 1.5)},
        {3.5, 0, Vector(-80, 30, 1.5)},
        {4.5, 0, Vector(-80, 40, 1.5)},
        {0.5, 1, Vector(300, -250, 1.5)},
        {2.5, 1, Vector(300, -243, 1.5)},
        {4.5, 1, Vector(300, -236, 1.5)},
    };
    std::vector<Vector> seen(samples.size());
    std::vector<Vector> velocity(samples.size());
    for (uint32_t k = 0; k < samples.size(); ++k)
    {
        Simulator::Schedule(Seconds(samples[k].t), [k, &samples, &seen, &velocity, &ues]() {
            Ptr<MobilityModel> m = ues.Get(samples[k].ue)->GetObject<MobilityModel>();
            seen[k] = m->GetPosition();
            velocity[k] = m->GetVelocity();
        });
    }
    Simulator::Stop(Seconds(5));
    Simulator::Run();
    for (uint32_t k = 0; k < samples.size(); ++k)
    {
        BOOST_TEST_CONTEXT("UE " << samples[k].ue << " at " << samples[k].t << " s")
        {
            BOOST_TEST(CalculateDistance(seen[k], samples[k].expected) < 1e-6);
        }
    }
    BOOST_TEST(CalculateDistance(velocity[3], Vector(0, 20, 0)) < 1e-6); // north at 20 m/s
    BOOST_TEST(CalculateDistance(velocity[6], Vector(0, 14, 0)) < 1e-6);
    BOOST_TEST(velocity[4].GetLength() < 1e-6); // arrived, parked
    Simulator::Destroy();
}

/// The committed SUMO trace: 61 vehicles, each UE at its vehicle's first position at 0 s, every
/// position inside the 1.5 km street grid centred on the centre site.
BOOST_AUTO_TEST_CASE(committed_sumo_trace_loads_whole)
{
    uint32_t n = CountVehicleTraceNodes(kUrbanTrace);
    BOOST_TEST(n == 61u);
    std::map<uint32_t, Vector> first;
    std::ifstream in(kUrbanTrace);
    std::string line;
    while (std::getline(in, line))
    {
        uint32_t id;
        char axis;
        double v;
        if (std::sscanf(line.c_str(), "$node_(%u) set %c_ %lf", &id, &axis, &v) == 3)
        {
            (axis == 'X' ? first[id].x : axis == 'Y' ? first[id].y : first[id].z) = v;
        }
    }
    BOOST_TEST_REQUIRE(first.size() == n);
    NodeContainer ues;
    ues.Create(n);
    InstallVehicleTrace(kUrbanTrace, ues);
    std::vector<Vector> at0(n);
    Simulator::Schedule(Seconds(0), [&]() {
        for (uint32_t i = 0; i < n; ++i)
        {
            at0[i] = ues.Get(i)->GetObject<MobilityModel>()->GetPosition();
        }
    });
    double extent = 0;
    for (double t = 1; t <= 30; t += 1)
    {
        Simulator::Schedule(Seconds(t), [&]() {
            for (uint32_t i = 0; i < n; ++i)
            {
                Vector p = ues.Get(i)->GetObject<MobilityModel>()->GetPosition();
                extent = std::max({extent, std::abs(p.x), std::abs(p.y)});
            }
        });
    }
    Simulator::Stop(Seconds(30.5));
    Simulator::Run();
    for (uint32_t i = 0; i < n; ++i)
    {
        BOOST_TEST_CONTEXT("UE " << i)
        {
            BOOST_TEST(CalculateDistance(at0[i], first[i]) < 1e-6);
            BOOST_TEST(at0[i].z == 1.5);
        }
    }
    BOOST_TEST(extent <= 760.0);
    BOOST_TEST(extent > 600.0);
    Simulator::Destroy();
}

/// A short urban run (7 sites, 30 vehicles, 3 s): handovers happen, completed ones have agreeing
/// keys, the vehicles' speeds are the trace's (no UE above SUMO's 50 km/h limit and its spread).
BOOST_AUTO_TEST_CASE(short_urban_run)
{
    MacroScenarioConfig c;
    c.scenario = "urban";
    c.sites = 7;
    c.numUes = 30;
    c.simTime = 3;
    c.trace = kUrbanTrace;
    MacroScenario s = RunMacroScenario(c);
    const auto& records = s.recorder->GetRecords();
    BOOST_TEST(records.size() > 0u);
    uint32_t completed = 0;
    for (const auto& r : records)
    {
        BOOST_TEST(r.ueSpeed <= 13.89 * 1.25);
        if (r.outcome == "completed")
        {
            ++completed;
            BOOST_TEST(r.asKeys == "agree");
        }
    }
    BOOST_TEST(completed > 0u);
    Simulator::Destroy();
}

/// Bad traces and impossible counts stop the program at once, naming the file and line.
BOOST_AUTO_TEST_CASE(bad_traces_are_refused)
{
    std::string bad = "/tmp/lte-sec-bad-trace-" + std::to_string(::getpid()) + ".ns2";
    {
        std::ofstream out(bad);
        out << "$node_(0) set X_ 1.0\n$node_(0) set Y_ two\n";
    }
    std::string err;
    BOOST_TEST(RunProgram("lte-security-urban-vehicles --trace=" + bad, err) != 0);
    BOOST_TEST(err.find("line 2: not an ns-2 mobility line") != std::string::npos);
    BOOST_TEST(RunProgram("lte-security-urban-vehicles --trace=/nonexistent.ns2", err) != 0);
    BOOST_TEST(err.find("'/nonexistent.ns2': cannot be read") != std::string::npos);
    BOOST_TEST(RunProgram("lte-security-urban-vehicles --numUes=100", err) != 0);
    BOOST_TEST(err.find("100 UEs, but the trace") != std::string::npos);
    std::remove(bad.c_str());
}

BOOST_AUTO_TEST_SUITE_END()
