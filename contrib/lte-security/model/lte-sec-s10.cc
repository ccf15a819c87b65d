/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-s10.h"

#include <stdexcept>

namespace ns3
{
namespace ltesec
{

namespace
{

constexpr uint8_t SECURITY_MODE_EPS = 4; ///< "EPS Security Context and Quadruplets"

void
PutHeader(std::vector<uint8_t>& b, uint8_t type, std::size_t length, uint8_t instance)
{
    b.push_back(type);
    b.push_back(static_cast<uint8_t>(length >> 8));
    b.push_back(static_cast<uint8_t>(length));
    b.push_back(instance & 0x0f);
}

void
Put24(std::vector<uint8_t>& b, uint32_t v)
{
    b.push_back(static_cast<uint8_t>(v >> 16));
    b.push_back(static_cast<uint8_t>(v >> 8));
    b.push_back(static_cast<uint8_t>(v));
}

/// Checks the IE header; \return the value's length or -1 with \p error set.
long
CheckHeader(const std::vector<uint8_t>& ie, uint8_t type, std::string& error)
{
    if (ie.size() < 4)
    {
        error = "IE shorter than its header";
        return -1;
    }
    if (ie[0] != type)
    {
        error = "IE type " + std::to_string(ie[0]) + ", " + std::to_string(type) + " expected";
        return -1;
    }
    std::size_t length = (std::size_t(ie[1]) << 8) | ie[2];
    if (length != ie.size() - 4)
    {
        error = "IE length " + std::to_string(length) + ", " + std::to_string(ie.size() - 4) +
                " octets follow";
        return -1;
    }
    return static_cast<long>(length);
}

} // namespace

std::vector<uint8_t>
S10MmContext::Encode() const
{
    if (ksi > 7 || ncc > 7 || dlNasCount > 0xffffff || ulNasCount > 0xffffff)
    {
        throw std::invalid_argument("MM Context: KSI or NCC above 7, or a NAS COUNT above 24 bits");
    }
    std::vector<uint8_t> b;
    PutHeader(b, TYPE, VALUE_SIZE, 0);
    b.push_back(static_cast<uint8_t>((SECURITY_MODE_EPS << 5) | (1 << 4) | ksi)); // NHI 1, DRXI 0
    b.push_back(0); // no quintuplets, no quadruplets, UAMB RI 0, OSCI 0
    b.push_back(static_cast<uint8_t>((static_cast<uint8_t>(nasEia) << 4) |
                                     static_cast<uint8_t>(nasEea))); // SAMB RI 0
    Put24(b, dlNasCount);
    Put24(b, ulNasCount);
    b.insert(b.end(), kasme.Data(), kasme.Data() + Kasme::SIZE);
    b.insert(b.end(), nh.Data(), nh.Data() + Nh::SIZE);
    b.push_back(ncc);
    b.push_back(2); // UE network capability: EEA octet, EIA octet
    b.push_back(ueCapabilities.eea);
    b.push_back(ueCapabilities.eia);
    b.push_back(0); // MS network capability: none
    b.push_back(0); // MEI: none
    b.push_back(0); // access restriction data
    return b;
}

bool
S10MmContext::Decode(const std::vector<uint8_t>& ie, std::string& error)
{
    long length = CheckHeader(ie, TYPE, error);
    if (length < 0)
    {
        error = "MM Context: " + error;
        return false;
    }
    const uint8_t* v = ie.data() + 4;
    std::size_t n = static_cast<std::size_t>(length);
    std::size_t at = 0;
    auto need = [&](std::size_t k) {
        if (at + k > n)
        {
            error = "MM Context: truncated at octet " + std::to_string(at + 5);
            return false;
        }
        return true;
    };
    if (!need(9))
    {
        return false;
    }
    if ((v[0] >> 5) != SECURITY_MODE_EPS)
    {
        error = "MM Context: security mode " + std::to_string(v[0] >> 5) + ", 4 (EPS) expected";
        return false;
    }
    bool nhi = (v[0] >> 4) & 1;
    bool drxi = (v[0] >> 3) & 1;
    uint8_t quintuplets = v[1] >> 5;
    uint8_t quadruplets = (v[1] >> 2) & 7;
    if (!nhi || quintuplets != 0 || quadruplets != 0 || (v[1] & 0x03) != 0 || (v[2] & 0x80))
    {
        error = "MM Context: only NH/NCC without vectors, AMBRs or an old context is modelled";
        return false;
    }
    if ((v[2] & 0x0f) > 3 || ((v[2] >> 4) & 7) > 3)
    {
        error = "MM Context: unknown NAS algorithm";
        return false;
    }
    S10MmContext d;
    d.ksi = v[0] & 7;
    d.nasEea = static_cast<Eea>(v[2] & 0x0f);
    d.nasEia = static_cast<Eia>((v[2] >> 4) & 7);
    d.dlNasCount = (uint32_t(v[3]) << 16) | (uint32_t(v[4]) << 8) | v[5];
    d.ulNasCount = (uint32_t(v[6]) << 16) | (uint32_t(v[7]) << 8) | v[8];
    at = 9;
    if (!need(32))
    {
        return false;
    }
    d.kasme = Kasme(v + at);
    at += 32;
    if (drxi)
    {
        if (!need(2))
        {
            return false;
        }
        at += 2;
    }
    if (!need(33))
    {
        return false;
    }
    d.nh = Nh(v + at);
    d.ncc = v[at + 32] & 7;
    at += 33;
    // UE network capability, MS network capability, MEI: length + value each
    for (int field = 0; field < 3; ++field)
    {
        if (!need(1) || !need(1 + v[at]))
        {
            return false;
        }
        if (field == 0)
        {
            if (v[at] < 2)
            {
                error = "MM Context: UE network capability shorter than 2 octets";
                return false;
            }
            d.ueCapabilities.eea = v[at + 1];
            d.ueCapabilities.eia = v[at + 2];
        }
        at += 1 + v[at];
    }
    // the access restriction data octet and later fields of newer releases are not read
    *this = d;
    return true;
}

std::vector<uint8_t>
S10KenbExtension::Encode() const
{
    std::vector<uint8_t> b;
    PutHeader(b, TYPE, 2 + Kenb::SIZE, INSTANCE);
    b.push_back(static_cast<uint8_t>(ENTERPRISE_ID >> 8));
    b.push_back(static_cast<uint8_t>(ENTERPRISE_ID & 0xff));
    b.insert(b.end(), kenb.Data(), kenb.Data() + Kenb::SIZE);
    return b;
}

bool
S10KenbExtension::Decode(const std::vector<uint8_t>& ie, std::string& error)
{
    long length = CheckHeader(ie, TYPE, error);
    if (length < 0)
    {
        error = "Private Extension: " + error;
        return false;
    }
    uint16_t enterprise = length >= 2 ? static_cast<uint16_t>((ie[4] << 8) | ie[5]) : 0;
    if ((ie[3] & 0x0f) != INSTANCE || length != 2 + long(Kenb::SIZE) || enterprise != ENTERPRISE_ID)
    {
        error = "Private Extension: not the KeNB extension (enterprise " +
                std::to_string(enterprise) + ", instance " + std::to_string(ie[3] & 0x0f) + ", " +
                std::to_string(length) + " octets)";
        return false;
    }
    kenb = Kenb(ie.data() + 6);
    return true;
}

} // namespace ltesec
} // namespace ns3
