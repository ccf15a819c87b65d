/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_PER_H
#define LTE_SEC_PER_H

#include <cstdint>
#include <stdexcept>
#include <vector>

namespace ns3
{
namespace ltesec
{

/**
 * \ingroup lte-security
 * Thrown by PerReader on input that does not decode (truncated, out of range).
 */
class PerDecodeError : public std::runtime_error
{
  public:
    using std::runtime_error::runtime_error;
};

/**
 * \ingroup lte-security
 * A writer of ASN.1 aligned PER (ITU-T X.691), the encoding of S1AP (TS 36.413): just the
 * constructs S1AP's security IEs need. Bits are written most significant first.
 */
class PerWriter
{
  public:
    /// Appends the \p n low bits of \p value (n <= 64).
    void Bits(uint64_t value, unsigned n);
    /// Pads with zero bits to the next octet boundary.
    void Align();
    /// Appends whole octets (aligned first).
    void Octets(const uint8_t* p, std::size_t n);
    /**
     * A constrained whole number in [lb, ub] (X.691 11.5.7): a bit-field of the minimal width for
     * ranges up to 255, one aligned octet for 256, two aligned octets up to 65536.
     */
    void Constrained(uint64_t value, uint64_t lb, uint64_t ub);
    /// A length determinant (X.691 11.9.3.6): aligned, 1 octet below 128, 2 octets below 16384.
    void Length(std::size_t n);
    /// An open type: the complete encoding \p inner, as a length and its octets.
    void OpenType(const std::vector<uint8_t>& inner);
    /// \return the encoding, padded to whole octets
    std::vector<uint8_t> Bytes() const;

  private:
    std::vector<uint8_t> m_bytes;
    unsigned m_bitsInLast{8}; ///< bits used in the last octet (8: a new octet is needed)
};

/**
 * \ingroup lte-security
 * A reader of ASN.1 aligned PER, the counterpart of PerWriter. Every read is checked against the
 * input: reading past its end throws PerDecodeError.
 */
class PerReader
{
  public:
    /// Reads \p n bytes at \p p (kept by reference: they must outlive the reader).
    PerReader(const uint8_t* p, std::size_t n);
    /// \return the next \p n bits (n <= 64)
    uint64_t Bits(unsigned n);
    /// Skips to the next octet boundary.
    void Align();
    /// Reads \p n whole octets (aligned first) into \p out.
    void Octets(uint8_t* out, std::size_t n);
    /// \return a constrained whole number in [lb, ub] (see PerWriter::Constrained())
    uint64_t Constrained(uint64_t lb, uint64_t ub);
    /// \return a length determinant
    std::size_t Length();
    /// \return the octets of an open type
    std::vector<uint8_t> OpenType();
    /// \return true when every octet has been read (trailing padding bits aside)
    bool AtEnd() const;

  private:
    void Need(std::size_t bits) const;
    const uint8_t* m_p;
    std::size_t m_size;
    std::size_t m_bit{0}; ///< position in bits
};

/**
 * \ingroup lte-security
 * Criticality of an S1AP IE (TS 36.413 9.3.1.x, ENUMERATED {reject, ignore, notify}).
 */
enum class S1apCriticality : uint8_t
{
    REJECT = 0,
    IGNORE = 1,
    NOTIFY = 2,
};

/**
 * Appends an S1AP ProtocolIE-Field: id (INTEGER 0..65535), criticality, and the value's encoding
 * as an open type.
 */
void WriteS1apIe(PerWriter& w,
                 uint16_t id,
                 S1apCriticality criticality,
                 const std::vector<uint8_t>& value);

} // namespace ltesec
} // namespace ns3

#endif /* LTE_SEC_PER_H */
