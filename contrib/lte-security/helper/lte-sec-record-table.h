/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef LTE_SEC_RECORD_TABLE_H
#define LTE_SEC_RECORD_TABLE_H

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup lte-security
 * One typed value of a row of the module's tables (a handover record, a run's summary, a
 * scenario's knobs): what both the CSV and the SQLite writers take.
 */
struct LteSecField
{
    /// The SQLite column type
    enum Type
    {
        INTEGER,
        REAL,
        TEXT
    };

    std::string name; ///< the column
    Type type{TEXT};
    int64_t integer{0};
    double real{0};
    /// REAL in CSV: decimals in fixed notation, or -1 for the stream's default notation
    int precision{3};
    std::string text;

    /// \return an INTEGER field
    static LteSecField Integer(const std::string& name, int64_t value);
    /// \return a REAL field written with \p precision decimals in CSV (-1: default notation)
    static LteSecField Real(const std::string& name, double value, int precision = 3);
    /// \return a TEXT field
    static LteSecField Text(const std::string& name, const std::string& value);
    /// \return the value as a CSV cell (a text with a comma or a quote is quoted, RFC 4180)
    std::string Csv() const;
};

/// A row: fields in column order
using LteSecRow = std::vector<LteSecField>;

/// \return the column names of \p row as a CSV header line (no newline)
std::string LteSecCsvHeader(const LteSecRow& row);

/// \return the values of \p row as a CSV line (no newline)
std::string LteSecCsvLine(const LteSecRow& row);

/// \return whether this ns-3 build has SQLite (its stats module's SQLiteOutput)
bool LteSecHaveSqlite();

/**
 * Writes \p rows to the table \p table of the SQLite database \p path (created if missing), in
 * one transaction, with ns-3's SQLiteOutput: the table is made from the first row's columns and
 * types, replacing a table of that name. Every row must have the first row's columns. Aborts
 * naming the file and the table if SQLite fails, the rows differ, or ns-3 has no SQLite.
 */
void LteSecWriteSqlite(const std::string& path,
                       const std::string& table,
                       const std::vector<LteSecRow>& rows);

} // namespace ns3

#endif /* LTE_SEC_RECORD_TABLE_H */
