#include "models/AccountQuery.h"

#include "core/AppContext.h"
#include "core/JsonVariant.h"
#include "engine/RecordQuery.h"

namespace cx::app {

std::shared_ptr<cx::RecordQuery> AccountQuery::current()
{
    auto *ctx = AppContext::instance();
    cx::Engine *engine = ctx ? ctx->engine() : nullptr;
    if (!engine) {
        m_query.reset();
        m_path.clear();
        return nullptr;
    }
    const QString path = qstr(engine->replica().db().path());
    if (!m_query || path != m_path) {
        try {
            m_query = std::make_shared<cx::RecordQuery>(str(path), engine->key(), m_textKey);
            m_path = path;
        } catch (const std::exception &e) {
            m_query.reset();
            m_path.clear();
            ctx->addError(QString::fromUtf8(e.what()));
        }
    }
    return m_query;
}

} // namespace cx::app
