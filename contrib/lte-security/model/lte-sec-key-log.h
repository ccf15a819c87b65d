/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_KEY_LOG_H
#define LTE_SEC_KEY_LOG_H

#include "ns3/simple-ref-count.h"

#include <cstdint>
#include <fstream>
#include <string>

namespace ns3
{

/**
 * \ingroup lte-security
 * A key log a user asked for (the helper's KeyLogFile attribute): one line per derived key,
 * "time_s entity imsi rnti key hex". Nothing else ever writes key material.
 */
class LteSecKeyLog : public SimpleRefCount<LteSecKeyLog>
{
  public:
    /// Opens (truncates) \p path; aborts naming the file if it cannot be written.
    explicit LteSecKeyLog(const std::string& path);

    /// Appends one line.
    void Write(const std::string& entity,
               uint64_t imsi,
               uint16_t rnti,
               const std::string& key,
               const std::string& hex);

  private:
    std::ofstream m_out;
};

} // namespace ns3

#endif /* LTE_SEC_KEY_LOG_H */
