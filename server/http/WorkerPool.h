#pragma once
// A fixed number of threads and a bounded queue of jobs. submit() refuses a
// job at once when the queue is full (the transport then answers 503 with
// Retry-After) instead of letting requests wait without end. Thread-safe.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace cx::server {

class WorkerPool
{
public:
    WorkerPool(std::string name, size_t threads, size_t queueDepth);
    ~WorkerPool(); // stop()
    WorkerPool(const WorkerPool &) = delete;
    WorkerPool &operator=(const WorkerPool &) = delete;

    // false: the queue is full (or the pool stopped); the job was not taken.
    bool submit(std::function<void()> job);
    // Finishes the jobs running, drops the ones waiting, joins the threads.
    void stop();
    size_t threads() const { return m_threads.size(); }

private:
    void work();

    std::string m_name;
    size_t m_depth;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_queue;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace cx::server
