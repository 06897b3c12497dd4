#include "engine/SealedFile.h"

#include "protocol/Bundle.h"
#include "protocol/Crypto.h"
#include "protocol/Errors.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

namespace cx {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[4] = {'C', 'X', 'S', '1'};
constexpr size_t kHeaderBytes = 12; // magic + prefix
constexpr size_t kTagBytes = 16;
constexpr uint32_t kLastFlag = 0x80000000u;
constexpr uint32_t kMaxRecord = 1u << 20; // a record longer than this is damage, not data

std::string fileKey(const DataKey &key, const std::string &prefix)
{
    return key.empty() ? std::string() : hkdfSha256(key.raw(), prefix, "cunxiao attachment v1");
}

std::string be32(uint32_t v) { return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)}; }

std::string le32(uint32_t v) { return std::string{char(v), char(v >> 8), char(v >> 16), char(v >> 24)}; }

uint32_t readLe32(const char *p)
{
    auto b = [p](int i) { return uint32_t(static_cast<unsigned char>(p[i])); };
    return b(0) | (b(1) << 8) | (b(2) << 16) | (b(3) << 24);
}

std::string nonceOf(const std::string &prefix, uint32_t index) { return prefix + be32(index); }

std::string aadOf(const std::string &prefix, uint32_t index, bool last)
{
    return std::string(kMagic, 4) + prefix + be32(index) + char(last ? 1 : 0);
}

[[noreturn]] void damaged(const std::string &path, const std::string &why)
{
    throw Error(ErrorKind::Storage, "the attachment file " + path + " is damaged or not this device's: " + why);
}

void syncFile(const std::string &path)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Walks the records of a sealed file from after the header. For each complete
// record calls fn(index, last, plain); stops at the first torn or failing
// record. Returns the offset where the good records end.
template <class Fn> uint64_t walk(std::ifstream &in, const std::string &key, const std::string &prefix, Fn &&fn)
{
    uint64_t good = kHeaderBytes;
    in.seekg(std::streamoff(kHeaderBytes));
    for (uint32_t index = 0;; ++index) {
        char h[4];
        if (!in.read(h, 4))
            break;
        const uint32_t word = readLe32(h);
        const bool last = word & kLastFlag;
        const uint32_t len = word & ~kLastFlag;
        if (len > kMaxRecord)
            break;
        std::string sealed(len + kTagBytes, '\0');
        if (!in.read(sealed.data(), std::streamsize(sealed.size())))
            break;
        std::string plain;
        if (!aesGcmOpen(key, nonceOf(prefix, index), aadOf(prefix, index, last), sealed, plain))
            break;
        good += 4 + sealed.size();
        if (!fn(index, last, plain))
            break;
    }
    in.clear();
    return good;
}

} // namespace

SealedWriter::SealedWriter(const std::string &path, const DataKey &key, bool resume, Sha256Stream *rehash) : m_path(path)
{
    std::error_code ec;
    if (resume && fs::exists(path, ec)) {
        if (key.empty()) {
            // Plain: what is there is what arrived.
            std::ifstream in(path, std::ios::binary);
            std::string buf(64 * 1024, '\0');
            while (in.read(buf.data(), std::streamsize(buf.size())) || in.gcount() > 0) {
                if (rehash)
                    rehash->update(buf.data(), size_t(in.gcount()));
                m_size += uint64_t(in.gcount());
            }
            m_out.open(path, std::ios::binary | std::ios::app);
            if (!m_out)
                throw Error(ErrorKind::Storage, "cannot write " + path);
            return;
        }
        std::ifstream in(path, std::ios::binary);
        char header[kHeaderBytes];
        if (in.read(header, kHeaderBytes) && std::string_view(header, 4) == std::string_view(kMagic, 4)) {
            m_prefix.assign(header + 4, 8);
            m_key = fileKey(key, m_prefix);
            const uint64_t good = walk(in, m_key, m_prefix, [&](uint32_t index, bool last, const std::string &plain) {
                if (last)
                    return false; // a finished file reopened: its last record is written again
                if (rehash)
                    rehash->update(plain.data(), plain.size());
                m_size += plain.size();
                m_index = index + 1;
                return true;
            });
            in.close();
            fs::resize_file(path, good, ec);
            if (ec)
                throw Error(ErrorKind::Storage, "cannot write " + path + ": " + ec.message());
            m_out.open(path, std::ios::binary | std::ios::app);
            if (!m_out)
                throw Error(ErrorKind::Storage, "cannot write " + path);
            return;
        }
        // Not a sealed file (or a header cut short): start again.
    }
    m_out.open(path, std::ios::binary | std::ios::trunc);
    if (!m_out)
        throw Error(ErrorKind::Storage, "cannot write " + path);
    if (!key.empty()) {
        unsigned char p[8];
        randomBytes(p, sizeof p);
        m_prefix.assign(reinterpret_cast<const char *>(p), sizeof p);
        m_key = fileKey(key, m_prefix);
        m_out.write(kMagic, 4);
        m_out.write(m_prefix.data(), std::streamsize(m_prefix.size()));
    }
}

