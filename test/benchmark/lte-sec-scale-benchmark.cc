// Scale of the 3GPP macro scenario: runs examples/lte-security-macro (19 sites / 57 cells by
// default) with several UE counts, security off and on alternating (off, on, then on, off, ...),
// each run a separate process; prints per UE count the wall and CPU time per simulated second,
// peak memory, the on/off ratios, how the cost grows with the UEs, and the memory that security
// adds per UE: the heap in use at the end of a run (every UE connected, its eNB, UE and MME
// security contexts alive), security on minus off, per UE and as the slope over the UE counts
// (which removes fixed costs such as OpenSSL's own tables), and the same from the peak memory.
// The heap figure of those runs mixes two radio realisations (UMa draws LOS/NLOS lazily, so
// security on and off draw differently: other packets are in flight at the end); the security
// state section measures it again on a radio that does not depend on the draws (--propagation=
// uma-los --errorModels=0, --stateTime simulated seconds, 0: skip), where on and off make the
// same handovers and only the security state and the security bytes of packets differ.
//
//   lte-sec-scale-benchmark [--ues 57,114,228] [--simTime 2] [--rounds 1] [--stateTime 1]
//                           [-- MACRO ARGUMENTS...]
#include "benchmark-process.h"

#include <sstream>

namespace
{

std::vector<int>
ParseList(const std::string& s)
{
    std::vector<int> v;
    std::stringstream ss(s);
    std::string item;
    while (std::getline(ss, item, ','))
    {
        int n = std::atoi(item.c_str());
        if (n < 1)
        {
            std::fprintf(stderr,
                         "benchmark: --ues: '%s' is not a positive UE count\n",
                         item.c_str());
            std::exit(2);
        }
        v.push_back(n);
    }
    return v;
}

/// \return the heap bytes in use that lte-security-macro --heapReport=1 printed
double
HeapBytes(const std::string& out)
{
    double heap = 0;
    size_t at = out.find("heap in use at the end: ");
    if (at != std::string::npos)
    {
        std::sscanf(out.c_str() + at, "heap in use at the end: %lf bytes", &heap);
    }
    return heap;
}

/// \return the handover attempts that lte-security-macro's summary line printed (-1: none)
int
Attempts(const std::string& out)
{
    int attempts = -1;
    size_t at = out.find(" handover attempts");
    if (at != std::string::npos)
    {
        size_t start = out.rfind(' ', at - 1);
        attempts = std::atoi(out.c_str() + start + 1);
    }
    return attempts;
}

/// \return the arguments of a run of the 19-site macro scenario with \p n UEs
std::vector<std::string>
MacroArgs(int n,
          const std::string& simTime,
          const std::string& prefix,
          const std::vector<std::string>& extra)
{
    std::vector<std::string> a = {"--sites=19",
                                  "--numUes=" + std::to_string(n),
                                  "--simTime=" + simTime,
                                  "--prefix=" + prefix,
                                  "--heapReport=1"};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
}

struct Point
{
    int ues;
    double wallOff, wallOn, cpuOff, cpuOn, memOff, memOn, ratio, cpuRatio, heapOff, heapOn;
};

} // namespace

