// How Boost.Test shows keys in failure messages: by fingerprint (keys have no operator<<).
#ifndef LTESEC_TEST_PRINT_H
#define LTESEC_TEST_PRINT_H

#include "ns3/lte-sec-context.h"

#include <ostream>

namespace ns3
{
namespace ltesec
{

template <std::size_t N, typename Tag>
std::ostream&
boost_test_print_type(std::ostream& os, const SecretKey<N, Tag>& k)
{
    return os << "key(fp " << k.Fingerprint() << ")";
}

inline std::ostream&
boost_test_print_type(std::ostream& os, const AsKeys& k)
{
    return os << "AsKeys(" << k.rrcEnc.Fingerprint() << "," << k.rrcInt.Fingerprint() << ","
              << k.upEnc.Fingerprint() << ")";
}

inline std::ostream&
boost_test_print_type(std::ostream& os, const AsAlgorithms& a)
{
    return os << a.ciphering << "/" << a.integrity;
}

inline std::ostream&
boost_test_print_type(std::ostream& os, const UeSecurityCapabilities& c)
{
    return os << c.EeaList() << "/" << c.EiaList();
}

} // namespace ltesec
} // namespace ns3

#endif
