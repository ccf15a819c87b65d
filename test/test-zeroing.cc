// A program of its own: it replaces the global allocator to watch one block as it is freed, which
// valgrind (that replaces the allocator too) must not see. The buffers that carry security
// information between eNBs (SecurityBytes) are zeroed when freed; a plain vector is the control.
#define BOOST_TEST_MODULE lte_security_zeroing
#include "ns3/epc-x2-header.h"
#include "ns3/epc-x2-sap.h"
#include "ns3/lte-security-bytes.h"

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <new>
#include <type_traits>
#include <vector>

using namespace ns3;

namespace
{

// A watch on the global allocator: when the watched block is freed, its bytes are copied first.
const void* g_watch = nullptr;
std::size_t g_watchLen = 0;
std::vector<uint8_t> g_seenAtFree;

} // namespace

void*
operator new(std::size_t n)
{
    if (void* p = std::malloc(n == 0 ? 1 : n))
    {
        return p;
    }
    throw std::bad_alloc();
}

void
operator delete(void* p) noexcept
{
    if (p != nullptr && p == g_watch)
    {
        const auto* b = static_cast<const uint8_t*>(p);
        g_seenAtFree.assign(b, b + g_watchLen);
        g_watch = nullptr;
    }
    std::free(p);
}

void
operator delete(void* p, std::size_t) noexcept
{
    operator delete(p);
}

BOOST_AUTO_TEST_SUITE(zeroing)

/// Buffers that carry KeNB between source and target are SecurityBytes, zeroed when freed.
BOOST_AUTO_TEST_CASE(security_bytes_are_zeroed_when_freed)
{
    static_assert(std::is_same_v<decltype(EpcX2Sap::HandoverRequestParams::asSecurityInformation),
                                 SecurityBytes>,
                  "the X2 SAP carries AS security information in zeroed buffers");
    static_assert(std::is_same_v<decltype(EpcX2HandoverRequestHeader().GetAsSecurityInformation()),
                                 SecurityBytes>,
                  "the X2 header too");
    for (bool zeroing : {true, false})
    {
        BOOST_TEST_CONTEXT((zeroing ? "SecurityBytes" : "std::vector (the control)"))
        {
            g_seenAtFree.clear();
            if (zeroing)
            {
                auto* v = new SecurityBytes(48, 0xa5);
                g_watch = v->data();
                g_watchLen = v->size();
                delete v;
            }
            else
            {
                auto* v = new std::vector<uint8_t>(48, 0xa5);
                g_watch = v->data();
                g_watchLen = v->size();
                delete v;
            }
            BOOST_TEST(g_seenAtFree.size() == 48u);
            BOOST_TEST(std::count(g_seenAtFree.begin(), g_seenAtFree.end(), 0xa5) ==
                       (zeroing ? 0 : 48));
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