int
main(int argc, char** argv)
{
    int rounds = 1;
    std::string ues = "57,114,228";
    std::string simTime = "2";
    std::string stateTime = "1";
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i)
    {
        std::string a = argv[i];
        if (a == "--rounds" && i + 1 < argc)
        {
            rounds = std::max(1, std::atoi(argv[++i]));
        }
        else if (a == "--ues" && i + 1 < argc)
        {
            ues = argv[++i];
        }
        else if (a == "--simTime" && i + 1 < argc)
        {
            simTime = argv[++i];
        }
        else if (a == "--stateTime" && i + 1 < argc)
        {
            stateTime = argv[++i];
        }
        else if (a == "--")
        {
            args.assign(argv + i + 1, argv + argc);
            break;
        }
        else
        {
            std::fprintf(stderr,
                         "usage: %s [--ues 57,114,228] [--simTime 2] [--rounds 1] [--stateTime 1] "
                         "[-- lte-security-macro arguments]\n",
                         argv[0]);
            return 2;
        }
    }
    double sim = std::atof(simTime.c_str());
    if (!(sim > 0))
    {
        std::fprintf(stderr,
                     "benchmark: --simTime: '%s' is not a positive time\n",
                     simTime.c_str());
        return 2;
    }
    std::string exe = SelfDir() + "/lte-security-macro";
    std::string prefix = "/tmp/lte-sec-scale-" + std::to_string(getpid());

    std::vector<Point> points;
    for (int n : ParseList(ues))
    {
        std::vector<double> tOff, tOn, cOff, cOn, mOff, mOn, ratios, cpuRatios, hOff, hOn;
        for (int r = 0; r < rounds; ++r)
        {
            OffOnSample sample = RunOffOn(exe, MacroArgs(n, simTime, prefix, args), r);
            const ProcessSample& on = sample.on;
            const ProcessSample& off = sample.off;
            tOff.push_back(off.seconds);
            tOn.push_back(on.seconds);
            cOff.push_back(off.cpuSeconds);
            cOn.push_back(on.cpuSeconds);
            mOff.push_back(off.maxRssKb);
            mOn.push_back(on.maxRssKb);
            hOff.push_back(HeapBytes(off.out));
            hOn.push_back(HeapBytes(on.out));
            ratios.push_back(on.seconds / off.seconds);
            cpuRatios.push_back(on.cpuSeconds / off.cpuSeconds);
            std::printf("%d UEs, round %d: off %.1f s %ld kB, on %.1f s %ld kB\n",
                        n,
                        r + 1,
                        off.seconds,
                        off.maxRssKb,
                        on.seconds,
                        on.maxRssKb);
            std::fflush(stdout);
        }
        points.push_back({n,
                          Median(tOff),
                          Median(tOn),
                          Median(cOff),
                          Median(cOn),
                          Median(mOff),
                          Median(mOn),
                          Median(ratios),
                          Median(cpuRatios),
                          Median(hOff),
                          Median(hOn)});
    }
    std::remove((prefix + "-handovers.csv").c_str());
    std::remove((prefix + "-summary.csv").c_str());

    std::printf("\nscenario: lte-security-macro --sites=19 --simTime=%s", simTime.c_str());
    for (const auto& a : args)
    {
        std::printf(" %s", a.c_str());
    }
    std::printf("\n%6s | %14s %14s %6s | %14s %14s %6s | %10s %10s %6s | %12s | %12s\n",
                "UEs",
                "wall/sim off",
                "wall/sim on",
                "ratio",
                "CPU/sim off",
                "CPU/sim on",
                "ratio",
                "peak off",
                "peak on",
                "ratio",
                "CPU/UE/sim",
                "sec. heap/UE");
    for (const auto& p : points)
    {
        std::printf("%6d | %12.1f s %12.1f s %6.3f | %12.1f s %12.1f s %6.3f | %7.0f MB %7.0f MB "
                    "%6.3f | %10.3f s | %10.0f B\n",
                    p.ues,
                    p.wallOff / sim,
                    p.wallOn / sim,
                    p.ratio,
                    p.cpuOff / sim,
                    p.cpuOn / sim,
                    p.cpuRatio,
                    p.memOff / 1024,
                    p.memOn / 1024,
                    p.memOn / p.memOff,
                    p.cpuOn / sim / p.ues,
                    (p.heapOn - p.heapOff) / p.ues);
    }
    for (size_t i = 1; i < points.size(); ++i)
    {
        const Point& a = points[i - 1];
        const Point& b = points[i];
        double growth = (b.cpuOff / a.cpuOff) / (double(b.ues) / a.ues);
        double perUe = ((b.memOn - b.memOff) - (a.memOn - a.memOff)) * 1024.0 / (b.ues - a.ues);
        double heapPerUe = ((b.heapOn - b.heapOff) - (a.heapOn - a.heapOff)) / (b.ues - a.ues);
        std::printf("%d -> %d UEs: CPU time x%.2f (x%.2f per UE, 1 = linear); security adds "
                    "%.0f bytes of heap in use and %.0f bytes of peak memory per added UE\n",
                    a.ues,
                    b.ues,
                    b.cpuOff / a.cpuOff,
                    growth,
                    heapPerUe,
                    perUe);
    }
    std::printf("(medians of %d alternating round(s); time ratios = medians of per-round "
                "ratios)\n",
                rounds);

    double state = std::atof(stateTime.c_str());
    if (state > 0)
    {
        std::printf("\nsecurity state: --propagation=uma-los --errorModels=0 --simTime=%s, heap in "
                    "use at the end, on minus off\n%6s | %12s %12s | %12s | %9s %9s\n",
                    stateTime.c_str(),
                    "UEs",
                    "heap off",
                    "heap on",
                    "per UE",
                    "HOs off",
                    "HOs on");
        std::vector<std::pair<int, double>> added;
        for (int n : ParseList(ues))
        {
            std::vector<std::string> base = MacroArgs(n, stateTime, prefix, args);
            base.push_back("--propagation=uma-los");
            base.push_back("--errorModels=0");
            OffOnSample sample = RunOffOn(exe, base, 0);
            double off = HeapBytes(sample.off.out);
            double on = HeapBytes(sample.on.out);
            added.emplace_back(n, on - off);
            std::printf("%6d | %10.0f B %10.0f B | %10.0f B | %9d %9d\n",
                        n,
                        off,
                        on,
                        (on - off) / n,
                        Attempts(sample.off.out),
                        Attempts(sample.on.out));
            std::fflush(stdout);
        }
        for (size_t i = 1; i < added.size(); ++i)
        {
            std::printf("%d -> %d UEs: security adds %.0f bytes of heap in use per added UE\n",
                        added[i - 1].first,
                        added[i].first,
                        (added[i].second - added[i - 1].second) /
                            (added[i].first - added[i - 1].first));
        }
        std::remove((prefix + "-handovers.csv").c_str());
        std::remove((prefix + "-summary.csv").c_str());
    }
    return 0;
}
