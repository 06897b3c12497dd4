#pragma once
// Shared by the threading tests: failures seen on worker threads, syncing
// until quiet, settling every conflict of every record.
#include "engine/Engine.h"

#include <QString>
#include <QStringList>

#include <map>
#include <mutex>

// Failures seen on worker threads (QCOMPARE works on the test thread only);
// the first 20 are kept.
struct Failures {
    std::mutex mutex;
    QStringList list;
    void add(const QString &s)
    {
        std::lock_guard l(mutex);
        if (list.size() < 20)
            list << s;
    }
};

// Syncs until a pass moves nothing and nothing is left to send (5 passes at most).
inline void syncQuiet(cx::Engine &e)
{
    for (int i = 0; i < 5; ++i) {
        cx::SyncReport r = e.sync();
        if (r.complete && r.pushed == 0 && r.pulled == 0)
            return;
    }
}

// One resolve per field settles all of that field's conflicts; keeps the value
// that lost. Returns how many resolves were made.
inline int settleAll(cx::Engine &e)
{
    int n = 0;
    for (const auto &r : e.conflicts()) {
        std::map<std::string, cx::Json> fields;
        for (const auto &c : r.conflicts)
            fields.emplace(c.field, c.value);
        for (const auto &[f, v] : fields) {
            e.resolve(r.collection, r.id, f, v);
            ++n;
        }
    }
    return n;
}
