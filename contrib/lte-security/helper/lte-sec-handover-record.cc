/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * What a handover record and a run's summary say (latencies, rates, failure stage, recovery),
 * and how they are written (text, CSV).
 */

#include "lte-sec-handover-recorder.h"

#include <iomanip>

namespace ns3
{
double
LteSecHandoverRecord::LatencyMs() const
{
    return confirm < 0 ? -1 : (confirm - start) * 1000;
}

double
LteSecHandoverRecord::PreparationMs() const
{
    return command < 0 ? -1 : (command - start) * 1000;
}

double
LteSecHandoverRecord::ExecutionMs() const
{
    return command < 0 || confirm < 0 ? -1 : (confirm - command) * 1000;
}

double
LteSecHandoverRecord::InterruptionMs() const
{
    return command < 0 || outcome != "completed" ? -1 : (end - command) * 1000;
}

double
LteSecHandoverRecord::RecoveryMs() const
{
    return recovered < 0 || end < 0 ? -1 : (recovered - end) * 1000;
}

bool
LteSecHandoverRecord::SameSite() const
{
    return sourceSite == targetSite;
}

std::string
LteSecHandoverRecord::FailureStage() const
{
    if (outcome == "completed" || outcome == "started")
    {
        return "";
    }
    return command < 0 ? "no command at the UE"
                       : (confirm < 0 ? "no random access" : "no confirm at the target");
}

double
LteSecRunSummary::HandoverRate() const
{
    return ues && seconds > 0 ? completed / (ues * seconds) : 0;
}

double
LteSecRunSummary::PingPongRate() const
{
    return completed ? double(pingPongs) / completed : 0;
}

double
LteSecRunSummary::FailureRate() const
{
    return attempts ? double(failed + rlfDuring) / attempts : 0;
}

double
LteSecRunSummary::SecurityBytesPerHandover() const
{
    return attempts ? double(securityBytes) / attempts : 0;
}

double
LteSecRunSummary::SecurityBytesPerUeSecond() const
{
    return ues && seconds > 0 ? (securityBytes + reattachSecurityBytes) / (ues * seconds) : 0;
}

void
LteSecHandoverRecorder::Print(std::ostream& os, const LteSecHandoverRecord& r)
{
    os << std::fixed << std::setprecision(3) << r.start << " s  IMSI " << r.imsi << "  " << r.type
       << "  cell " << r.sourceCell << " -> " << r.targetCell << "  MME " << r.sourceMme << " -> "
       << r.targetMme << "  " << r.outcome << "  AS keys " << r.asKeys << "  NAS " << r.nas
       << "  latency " << std::setprecision(1) << r.LatencyMs() << " ms\n     bytes";
    for (const std::string& i : Interfaces())
    {
        auto b = r.bytes.find(i);
        auto s = r.securityBytes.find(i);
        uint32_t bytes = b == r.bytes.end() ? 0 : b->second;
        uint32_t sec = s == r.securityBytes.end() ? 0 : s->second;
        if (bytes)
        {
            os << "  " << i << " " << bytes << " (security " << sec << ")";
        }
        else if (sec)
        {
            os << "  " << i << " security " << sec; // Uu: the security fields only
        }
    }
    os << "\n";
}

LteSecRow
LteSecHandoverRecorder::RecordRow(const LteSecHandoverRecord& r)
{
    using F = LteSecField;
    LteSecRow row{F::Real("start_s", r.start, 6),
                  F::Integer("imsi", static_cast<int64_t>(r.imsi)),
                  F::Text("type", r.type),
                  F::Integer("source_cell", r.sourceCell),
                  F::Integer("target_cell", r.targetCell),
                  F::Integer("source_mme", r.sourceMme),
                  F::Integer("target_mme", r.targetMme),
                  F::Text("outcome", r.outcome),
                  F::Text("as_keys", r.asKeys),
                  F::Text("nas", r.nas),
                  F::Real("latency_ms", r.LatencyMs()),
                  F::Text("scheme", r.scheme),
                  F::Integer("source_site", r.sourceSite),
                  F::Integer("target_site", r.targetSite),
                  F::Integer("same_site", r.SameSite()),
                  F::Real("ue_speed_mps", r.ueSpeed),
                  F::Real("preparation_ms", r.PreparationMs()),
                  F::Real("execution_ms", r.ExecutionMs()),
                  F::Real("interruption_ms", r.InterruptionMs()),
                  F::Text("failure_stage", r.FailureStage()),
                  F::Text("recovery", r.recovery),
                  F::Real("recovery_ms", r.RecoveryMs()),
                  F::Integer("recovery_bytes", r.recoveryBytes),
                  F::Integer("recovery_security_bytes", r.recoverySecurityBytes)};
    for (const std::string& i : Interfaces())
    {
        auto get = [&i](const std::map<std::string, uint32_t>& m) {
            auto it = m.find(i);
            return it == m.end() ? 0u : it->second;
        };
        row.push_back(F::Integer(i + "_messages", get(r.messages)));
        row.push_back(F::Integer(i + "_bytes", get(r.bytes)));
        row.push_back(F::Integer(i + "_security_bytes", get(r.securityBytes)));
    }
    return row;
}

void
LteSecHandoverRecorder::WriteCsv(std::ostream& os) const
{
    os << LteSecCsvHeader(RecordRow(LteSecHandoverRecord())) << "\n";
    for (const auto& r : m_records)
    {
        os << LteSecCsvLine(RecordRow(r)) << "\n";
    }
}

void
LteSecHandoverRecorder::WriteSqlite(const std::string& path,
                                    const LteSecRow& lead,
                                    const std::string& table) const
{
    std::vector<LteSecRow> rows;
    for (const auto& r : m_records)
    {
        rows.push_back(lead);
        LteSecRow row = RecordRow(r);
        rows.back().insert(rows.back().end(), row.begin(), row.end());
    }
    LteSecWriteSqlite(path, table, rows);
}

LteSecRunSummary
LteSecHandoverRecorder::Summarise(uint32_t ues, double seconds) const
{
    LteSecRunSummary sum;
    sum.scheme = m_scheme;
    sum.ues = ues;
    sum.seconds = seconds;
    sum.rlfs = m_rlfs;
    std::map<uint64_t, const LteSecHandoverRecord*> last; // IMSI -> its last completed one
    for (const auto& r : m_records)
    {
        sum.attempts++;
        sum.sameSite += r.SameSite();
        sum.failed += r.outcome.rfind("failed", 0) == 0;
        sum.rlfDuring += r.outcome == "RLF";
        std::string stage = r.FailureStage();
        sum.noCommand += stage == "no command at the UE";
        sum.noRandomAccess += stage == "no random access";
        sum.noConfirm += stage == "no confirm at the target";
        for (const auto& b : r.securityBytes)
        {
            sum.securityBytes += b.second;
        }
        if (r.outcome != "completed")
        {
            continue;
        }
        sum.completed++;
        auto previous = last.find(r.imsi);
        // TR 36.839's ping-pong: back to the cell it left, within 1 s of arriving there
        if (previous != last.end() && r.targetCell == previous->second->sourceCell &&
            r.sourceCell == previous->second->targetCell && r.start - previous->second->end < 1.0)
        {
            sum.pingPongs++;
        }
        last[r.imsi] = &r;
    }
    for (const auto& s : m_initialSetups)
    {
        sum.reattaches += s.second > 1 ? s.second - 1 : 0;
    }
    sum.reattachSecurityBytes = m_reattachSecurityBytes;
    return sum;
}

LteSecRow
LteSecHandoverRecorder::SummaryRow(const LteSecRunSummary& s)
{
    using F = LteSecField;
    return {F::Text("scheme", s.scheme),
            F::Integer("ues", s.ues),
            F::Real("seconds", s.seconds),
            F::Integer("attempts", s.attempts),
            F::Integer("completed", s.completed),
            F::Integer("failed", s.failed),
            F::Integer("no_command", s.noCommand),
            F::Integer("no_random_access", s.noRandomAccess),
            F::Integer("no_confirm", s.noConfirm),
            F::Integer("rlf_during_handover", s.rlfDuring),
            F::Integer("rlfs", s.rlfs),
            F::Integer("ping_pongs", s.pingPongs),
            F::Integer("same_site", s.sameSite),
            F::Integer("reattaches", s.reattaches),
            F::Integer("security_bytes", static_cast<int64_t>(s.securityBytes)),
            F::Integer("reattach_security_bytes", static_cast<int64_t>(s.reattachSecurityBytes)),
            F::Real("handovers_per_ue_s", s.HandoverRate(), 6),
            F::Real("ping_pong_rate", s.PingPongRate(), 6),
            F::Real("failure_rate", s.FailureRate(), 6),
            F::Real("security_bytes_per_handover", s.SecurityBytesPerHandover()),
            F::Real("security_bytes_per_ue_s", s.SecurityBytesPerUeSecond())};
}

void
LteSecHandoverRecorder::WriteSummaryCsv(std::ostream& os, const LteSecRunSummary& s, bool header)
{
    LteSecRow row = SummaryRow(s);
    if (header)
    {
        os << LteSecCsvHeader(row) << "\n";
    }
    os << LteSecCsvLine(row) << "\n";
}

} // namespace ns3
