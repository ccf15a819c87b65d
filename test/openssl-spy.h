// A watch on some OpenSSL calls the module makes, for tests of its error paths and of the state it
// leaves behind. test-algorithms.cc defines EVP_CIPHER_CTX_new/free, EVP_EncryptInit_ex2,
// EVP_EncryptUpdate, EVP_MAC_CTX_new/free and EVP_MAC_init in the test program: the dynamic
// linker binds the module's calls to them, and they forward to libcrypto (dlsym RTLD_NEXT).
#ifndef LTESEC_TEST_OPENSSL_SPY_H
#define LTESEC_TEST_OPENSSL_SPY_H

#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

namespace ltesec_test
{

/// Watches the calls of the thread that creates it, for its lifetime (one at a time per thread).
class OpenSslSpy
{
  public:
    OpenSslSpy();
    ~OpenSslSpy();
    OpenSslSpy(const OpenSslSpy&) = delete;
    OpenSslSpy& operator=(const OpenSslSpy&) = delete;

    long cipherContextsCreated{0};
    long cipherContextsFreed{0};
    long macContextsCreated{0};
    long macContextsFreed{0};
    int failEncryptInit{0};    ///< make the next N EVP_EncryptInit_ex2 calls fail
    int failMacInit{0};        ///< make the next N EVP_MAC_init calls with a key fail
    int shortEncryptUpdate{0}; ///< the next N EVP_EncryptUpdate report one byte less
    int calls{0};              ///< calls seen

    /// \return true if a MAC context keyed while watching was last keyed with these bytes and
    /// has not been freed since.
    bool MacContextHoldsKey(const uint8_t* key, std::size_t len) const;

    /// last key per live MAC context
    std::map<const void*, std::vector<uint8_t>> macKeys;
};

} // namespace ltesec_test

#endif
