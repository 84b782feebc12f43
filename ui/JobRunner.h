#pragma once
// The only bridge between core and threads (ARCHITECTURE.md): core calls are plain blocking
// functions taking a ProgressSink and a CancelToken; JobRunner runs them on its own worker
// thread, one after another, and turns their progress, failures and results into queued
// signals and callbacks on the thread that owns the runner (the GUI thread).
#include <ridgeworks/common/Progress.h>

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace rw {

class JobRunner : public QObject {
    Q_OBJECT

public:
    using Work = std::function<void(const ProgressSink&, const CancelToken&)>;
    using Done = std::function<void()>;

    explicit JobRunner(QObject* parent = nullptr);
    // Cancels everything and waits for the running job: a job never outlives its runner.
    ~JobRunner() override;

    // Queues `work`; it starts when the jobs queued before it are done. `onDone` runs on the
    // runner's thread when `work` returns normally — also after a cancel request, because
    // a job may stop early and return what it has (e.g. the files loaded so far).
    // When `work` throws, onDone is skipped and jobFailed or jobCancelled is emitted instead.
    void submit(const QString& title, Work work, Done onDone = {});

    // As submit(), for work that returns a value: `onResult(value)` runs on the runner's
    // thread. The value is moved across threads, never shared.
    template <typename WorkFn, typename ResultFn>
    void submitForResult(const QString& title, WorkFn work, ResultFn onResult)
    {
        using Result = std::invoke_result_t<WorkFn&, const ProgressSink&, const CancelToken&>;
        auto slot = std::make_shared<std::optional<Result>>();
        submit(
            title,
            [slot, work = std::move(work)](const ProgressSink& progress,
                                           const CancelToken& cancel) mutable {
                slot->emplace(work(progress, cancel));
            },
            [slot, onResult = std::move(onResult)]() mutable { onResult(std::move(**slot)); });
    }

    // True from the first job's start until the queue has drained.
    bool isBusy() const { return m_busy; }
    // Jobs waiting behind the running one.
    int queuedCount() const { return static_cast<int>(m_queue.size()); }
    QString currentTitle() const;

public Q_SLOTS:
    // Asks the running job to stop and drops the queued ones: "Cancel" means stop it all.
    void cancelAll();

Q_SIGNALS:
    void busyChanged(bool busy);
    void jobStarted(const QString& title);
    void queueChanged(int queued);
    // Coalesced: a job that reports faster than the GUI repaints only shows its latest step.
    void progressChanged(qint64 step, qint64 total, const QString& message);
    void jobSucceeded(const QString& title);
    void jobCancelled(const QString& title);
    void jobFailed(const QString& title, const QString& message);

private:
    enum class Status { Succeeded, Cancelled, Failed };
    struct Outcome {
        Status status = Status::Succeeded;
        QString message;
    };
    struct Job {
        QString title;
        Work work;
        Done onDone;
    };
    struct ProgressMailbox;
    struct Running {
        Job job;
        CancelToken cancel;
        std::shared_ptr<ProgressMailbox> mailbox;
    };

    void startNext();
    void finishCurrent();
    void deliverProgress(const std::shared_ptr<ProgressMailbox>& mailbox);
    static Outcome runGuarded(const Work& work, const ProgressSink& progress,
                              const CancelToken& cancel);

    QThreadPool m_pool;
    QFutureWatcher<Outcome> m_watcher;
    std::deque<Job> m_queue;
    std::optional<Running> m_running;
    bool m_busy = false;
};

}  // namespace rw
