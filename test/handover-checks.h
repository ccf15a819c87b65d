// Checks shared by the S1 and inter-MME handover suites.
#ifndef LTESEC_TEST_HANDOVER_CHECKS_H
#define LTESEC_TEST_HANDOVER_CHECKS_H

#include "lte-sec-scenario.h"

#include <boost/test/unit_test.hpp>
#include <string>
#include <utility>
#include <vector>

namespace ltesec_test
{

/// The S1AP messages of an attach: the eNB's, the MME's answer, the eNB's response
const std::vector<std::string> ATTACH_S1AP{"INITIAL UE MESSAGE",
                                           "INITIAL CONTEXT SETUP REQUEST",
                                           "INITIAL CONTEXT SETUP RESPONSE"};

/// The S1AP messages of one S1 handover, within an MME or across two, in the order they are sent
/// (the RLC UM bearers of the scenarios have no PDCP status to transfer: no STATUS TRANSFER)
const std::vector<std::string> S1_HANDOVER{"HANDOVER REQUIRED",
                                           "HANDOVER REQUEST",
                                           "HANDOVER REQUEST ACKNOWLEDGE",
                                           "HANDOVER COMMAND",
                                           "HANDOVER NOTIFY",
                                           "UE CONTEXT RELEASE COMMAND",
                                           "UE CONTEXT RELEASE COMPLETE"};

/// \return the names of the messages, in order
inline std::vector<std::string>
Names(const std::vector<std::pair<std::string, uint32_t>>& messages)
{
    std::vector<std::string> names;
    for (const auto& m : messages)
    {
        names.push_back(m.first);
    }
    return names;
}

/**
 * Every handover completed, without failure of any kind, the UE and the target eNB agreeing on
 * every key (with security), no X2 HANDOVER REQUEST, traffic flowing.
 */
inline void
CheckCompletedOverS1(const ScenarioResult& r,
                     std::size_t expected,
                     bool security,
                     bool traffic = true)
{
    BOOST_TEST(r.handovers.size() == expected);
    BOOST_TEST(r.handoverFailures == 0u);
    BOOST_TEST(r.noX2Failures == 0u);
    BOOST_TEST(r.integrityFailures == 0u);
    BOOST_TEST(r.decipheringFailures == 0u);
    BOOST_TEST(r.s1apMalformed == 0u);
    BOOST_TEST(r.s10Malformed == 0u);
    BOOST_TEST(r.x2HandoverRequestBytes.empty());
    for (const auto& h : r.handovers)
    {
        BOOST_TEST_CONTEXT("IMSI " << h.imsi << " " << h.source << "->" << h.target)
        {
            BOOST_TEST(h.completed);
            if (security)
            {
                BOOST_TEST(h.enbKeys.size() == 4u);
                for (const char* k : KEY_NAMES)
                {
                    BOOST_TEST(Fp(h.enbKeys, k) == Fp(h.ueKeys, k));
                }
            }
        }
    }
    if (traffic)
    {
        BOOST_TEST(r.dlRxBytes > 30000u);
        BOOST_TEST(r.ulRxBytes > 30000u);
    }
}

} // namespace ltesec_test

#endif
