#include "engine/CurlTransport.h"

#include "protocol/Errors.h"
#include "protocol/Messages.h"

#include <curl/curl.h>

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>

namespace cx {

namespace {
std::once_flag g_curlInit;

struct HeaderCapture {
    long status = 0; // of the latest status line
    std::string contentEncoding;
    std::string contentRange;
    long retryAfter = 0;
};

// Where the body goes: the request's sink for a 2xx reply when it has one,
// otherwise the reply's body string.
struct BodyTarget {
    std::string *body = nullptr;
    const HeaderCapture *headers = nullptr;
    const std::function<bool(long, const char *, size_t)> *sink = nullptr;
    bool sinkFailed = false;
};

size_t onWrite(char *data, size_t size, size_t n, void *user)
{
    auto *t = static_cast<BodyTarget *>(user);
    const long st = t->headers->status;
    if (t->sink && *t->sink && st >= 200 && st < 300) {
        if (!(*t->sink)(st, data, size * n)) {
            t->sinkFailed = true;
            return 0; // aborts the transfer (CURLE_WRITE_ERROR)
        }
        return size * n;
    }
    t->body->append(data, size * n);
    return size * n;
}

std::string trimmed(std::string v)
{
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front())))
        v.erase(v.begin());
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back())))
        v.pop_back();
    return v;
}

size_t onHeader(char *data, size_t size, size_t n, void *user)
{
    auto *h = static_cast<HeaderCapture *>(user);
    std::string line(data, size * n);
    std::string lower;
    for (char c : line)
        lower.push_back(char(std::tolower(static_cast<unsigned char>(c))));
    if (lower.rfind("http/", 0) == 0) { // a new status line: earlier headers were of another reply
        auto sp = lower.find(' ');
        h->status = sp == std::string::npos ? 0 : std::atol(lower.c_str() + sp + 1);
        h->contentEncoding.clear();
        h->contentRange.clear();
        h->retryAfter = 0;
    }
    const std::string retry = "retry-after:";
    if (lower.rfind(retry, 0) == 0) { // seconds; an HTTP date is not sent by our server
        std::string v = trimmed(lower.substr(retry.size()));
        if (!v.empty() && v.size() < 9 && v.find_first_not_of("0123456789") == std::string::npos)
            h->retryAfter = std::atol(v.c_str());
    }
    const std::string key = "content-encoding:", range = "content-range:";
    if (lower.rfind(key, 0) == 0)
        h->contentEncoding = trimmed(lower.substr(key.size()));
    if (lower.rfind(range, 0) == 0)
        h->contentRange = trimmed(lower.substr(range.size()));
    return size * n;
}

int onProgress(void *user, curl_off_t dlTotal, curl_off_t dlNow, curl_off_t ulTotal, curl_off_t ulNow)
{
    auto *fn = static_cast<ProgressFn *>(user);
    if (fn && *fn)
        (*fn)(uint64_t(ulNow), uint64_t(ulTotal), uint64_t(dlNow), uint64_t(dlTotal));
    return 0;
}

ErrorKind kindOf(CURLcode rc, const std::string &detail)
{
    // A link cut in the middle of a handshake is the network, not a certificate.
    if (rc == CURLE_SSL_CONNECT_ERROR) {
        for (const char *cut : {"reset", "SYSCALL", "unexpected eof", "Broken pipe", "Connection refused"})
            if (detail.find(cut) != std::string::npos)
                return ErrorKind::Network;
    }
    switch (rc) {
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_ISSUER_ERROR:
        return ErrorKind::Tls;
    default:
        return ErrorKind::Network;
    }
}

// The host of a URL as libcurl itself will connect to it (user info, ports,
// brackets and odd spellings handled by curl's own parser); "" if it does not parse.
std::string hostOf(const std::string &url)
{
    CURLU *u = curl_url();
    std::string host;
    char *h = nullptr;
    if (u && curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK && curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK &&
        h)
        host = h;
    curl_free(h);
    curl_url_cleanup(u);
    return host;
}

// A literal loopback address (127.0.0.0/8 or ::1), never a name: a name may
// resolve anywhere.
bool isLiteralLoopback(const std::string &host)
{
    in_addr v4{};
    if (inet_pton(AF_INET, host.c_str(), &v4) == 1)
        return (ntohl(v4.s_addr) >> 24) == 127;
    std::string h = host;
    if (h.size() > 2 && h.front() == '[' && h.back() == ']')
        h = h.substr(1, h.size() - 2);
    in6_addr v6{};
    return inet_pton(AF_INET6, h.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}
} // namespace

void checkServerUrl(const std::string &url)
{
    if (url.rfind("https://", 0) == 0 && hostOf(url).size() > 0)
        return;
    if (url.rfind("http://", 0) == 0) {
        std::string h = hostOf(url);
        if (isLiteralLoopback(h))
            return;
        throw Error(ErrorKind::Invalid, "refusing plain http to " + h + ": use https:// (plain http is for this machine only)");
    }
    throw Error(ErrorKind::Invalid, "not a server address: \"" + url + "\" (expected https://HOST:PORT)");
}

