/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

// The eNB security model's part in S1-AP: the security IEs of INITIAL CONTEXT
// SETUP, PATH SWITCH and S1 handover, decoded and encoded with the codecs of
// lte-sec-wire.

#include "lte-sec-enb-rrc.h"
#include "lte-sec-mme.h"
#include "lte-sec-wire.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/lte-enb-rrc.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("LteSecEnbS1");

using namespace ltesec;

namespace
{

std::vector<uint8_t>
ToVector(const SecurityBytes& bytes)
{
    return std::vector<uint8_t>(bytes.begin(), bytes.end());
}

SecurityBytes
ToSecurityBytes(const std::vector<uint8_t>& bytes)
{
    return SecurityBytes(bytes.begin(), bytes.end());
}

} // namespace

void
LteSecEnbRrc::InitialContextSetup(uint16_t rnti,
                                  uint64_t imsi,
                                  const SecurityBytes& ueSecurityCapabilities,
                                  const SecurityBytes& securityKey)
{
    NS_LOG_FUNCTION(this << rnti << imsi);
    if (ueSecurityCapabilities.empty() && securityKey.empty())
    {
        // no S1-AP (LTE without EPC): the MME model is asked directly
        NS_ABORT_MSG_IF(!m_mme, "LteSecEnbRrc of cell " << m_cellId << " has no MME model");
        UeSecurityCapabilities caps;
        Kenb kenb = m_mme->InitialContextSetup(imsi, caps);
        StartSecurity(rnti, imsi, kenb, caps);
        return;
    }
    S1apUeSecurityCapabilities caps;
    std::string error;
    if (!caps.DecodeValue(ToVector(ueSecurityCapabilities), error) ||
        securityKey.size() != Kenb::SIZE)
    {
        if (error.empty())
        {
            error = "Security Key of " + std::to_string(securityKey.size()) + " bytes";
        }
        // fail closed: the UE gets no security context, so no protected bearer
        NS_LOG_WARN("cell " << m_cellId << " IMSI " << imsi
                            << ": INITIAL CONTEXT SETUP REQUEST rejected: " << error);
        m_handoverRejectedTrace(imsi, m_cellId, "INITIAL CONTEXT SETUP REQUEST: " + error);
        return;
    }
    Kenb kenb;
    std::memcpy(kenb.Data(), securityKey.data(), Kenb::SIZE);
    NS_ABORT_MSG_IF(
        std::all_of(securityKey.begin(), securityKey.end(), [](uint8_t b) { return b == 0; }) &&
            (caps.capabilities.eea & 0x7f) == 0 && caps.capabilities.eia == 0,
        "cell " << m_cellId << ": the MME sent no security context for IMSI " << imsi
                << ": install LteSecurityHelper on every UE that attaches to an eNB "
                   "with security");
    StartSecurity(rnti, imsi, kenb, caps.capabilities);
}

SecurityBytes
LteSecEnbRrc::PrepareS1Handover(uint16_t rnti, uint64_t imsi, uint16_t targetCellId)
{
    NS_LOG_FUNCTION(this << rnti << imsi << targetCellId);
    auto it = m_ues.find(rnti);
    if (it == m_ues.end() || it->second.phase != Phase::ACTIVE)
    {
        return {};
    }
    // the seed: the source forwards KeNB unchanged, here to the MME (the MME may use its own)
    HandoverKey key = m_scheme->SourceS1(it->second.ctx, targetCellId);
    if (!key.present || (!m_kenbInHandoverRequired && m_scheme->SourceS1KeyOptional()))
    {
        return {};
    }
    S1apSecurityContext ie;
    ie.ncc = key.ncc & 0x07;
    ie.nh = Nh::From(key.key);
    m_securityMessageTrace("S1-MME", "HANDOVER REQUIRED", imsi, S1apSecurityContext::IE_SIZE);
    return ToSecurityBytes(ie.EncodeValue());
}

bool
LteSecEnbRrc::AdmitS1Handover(uint16_t rnti,
                              uint64_t imsi,
                              uint16_t sourceCellId,
                              uint16_t targetCellId,
                              const SecurityBytes& securityContext,
                              const SecurityBytes& ueSecurityCapabilities,
                              const SecurityBytes& nasSecurityParameters)
{
    NS_LOG_FUNCTION(this << rnti << imsi << sourceCellId << targetCellId);
    S1apSecurityContext context;
    S1apUeSecurityCapabilities caps;
    S1apNasSecurityParameters nas;
    std::string error;
    if (!context.DecodeValue(ToVector(securityContext), error) ||
        !caps.DecodeValue(ToVector(ueSecurityCapabilities), error) ||
        !nas.DecodeValue(ToVector(nasSecurityParameters), error))
    {
        NS_LOG_WARN("cell " << targetCellId << ": S1 handover of IMSI " << imsi
                            << " rejected: " << error);
        m_handoverRejectedTrace(imsi, sourceCellId, error);
        m_ues.erase(rnti);
        return false;
    }
    if (m_scheme->PreparesThroughMme() && nas.freshInput.empty())
    {
        m_handoverRejectedTrace(imsi,
                                sourceCellId,
                                "HANDOVER REQUEST without the MME's fresh input (scheme " +
                                    m_scheme->GetName() + ")");
        m_ues.erase(rnti);
        return false;
    }
    // the scheme's key in the Security Context: KeNB (seed), NH (TS 33.401), the target's KeNB
    // (alternatives 1 and 2), with alternative 1's fresh input
    if (!Admit(rnti,
               imsi,
               sourceCellId,
               targetCellId,
               HandoverKey{true, Kenb::From(context.nh), context.ncc, nas.freshInput},
               true,
               caps.capabilities,
               nullptr))
    {
        return false;
    }
    m_ues.at(rnti).nasContainer = nas.nasContainer;
    return true;
}

