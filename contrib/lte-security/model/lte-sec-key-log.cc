/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-key-log.h"

#include "ns3/abort.h"
#include "ns3/simulator.h"

namespace ns3
{

LteSecKeyLog::LteSecKeyLog(const std::string& path)
    : m_out(path, std::ios::trunc)
{
    NS_ABORT_MSG_IF(!m_out, "KeyLogFile: cannot open '" << path << "' for writing");
    m_out << "# time_s entity imsi rnti key hex\n";
}

void
LteSecKeyLog::Write(const std::string& entity,
                    uint64_t imsi,
                    uint16_t rnti,
                    const std::string& key,
                    const std::string& hex)
{
    m_out << Simulator::Now().GetSeconds() << " " << entity << " " << imsi << " " << rnti << " "
          << key << " " << hex << "\n";
    m_out.flush();
}

} // namespace ns3
