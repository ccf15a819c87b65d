// Cost of security in the handover scenario: runs examples/lte-security-x2-handover with security
// off and on, alternating (off, on, on, off, ...), each run a separate process; prints the median
// wall time and peak memory of each and their ratios (on / off).
//
//   lte-sec-handover-benchmark [--rounds N] [-- EXAMPLE ARGUMENTS...]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace
{

struct Sample
{
    double seconds;    ///< wall time
    double cpuSeconds; ///< user + system time of the run
    long maxRssKb;
};

std::string
SelfDir()
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
    if (n <= 0)
    {
        return ".";
    }
    std::string p(buf, n);
    return p.substr(0, p.rfind('/'));
}

Sample
RunOnce(const std::string& exe, const std::vector<std::string>& args, bool security)
{
    std::vector<std::string> argv = {exe,
                                     "--quiet=1",
                                     "--csv=none",
                                     std::string("--security=") + (security ? "1" : "0")};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> cargv;
    for (auto& a : argv)
    {
        cargv.push_back(a.data());
    }
    cargv.push_back(nullptr);
    auto start = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid == 0)
    {
        int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, 1);
        execv(exe.c_str(), cargv.data());
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    wait4(pid, &status, 0, &ru);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    {
        std::fprintf(stderr, "benchmark: %s failed (status %d)\n", exe.c_str(), status);
        std::exit(1);
    }
    double cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec +
                 ru.ru_stime.tv_usec / 1e6;
    return {secs, cpu, ru.ru_maxrss};
}

double
Median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

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
    for (int r = 0; r < rounds; ++r)
    {
        bool onFirst = r % 2 == 1;
        Sample a = RunOnce(exe, args, onFirst);
        Sample b = RunOnce(exe, args, !onFirst);
        const Sample& on = onFirst ? a : b;
        const Sample& off = onFirst ? b : a;
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
