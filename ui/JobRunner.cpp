#include "JobRunner.h"

#include "Logging.h"

namespace bouncelens {

JobRunner::JobRunner(QString threadName, QThread::Priority priority, QObject *parent)
    : QObject(parent)
    , m_threadName(std::move(threadName))
    , m_priority(priority)
{ }

JobRunner::~JobRunner()
{
    m_queue.clear();
    if (m_thread) {
        m_cancelled->store(true);
        if (m_onCancel)
            m_onCancel();
        m_thread->wait();
        delete m_thread;
    }
}

bool JobRunner::start(Job job, CancelHook onCancel)
{
    if (m_thread || !m_queue.isEmpty())
        return false;
    enqueue(std::move(job), std::move(onCancel));
    return true;
}

void JobRunner::enqueue(Job job, CancelHook onCancel)
{
    m_queue.append({std::move(job), std::move(onCancel)});
    if (!m_thread)
        startNext();
}

void JobRunner::cancel()
{
    m_queue.clear();
    if (!m_thread)
        return;
    qCDebug(lcUi).noquote() << m_threadName << "job: cancel requested after" << m_elapsed.elapsed() << "ms";
    m_cancelled->store(true);
    if (m_onCancel)
        m_onCancel();
}

void JobRunner::startNext()
{
    if (m_queue.isEmpty()) {
        emit idle();
        return;
    }
    Pending next = m_queue.takeFirst();
    m_cancelled = std::make_shared<std::atomic_bool>(false);
    m_onCancel = std::move(next.onCancel);
    const Run run(this, ++m_runId, m_cancelled);
    m_thread = QThread::create([job = std::move(next.job), run] { job(run); });
    m_thread->setObjectName(m_threadName);
    connect(m_thread, &QThread::finished, this, &JobRunner::threadFinished);
    qCDebug(lcUi).noquote() << m_threadName << "job started," << m_queue.size() << "more queued";
    m_elapsed.start();
    emit started();
    m_thread->start(m_priority);
}

// QThread::finished is emitted on the worker thread after the job returned, so its queued
// delivery here comes after every call the job posted.
void JobRunner::threadFinished()
{
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    m_onCancel = {};
    qCDebug(lcUi).noquote() << m_threadName
                            << (m_cancelled->load() ? "job cancelled after" : "job finished after")
                            << m_elapsed.elapsed() << "ms";
    emit finished(m_cancelled->load());
    if (!m_thread) // a finished() slot may have started the next job itself
        startNext();
}

} // namespace bouncelens
