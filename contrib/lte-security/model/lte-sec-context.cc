/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-context.h"

namespace ns3
{
namespace ltesec
{

AsKeys
DeriveAsKeys(AsKeyScheme scheme,
             const Kenb& kenb,
             const AsAlgorithms& algs,
             uint16_t cRnti,
             const std::vector<uint8_t>& nonce)
{
    uint8_t eea = static_cast<uint8_t>(algs.ciphering);
    uint8_t eia = static_cast<uint8_t>(algs.integrity);
    AsKeys k;
    if (scheme == AsKeyScheme::SEED_CRNTI_REFRESH)
    {
        k.rrcEnc = DeriveSeedAsKey(kenb, AlgKeyType::RRC_ENC, eea, cRnti, nonce);
        k.rrcInt = DeriveSeedAsKey(kenb, AlgKeyType::RRC_INT, eia, cRnti, nonce);
        k.upEnc = DeriveSeedAsKey(kenb, AlgKeyType::UP_ENC, eea, cRnti, nonce);
    }
    else
    {
        k.rrcEnc = DeriveAsKey(kenb, AlgKeyType::RRC_ENC, eea);
        k.rrcInt = DeriveAsKey(kenb, AlgKeyType::RRC_INT, eia);
        k.upEnc = DeriveAsKey(kenb, AlgKeyType::UP_ENC, eea);
    }
    return k;
}

template <typename Alg>
static bool
SelectFirst(const std::vector<Alg>& priority, const UeSecurityCapabilities& ue, Alg& out)
{
    for (Alg a : priority)
    {
        if (ue.Supports(a))
        {
            out = a;
            return true;
        }
    }
    return false;
}

bool
SelectAlgorithm(const std::vector<Eea>& priority, const UeSecurityCapabilities& ue, Eea& out)
{
    return SelectFirst(priority, ue, out);
}

bool
SelectAlgorithm(const std::vector<Eia>& priority, const UeSecurityCapabilities& ue, Eia& out)
{
    return SelectFirst(priority, ue, out);
}

void
NasSecurityContext::DeriveNasKeys()
{
    nasEnc = DeriveNasKey(kasme, AlgKeyType::NAS_ENC, static_cast<uint8_t>(nasEea));
    nasInt = DeriveNasKey(kasme, AlgKeyType::NAS_INT, static_cast<uint8_t>(nasEia));
}

Kenb
MmeUeSecurityContext::DeriveInitialKenb()
{
    Kenb kenb = DeriveKenb(nas.kasme, nas.ulNasCount);
    // TS 33.401 7.2.8.1: the initial KeNB is the NCC 0 value (a virtual NH); NH1, computed
    // from it, goes with NCC 1
    nh = DeriveNh(nas.kasme, kenb);
    ncc = 1;
    return kenb;
}

void
MmeUeSecurityContext::AdvanceNh()
{
    nh = DeriveNh(nas.kasme, nh);
    ncc = (ncc + 1) & 0x07;
}

void
EnbUeSecurityContext::RefreshKeys(AsKeyScheme scheme, const std::vector<uint8_t>& nonce)
{
    keys = DeriveAsKeys(scheme, kenb, algorithms, cRnti, nonce);
}

void
UeSecurityContext::DeriveInitialKenb()
{
    kenb = DeriveKenb(nas.kasme, nas.ulNasCount);
    kenbNcc = 0;
    nh = DeriveNh(nas.kasme, kenb); // NH1 ...
    ncc = 1;                        // ... with NCC 1; KeNB itself is NCC 0 (TS 33.401 7.2.8.1)
}

void
UeSecurityContext::RefreshKeys(AsKeyScheme scheme, const std::vector<uint8_t>& nonce)
{
    keys = DeriveAsKeys(scheme, kenb, algorithms, cRnti, nonce);
}

} // namespace ltesec
} // namespace ns3
