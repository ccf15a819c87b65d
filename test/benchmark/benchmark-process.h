// What the benchmarks share: run a program of the build as a separate process and measure it.
#ifndef LTE_SEC_BENCHMARK_PROCESS_H
#define LTE_SEC_BENCHMARK_PROCESS_H

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

/// One run of a program
struct ProcessSample
{
    double seconds;    ///< wall time
    double cpuSeconds; ///< user + system time of the run
    long maxRssKb;     ///< peak resident memory
    std::string out;   ///< what it printed on stdout
};

/// \return the folder of this program (the build's bin folder)
inline std::string
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

/// Runs \p exe with \p args, waits for it; exits the benchmark if it fails
inline ProcessSample
RunProcess(const std::string& exe, std::vector<std::string> args)
{
    args.insert(args.begin(), exe);
    std::vector<char*> cargv;
    for (auto& a : args)
    {
        cargv.push_back(a.data());
    }
    cargv.push_back(nullptr);
    char outFile[] = "/tmp/lte-sec-benchmark-out-XXXXXX";
    int fd = mkstemp(outFile);
    auto start = std::chrono::steady_clock::now();
    pid_t pid = fork();
    if (pid == 0)
    {
        dup2(fd, 1);
        execv(exe.c_str(), cargv.data());
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    wait4(pid, &status, 0, &ru);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string out;
    if (FILE* f = std::fopen(outFile, "r"))
    {
        char buf[4096];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0)
        {
            out.append(buf, n);
        }
        std::fclose(f);
    }
    close(fd);
    std::remove(outFile);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    {
        std::fprintf(stderr, "benchmark: %s failed (status %d)\n", exe.c_str(), status);
        std::exit(1);
    }
    double cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec +
                 ru.ru_stime.tv_usec / 1e6;
    return {secs, cpu, ru.ru_maxrss, out};
}

/// One round of a benchmark: the same program with security off and on
struct OffOnSample
{
    ProcessSample off;
    ProcessSample on;
};

/**
 * Runs \p exe with \p args plus --security=0 and with --security=1, security off first in even
 * rounds and on first in odd ones (so that neither always runs on a warmer machine).
 */
inline OffOnSample
RunOffOn(const std::string& exe, const std::vector<std::string>& args, int round)
{
    bool onFirst = round % 2 == 1;
    auto run = [&](bool security) {
        std::vector<std::string> a = args;
        a.push_back(std::string("--security=") + (security ? "1" : "0"));
        return RunProcess(exe, a);
    };
    ProcessSample first = run(onFirst);
    ProcessSample second = run(!onFirst);
    return onFirst ? OffOnSample{second, first} : OffOnSample{first, second};
}

/// \return the median of \p v (not empty)
inline double
Median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

#endif