SecurityBytes
LteSecEnbRrc::GetUeSecurityCapabilities(uint16_t rnti)
{
    auto it = m_ues.find(rnti);
    if (it == m_ues.end())
    {
        return {};
    }
    S1apUeSecurityCapabilities ie;
    ie.capabilities = it->second.ctx.ueCapabilities;
    m_securityMessageTrace("S1-MME",
                           "PATH SWITCH REQUEST",
                           it->second.imsi,
                           S1apUeSecurityCapabilities::IE_SIZE);
    return ToSecurityBytes(ie.EncodeValue());
}

void
LteSecEnbRrc::HandoverCompleted(uint16_t rnti,
                                const SecurityBytes& securityContext,
                                const SecurityBytes& ueSecurityCapabilities)
{
    auto it = m_ues.find(rnti);
    if (it == m_ues.end() || it->second.phase != Phase::HANDOVER_ADMITTED)
    {
        return;
    }
    it->second.phase = Phase::ACTIVE;
    if (securityContext.empty() && ueSecurityCapabilities.empty())
    {
        bool s1 = m_rrc && m_rrc->HasUeManager(rnti) && m_rrc->GetUeManager(rnti)->IsS1Handover();
        if (m_mme && !s1)
        {
            // no S1-AP (LTE without EPC): the MME model is asked directly
            HandoverKey key;
            UeSecurityCapabilities stored =
                m_mme->PathSwitch(it->second.imsi, it->second.ctx.ueCapabilities, key);
            m_scheme->TargetPathSwitchAcknowledged(it->second.ctx, key);
            CheckCapabilitiesAtPathSwitch(rnti, stored);
        }
        return; // S1 handover: the capabilities came from the MME
    }
    S1apUeSecurityCapabilities caps;
    S1apSecurityContext context;
    std::string error;
    if (!context.DecodeValue(ToVector(securityContext), error) ||
        (!ueSecurityCapabilities.empty() &&
         !caps.DecodeValue(ToVector(ueSecurityCapabilities), error)))
    {
        NS_LOG_WARN("cell " << it->second.cellId << " IMSI " << it->second.imsi
                            << ": PATH SWITCH REQUEST ACKNOWLEDGE: " << error);
        m_handoverRejectedTrace(it->second.imsi,
                                it->second.cellId,
                                "PATH SWITCH REQUEST ACKNOWLEDGE: " + error);
        return;
    }
    m_scheme->TargetPathSwitchAcknowledged(it->second.ctx,
                                           HandoverKey{true, Kenb::From(context.nh), context.ncc});
    if (!ueSecurityCapabilities.empty())
    {
        CheckCapabilitiesAtPathSwitch(rnti, caps.capabilities);
    }
}

void
LteSecEnbRrc::CheckCapabilitiesAtPathSwitch(uint16_t rnti, const UeSecurityCapabilities& stored)
{
    UeEntry& ue = m_ues.at(rnti);
    // TS 33.401 7.2.4.2.2: the PATH SWITCH REQUEST carries the capabilities the
    // target received, the MME compares them with its own copy and returns that
    // copy.
    UeSecurityCapabilities received = ue.ctx.ueCapabilities;
    // S1AP carries no bit for EEA0 and EIA0: compare the rest
    if ((stored.eea & 0x7f) == (received.eea & 0x7f) &&
        (stored.eia & 0x7f) == (received.eia & 0x7f))
    {
        return;
    }
    auto text = [](const UeSecurityCapabilities& c) { return c.EeaList() + "/" + c.EiaList(); };
    NS_LOG_WARN("cell " << ue.cellId << " IMSI " << ue.imsi << ": capabilities from the source ("
                        << text(received) << ") differ from the MME's (" << text(stored) << ")");
    m_capabilityMismatchTrace(ue.imsi, ue.cellId, text(received), text(stored));
    ue.ctx.ueCapabilities = stored;
    AsAlgorithms reselected;
    if (!SelectAlgorithms(stored, reselected) || reselected == ue.ctx.algorithms)
    {
        return;
    }
    // new algorithms take an intra-cell handover (TS 33.401 7.2.4.2.2), keys
    // refreshed with them
    NS_LOG_INFO("IMSI " << ue.imsi << ": intra-cell handover to " << reselected.ciphering << "/"
                        << reselected.integrity);
    m_forced[ue.imsi] = reselected;
    Simulator::ScheduleNow(&LteSecEnbRrc::StartIntraCellHandover, this, rnti, ue.imsi, 0);
}

} // namespace ns3
