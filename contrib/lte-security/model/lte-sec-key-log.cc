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