SealedWriter::~SealedWriter()
{
    if (!m_finished) {
        try {
            flush(); // an unfinished file keeps what arrived (a download resumes from it)
        } catch (...) {
        }
    }
}

void SealedWriter::sealRecord(std::string_view plain, bool last)
{
    if (m_key.empty()) {
        m_out.write(plain.data(), std::streamsize(plain.size()));
    } else {
        const std::string sealed = aesGcmSeal(m_key, nonceOf(m_prefix, m_index), aadOf(m_prefix, m_index, last), plain);
        const std::string h = le32(uint32_t(plain.size()) | (last ? kLastFlag : 0));
        m_out.write(h.data(), 4);
        m_out.write(sealed.data(), std::streamsize(sealed.size()));
        ++m_index;
    }
    if (!m_out)
        throw Error(ErrorKind::Storage, "cannot write " + m_path + " (disk full?)");
}

void SealedWriter::write(std::string_view data)
{
    if (m_finished)
        throw Error(ErrorKind::Storage, "internal: write after finish of " + m_path);
    m_buffer.append(data);
    m_size += data.size();
    size_t done = 0;
    while (m_buffer.size() - done >= kRecordBytes) {
        sealRecord(std::string_view(m_buffer).substr(done, kRecordBytes), false);
        done += kRecordBytes;
    }
    m_buffer.erase(0, done);
}

void SealedWriter::flush()
{
    if (!m_buffer.empty()) {
        sealRecord(m_buffer, false);
        OPENSSL_cleanse(m_buffer.data(), m_buffer.size());
        m_buffer.clear();
    }
    m_out.flush();
    if (!m_out)
        throw Error(ErrorKind::Storage, "cannot write " + m_path + " (disk full?)");
}

void SealedWriter::finish()
{
    if (m_finished)
        return;
    sealRecord(m_buffer, true);
    OPENSSL_cleanse(m_buffer.data(), m_buffer.size());
    m_buffer.clear();
    m_out.flush();
    if (!m_out)
        throw Error(ErrorKind::Storage, "cannot write " + m_path + " (disk full?)");
    m_out.close();
    syncFile(m_path);
    m_finished = true;
}

SealedReader::SealedReader(const std::string &path, const DataKey &key) : m_path(path)
{
    m_in.open(path, std::ios::binary);
    if (!m_in)
        throw Error(ErrorKind::NotFound, "cannot read " + path);
    if (key.empty()) {
        m_plain = true;
        return;
    }
    char header[kHeaderBytes];
    if (!m_in.read(header, kHeaderBytes) || std::string_view(header, 4) != std::string_view(kMagic, 4))
        damaged(path, "it is not an encrypted attachment");
    m_prefix.assign(header + 4, 8);
    m_key = fileKey(key, m_prefix);
}

// Every record's header word, in order, skipping the sealed bytes (nothing is
// decrypted); the read position is kept.
template <class Fn> void SealedReader::eachHeader(Fn &&fn)
{
    const auto pos = m_in.tellg();
    m_in.seekg(std::streamoff(kHeaderBytes));
    char h[4];
    while (m_in.read(h, 4)) {
        const uint32_t word = readLe32(h);
        fn(word & ~kLastFlag, bool(word & kLastFlag));
        m_in.seekg(std::streamoff((word & ~kLastFlag) + kTagBytes), std::ios::cur);
    }
    m_in.clear();
    m_in.seekg(pos);
}

