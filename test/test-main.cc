// Boost.Test entry point of the lte-security test program.
#define BOOST_TEST_MODULE lte_security
#include <boost/test/unit_test.hpp>
