// The trace sinks of the test scenario: one function per trace source RunScenario connects, each
// writing what it saw into the run's ScenarioResult (events, handovers, keys, bytes on the links).
#ifndef LTESEC_TEST_SCENARIO_SINKS_H
#define LTESEC_TEST_SCENARIO_SINKS_H

#include "lte-sec-scenario.h"

#include "ns3/address.h"
#include "ns3/epc-mme-application.h"
#include "ns3/epc-s10-message.h"
#include "ns3/epc-s1ap-pdu.h"
#include "ns3/packet.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ltesec_test
{
namespace sinks
{

using ns3::Address;
using ns3::EpcMmeApplication;
using ns3::EpcS10Message;
using ns3::EpcS1apMessage;
using ns3::Packet;
using ns3::Ptr;

/// The sinks write into \p result until EndRun()
void BeginRun(ScenarioResult* result);
/// The run is over: the sinks write nowhere
void EndRun();

std::string Now();

void Event(const std::string& e);

HandoverResult* Open(uint64_t imsi, uint16_t target);

void HandoverStart(uint64_t imsi, uint16_t cellId, uint16_t rnti, uint16_t target);

void HandoverEndOk(uint64_t imsi, uint16_t cellId, uint16_t rnti);

void HandoverFailure(uint64_t imsi, uint16_t rnti, uint16_t cellId);

/// "<what> imsi cell rnti" (re-establishment traces of the UE and eNB RRC)
void UeRrcEvent(std::string what, uint64_t imsi, uint16_t cellId, uint16_t rnti);

void ReestablishmentRejected(uint64_t imsi,
                             uint16_t cellId,
                             uint16_t rnti,
                             const std::string& reason);

void HandoverFailureNoX2(uint64_t imsi, uint16_t rnti, uint16_t cellId);

void EnbKey(uint64_t imsi,
            uint16_t cellId,
            uint16_t rnti,
            const std::string& key,
            const std::string& fp);

void UeKey(uint64_t imsi,
           uint16_t cellId,
           uint16_t rnti,
           const std::string& key,
           const std::string& fp);

void IntegrityFailure(uint64_t imsi, uint16_t rnti, uint8_t lcid, uint32_t count);

void DecipheringFailure(uint64_t imsi, uint16_t rnti, uint8_t lcid, uint32_t count);

void HandoverRejected(uint64_t imsi, uint16_t source, const std::string& reason);

void KeyReuse(uint64_t imsi, uint16_t cellId, uint16_t rnti, const std::string& keys);

void CommandRejected(uint64_t imsi, uint16_t cellId, const std::string& reason);

void CapabilityMismatch(uint64_t imsi,
                        uint16_t cellId,
                        const std::string& got,
                        const std::string& mme);

void PduDiscarded(uint64_t imsi,
                  uint16_t rnti,
                  uint8_t lcid,
                  uint32_t count,
                  const std::string& why);

void SecurityMessage(const std::string& interface,
                     const std::string& msg,
                     uint64_t imsi,
                     uint32_t n);

void X2Tx(Ptr<const Packet> p);

void S1apTx(const EpcS1apMessage& msg, uint32_t bytes);

void S1apMalformed(const std::string& error, uint32_t bytes);

/// Counts the S1AP-PDUs on a point-to-point link (MacTx sees them with their PPP header).
void S1mmeTx(Ptr<const Packet> p);

void OnHandoverKey(uint64_t imsi,
                   uint16_t cellId,
                   uint16_t rnti,
                   const std::string& scheme,
                   uint8_t ncc,
                   const std::string& path);

void OnNhSync(uint64_t imsi, uint16_t pci, uint8_t ncc, uint32_t steps);

void NasSent(std::string who,
             uint64_t imsi,
             const std::string& message,
             uint32_t count,
             uint32_t bytes,
             uint32_t securityBytes);

void MmeNasSent(std::string who,
                uint64_t imsi,
                const std::string& message,
                uint32_t count,
                uint32_t bytes,
                uint32_t securityBytes,
                const std::vector<uint8_t>& /* pdu */);

void NasChecked(std::string who,
                uint64_t imsi,
                const std::string& message,
                uint32_t count,
                const std::string& outcome,
                const std::vector<uint8_t>& pdu);

void RawNasAtMme(Ptr<EpcMmeApplication> mme, uint64_t imsi, std::vector<uint8_t> pdu);

void RawNasAtUe(std::vector<uint8_t> pdu);

void NasSecurityChanged(uint64_t imsi, const std::string& algorithms, uint32_t count);

void S10Tx(const EpcS10Message& msg, uint32_t bytes);

void S10Malformed(const std::string& error, uint32_t bytes);

void DlRx(Ptr<const Packet> p, const Address&);

void UlRx(Ptr<const Packet> p, const Address&);

} // namespace sinks
} // namespace ltesec_test

#endif /* LTESEC_TEST_SCENARIO_SINKS_H */