uint64_t SealedReader::size()
{
    uint64_t total = 0;
    if (m_plain) {
        const auto pos = m_in.tellg();
        m_in.seekg(0, std::ios::end);
        total = uint64_t(m_in.tellg());
        m_in.clear();
        m_in.seekg(pos);
        return total;
    }
    eachHeader([&](uint32_t len, bool) { total += len; });
    return total;
}

bool SealedReader::complete()
{
    bool last = m_plain;
    if (!m_plain)
        eachHeader([&](uint32_t, bool isLast) { last = isLast; });
    return last;
}

bool SealedReader::nextRecord()
{
    if (m_sawLast)
        return false;
    char h[4];
    if (!m_in.read(h, 4)) {
        if (m_in.gcount() == 0)
            damaged(m_path, "it ends before its last record (cut short)");
        damaged(m_path, "a record is cut short");
    }
    const uint32_t word = readLe32(h);
    const bool last = word & kLastFlag;
    const uint32_t len = word & ~kLastFlag;
    if (len > kMaxRecord)
        damaged(m_path, "a record's length is impossible");
    std::string sealed(len + kTagBytes, '\0');
    if (!m_in.read(sealed.data(), std::streamsize(sealed.size())))
        damaged(m_path, "a record is cut short");
    if (!aesGcmOpen(m_key, nonceOf(m_prefix, m_index), aadOf(m_prefix, m_index, last), sealed, m_record))
        damaged(m_path, "record " + std::to_string(m_index) + " fails its check (changed, moved or another key)");
    ++m_index;
    m_pos = 0;
    m_sawLast = last;
    return true;
}

void SealedReader::seek(uint64_t plainOffset)
{
    m_in.clear();
    if (m_plain) {
        m_in.seekg(std::streamoff(plainOffset));
        return;
    }
    m_in.seekg(std::streamoff(kHeaderBytes));
    m_index = 0;
    m_sawLast = false;
    m_record.clear();
    m_pos = 0;
    uint64_t at = 0;
    char h[4];
    while (m_in.read(h, 4)) {
        const uint32_t word = readLe32(h);
        const uint32_t len = word & ~kLastFlag;
        if (at + len > plainOffset || (word & kLastFlag)) {
            m_in.seekg(-4, std::ios::cur);
            nextRecord();
            m_pos = size_t(std::min<uint64_t>(plainOffset - at, m_record.size()));
            return;
        }
        at += len;
        m_in.seekg(std::streamoff(len + kTagBytes), std::ios::cur);
        ++m_index;
    }
    damaged(m_path, "it ends before its last record (cut short)");
}

size_t SealedReader::read(char *out, size_t n)
{
    if (m_plain) {
        m_in.read(out, std::streamsize(n));
        return size_t(m_in.gcount());
    }
    size_t done = 0;
    while (done < n) {
        if (m_pos == m_record.size()) {
            if (!nextRecord())
                break;
            continue;
        }
        const size_t take = std::min(n - done, m_record.size() - m_pos);
        std::copy_n(m_record.data() + m_pos, take, out + done);
        m_pos += take;
        done += take;
    }
    return done;
}

std::string readSealedFile(const std::string &path, const DataKey &key)
{
    SealedReader r(path, key);
    std::string out;
    std::string buf(64 * 1024, '\0');
    while (size_t n = r.read(buf.data(), buf.size()))
        out.append(buf.data(), n);
    return out;
}

bool looksSealed(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    char m[4];
    return in.read(m, 4) && std::string_view(m, 4) == std::string_view(kMagic, 4);
}

void sealPlainFile(const std::string &path, const DataKey &key, bool complete)
{
    const std::string tmp = path + ".sealing";
    {
        std::ifstream in(path, std::ios::binary);
        if (!in)
            throw Error(ErrorKind::NotFound, "cannot read " + path);
        SealedWriter w(tmp, key);
        std::string buf(64 * 1024, '\0');
        while (in.read(buf.data(), std::streamsize(buf.size())) || in.gcount() > 0)
            w.write(std::string_view(buf.data(), size_t(in.gcount())));
        if (complete)
            w.finish();
        else
            w.flush();
    }
    syncFile(tmp);
    fs::rename(tmp, path);
}

} // namespace cx