CurlTransport::CurlTransport(TransportOptions options) : m_options(std::move(options))
{
    checkServerUrl(m_options.baseUrl);
    std::call_once(g_curlInit, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_curl = curl_easy_init();
    if (!m_curl)
        throw Error(ErrorKind::Network, "could not start the network library");
}

CurlTransport::~CurlTransport()
{
    if (m_curl)
        curl_easy_cleanup(m_curl);
}

HttpReply CurlTransport::post(const std::string &path, const std::string &body, const std::string &bearerToken)
{
    HttpRequest r;
    r.path = path;
    r.body = body;
    r.bearerToken = bearerToken;
    return send(r);
}

HttpReply CurlTransport::send(const HttpRequest &request)
{
    const std::string &path = request.path;
    const std::string &body = request.body;
    const std::string &bearerToken = request.bearerToken;
    CURL *c = m_curl;
    curl_easy_reset(c); // keeps the live connection and the TLS session cache
    std::string url = m_options.baseUrl;
    while (!url.empty() && url.back() == '/')
        url.pop_back();
    url += path;

    HttpReply reply;
    HeaderCapture headers;
    char errbuf[CURL_ERROR_SIZE] = {0};

    curl_slist *hdrs = nullptr;
    std::string ctype = "Content-Type: " + request.contentType;
    std::string cenc = "Content-Encoding: " + request.contentEncoding;
    std::string range = "Range: " + request.range;
    if (request.method != "GET") {
        hdrs = curl_slist_append(hdrs, ctype.c_str());
        if (!request.contentEncoding.empty())
            hdrs = curl_slist_append(hdrs, cenc.c_str());
    }
    if (!request.range.empty())
        hdrs = curl_slist_append(hdrs, range.c_str());
    hdrs = curl_slist_append(hdrs, "Accept-Encoding: zstd");
    // What the bureau's device list shows (admin devices, docs/protocol.md).
    static const std::string app = std::string(kAppHeader) + ": cunxiao/" CX_ENGINE_VERSION;
    hdrs = curl_slist_append(hdrs, app.c_str());
    hdrs = curl_slist_append(hdrs, "Expect:");
    std::string auth;
    if (!bearerToken.empty()) {
        auth = "Authorization: Bearer " + bearerToken;
        hdrs = curl_slist_append(hdrs, auth.c_str());
    }
    std::unique_ptr<curl_slist, void (*)(curl_slist *)> hdrGuard(hdrs, curl_slist_free_all);

    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    if (request.method == "GET") {
        curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
    } else {
        curl_easy_setopt(c, CURLOPT_POST, 1L);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
        if (request.method != "POST")
            curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    }
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
    BodyTarget target{&reply.body, &headers, request.sink ? &request.sink : nullptr};
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, onWrite);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &target);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, onHeader);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &headers);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, m_options.connectTimeoutSec);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, m_options.lowSpeedBytesPerSec);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, m_options.lowSpeedSeconds);
    curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSLVERSION, long(CURL_SSLVERSION_TLSv1_2)); // TLS 1.2 at least
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!m_options.caFile.empty())
        curl_easy_setopt(c, CURLOPT_CAINFO, m_options.caFile.c_str());
    if (!m_options.pin.empty())
        curl_easy_setopt(c, CURLOPT_PINNEDPUBLICKEY, m_options.pin.c_str());
    if (m_progress) {
        curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, onProgress);
        curl_easy_setopt(c, CURLOPT_XFERINFODATA, &m_progress);
        curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    }

    CURLcode rc = curl_easy_perform(c);
    if (target.sinkFailed)
        throw Error(ErrorKind::Storage, "the download from " + m_options.baseUrl + path + " could not be stored (disk full?)");
    if (rc != CURLE_OK) {
        std::string detail = errbuf[0] ? errbuf : curl_easy_strerror(rc);
        if (rc == CURLE_OPERATION_TIMEDOUT)
            detail = "no progress for " + std::to_string(m_options.lowSpeedSeconds) + " s (" + detail + ")";
        if (rc == CURLE_SSL_PINNEDPUBKEYNOTMATCH)
            detail = "the server's public key does not match the pinned key";
        throw Error(kindOf(rc, detail), "cannot reach " + m_options.baseUrl + ": " + detail);
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply.status);
    curl_off_t up = 0, down = 0;
    long reqSize = 0, hdrSize = 0;
    curl_easy_getinfo(c, CURLINFO_SIZE_UPLOAD_T, &up);
    curl_easy_getinfo(c, CURLINFO_SIZE_DOWNLOAD_T, &down);
    curl_easy_getinfo(c, CURLINFO_REQUEST_SIZE, &reqSize);
    curl_easy_getinfo(c, CURLINFO_HEADER_SIZE, &hdrSize);
    // REQUEST_SIZE already counts the body curl sent (a 1 MB upload counted twice
    // before); take it, or the body alone if it is larger.
    reply.bytesUp = std::max(uint64_t(reqSize), uint64_t(up));
    reply.bytesDown = uint64_t(hdrSize) + uint64_t(down);
    reply.contentEncoding = headers.contentEncoding;
    reply.contentRange = headers.contentRange;
    reply.retryAfterSec = headers.retryAfter;
    curl_easy_getinfo(c, CURLINFO_NUM_CONNECTS, &reply.newConnections);
    return reply;
}

} // namespace cx
