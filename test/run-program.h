// Runs a program of the build (the examples) from a test: its exit status and its stderr.
#ifndef LTE_SEC_RUN_PROGRAM_H
#define LTE_SEC_RUN_PROGRAM_H

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

/// Runs "<bin dir>/<args>" with stdout discarded; \return its exit status, \p err its stderr
inline int
RunProgram(const std::string& args, std::string& err)
{
    std::string file = "/tmp/lte-sec-program-" + std::to_string(::getpid()) + ".err";
    int rc =
        std::system((std::string(LTESEC_BIN_DIR) + "/" + args + " >/dev/null 2>" + file).c_str());
    std::ifstream in(file);
    std::stringstream ss;
    ss << in.rdbuf();
    err = ss.str();
    std::remove(file.c_str());
    return rc;
}

#endif
