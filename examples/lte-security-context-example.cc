/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * One UE's security context from KASME to the RRC/UP keys, as MME, eNB and UE each hold it, and
 * the key refresh of a handover to a new C-RNTI. Prints key fingerprints, never keys.
 *
 *   lte-security-context-example [--kasme=HEX] [--ulNasCount=N] [--rnti=N] [--targetRnti=N]
 *                                [--eeaPriority=eea2,eea1,...] [--eiaPriority=eia2,...]
 *                                [--ueEea=eea0,eea1,eea2,eea3] [--ueEia=eia1,eia2,eia3]
 */
#include "ns3/core-module.h"
#include "ns3/lte-sec-context.h"

#include <iostream>

using namespace ns3;
using namespace ns3::ltesec;

int
main(int argc, char* argv[])
{
    std::string kasmeHex = "6144c681d1bea9dae1b8cf6cd10a686341db8046a1e7a9ab4d1ea0e33c994ac0";
    uint32_t ulNasCount = 0;
    uint16_t rnti = 1;
    uint16_t targetRnti = 2;
    std::string eeaPriority = "eea2,eea1,eea3,eea0";
    std::string eiaPriority = "eia2,eia1,eia3";
    std::string ueEea = "eea0,eea1,eea2,eea3";
    std::string ueEia = "eia1,eia2,eia3";

    CommandLine cmd(__FILE__);
    cmd.AddValue("kasme", "KASME of the UE, 64 hex digits", kasmeHex);
    cmd.AddValue("ulNasCount", "uplink NAS COUNT for the KeNB derivation", ulNasCount);
    cmd.AddValue("rnti", "C-RNTI in the source cell", rnti);
    cmd.AddValue("targetRnti", "C-RNTI the target cell allocates", targetRnti);
    cmd.AddValue("eeaPriority", "eNB ciphering priority list", eeaPriority);
    cmd.AddValue("eiaPriority", "eNB integrity priority list", eiaPriority);
    cmd.AddValue("ueEea", "EEA the UE supports", ueEea);
    cmd.AddValue("ueEia", "EIA the UE supports", ueEia);
    cmd.Parse(argc, argv);

    MmeUeSecurityContext mme;
    UeSecurityContext ue;
    EnbUeSecurityContext enb;
    try
    {
        mme.nas.kasme = Kasme::FromHex(kasmeHex, "--kasme");
        mme.ueCapabilities = UeSecurityCapabilities::FromLists(ueEea, ueEia);
        auto eeas = ParseEeaList(eeaPriority, "--eeaPriority");
        auto eias = ParseEiaList(eiaPriority, "--eiaPriority");

        // MME: KeNB at initial context setup
        mme.nas.ulNasCount = ulNasCount;
        enb.kenb = mme.DeriveInitialKenb();
        enb.ueCapabilities = mme.ueCapabilities;
        // eNB: AS security mode command
        if (!SelectAlgorithm(eeas, enb.ueCapabilities, enb.algorithms.ciphering) ||
            !SelectAlgorithm(eias, enb.ueCapabilities, enb.algorithms.integrity))
        {
            NS_FATAL_ERROR("no algorithm of the eNB's priority lists is supported by the UE");
        }
        enb.cRnti = rnti;
        enb.RefreshKeys(AsKeyScheme::SEED_CRNTI_REFRESH);
        // UE: same derivations from its own KASME
        ue.capabilities = mme.ueCapabilities;
        ue.nas.kasme = mme.nas.kasme;
        ue.nas.ulNasCount = ulNasCount;
        ue.DeriveInitialKenb();
        ue.algorithms = enb.algorithms;
        ue.cRnti = rnti;
        ue.RefreshKeys(AsKeyScheme::SEED_CRNTI_REFRESH);
    }
    catch (const std::invalid_argument& e)
    {
        NS_FATAL_ERROR(e.what());
    }

    auto row = [](const std::string& what, const std::string& a, const std::string& b) {
        std::cout << "  " << what << std::string(10 - what.size(), ' ') << " eNB " << a << "  UE "
                  << b << (a == b ? "  agree" : "  DIFFER") << "\n";
    };
    std::cout << "Initial AS security (C-RNTI " << rnti << ", " << EeaName(enb.algorithms.ciphering)
              << "/" << EiaName(enb.algorithms.integrity) << ")\n";
    row("KeNB", enb.kenb.Fingerprint(), ue.kenb.Fingerprint());
    row("KRRCenc", enb.keys.rrcEnc.Fingerprint(), ue.keys.rrcEnc.Fingerprint());
    row("KRRCint", enb.keys.rrcInt.Fingerprint(), ue.keys.rrcInt.Fingerprint());
    row("KUPenc", enb.keys.upEnc.Fingerprint(), ue.keys.upEnc.Fingerprint());

    // Handover: KeNB forwarded unchanged, keys refreshed from the target's new C-RNTI.
    EnbUeSecurityContext target;
    target.kenb = enb.kenb;
    target.ueCapabilities = enb.ueCapabilities;
    target.algorithms = enb.algorithms;
    target.cRnti = targetRnti;
    target.RefreshKeys(AsKeyScheme::SEED_CRNTI_REFRESH);
    ue.cRnti = targetRnti;
    ue.RefreshKeys(AsKeyScheme::SEED_CRNTI_REFRESH);
    std::cout << "After handover (new C-RNTI " << targetRnti << ", KeNB forwarded unchanged)\n";
    row("KeNB", target.kenb.Fingerprint(), ue.kenb.Fingerprint());
    row("KRRCenc", target.keys.rrcEnc.Fingerprint(), ue.keys.rrcEnc.Fingerprint());
    row("KRRCint", target.keys.rrcInt.Fingerprint(), ue.keys.rrcInt.Fingerprint());
    row("KUPenc", target.keys.upEnc.Fingerprint(), ue.keys.upEnc.Fingerprint());
    bool fresh = target.keys.rrcEnc != enb.keys.rrcEnc && target.keys.rrcInt != enb.keys.rrcInt &&
                 target.keys.upEnc != enb.keys.upEnc;
    std::cout << "RRC/UP keys refreshed: " << (fresh ? "yes" : "NO") << "\n";
    return (ue.keys == target.keys && fresh) ? 0 : 1;
}
