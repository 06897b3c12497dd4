#include "engine/CipherSpeed.h"

#include <sqlite3.h>

#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <array>
#include <cstring>
#include <mutex>

// SQLCipher 4.5.5's provider interface (crypto.h in the amalgamation, not in
// sqlite3.h). third_party/sqlcipher/README.md: check this layout on update.
extern "C" {
typedef struct {
    int (*activate)(void *ctx);
    int (*deactivate)(void *ctx);
    const char *(*get_provider_name)(void *ctx);
    int (*add_random)(void *ctx, void *buffer, int length);
    int (*random)(void *ctx, void *buffer, int length);
    int (*hmac)(void *ctx, int algorithm, unsigned char *hmac_key, int key_sz, unsigned char *in, int in_sz, unsigned char *in2,
                int in2_sz, unsigned char *out);
    int (*kdf)(void *ctx, int algorithm, const unsigned char *pass, int pass_sz, unsigned char *salt, int salt_sz, int workfactor,
               int key_sz, unsigned char *key);
    int (*cipher)(void *ctx, int mode, unsigned char *key, int key_sz, unsigned char *iv, unsigned char *in, int in_sz,
                  unsigned char *out);
    const char *(*get_cipher)(void *ctx);
    int (*get_key_sz)(void *ctx);
    int (*get_iv_sz)(void *ctx);
    int (*get_block_sz)(void *ctx);
    int (*get_hmac_sz)(void *ctx, int algorithm);
    int (*ctx_init)(void **ctx);
    int (*ctx_free)(void **ctx);
    int (*fips_status)(void *ctx);
    const char *(*get_provider_version)(void *ctx);
} sqlcipher_provider;
sqlcipher_provider *sqlcipher_get_provider(void);
}

namespace cx {
namespace {

constexpr int kHmacAlgorithms = 3; // SQLCIPHER_HMAC_SHA1, _SHA256, _SHA512 (0, 1, 2)
constexpr const char *kDigestNames[kHmacAlgorithms] = {"SHA1", "SHA256", "SHA512"};

EVP_MAC *g_hmac = nullptr;
sqlite3 *g_keepActive = nullptr; // the keyed in-memory connection, open until exit
EVP_CIPHER *g_aes = nullptr;

// One HMAC context per digest and one cipher context, per thread: SQLCipher
// calls the provider from whichever thread uses the connection.
struct ThreadContexts {
    std::array<EVP_MAC_CTX *, kHmacAlgorithms> hmac{};
    EVP_CIPHER_CTX *cipher = nullptr;
    ~ThreadContexts()
    {
        for (auto *c : hmac)
            EVP_MAC_CTX_free(c);
        EVP_CIPHER_CTX_free(cipher);
    }
};

ThreadContexts &contexts()
{
    thread_local ThreadContexts t;
    return t;
}

int fastHmac(void *, int algorithm, unsigned char *key, int keySize, unsigned char *in, int inSize, unsigned char *in2,
             int in2Size, unsigned char *out)
{
    if (algorithm < 0 || algorithm >= kHmacAlgorithms || in == nullptr)
        return SQLITE_ERROR;
    EVP_MAC_CTX *&ctx = contexts().hmac[size_t(algorithm)];
    if (ctx == nullptr) {
        ctx = EVP_MAC_CTX_new(g_hmac);
        OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string("digest", const_cast<char *>(kDigestNames[algorithm]), 0),
                               OSSL_PARAM_construct_end()};
        if (ctx == nullptr || EVP_MAC_CTX_set_params(ctx, params) != 1) {
            EVP_MAC_CTX_free(ctx);
            ctx = nullptr;
            return SQLITE_ERROR;
        }
    }
    // A new key on the same digest: no fetch, only the key schedule.
    size_t outSize = 0;
    if (EVP_MAC_init(ctx, key, size_t(keySize), nullptr) != 1 || EVP_MAC_update(ctx, in, size_t(inSize)) != 1 ||
        (in2 != nullptr && EVP_MAC_update(ctx, in2, size_t(in2Size)) != 1) ||
        EVP_MAC_final(ctx, out, &outSize, size_t(EVP_MAC_CTX_get_mac_size(ctx))) != 1)
        return SQLITE_ERROR;
    return SQLITE_OK;
}

int fastCipher(void *, int mode, unsigned char *key, int, unsigned char *iv, unsigned char *in, int inSize, unsigned char *out)
{
    EVP_CIPHER_CTX *&ctx = contexts().cipher;
    if (ctx == nullptr && (ctx = EVP_CIPHER_CTX_new()) == nullptr)
        return SQLITE_ERROR;
    int n = 0, tail = 0;
    if (EVP_CipherInit_ex2(ctx, g_aes, key, iv, mode, nullptr) != 1 || EVP_CIPHER_CTX_set_padding(ctx, 0) != 1 ||
        EVP_CipherUpdate(ctx, out, &n, in, inSize) != 1 || EVP_CipherFinal_ex(ctx, out + n, &tail) != 1 || n + tail != inSize)
        return SQLITE_ERROR;
    return SQLITE_OK;
}

// The fast functions give SQLCipher's bytes: HMAC of each digest (with and
// without the page-number suffix) and AES both ways on random pages.
bool sameAsSqlcipher(const sqlcipher_provider &stock)
{
    unsigned char key[64], iv[16], page[4096], pgno[4] = {7, 0, 0, 0};
    if (RAND_bytes(key, sizeof key) != 1 || RAND_bytes(iv, sizeof iv) != 1 || RAND_bytes(page, sizeof page) != 1)
        return false;
    for (int alg = 0; alg < kHmacAlgorithms; ++alg)
        for (unsigned char *suffix : {pgno, static_cast<unsigned char *>(nullptr)}) {
            unsigned char a[64] = {}, b[64] = {};
            if (stock.hmac(nullptr, alg, key, 32, page, int(sizeof page), suffix, 4, a) != SQLITE_OK ||
                fastHmac(nullptr, alg, key, 32, page, int(sizeof page), suffix, 4, b) != SQLITE_OK || std::memcmp(a, b, 64) != 0)
                return false;
        }
    for (int mode : {1, 0}) { // encrypt, decrypt
        static unsigned char a[4096], b[4096];
        if (stock.cipher(nullptr, mode, key, 32, iv, page, int(sizeof page), a) != SQLITE_OK ||
            fastCipher(nullptr, mode, key, 32, iv, page, int(sizeof page), b) != SQLITE_OK || std::memcmp(a, b, sizeof a) != 0)
            return false;
    }
    return true;
}

bool install()
{
    // Keeps SQLCipher's provider alive for the process (see the header).
    if (sqlite3_open_v2(":memory:", &g_keepActive, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, nullptr) != SQLITE_OK ||
        sqlite3_key(g_keepActive, "keep-sqlcipher-active", 21) != SQLITE_OK) {
        sqlite3_close(g_keepActive);
        g_keepActive = nullptr;
        return false;
    }
    sqlcipher_provider *p = sqlcipher_get_provider();
    if (p == nullptr || p->get_provider_name == nullptr || std::strcmp(p->get_provider_name(nullptr), "openssl") != 0)
        return false;
    g_hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    g_aes = EVP_CIPHER_fetch(nullptr, "AES-256-CBC", nullptr);
    if (g_hmac == nullptr || g_aes == nullptr || !sameAsSqlcipher(*p))
        return false;
    p->hmac = fastHmac;
    p->cipher = fastCipher;
    return true;
}

} // namespace

bool useFastPageCrypto()
{
    static std::once_flag once;
    static bool installed = false;
    std::call_once(once, [] { installed = install(); });
    return installed;
}

} // namespace cx
