/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef LTE_SEC_ALGORITHM_H
#define LTE_SEC_ALGORITHM_H

#include "lte-sec-key.h"

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{
namespace ltesec
{

/// \ingroup lte-security
/// EPS encryption algorithms (TS 33.401 clause 5.1.3.2); the value is the 4-bit identifier.
enum class Eea : uint8_t
{
    EEA0 = 0, ///< null ciphering
    EEA1 = 1, ///< 128-EEA1, SNOW 3G
    EEA2 = 2, ///< 128-EEA2, AES-CTR
    EEA3 = 3, ///< 128-EEA3, ZUC
};

/// \ingroup lte-security
/// EPS integrity algorithms (TS 33.401 clause 5.1.4.2); the value is the 4-bit identifier.
enum class Eia : uint8_t
{
    EIA0 = 0, ///< null integrity (emergency calls only in real networks)
    EIA1 = 1, ///< 128-EIA1, SNOW 3G
    EIA2 = 2, ///< 128-EIA2, AES-CMAC
    EIA3 = 3, ///< 128-EIA3, ZUC
};

/// Transmission direction, the DIRECTION input of every algorithm.
enum class Direction : uint8_t
{
    UPLINK = 0,
    DOWNLINK = 1,
};

const char* EeaName(Eea a); ///< "eea0" ... "eea3"
const char* EiaName(Eia a); ///< "eia0" ... "eia3"
/**
 * Parses a comma-separated list such as "eea2,eea1"; throws std::invalid_argument naming \p what
 * on an unknown name or an empty list.
 */
std::vector<Eea> ParseEeaList(const std::string& list, const std::string& what);
/// \copydoc ParseEeaList
std::vector<Eia> ParseEiaList(const std::string& list, const std::string& what);
/// \return "eea2,eea1,..." for a list
std::string ToString(const std::vector<Eea>& list);
/// \return "eia2,eia1,..." for a list
std::string ToString(const std::vector<Eia>& list);

std::ostream& operator<<(std::ostream& os, Eea a); ///< prints EeaName()
std::ostream& operator<<(std::ostream& os, Eia a); ///< prints EiaName()

/// Parses "eea0".."eea3" or "0".."3"; throws std::invalid_argument naming \p what.
Eea ParseEea(const std::string& s, const std::string& what);
/// Parses "eia0".."eia3" or "0".."3"; throws std::invalid_argument naming \p what.
Eia ParseEia(const std::string& s, const std::string& what);

/**
 * \ingroup lte-security
 * UE security capabilities: which EEA and EIA the UE supports, as the bitmaps of the UE network
 * capability IE (TS 24.301 9.9.3.34): bit 7 of the octet is EEA0/EIA0, bit 6 EEA1/EIA1, ...
 */
struct UeSecurityCapabilities
{
    uint8_t eea{0xF0}; ///< EEA bitmap, default EEA0..EEA3
    uint8_t eia{0xF0}; ///< EIA bitmap, default EIA0..EIA3

    bool Supports(Eea a) const
    {
        return (eea & (0x80 >> static_cast<uint8_t>(a))) != 0;
    }

    bool Supports(Eia a) const
    {
        return (eia & (0x80 >> static_cast<uint8_t>(a))) != 0;
    }

    /// Capabilities from lists such as "eea0,eea1,eea2" / "eia1,eia2"; throws on unknown names.
    static UeSecurityCapabilities FromLists(const std::string& eeaList, const std::string& eiaList);

    /// Sets the EEA bitmap to exactly these algorithms.
    void Set(const std::vector<Eea>& algorithms);
    /// Sets the EIA bitmap to exactly these algorithms.
    void Set(const std::vector<Eia>& algorithms);

    /// \return the supported EEAs as "eea0,eea2"
    std::string EeaList() const;
    /// \return the supported EIAs as "eia1,eia2"
    std::string EiaList() const;

    bool operator==(const UeSecurityCapabilities& o) const
    {
        return eea == o.eea && eia == o.eia;
    }
};

/// The inputs that every EEA/EIA takes besides key and message (TS 33.401 B.1.1, B.2.1).
struct AlgorithmInput
{
    uint32_t count{0}; ///< 32-bit COUNT
    uint8_t bearer{0}; ///< 5-bit BEARER; values above 31 throw std::invalid_argument
    Direction direction{Direction::UPLINK};
};

/**
 * \name Message lengths each algorithm accepts, in bits
 * EeaCipher::Apply, EiaIntegrity::ComputeMac, Encrypt and ComputeMac throw std::invalid_argument
 * (message starting "length:") outside [MinBitLength, MaxBitLength], before any library call:
 *
 * | algorithm | min | max | why |
 * |---|---|---|---|
 * | EEA0, EEA2 | 0 | 2^32-1 | the uint32_t length of Apply() |
 * | EEA1 | 0 | 2^32-8 | ipsec-mb's SNOW 3G f8 takes at most (2^32-1)/8 bytes |
 * | EEA3 | 0 | 65504 | ipsec-mb's ZUC limit (8188 bytes) |
 * | EIA0, EIA2 | 0 | 2^64-1 | the uint64_t length of ComputeMac() |
 * | EIA1 | 1 | 2^32-1 | ipsec-mb's SNOW 3G f9 limit; f9 has no MAC of 0 bits |
 * | EIA3 | 1 | 65504 | ipsec-mb's ZUC limit; EIA3 has no MAC of 0 bits |
 *
 * An EEA of 0 bits is a no-op (nothing to cipher; no library call). EIA0 and EIA2 of 0 bits are
 * defined (EIA0: 0; EIA2: the CMAC of COUNT || BEARER || DIRECTION || 0^26 alone).
 * @{
 */
/// Largest message of 128-EEA3/EIA3: ipsec-mb's ZUC limit (65504 bits = 8188 bytes).
constexpr uint64_t ZUC_MAX_BIT_LENGTH = 65504;
uint64_t MinBitLength(Eea algorithm); ///< shortest message, bits (0 for every EEA)
uint64_t MaxBitLength(Eea algorithm); ///< longest message, bits (table above)
uint64_t MinBitLength(Eia algorithm); ///< shortest message, bits (1 for EIA1/EIA3, else 0)
uint64_t MaxBitLength(Eia algorithm); ///< longest message, bits (table above)

/** @} */

/**
 * \ingroup lte-security
 * An EPS encryption algorithm keyed once, applied to many messages. Keystream XOR: the same
 * call ciphers and deciphers. Bits past the bit length in the last byte are set to zero.
 * Backed by OpenSSL (EEA2) and Intel ipsec-mb (EEA1, EEA3). Key material is wiped on destruction.
 * Errors: std::invalid_argument for a bad BEARER or length (see MaxBitLength()),
 * std::runtime_error when OpenSSL or ipsec-mb reports a failure (its error text included).
 * An object may be used from any thread, one thread at a time.
 */
class EeaCipher
{
  public:
    EeaCipher(Eea algorithm, const AlgKey& key);
    ~EeaCipher();
    EeaCipher(const EeaCipher&) = delete;
    EeaCipher& operator=(const EeaCipher&) = delete;

    /**
     * Ciphers \p bitLength bits of \p in into \p out (ceil(bitLength/8) bytes; may alias).
     */
    void Apply(const AlgorithmInput& in4, const uint8_t* in, uint8_t* out, uint32_t bitLength);

    Eea GetAlgorithm() const
    {
        return m_alg;
    }

    class Impl;

  private:
    Eea m_alg;
    std::unique_ptr<Impl> m_impl;
};

/**
 * \ingroup lte-security
 * An EPS integrity algorithm keyed once, computing the 32-bit MAC-I/NAS-MAC over bit strings.
 * Backed by OpenSSL (EIA2, AES-CMAC) and Intel ipsec-mb (EIA1, EIA3). EIA0 gives 0.
 * Errors and threads as for EeaCipher.
 */
class EiaIntegrity
{
  public:
    EiaIntegrity(Eia algorithm, const AlgKey& key);
    ~EiaIntegrity();
    EiaIntegrity(const EiaIntegrity&) = delete;
    EiaIntegrity& operator=(const EiaIntegrity&) = delete;

    /// \return the MAC of the first \p bitLength bits of \p msg, as a big-endian 32-bit number.
    uint32_t ComputeMac(const AlgorithmInput& in4, const uint8_t* msg, uint64_t bitLength);

    Eia GetAlgorithm() const
    {
        return m_alg;
    }

    class Impl;

  private:
    Eia m_alg;
    std::unique_ptr<Impl> m_impl;
};

/// One-shot ciphering: \return ceil(bitLength/8) bytes. Throws if \p data is shorter.
std::vector<uint8_t> Encrypt(Eea algorithm,
                             const AlgKey& key,
                             const AlgorithmInput& in4,
                             const std::vector<uint8_t>& data,
                             uint32_t bitLength);

/// One-shot MAC. Throws if \p data is shorter than \p bitLength.
uint32_t ComputeMac(Eia algorithm,
                    const AlgKey& key,
                    const AlgorithmInput& in4,
                    const std::vector<uint8_t>& data,
                    uint64_t bitLength);

} // namespace ltesec
} // namespace ns3

#endif /* LTE_SEC_ALGORITHM_H */
