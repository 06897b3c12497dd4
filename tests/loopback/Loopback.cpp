#include "TestKey.h"
#include "Loopback.h"

namespace cxt {

Loopback::Loopback()
{
    cx::server::HttpOptions o;
    o.log = false;
    o.attachmentsDir = attachmentsDir();
    server = std::make_unique<cx::server::HttpServer>(stores, validator, o);
}

std::string Loopback::attachmentsDir() const { return (county.dir.path() + "/attachments").toStdString(); }

std::string Loopback::replicaPath(const std::string &name) const
{
    return (devices.path() + "/" + QString::fromStdString(name) + ".db").toStdString();
}

std::unique_ptr<cx::Engine> Loopback::open(const std::string &name)
{
    const std::string path = replicaPath(name);
    auto factory = [this, name](const cx::TransportOptions &) -> std::unique_ptr<cx::Transport> {
        auto t = std::make_unique<LoopbackTransport>(server->routeTable());
        auto hook = [name](std::map<std::string, LoopbackTransport::LinkFn> &faults) {
            return [&faults, name](const cx::HttpRequest &r) {
                auto it = faults.find(name);
                if (it != faults.end() && it->second)
                    it->second(r);
            };
        };
        t->setLink(hook(beforeServer), hook(afterServer));
        t->setSubstitute([this, name](const cx::HttpRequest &r) -> std::optional<cx::HttpReply> {
            auto it = substitute.find(name);
            if (it != substitute.end() && it->second)
                return it->second(r);
            return std::nullopt;
        });
        return t;
    };
    auto engine = std::make_unique<cx::Engine>(path, testKey(), factory);
    cx::SyncTuning t = engine->tuning();
    t.maxRetries = 8; // as over a real link (an injected transport defaults to 0)
    t.backoffMs = 1;  // a lost reply is retried at once: nothing waits here
    t.backoffMaxMs = 2;
    engine->setTuning(t);
    return engine;
}

std::unique_ptr<cx::Engine> Loopback::device(const std::string &user, const std::string &name)
{
    auto e = open(name);
    cx::TransportOptions o;
    o.baseUrl = "http://127.0.0.1:1"; // never dialled: the loopback carries it
    e->enroll(o, user, "secret1", name);
    return e;
}

std::unique_ptr<cx::Engine> Loopback::reopen(const std::string &name) { return open(name); }

} // namespace cxt
