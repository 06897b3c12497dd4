#pragma once
// CipherSpeed: SQLCipher's per-page crypto without a per-page algorithm
// lookup. SQLCipher 4.5.5's OpenSSL provider fetches HMAC (EVP_MAC_fetch) and
// its digest, and AES-256-CBC (an implicit fetch behind EVP_aes_256_cbc()),
// for every page it reads or writes; in OpenSSL 3 each fetch takes a lock and
// a lookup, which is most of the cost of a small save and of a cold start
// (docs/security.md, bench_encryption). useFastPageCrypto() replaces the
// provider's `hmac` and `cipher` with the same algorithms fetched once per
// process and a context kept per thread: the bytes on disk are the same (it
// checks both against SQLCipher's own on random pages before it switches,
// and keeps SQLCipher's if any differs).
//
// SQLCipher frees its provider when the last keyed connection closes and makes
// a new one at the next, so the switch keeps one keyed in-memory connection
// open for the life of the process. applyKey() calls it before every key.
namespace cx {

// Idempotent and thread-safe; true if the fast functions are in use.
bool useFastPageCrypto();

} // namespace cx
