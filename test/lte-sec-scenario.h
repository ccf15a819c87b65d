// A small, deterministic X2 handover scenario for the tests and the benchmark: two eNBs 100 m
// apart, UEs between them, handovers requested at fixed times (ns-3's real PHY, MAC, RLC, X2).
#ifndef LTESEC_TEST_SCENARIO_H
#define LTESEC_TEST_SCENARIO_H

#include "ns3/lte-sec-handover-recorder.h"
#include "ns3/lte-sec-key-audit.h"
#include "ns3/lte-sec-nas-adversary.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ltesec_test
{

struct ScenarioConfig
{
    bool security{true};
    bool idealRrc{false};
    uint16_t numUes{1};
    std::vector<double> handoverTimes{1.0}; ///< each one moves every UE to the other eNB
    double simTime{2.0};
    std::string eeaPriority[2]{"eea2,eea1,eea3,eea0", "eea2,eea1,eea3,eea0"}; ///< per eNB
    std::string eiaPriority[2]{"eia2,eia1,eia3", "eia2,eia1,eia3"};
    std::string ueEea{"eea0,eea1,eea2,eea3"};
    std::string ueEia{"eia0,eia1,eia2,eia3"};
    bool tamperTarget{false};              ///< the second eNB corrupts every KeNB it receives
    bool kasmeMismatch{false};             ///< the MME holds another KASME for IMSI 1 than the UE
    bool onlyTargetSecure{false};          ///< the module only on the second eNB (not on the UEs)
    bool refreshNonce{false};              ///< targets add a random number to the key refresh
    bool traffic{true};                    ///< UDP downlink and uplink for every UE
    bool allowNullIntegrity{false};        ///< eNBs and UEs accept EIA0
    bool targetAllowsNullIntegrity{false}; ///< the second eNB may select EIA0 (the UEs not)
    uint32_t joiningTimeoutMs{0}; ///< LteEnbRrc::HandoverJoiningTimeoutDuration (0: ns-3's)
    std::string bidDownEea;       ///< the first eNB forwards these EEAs as the UE's capabilities
    bool twoCellEnb{false};       ///< one eNB with two cells (carrier aggregation), intra-eNB HO
    bool dedicatedBearer{false};  ///< a second (dedicated) bearer per UE, released at 0.8 s
    bool noX2{false};             ///< no X2 interface between the two eNBs
    bool s1apLink{true};          ///< S1-AP on a link (S1 handover where X2 is missing)
    bool forceS1Handover{false};  ///< hand over by S1 even where X2 exists
    bool kenbInHandoverRequired{true}; ///< S1: the source adds KeNB to HANDOVER REQUIRED
    bool twoMmes{false}; ///< the second eNB in the pool area of a second MME (no X2 across)
    /// garbage sent to the MMEs' S1-MME and S10 ports during the handover (from an eNB's node)
    bool injectGarbage{false};
    bool targetRefuses{false}; ///< the second eNB admits no handover (AdmitHandoverRequest)
    std::string mmeNasEia[2]{"eia2,eia1,eia3", "eia2,eia1,eia3"}; ///< NasEiaPriority per MME
    bool tamperNasMac[2]{false, false};                           ///< TamperNasMac per MME
    bool replayDlNasCount[2]{false, false};                       ///< ReplayDlNasCount per MME
    std::string scheme{"seed"};                                   ///< LteSecurityHelper::Scheme
    std::string mmeScheme; ///< the MMEs use this scheme instead (a core out of step; empty: none)
    bool tamperCommandNcc{false}; ///< the second eNB announces NCC + 1 in its handover commands
    bool audit{false};            ///< run LteSecKeyAudit (ScenarioResult::audit)
    bool nasMessages{false};      ///< LteSecurityHelper::NasMessages
    std::string nasAlgorithmChange{"ts33401"}; ///< LteSecurityHelper::NasAlgorithmChange
    std::vector<double> tauTimes; ///< every UE sends a TRACKING AREA UPDATE REQUEST at these
    double nasReplayAt{0};        ///< > 0: the replay adversary on IMSI 1 at MME 0 replays then
    /// > 0: UE 0 sends these bytes as a NAS message then (EpcUeNas::SendNasMessage) and every
    /// MME echoes what it gets back to the UE (no NAS security model needed)
    double rawNasAt{0};
    std::vector<uint8_t> rawNas{0x07, 0x48, 0x00};
    /// the second eNB 2500 m away, the UEs near the first, 3 preamble transmissions: every
    /// handover towards the second eNB fails in the random access
    bool farTarget{false};
    /// LteUeRrc::ReestablishmentOnHandoverFailure and LteEnbRrc::KeepContextForReestablishment
    bool reestablishment{false};
    std::string reestablishmentKeys{"reuse"}; ///< LteSecurityHelper::ReestablishmentKeys
    bool tamperShortMacI{false};              ///< the UEs send a wrong shortMAC-I
    bool recorder{false}; ///< an LteSecHandoverRecorder on the run (ScenarioResult::records)
    uint32_t seed{1};
    uint32_t run{1};
};

struct HandoverResult
{
    uint64_t imsi{0};
    uint16_t source{0};
    uint16_t target{0};
    uint16_t rnti{0};
    bool completed{false};                      ///< HandoverEndOk at the target
    std::map<std::string, std::string> enbKeys; ///< key name (with algorithm) -> fingerprint
    std::map<std::string, std::string> ueKeys;
};

struct ScenarioResult
{
    std::vector<ns3::LteSecHandoverRecord> records; ///< the recorder's (ScenarioConfig::recorder)
    std::vector<HandoverResult> handovers;          ///< in start order
    uint32_t handoverFailures{0};                   ///< HandoverFailure* traces at any eNB
    uint32_t noX2Failures{0};                       ///< HandoverFailureNoX2 at any eNB
    uint32_t integrityFailures{0};                  ///< IntegrityFailure at any eNB or UE
    uint32_t decipheringFailures{0};                ///< DecipheringFailure at any eNB or UE
    uint32_t handoversRejected{0};                  ///< HandoverRejected at any eNB
    uint32_t keyReuses{0};                          ///< KeyReuse at any UE
    std::vector<std::string> reusedKeys; ///< the keys of each KeyReuse ("KRRCenc,KUPenc")
    uint32_t commandsRejected{0};        ///< CommandRejected at any UE
    uint32_t capabilityMismatches{0};    ///< CapabilityMismatch at any eNB
    uint32_t pdusDiscarded{0};           ///< PduDiscarded at any PDCP entity
    /// keys the UE derived at initial security activation: IMSI -> key name -> fingerprint
    std::map<uint64_t, std::map<std::string, std::string>> initialUeKeys;
    /// lcids of the PDCP entities the eNB model holds per IMSI at the end
    std::map<uint64_t, std::vector<uint8_t>> enbPdcpLcids;
    /// lcids of the PDCP entities the UE model holds per IMSI at the end
    std::map<uint64_t, std::vector<uint8_t>> uePdcpLcids;
    std::vector<uint32_t> x2HandoverRequestBytes; ///< UDP payload of each X2 HANDOVER REQUEST
    /// S1AP messages sent (eNBs and MME, S1apTx traces): (name, S1AP-PDU bytes), in order
    std::vector<std::pair<std::string, uint32_t>> s1apMessages;
    uint64_t s1apLinkBytes{0}; ///< UDP payload on port 36412 seen on the point-to-point links
    uint64_t s10LinkBytes{0};  ///< GTPv2-C Forward Relocation messages seen on the links
    uint32_t s1apMalformed{0}; ///< S1apMalformed at any eNB or MME
    /// S10 messages sent between the MMEs (S10Tx traces): (name, bytes), in order
    std::vector<std::pair<std::string, uint32_t>> s10Messages;
    uint32_t s10Malformed{0}; ///< S10Malformed at any MME
    /// per MME (index), its NAS security context of IMSI 1 at the end, as text (empty: none):
    /// KSI, algorithms, uplink COUNT, KASME and KNASint fingerprints
    std::vector<std::string> mmeNasContexts;
    std::vector<uint32_t> mmeDlNasCounts; ///< per MME, its downlink NAS COUNT of IMSI 1
    std::string ueNasContext;             ///< the UE of IMSI 1: KSI, algorithms, KNASint
    uint32_t ueDlNasCount{0};             ///< the next downlink NAS COUNT it accepts
    std::vector<std::string> nasChanges;  ///< NasSecurityChanged at the UEs: "eea2/eia1 0"

    std::vector<uint8_t> handoverNccs; ///< HandoverKey at the targets: the command's NCC, in order
    std::vector<uint32_t> nhSteps;     ///< NhSync at the UEs: NH derivations per handover command
    /// LteSecKeyAudit's findings, by property ("backward security (compromised target)", ...)
    std::map<std::string, ns3::LteSecAuditFinding> audit;
    uint32_t auditEpochs{0}; ///< key epochs the audit recorded
    std::vector<std::pair<std::string, uint32_t>> securityMessages; ///< (message, bytes)
    uint64_t dlRxBytes{0};                                          ///< received by the UEs' sinks
    uint64_t ulRxBytes{0};           ///< received by the remote host's sinks
    std::vector<std::string> events; ///< every trace, timestamped (for determinism)
    /// NAS messages of the NAS security models, in order: "UE sent TRACKING AREA UPDATE
    /// REQUEST 1", "MME0 checked SECURITY MODE COMPLETE 0 accepted", "UE checked  0 replay"
    std::vector<std::string> nasEvents;
    /// the replay adversary's messages (nasReplayAt), with what their receivers found
    std::vector<ns3::LteSecNasReplayAdversary::Replay> nasReplays;
    uint32_t nasRecorded{0};                       ///< messages the adversary recorded at MME 0
    std::vector<std::vector<uint8_t>> rawNasAtMme; ///< rawNasAt: what the MMEs received
    std::vector<std::vector<uint8_t>> rawNasAtUe;  ///< rawNasAt: what UE 0 received
};

/// Runs the scenario and returns what the traces saw. Destroys the simulator at the end.
ScenarioResult RunScenario(const ScenarioConfig& config);

/// The keys each handover refreshes, as the KeyDerivation traces name them (with an algorithm)
extern const char* const KEY_NAMES[4];

/// \return "name=fingerprint" of the key whose name starts with \p prefix, or "missing prefix"
std::string Fp(const std::map<std::string, std::string>& keys, const std::string& prefix);

} // namespace ltesec_test

#endif
