/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-key-log.h"

#include "ns3/abort.h"
#include "ns3/simulator.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace ns3
{

LteSecKeyLog::LteSecKeyLog(const std::string& path)
    : m_path(path)
{
    // open(2), not a stream: the file holds keys. It is created 0600 whatever the umask; a regular
    // file that existed is narrowed to 0600 by fchmod before it is truncated and written (a
    // device or pipe such as /dev/stdout is left as it is).
    m_fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, S_IRUSR | S_IWUSR);
    NS_ABORT_MSG_IF(m_fd < 0,
                    "KeyLogFile: cannot open '" << path
                                                << "' for writing: " << std::strerror(errno));

    struct stat st; // filled by fstat
    NS_ABORT_MSG_IF(::fstat(m_fd, &st) != 0 ||
                        (S_ISREG(st.st_mode) &&
                         (::fchmod(m_fd, S_IRUSR | S_IWUSR) != 0 || ::ftruncate(m_fd, 0) != 0)),
                    "KeyLogFile: cannot make '"
                        << path << "' private (mode 0600) and empty: " << std::strerror(errno));
    WriteAll("# time_s entity imsi rnti key hex\n");
}

LteSecKeyLog::~LteSecKeyLog()
{
    if (m_fd >= 0)
    {
        ::close(m_fd);
    }
}

void
LteSecKeyLog::WriteAll(const std::string& text)
{
    const char* p = text.data();
    std::size_t left = text.size();
    while (left > 0)
    {
        ssize_t n = ::write(m_fd, p, left);
        if (n < 0 && errno == EINTR)
        {
            continue;
        }
        NS_ABORT_MSG_IF(n <= 0,
                        "KeyLogFile: cannot write to '" << m_path << "': " << std::strerror(errno));
        p += n;
        left -= static_cast<std::size_t>(n);
    }
}

void
LteSecKeyLog::Write(const std::string& entity,
                    uint64_t imsi,
                    uint16_t rnti,
                    const std::string& key,
                    const std::string& hex)
{
    std::ostringstream line;
    line << Simulator::Now().GetSeconds() << " " << entity << " " << imsi << " " << rnti << " "
         << key << " " << hex << "\n";
    std::string text = line.str();
    WriteAll(text); // unbuffered: every line is in the file when Write returns
    ltesec::SecureWipe(text.data(), text.size());
}

void
ReportAsKeys(const KeyDerivationTrace& trace,
             const Ptr<LteSecKeyLog>& keyLog,
             const std::string& entity,
             uint64_t imsi,
             uint16_t cellId,
             uint16_t rnti,
             const ltesec::Kenb& kenb,
             const ltesec::AsAlgorithms& algorithms,
             const ltesec::AsKeys& keys)
{
    std::string eea = ltesec::EeaName(algorithms.ciphering);
    std::string eia = ltesec::EiaName(algorithms.integrity);

    struct Named
    {
        std::string name;
        const uint8_t* data;
        std::size_t size;
    };

    const Named all[] = {
        {"KeNB", kenb.Data(), ltesec::Kenb::SIZE},
        {"KRRCenc(" + eea + ")", keys.rrcEnc.Data(), ltesec::AlgKey::SIZE},
        {"KRRCint(" + eia + ")", keys.rrcInt.Data(), ltesec::AlgKey::SIZE},
        {"KUPenc(" + eea + ")", keys.upEnc.Data(), ltesec::AlgKey::SIZE},
    };
    for (const auto& k : all)
    {
        trace(imsi, cellId, rnti, k.name, ltesec::KeyFingerprint(k.data, k.size));
        if (keyLog)
        {
            keyLog->Write(entity, imsi, rnti, k.name, ltesec::ToHex(k.data, k.size));
        }
    }
}

} // namespace ns3
