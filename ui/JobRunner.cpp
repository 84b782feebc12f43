#include "JobRunner.h"

#include <ridgeworks/common/Error.h>

#include <QMetaObject>
#include <QMutex>
#include <QMutexLocker>
#include <QtConcurrent/QtConcurrentRun>

#include <exception>

namespace rw {

// Progress crosses threads through a one-event mailbox: the worker overwrites the latest
// event and posts a delivery only when none is pending, so a fast job cannot flood the
// GUI's event queue.
struct JobRunner::ProgressMailbox {
    QMutex mutex;
    std::optional<ProgressEvent> latest;
    bool deliveryPosted = false;
};

JobRunner::JobRunner(QObject* parent)
    : QObject(parent)
{
    // One worker: jobs run in submission order, and a job that wants parallelism (OpenCV
    // does) gets the cores to itself.
    m_pool.setMaxThreadCount(1);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &JobRunner::finishCurrent);
}

JobRunner::~JobRunner()
{
    m_queue.clear();
    if (m_running)
        m_running->cancel.cancel();
    // The worker only touches its own copies and the mailbox; deliveries posted to this
    // object are discarded with it.
    m_pool.waitForDone();
}

QString JobRunner::currentTitle() const
{
    return m_running ? m_running->job.title : QString();
}

void JobRunner::submit(const QString& title, Work work, Done onDone)
{
    m_queue.push_back(Job{title, std::move(work), std::move(onDone)});
    if (!m_running)
        startNext();
    else
        Q_EMIT queueChanged(queuedCount());
}

void JobRunner::cancelAll()
{
    const bool hadQueue = !m_queue.empty();
    m_queue.clear();
    if (hadQueue)
        Q_EMIT queueChanged(0);
    if (m_running)
        m_running->cancel.cancel();
}

void JobRunner::startNext()
{
    if (m_queue.empty())
        return;
    m_running.emplace(
        Running{std::move(m_queue.front()), CancelToken{}, std::make_shared<ProgressMailbox>()});
    m_queue.pop_front();

    const std::shared_ptr<ProgressMailbox> mailbox = m_running->mailbox;
    ProgressSink sink = [this, mailbox](const ProgressEvent& event) {
        QMutexLocker lock(&mailbox->mutex);
        mailbox->latest = event;
        if (mailbox->deliveryPosted)
            return;
        mailbox->deliveryPosted = true;
        QMetaObject::invokeMethod(
            this, [this, mailbox] { deliverProgress(mailbox); }, Qt::QueuedConnection);
    };

    if (!m_busy) {
        m_busy = true;
        Q_EMIT busyChanged(true);
    }
    Q_EMIT jobStarted(m_running->job.title);
    Q_EMIT queueChanged(queuedCount());
    m_watcher.setFuture(QtConcurrent::run(&m_pool, &JobRunner::runGuarded, m_running->job.work,
                                          std::move(sink), m_running->cancel));
}

JobRunner::Outcome JobRunner::runGuarded(const Work& work, const ProgressSink& progress,
                                         const CancelToken& cancel)
{
    // Nothing may escape a worker thread: every failure becomes a message for the GUI.
    try {
        work(progress, cancel);
        return {Status::Succeeded, {}};
    } catch (const Error& error) {
        if (error.kind() == ErrorKind::Cancelled)
            return {Status::Cancelled, QString::fromStdString(error.what())};
        return {Status::Failed, QString::fromStdString(error.what())};
    } catch (const std::exception& error) {
        return {Status::Failed, QString::fromStdString(error.what())};
    } catch (...) {
        return {Status::Failed, QStringLiteral("unknown error (a non-standard exception)")};
    }
}

void JobRunner::deliverProgress(const std::shared_ptr<ProgressMailbox>& mailbox)
{
    std::optional<ProgressEvent> event;
    {
        QMutexLocker lock(&mailbox->mutex);
        event.swap(mailbox->latest);
        mailbox->deliveryPosted = false;
    }
    // A late delivery from a job that has already finished must not repaint the next one.
    if (!event || !m_running || m_running->mailbox != mailbox)
        return;
    Q_EMIT progressChanged(static_cast<qint64>(event->step), static_cast<qint64>(event->total),
                           QString::fromStdString(event->message));
}

void JobRunner::finishCurrent()
{
    if (!m_running)
        return;
    Running finished = std::move(*m_running);
    m_running.reset();
    const Outcome outcome = m_watcher.future().result();

    switch (outcome.status) {
    case Status::Succeeded:
        if (finished.job.onDone)
            finished.job.onDone();
        Q_EMIT jobSucceeded(finished.job.title);
        break;
    case Status::Cancelled: Q_EMIT jobCancelled(finished.job.title); break;
    case Status::Failed: Q_EMIT jobFailed(finished.job.title, outcome.message); break;
    }

    // onDone may already have submitted (and so started) the next job.
    if (!m_running)
        startNext();
    if (!m_running && m_busy) {
        m_busy = false;
        Q_EMIT busyChanged(false);
    }
}

}  // namespace rw
