// What a PDCP entity with security keeps per UE: the events reach the security model that made
// it by direct calls (no trace connection per entity), and only DRBs carry a reordering window.
#include "pdcp-link.h"

#include "ns3/lte-sec-enb-rrc.h"
#include "ns3/lte-sec-ue-rrc.h"

#include <malloc.h>
#include <memory>
#include <tuple>

namespace
{

/// \return the heap bytes in use (glibc)
std::size_t
HeapInUse()
{
    return mallinfo2().uordblks;
}

/// \return true if HeapInUse() sees allocations (not under a malloc replacement such as valgrind)
bool
HeapIsCounted()
{
    std::size_t before = HeapInUse();
    auto block = std::make_unique<char[]>(4096);
    block[0] = 1;
    bool counted = HeapInUse() >= before + 4096;
    return counted;
}

/// Records what the entity tells its user.
class RecordingUser : public LteSecPdcpUser
{
  public:
    using Event = std::tuple<std::string, uint16_t, uint8_t, uint32_t>;
    std::vector<Event> events;

    void PdcpIntegrityFailure(uint16_t rnti, uint8_t lcid, uint32_t count) override
    {
        events.emplace_back("integrity", rnti, lcid, count);
    }

    void PdcpDecipheringFailure(uint16_t rnti, uint8_t lcid, uint32_t count) override
    {
        events.emplace_back("deciphering", rnti, lcid, count);
    }

    void PdcpDiscard(uint16_t rnti,
                     uint8_t lcid,
                     uint32_t count,
                     const std::string& reason) override
    {
        events.emplace_back("discard " + reason, rnti, lcid, count);
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(pdcp)

BOOST_AUTO_TEST_CASE(user_hears_what_the_trace_sources_report)
{
    RecordingUser user;
    {
        Link srb(true);
        srb.rx->SetUser(&user);
        srb.ActivateBoth(Eea::EEA2, Eia::EIA2, ENC, INT);
        srb.wire.flipByte = 1;
        srb.Send(MSG);               // COUNT 0: altered
        srb.Inject({0x00, 1, 2, 3}); // truncated: 3 of the 4 MAC-I bytes
        BOOST_TEST(srb.failures == std::vector<uint32_t>{0});
        BOOST_TEST(srb.rxDiscards.size() == 1u);
    }
    {
        Link drb(false);
        drb.rx->SetUser(&user);
        drb.tx->Activate(Eea::EEA2, ENC, Eia::EIA2, INT);
        AlgKey other = ENC;
        other.Data()[0] ^= 0x01;
        drb.rx->Activate(Eea::EEA2, other, Eia::EIA2, INT);
        drb.Send(IpPacket(60)); // COUNT 0 under another key
        BOOST_TEST(drb.deciphering == std::vector<uint32_t>{0});
        drb.rx->SetUser(nullptr);
        drb.Send(IpPacket(60)); // traced, not told
        BOOST_TEST(drb.deciphering.size() == 2u);
    }
    const std::vector<RecordingUser::Event> expected = {
        {"integrity", 7, 1, 0},
        {"discard truncated", 7, 1, 0},
        {"deciphering", 7, 3, 0},
    };
    BOOST_TEST_REQUIRE(user.events.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
    {
        BOOST_TEST_CONTEXT("event " << i)
        {
            BOOST_TEST(std::get<0>(user.events[i]) == std::get<0>(expected[i]));
            BOOST_TEST(std::get<1>(user.events[i]) == std::get<1>(expected[i]));
            BOOST_TEST(std::get<2>(user.events[i]) == std::get<2>(expected[i]));
            BOOST_TEST(std::get<3>(user.events[i]) == std::get<3>(expected[i]));
        }
    }
}

BOOST_AUTO_TEST_CASE(only_drbs_keep_a_reordering_window)
{
    if (!HeapIsCounted())
    {
        BOOST_TEST_MESSAGE("the heap in use is not counted here (malloc replaced): skipped");
        return;
    }
    const int n = 64;
    auto perEntity = [n](bool srb) {
        std::vector<Ptr<LteSecPdcp>> entities;
        entities.reserve(n);
        std::size_t before = HeapInUse();
        for (int i = 0; i < n; ++i)
        {
            entities.push_back(CreateObject<LteSecPdcp>());
            entities.back()->SetBearer(srb, Direction::DOWNLINK);
        }
        std::size_t bytes = (HeapInUse() - before) / n;
        for (auto& e : entities)
        {
            e->Dispose();
        }
        return bytes;
    };
    std::size_t drb = perEntity(false);
    std::size_t srb = perEntity(true);
    BOOST_TEST_MESSAGE("heap per entity: SRB " << srb << " bytes, DRB " << drb << " bytes");
    // TS 36.323's window of 2048 COUNTs, one bit each, on DRBs only
    BOOST_TEST(drb >= srb + 2048 / 8);
}

BOOST_AUTO_TEST_CASE(security_models_connect_no_trace_per_entity)
{
    if (!HeapIsCounted())
    {
        BOOST_TEST_MESSAGE("the heap in use is not counted here (malloc replaced): skipped");
        return;
    }
    const uint8_t lcids = 24;              // DRBs 3 .. 26 of one UE
    CreateObject<LteSecPdcp>()->Dispose(); // the first object of its type, outside the count
    std::vector<Ptr<LteSecPdcp>> bare;
    bare.reserve(lcids);
    std::size_t before = HeapInUse();
    for (uint8_t l = 3; l < 3 + lcids; ++l)
    {
        bare.push_back(CreateObject<LteSecPdcp>());
        bare.back()->SetRnti(7);
        bare.back()->SetLcId(l);
        bare.back()->SetBearer(false, Direction::UPLINK);
    }
    const std::size_t bareBytes = (HeapInUse() - before) / lcids;

    Ptr<LteSecUeRrc> ue = CreateObject<LteSecUeRrc>();
    Ptr<LteSecEnbRrc> enb = CreateObject<LteSecEnbRrc>();
    // the UE's entries exist first (the eNB model's UE context, the maps' first nodes)
    std::vector<Ptr<LtePdcp>> made = {ue->CreatePdcp(7, 1), enb->CreatePdcp(7, 1)};
    made.reserve(2 + 2 * lcids);
    before = HeapInUse();
    for (uint8_t l = 3; l < 3 + lcids; ++l)
    {
        made.push_back(ue->CreatePdcp(7, l));
    }
    const std::size_t ueBytes = (HeapInUse() - before) / lcids;
    before = HeapInUse();
    for (uint8_t l = 3; l < 3 + lcids; ++l)
    {
        made.push_back(enb->CreatePdcp(7, l));
    }
    const std::size_t enbBytes = (HeapInUse() - before) / lcids;
    BOOST_TEST_MESSAGE("heap per DRB entity: bare " << bareBytes << ", made by the UE model "
                                                    << ueBytes << ", by the eNB model " << enbBytes
                                                    << " bytes");
    // the models' map entry and bookkeeping (about 130 bytes); three trace connections would
    // add about 700
    BOOST_TEST(ueBytes <= bareBytes + 256);
    BOOST_TEST(enbBytes <= bareBytes + 256);
    for (auto& p : bare)
    {
        p->Dispose();
    }
    ue->Dispose();
    enb->Dispose();
    for (auto& p : made)
    {
        p->Dispose();
    }
}

BOOST_AUTO_TEST_SUITE_END()
