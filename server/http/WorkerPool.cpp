#include "http/WorkerPool.h"

#include <algorithm>
#include <cstdio>
#include <exception>

namespace cx::server {

WorkerPool::WorkerPool(std::string name, size_t threads, size_t queueDepth) : m_name(std::move(name)), m_depth(queueDepth)
{
    for (size_t i = 0; i < std::max<size_t>(threads, 1); ++i)
        m_threads.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() { stop(); }

bool WorkerPool::submit(std::function<void()> job)
{
    {
        std::lock_guard g(m_mutex);
        if (m_stopping || m_queue.size() >= m_depth)
            return false;
        m_queue.push_back(std::move(job));
    }
    m_wake.notify_one();
    return true;
}

void WorkerPool::stop()
{
    std::deque<std::function<void()>> dropped;
    {
        std::lock_guard g(m_mutex);
        m_stopping = true;
        dropped.swap(m_queue);
    }
    m_wake.notify_all();
    for (auto &t : m_threads)
        if (t.joinable())
            t.join();
    dropped.clear(); // outside the lock: a job's captures may take locks of their own
}

void WorkerPool::work()
{
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock l(m_mutex);
            m_wake.wait(l, [this] { return m_stopping || !m_queue.empty(); });
            if (m_stopping)
                return;
            job = std::move(m_queue.front());
            m_queue.pop_front();
        }
        try {
            job();
        } catch (const std::exception &e) {
            std::fprintf(stderr, "cunxiao-server: %s worker: %s\n", m_name.c_str(), e.what());
        }
    }
}

} // namespace cx::server
