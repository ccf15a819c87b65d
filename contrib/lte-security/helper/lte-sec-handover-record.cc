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

void
LteSecHandoverRecorder::WriteCsv(std::ostream& os) const
{
    os << "start_s,imsi,type,source_cell,target_cell,source_mme,target_mme,outcome,as_keys,nas,"
          "latency_ms,scheme,source_site,target_site,same_site,ue_speed_mps,preparation_ms,"
          "execution_ms,interruption_ms,failure_stage,recovery,recovery_ms,recovery_bytes,"
          "recovery_security_bytes";
    for (const std::string& i : Interfaces())
    {
        os << "," << i << "_messages," << i << "_bytes," << i << "_security_bytes";
    }
    os << "\n";
    for (const auto& r : m_records)
    {
        os << std::fixed << std::setprecision(6) << r.start << "," << r.imsi << "," << r.type << ","
           << r.sourceCell << "," << r.targetCell << "," << r.sourceMme << "," << r.targetMme << ","
           << r.outcome << "," << r.asKeys << "," << r.nas << "," << std::setprecision(3)
           << r.LatencyMs() << "," << r.scheme << "," << r.sourceSite << "," << r.targetSite << ","
           << r.SameSite() << "," << r.ueSpeed << "," << r.PreparationMs() << "," << r.ExecutionMs()
           << "," << r.InterruptionMs() << "," << r.FailureStage() << "," << r.recovery << ","
           << r.RecoveryMs() << "," << r.recoveryBytes << "," << r.recoverySecurityBytes;
        for (const std::string& i : Interfaces())
        {
            auto get = [&i](const std::map<std::string, uint32_t>& m) {
                auto it = m.find(i);
                return it == m.end() ? 0u : it->second;
            };
            os << "," << get(r.messages) << "," << get(r.bytes) << "," << get(r.securityBytes);
        }
        os << "\n";
    }
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

void
LteSecHandoverRecorder::WriteSummaryCsv(std::ostream& os, const LteSecRunSummary& s, bool header)
{
    if (header)
    {
        os << "scheme,ues,seconds,attempts,completed,failed,no_command,no_random_access,"
              "no_confirm,rlf_during_handover,rlfs,ping_pongs,same_site,"
              "reattaches,security_bytes,reattach_security_bytes,handovers_per_ue_s,"
              "ping_pong_rate,failure_rate,security_bytes_per_handover,"
              "security_bytes_per_ue_s\n";
    }
    os << s.scheme << "," << s.ues << "," << std::fixed << std::setprecision(3) << s.seconds << ","
       << s.attempts << "," << s.completed << "," << s.failed << "," << s.noCommand << ","
       << s.noRandomAccess << "," << s.noConfirm << "," << s.rlfDuring << "," << s.rlfs << ","
       << s.pingPongs << "," << s.sameSite << "," << s.reattaches << "," << s.securityBytes << ","
       << s.reattachSecurityBytes << "," << std::setprecision(6) << s.HandoverRate() << ","
       << s.PingPongRate() << "," << s.FailureRate() << "," << std::setprecision(3)
       << s.SecurityBytesPerHandover() << "," << s.SecurityBytesPerUeSecond() << "\n";
}

} // namespace ns3
