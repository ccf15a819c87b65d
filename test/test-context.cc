// Security contexts of MME, eNB and UE: initial KeNB, NH chain, algorithm selection, AS keys.
#include "test-print.h"

#include "ns3/lte-sec-context.h"

#include <boost/test/unit_test.hpp>

using namespace ns3::ltesec;

namespace
{
const std::string KASME_HEX = "6144c681d1bea9dae1b8cf6cd10a686341db8046a1e7a9ab4d1ea0e33c994ac0";
// TS 33.401 KeNB of this KASME at uplink NAS COUNT 0 (test/vectors/ts33401-public.txt, kdf-kenb)
const std::string KENB_HEX = "c4c7bc798ab94e3d354cd6608e79aa92f5569df46519507850051e36f018ca5f";
} // namespace

BOOST_AUTO_TEST_SUITE(context)

BOOST_AUTO_TEST_CASE(mme_and_ue_agree_on_initial_kenb)
{
    MmeUeSecurityContext mme;
    mme.nas.kasme = Kasme::FromHex(KASME_HEX, "kasme");
    UeSecurityContext ue;
    ue.nas.kasme = mme.nas.kasme;
    Kenb kenb = mme.DeriveInitialKenb();
    ue.DeriveInitialKenb();
    BOOST_TEST(kenb.RevealHex() == KENB_HEX);
    BOOST_TEST(ue.kenb == kenb);
    BOOST_TEST(ue.nh == mme.nh);
    // TS 33.401 7.2.8.1: KeNB is the NCC 0 value; the stored NH is NH1 = KDF(KASME, KeNB), NCC 1
    BOOST_TEST(mme.nh == DeriveNh(mme.nas.kasme, kenb));
    BOOST_TEST(mme.ncc == 1);
    BOOST_TEST(ue.ncc == 1);
    // a new idle-to-connected transition with a later NAS COUNT gives a fresh KeNB
    mme.nas.ulNasCount = 1;
    BOOST_TEST(mme.DeriveInitialKenb() != kenb);
}

BOOST_AUTO_TEST_CASE(nh_chain_and_ncc_wrap)
{
    MmeUeSecurityContext mme;
    mme.nas.kasme = Kasme::FromHex(KASME_HEX, "kasme");
    Kenb kenb = mme.DeriveInitialKenb();
    Nh expected = DeriveNh(mme.nas.kasme, kenb); // NH1
    // the first S1 handover steps to NH2 / NCC 2; NCC is 3 bits and wraps after 7
    for (int i = 2; i <= 10; ++i)
    {
        mme.AdvanceNh();
        expected = DeriveNh(mme.nas.kasme, expected);
        BOOST_TEST_CONTEXT("NH" << i)
        {
            BOOST_TEST(mme.ncc == (i & 7));
            BOOST_TEST(mme.nh == expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(algorithm_selection_follows_priority)
{
    auto caps = UeSecurityCapabilities::FromLists("eea0,eea1,eea2", "eia1,eia2");
    Eea eea;
    BOOST_TEST(SelectAlgorithm({Eea::EEA3, Eea::EEA2, Eea::EEA1}, caps, eea));
    BOOST_TEST(eea == Eea::EEA2);
    Eia eia;
    BOOST_TEST(SelectAlgorithm({Eia::EIA3, Eia::EIA1, Eia::EIA2}, caps, eia));
    BOOST_TEST(eia == Eia::EIA1);
    BOOST_TEST(!SelectAlgorithm({Eia::EIA3}, caps, eia));
}

BOOST_AUTO_TEST_CASE(enb_and_ue_refresh_to_the_same_keys)
{
    EnbUeSecurityContext enb;
    enb.kenb = Kenb::FromHex(KENB_HEX, "kenb");
    enb.algorithms = {Eea::EEA2, Eia::EIA2};
    enb.cRnti = 5;
    enb.RefreshKeys(AsKeyScheme::SEED_CRNTI_REFRESH);
    UeSecurityContext ue;
    ue.kenb = enb.kenb;
    ue.algorithms = enb.algorithms;
    ue.cRnti = 5;
    ue.RefreshKeys(AsKeyScheme::SEED_CRNTI_REFRESH);
    BOOST_TEST(ue.keys == enb.keys);
    BOOST_TEST(enb.keys.rrcEnc != enb.keys.upEnc);
    BOOST_TEST(enb.keys.rrcEnc != enb.keys.rrcInt);
    // a new C-RNTI after handover refreshes all three
    AsKeys before = enb.keys;
    enb.cRnti = 6;
    enb.RefreshKeys(AsKeyScheme::SEED_CRNTI_REFRESH);
    BOOST_TEST(enb.keys.rrcEnc != before.rrcEnc);
    BOOST_TEST(enb.keys.rrcInt != before.rrcInt);
    BOOST_TEST(enb.keys.upEnc != before.upEnc);
}

BOOST_AUTO_TEST_CASE(ts33401_scheme_ignores_crnti)
{
    Kenb kenb = Kenb::FromHex(KENB_HEX, "kenb");
    AsAlgorithms algs{Eea::EEA0, Eia::EIA2};
    AsKeys a = DeriveAsKeys(AsKeyScheme::TS33401, kenb, algs, 1);
    AsKeys b = DeriveAsKeys(AsKeyScheme::TS33401, kenb, algs, 2);
    BOOST_TEST(a == b);
    // KRRCint of EIA2 is the published kdf-krrcint-eia2 value's last 16 bytes
    BOOST_TEST(a.rrcInt.RevealHex() == "fa1d6d1940f1d879cf0189342a8d73c2");
    // KUPenc of EEA0 is the published kdf-kupenc-eea0 value's last 16 bytes
    BOOST_TEST(a.upEnc.RevealHex() == "9c3c92e1ddc0c8c5706cbb8f955e8263");
}

BOOST_AUTO_TEST_SUITE_END()
