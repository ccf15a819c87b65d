/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
// Algorithm names, lists and UE security capabilities (the algorithms themselves are in
// lte-sec-algorithm.cc).
#include "lte-sec-algorithm.h"

#include <cstring>
#include <sstream>
#include <stdexcept>

namespace ns3
{
namespace ltesec
{

const char*
EeaName(Eea a)
{
    static const char* names[] = {"eea0", "eea1", "eea2", "eea3"};
    return names[static_cast<uint8_t>(a) & 3];
}

const char*
EiaName(Eia a)
{
    static const char* names[] = {"eia0", "eia1", "eia2", "eia3"};
    return names[static_cast<uint8_t>(a) & 3];
}

std::ostream&
operator<<(std::ostream& os, Eea a)
{
    return os << EeaName(a);
}

std::ostream&
operator<<(std::ostream& os, Eia a)
{
    return os << EiaName(a);
}

static int
ParseAlgorithmNumber(const std::string& s, const char* prefix, const std::string& what)
{
    std::string t = s;
    if (t.rfind(prefix, 0) == 0)
    {
        t = t.substr(std::strlen(prefix));
    }
    else if (t.rfind("128-", 0) == 0 && t.substr(4).rfind(prefix, 0) == 0)
    {
        t = t.substr(4 + std::strlen(prefix));
    }
    if (t.size() == 1 && t[0] >= '0' && t[0] <= '3')
    {
        return t[0] - '0';
    }
    throw std::invalid_argument(what + ": unknown algorithm '" + s + "' (" + prefix + "0.." +
                                prefix + "3 or 0..3)");
}

Eea
ParseEea(const std::string& s, const std::string& what)
{
    return static_cast<Eea>(ParseAlgorithmNumber(s, "eea", what));
}

Eia
ParseEia(const std::string& s, const std::string& what)
{
    return static_cast<Eia>(ParseAlgorithmNumber(s, "eia", what));
}

template <typename Alg, typename Parse>
static std::vector<Alg>
ParseList(const std::string& list, const std::string& what, Parse parse)
{
    std::vector<Alg> out;
    std::string item;
    std::istringstream in(list);
    while (std::getline(in, item, ','))
    {
        out.push_back(parse(item, what));
    }
    if (out.empty())
    {
        throw std::invalid_argument(what + ": empty algorithm list");
    }
    return out;
}

template <typename Alg, typename Name>
static std::string
ListToString(const std::vector<Alg>& list, Name name)
{
    std::string s;
    for (Alg a : list)
    {
        s += (s.empty() ? "" : ",") + std::string(name(a));
    }
    return s;
}

std::vector<Eea>
ParseEeaList(const std::string& list, const std::string& what)
{
    return ParseList<Eea>(list, what, ParseEea);
}

std::vector<Eia>
ParseEiaList(const std::string& list, const std::string& what)
{
    return ParseList<Eia>(list, what, ParseEia);
}

std::string
ToString(const std::vector<Eea>& list)
{
    return ListToString(list, EeaName);
}

std::string
ToString(const std::vector<Eia>& list)
{
    return ListToString(list, EiaName);
}

template <typename Alg>
static uint8_t
Bitmap(const std::vector<Alg>& algorithms)
{
    uint8_t b = 0;
    for (Alg a : algorithms)
    {
        b |= 0x80 >> static_cast<uint8_t>(a);
    }
    return b;
}

template <typename Alg>
static std::vector<Alg>
Supported(const UeSecurityCapabilities& c)
{
    std::vector<Alg> v;
    for (uint8_t a = 0; a < 4; ++a)
    {
        if (c.Supports(static_cast<Alg>(a)))
        {
            v.push_back(static_cast<Alg>(a));
        }
    }
    return v;
}

void
UeSecurityCapabilities::Set(const std::vector<Eea>& algorithms)
{
    eea = Bitmap(algorithms);
}

void
UeSecurityCapabilities::Set(const std::vector<Eia>& algorithms)
{
    eia = Bitmap(algorithms);
}

UeSecurityCapabilities
UeSecurityCapabilities::FromLists(const std::string& eeaList, const std::string& eiaList)
{
    UeSecurityCapabilities c;
    c.Set(ParseEeaList(eeaList, "EEA capability list"));
    c.Set(ParseEiaList(eiaList, "EIA capability list"));
    return c;
}

std::string
UeSecurityCapabilities::EeaList() const
{
    return ToString(Supported<Eea>(*this));
}

std::string
UeSecurityCapabilities::EiaList() const
{
    return ToString(Supported<Eia>(*this));
}

} // namespace ltesec
} // namespace ns3
