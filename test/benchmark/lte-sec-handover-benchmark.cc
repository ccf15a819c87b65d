// Cost of security in the handover scenario: runs examples/lte-security-x2-handover with security
// off and on, alternating (off, on, on, off, ...), each run a separate process; prints the median
// wall time and peak memory of each and their ratios (on / off).
//
//   lte-sec-handover-benchmark [--rounds N] [-- EXAMPLE ARGUMENTS...]
#include "benchmark-process.h"

int
main(int argc, char** argv)
{
    int rounds = 5;
    std::vector<std::string> args;
    for (int i = 1; i < argc; ++i)
    {
        std::string a = argv[i];
        if (a == "--rounds" && i + 1 < argc)
        {
            rounds = std::max(1, std::atoi(argv[++i]));
        }
        else if (a == "--")
        {
            args.assign(argv + i + 1, argv + argc);
            break;
        }
        else
        {
            std::fprintf(stderr, "usage: %s [--rounds N] [-- example arguments]\n", argv[0]);
            return 2;
        }
    }
    if (args.empty())
    {
        args = {"--numEnbs=3", "--numUes=6", "--speed=25"};
    }
    std::string exe = SelfDir() + "/lte-security-x2-handover";

    std::vector<double> tOff;
    std::vector<double> tOn;
    std::vector<double> mOff;
    std::vector<double> mOn;
    std::vector<double> ratios;
    std::vector<double> cpuRatios;
    std::vector<double> cOff;
    std::vector<double> cOn;
    std::vector<std::string> base = {"--quiet=1", "--csv=none"};
    base.insert(base.end(), args.begin(), args.end());
    for (int r = 0; r < rounds; ++r)
    {
        OffOnSample sample = RunOffOn(exe, base, r);
        const ProcessSample& on = sample.on;
        const ProcessSample& off = sample.off;
        tOn.push_back(on.seconds);
        tOff.push_back(off.seconds);
        mOn.push_back(on.maxRssKb);
        mOff.push_back(off.maxRssKb);
        ratios.push_back(on.seconds / off.seconds);
        cpuRatios.push_back(on.cpuSeconds / off.cpuSeconds);
        cOn.push_back(on.cpuSeconds);
        cOff.push_back(off.cpuSeconds);
        std::printf("round %d: off %.3f s %ld kB, on %.3f s %ld kB\n",
                    r + 1,
                    off.seconds,
                    off.maxRssKb,
                    on.seconds,
                    on.maxRssKb);
    }
    std::printf("scenario:");
    for (const auto& a : args)
    {
        std::printf(" %s", a.c_str());
    }
    std::printf("\n%-22s %12s %12s %8s\n", "", "security off", "security on", "ratio");
    std::printf("%-22s %12.3f %12.3f %8.3f\n",
                "wall time [s]",
                Median(tOff),
                Median(tOn),
                Median(ratios));
    std::printf("%-22s %12.3f %12.3f %8.3f\n",
                "CPU time [s]",
                Median(cOff),
                Median(cOn),
                Median(cpuRatios));
    std::printf("%-22s %12.0f %12.0f %8.3f\n",
                "peak memory [kB]",
                Median(mOff),
                Median(mOn),
                Median(mOn) / Median(mOff));
    std::printf("(medians of %d alternating rounds; time ratios = medians of per-round ratios)\n",
                rounds);
    return 0;
}
