/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "lte-sec-per.h"

#include <string>

namespace ns3
{
namespace ltesec
{

namespace
{

/// Bits needed for values 0 .. range - 1.
unsigned
BitsFor(uint64_t range)
{
    unsigned n = 0;
    while ((uint64_t(1) << n) < range)
    {
        ++n;
    }
    return n;
}

void
CheckRange(uint64_t lb, uint64_t ub)
{
    if (ub < lb || ub - lb >= 65536)
    {
        throw std::invalid_argument("PER: constrained ranges above 65536 are not supported");
    }
}

} // namespace

void
PerWriter::Bits(uint64_t value, unsigned n)
{
    for (unsigned i = n; i-- > 0;)
    {
        if (m_bitsInLast == 8)
        {
            m_bytes.push_back(0);
            m_bitsInLast = 0;
        }
        if ((value >> i) & 1)
        {
            m_bytes.back() |= static_cast<uint8_t>(0x80 >> m_bitsInLast);
        }
        ++m_bitsInLast;
    }
}

void
PerWriter::Align()
{
    m_bitsInLast = 8;
}

void
PerWriter::Octets(const uint8_t* p, std::size_t n)
{
    Align();
    m_bytes.insert(m_bytes.end(), p, p + n);
}

void
PerWriter::Constrained(uint64_t value, uint64_t lb, uint64_t ub)
{
    CheckRange(lb, ub);
    if (value < lb || value > ub)
    {
        throw std::invalid_argument("PER: " + std::to_string(value) + " outside [" +
                                    std::to_string(lb) + ", " + std::to_string(ub) + "]");
    }
    uint64_t range = ub - lb + 1;
    uint64_t v = value - lb;
    if (range <= 255)
    {
        Bits(v, BitsFor(range));
    }
    else if (range == 256)
    {
        Align();
        Bits(v, 8);
    }
    else
    {
        Align();
        Bits(v, 16);
    }
}

void
PerWriter::Length(std::size_t n)
{
    Align();
    if (n < 128)
    {
        Bits(n, 8);
    }
    else if (n < 16384)
    {
        Bits(0x8000 | n, 16);
    }
    else
    {
        throw std::invalid_argument("PER: lengths from 16384 (fragmentation) are not supported");
    }
}

void
PerWriter::OpenType(const std::vector<uint8_t>& inner)
{
    Length(inner.size());
    Octets(inner.data(), inner.size());
}

std::vector<uint8_t>
PerWriter::Bytes() const
{
    return m_bytes;
}

PerReader::PerReader(const uint8_t* p, std::size_t n)
    : m_p(p),
      m_size(n)
{
}

void
PerReader::Need(std::size_t bits) const
{
    if (m_bit + bits > m_size * 8)
    {
        throw PerDecodeError("PER: truncated (" + std::to_string(bits) + " bits needed at bit " +
                             std::to_string(m_bit) + " of " + std::to_string(m_size * 8) + ")");
    }
}

uint64_t
PerReader::Bits(unsigned n)
{
    Need(n);
    uint64_t v = 0;
    for (unsigned i = 0; i < n; ++i, ++m_bit)
    {
        v = (v << 1) | ((m_p[m_bit / 8] >> (7 - m_bit % 8)) & 1);
    }
    return v;
}

void
PerReader::Align()
{
    m_bit = (m_bit + 7) / 8 * 8;
}

void
PerReader::Octets(uint8_t* out, std::size_t n)
{
    Align();
    Need(n * 8);
    for (std::size_t i = 0; i < n; ++i)
    {
        out[i] = m_p[m_bit / 8 + i];
    }
    m_bit += n * 8;
}

uint64_t
PerReader::Constrained(uint64_t lb, uint64_t ub)
{
    CheckRange(lb, ub);
    uint64_t range = ub - lb + 1;
    uint64_t v;
    if (range <= 255)
    {
        v = Bits(BitsFor(range));
    }
    else
    {
        Align();
        v = Bits(range == 256 ? 8 : 16);
    }
    if (v > ub - lb)
    {
        throw PerDecodeError("PER: value " + std::to_string(v + lb) + " outside [" +
                             std::to_string(lb) + ", " + std::to_string(ub) + "]");
    }
    return v + lb;
}

std::size_t
PerReader::Length()
{
    Align();
    uint64_t first = Bits(8);
    if ((first & 0x80) == 0)
    {
        return first;
    }
    if ((first & 0xc0) == 0x80)
    {
        return ((first & 0x3f) << 8) | Bits(8);
    }
    throw PerDecodeError("PER: fragmented lengths are not supported");
}

std::vector<uint8_t>
PerReader::OpenType()
{
    std::size_t n = Length();
    std::vector<uint8_t> v(n);
    Octets(v.data(), n);
    return v;
}

bool
PerReader::AtEnd() const
{
    return (m_bit + 7) / 8 >= m_size;
}

void
WriteS1apIe(PerWriter& w,
            uint16_t id,
            S1apCriticality criticality,
            const std::vector<uint8_t>& value)
{
    w.Constrained(id, 0, 65535);
    w.Constrained(static_cast<uint8_t>(criticality), 0, 2);
    w.OpenType(value);
}

} // namespace ltesec
} // namespace ns3
