/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * The module's tables as CSV and as SQLite (ns-3's SQLiteOutput, when ns-3 has SQLite).
 */

#include "lte-sec-record-table.h"

#include "ns3/fatal-error.h"

#include <fstream>
#include <iomanip>
#include <sstream>

#ifdef HAVE_SQLITE3
#include "ns3/sqlite-output.h"
#endif

namespace ns3
{

LteSecField
LteSecField::Integer(const std::string& name, int64_t value)
{
    LteSecField f;
    f.name = name;
    f.type = INTEGER;
    f.integer = value;
    return f;
}

LteSecField
LteSecField::Real(const std::string& name, double value, int precision)
{
    LteSecField f;
    f.name = name;
    f.type = REAL;
    f.real = value;
    f.precision = precision;
    return f;
}

LteSecField
LteSecField::Text(const std::string& name, const std::string& value)
{
    LteSecField f;
    f.name = name;
    f.type = TEXT;
    f.text = value;
    return f;
}

std::string
LteSecField::Csv() const
{
    std::ostringstream os;
    switch (type)
    {
    case INTEGER:
        os << integer;
        break;
    case REAL:
        if (precision >= 0)
        {
            os << std::fixed << std::setprecision(precision);
        }
        os << real;
        break;
    case TEXT:
        if (text.find_first_of(",\"\n") == std::string::npos)
        {
            return text;
        }
        os << '"';
        for (char c : text)
        {
            os << (c == '"' ? "\"\"" : std::string(1, c));
        }
        os << '"';
        break;
    }
    return os.str();
}

std::string
LteSecCsvHeader(const LteSecRow& row)
{
    std::string line;
    for (const LteSecField& f : row)
    {
        line += (line.empty() ? "" : ",") + f.name;
    }
    return line;
}

std::string
LteSecCsvLine(const LteSecRow& row)
{
    std::string line;
    bool first = true;
    for (const LteSecField& f : row)
    {
        line += (first ? "" : ",") + f.Csv();
        first = false;
    }
    return line;
}

bool
LteSecHaveSqlite()
{
#ifdef HAVE_SQLITE3
    return true;
#else
    return false;
#endif
}

#ifdef HAVE_SQLITE3
namespace
{

/// \return \p name as an SQL identifier (column names such as "S1-MME_bytes" need quotes)
std::string
Quoted(const std::string& name)
{
    std::string q = "\"";
    for (char c : name)
    {
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return q + "\"";
}

const char*
SqlType(LteSecField::Type t)
{
    return t == LteSecField::INTEGER ? "INTEGER" : (t == LteSecField::REAL ? "REAL" : "TEXT");
}

} // namespace
#endif

void
LteSecWriteSqlite(const std::string& path,
                  const std::string& table,
                  const std::vector<LteSecRow>& rows)
{
#ifdef HAVE_SQLITE3
    std::string where = "SQLite database " + path + ", table " + table;
    {
        // SQLiteOutput aborts without naming the file: find out first
        std::ofstream probe(path, std::ios::app);
        if (!probe)
        {
            NS_FATAL_ERROR(where << ": cannot write the file");
        }
    }
    SQLiteOutput db(path);
    auto exec = [&db, &where](const std::string& sql) {
        if (!db.SpinExec(sql))
        {
            NS_FATAL_ERROR(where << ": '" << sql << "' failed");
        }
    };
    exec("BEGIN TRANSACTION");
    exec("DROP TABLE IF EXISTS " + Quoted(table));
    if (rows.empty())
    {
        exec("COMMIT");
        return;
    }
    const LteSecRow& first = rows.front();
    std::string create = "CREATE TABLE " + Quoted(table) + " (";
    std::string insert = "INSERT INTO " + Quoted(table) + " VALUES (";
    for (std::size_t i = 0; i < first.size(); i++)
    {
        create += (i ? ", " : "") + Quoted(first[i].name) + " " + SqlType(first[i].type);
        insert += i ? ", ?" : "?";
    }
    exec(create + ")");
    sqlite3_stmt* stmt = nullptr;
    if (!db.SpinPrepare(&stmt, insert + ")"))
    {
        NS_FATAL_ERROR(where << ": cannot prepare the insert");
    }
    for (std::size_t r = 0; r < rows.size(); r++)
    {
        const LteSecRow& row = rows[r];
        if (LteSecCsvHeader(row) != LteSecCsvHeader(first))
        {
            SQLiteOutput::SpinFinalize(stmt);
            NS_FATAL_ERROR(where << ": row " << r << " has other columns than the first");
        }
        bool bound = true;
        for (std::size_t i = 0; i < row.size(); i++)
        {
            int pos = static_cast<int>(i) + 1;
            const LteSecField& f = row[i];
            if (f.type == LteSecField::INTEGER)
            {
                long v = f.integer;
                bound = bound && db.Bind(stmt, pos, v);
            }
            else if (f.type == LteSecField::REAL)
            {
                bound = bound && db.Bind(stmt, pos, f.real);
            }
            else
            {
                bound = bound && db.Bind(stmt, pos, f.text); // lives until the step
            }
        }
        int rc = SQLiteOutput::SpinStep(stmt);
        if (!bound || rc != SQLITE_DONE)
        {
            SQLiteOutput::SpinFinalize(stmt);
            NS_FATAL_ERROR(where << ": inserting row " << r << " failed");
        }
        SQLiteOutput::SpinReset(stmt);
    }
    SQLiteOutput::SpinFinalize(stmt);
    exec("COMMIT");
#else
    NS_FATAL_ERROR("SQLite database " << path << ", table " << table
                                      << ": this ns-3 was built without SQLite (NS3_SQLITE)");
#endif
}

} // namespace ns3
