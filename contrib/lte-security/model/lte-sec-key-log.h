/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_KEY_LOG_H
#define LTE_SEC_KEY_LOG_H

#include "lte-sec-context.h"

#include "ns3/ptr.h"
#include "ns3/simple-ref-count.h"
#include "ns3/traced-callback.h"

#include <cstdint>
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
    /// Opens (truncates) \p path with mode 0600 (also a file that existed, whatever the umask);
    /// aborts naming the file if it cannot be written.
    explicit LteSecKeyLog(const std::string& path);
    ~LteSecKeyLog();
    LteSecKeyLog(const LteSecKeyLog&) = delete;
    LteSecKeyLog& operator=(const LteSecKeyLog&) = delete;

    /// Appends one line.
    void Write(const std::string& entity,
               uint64_t imsi,
               uint16_t rnti,
               const std::string& key,
               const std::string& hex);

  private:
    /// Writes all of \p text; aborts naming the file on an error.
    void WriteAll(const std::string& text);

    std::string m_path; ///< for error messages
    int m_fd{-1};       ///< the file, opened with open(2)
};

/// TracedCallback type of the KeyDerivation trace sources: IMSI, cell, C-RNTI, key, fingerprint.
using KeyDerivationTrace =
    TracedCallback<uint64_t, uint16_t, uint16_t, const std::string&, const std::string&>;

/**
 * Reports KeNB and the three AS keys of a context: their fingerprints to \p trace (key names carry
 * the algorithm, e.g. "KRRCint(eia2)") and, if \p keyLog is set, their values to the key log.
 */
void ReportAsKeys(const KeyDerivationTrace& trace,
                  const Ptr<LteSecKeyLog>& keyLog,
                  const std::string& entity,
                  uint64_t imsi,
                  uint16_t cellId,
                  uint16_t rnti,
                  const ltesec::Kenb& kenb,
                  const ltesec::AsAlgorithms& algorithms,
                  const ltesec::AsKeys& keys);

} // namespace ns3

#endif /* LTE_SEC_KEY_LOG_H */
