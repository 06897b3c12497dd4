#pragma once
// Attachment files encrypted at rest: a stream of AES-256-GCM records, so a
// 10 MB photo is written, read from any offset, resumed after a cut and checked
// without ever being held whole in memory (docs/security.md, "Attachments").
//
//   file   = "CXS1" | prefix (8 random bytes) | record*
//   record = u32 little-endian: plain length | 0x80000000 on the last record
//            | ciphertext | 16-byte tag
// Each file has its own key, HKDF-SHA256(data key, salt = prefix); record i is
// sealed with nonce prefix | be32(i) and the header, i and the last-flag as
// associated data, so records cannot be reordered, dropped, cut off or moved
// between files unnoticed. A complete file ends with a last record (possibly
// empty); an unfinished download (".part") has none and is resumed by
// appending. With an empty DataKey, files are plain (the unencrypted baseline).
// The content hash the protocol uses stays the SHA-256 of the plain bytes.
#include "engine/DataKey.h"

#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>

namespace cx {

class Sha256Stream;

class SealedWriter
{
public:
    static constexpr size_t kRecordBytes = 64 * 1024;

    // resume = false: a new file (replacing any). resume = true: continue an
    // unfinished one: its records are checked, a torn last record is cut off,
    // and size() says how many plain bytes it already holds (fed to
    // `rehash` if given, so a download can go on hashing).
    SealedWriter(const std::string &path, const DataKey &key, bool resume = false, Sha256Stream *rehash = nullptr);
    ~SealedWriter();
    SealedWriter(const SealedWriter &) = delete;
    SealedWriter &operator=(const SealedWriter &) = delete;

    uint64_t size() const { return m_size; } // plain bytes, written and buffered
    void write(std::string_view data);
    // Seals what is buffered as a record and flushes it to the file, so it
    // survives this process (called before giving up on a cut download).
    void flush();
    // Writes the last record and syncs the file: it is complete.
    void finish();

private:
    void sealRecord(std::string_view plain, bool last);

    std::string m_path;
    std::string m_key; // this file's key (empty: plain)
    std::string m_prefix;
    std::ofstream m_out;
    std::string m_buffer;
    uint64_t m_size = 0;
    uint32_t m_index = 0;
    bool m_finished = false;
};

class SealedReader
{
public:
    // Throws Error(Storage) if the file is not a sealed file of this key.
    SealedReader(const std::string &path, const DataKey &key);
    uint64_t size(); // plain size; walks the record headers
    bool complete(); // ends with a last record
    void seek(uint64_t plainOffset);
    // Up to n plain bytes; 0 at the end. Throws Error(Storage) naming the file
    // if a record fails its tag or the file was cut before its last record.
    size_t read(char *out, size_t n);

private:
    bool nextRecord(); // false at a clean end
    template <class Fn> void eachHeader(Fn &&fn);

    std::string m_path, m_key, m_prefix;
    std::ifstream m_in;
    std::string m_record; // the current record's plain bytes
    size_t m_pos = 0;     // read position in m_record
    uint32_t m_index = 0;
    bool m_sawLast = false;
    bool m_plain = false;
};

// The whole plain content (for showing a photo). Throws like SealedReader.
std::string readSealedFile(const std::string &path, const DataKey &key);
// Seals a plain file (a replica's attachment from before encryption) in place.
void sealPlainFile(const std::string &path, const DataKey &key, bool complete);
// Whether a file starts like a sealed file.
bool looksSealed(const std::string &path);

} // namespace cx
