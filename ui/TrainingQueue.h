#pragma once
// The training jobs of the workbench, as a list model: queued jobs run one after another on a
// JobRunner (the only thread bridge), one at a time. Progress of the running job reaches the
// GUI thread by queued calls, throttled to a few per second however fast the trainer reports;
// no per-batch loss point is lost on the way (they travel in batches). Sample images are
// deep-copied on the worker before they cross. A job's model is written into modelsDir().
#include "TrainingJob.h"

#include <QAbstractListModel>
#include <QString>

#include <memory>
#include <vector>

namespace rw {

class JobRunner;

class TrainingQueue : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        JobIdRole = Qt::UserRole + 1,
        StateRole,     // int(TrainingJob::State)
        FractionRole,  // double 0..1
        StatusRole,    // one line: state, epoch, images/s, ETA or the failure
    };

    explicit TrainingQueue(QObject* parent = nullptr);
    // Cancels the running job and waits for it: a job never outlives its queue.
    ~TrainingQueue() override;

    // Where finished (and cancelled, up to their last epoch) jobs leave their .rwm files.
    void setModelsDir(const QString& dir) { m_modelsDir = dir; }
    QString modelsDir() const { return m_modelsDir; }

    // Linux: how much nicer than the GUI the worker (and the threads it starts) runs, so the
    // window stays smooth while training takes the cores. 0 = same priority as the GUI.
    void setWorkerNiceness(int niceness) { m_workerNiceness = niceness; }
    int workerNiceness() const { return m_workerNiceness; }

    // Queues a job (config.outPath is chosen when it starts, in modelsDir()); returns its id.
    int enqueue(const TrainConfig& config, const QString& title = {});
    // Running job: asks it to stop (within one batch). Queued job: dropped at once, it ends
    // as cancelled. Returns false for an unknown or ended job.
    bool cancel(int id);
    void cancelAll();
    // Forgets finished, failed and cancelled jobs.
    void removeEnded();

    int count() const { return static_cast<int>(m_jobs.size()); }
    const TrainingJob& jobAt(int row) const { return *m_jobs.at(static_cast<std::size_t>(row)); }
    const TrainingJob* job(int id) const;
    int rowOf(int id) const;
    int runningId() const { return m_runningId; }
    bool isBusy() const { return m_runningId != 0; }
    int queuedCount() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    static QString statusText(const TrainingJob& job);

Q_SIGNALS:
    void jobAdded(int id);
    void jobStarted(int id);
    // Progress, curves or samples of the job changed (at most a few times per second).
    void jobUpdated(int id);
    // Finished, failed or cancelled (also a queued job that was dropped).
    void jobEnded(int id, int state);
    // A job left a model file (finished, or cancelled/failed after at least one epoch).
    void modelWritten(const QString& path);
    void busyChanged(bool busy);

private:
    struct Mailbox;

    TrainingJob* findJob(int id);
    void startNext();
    void deliver(const std::shared_ptr<Mailbox>& mailbox, bool final);
    void endRunning(TrainingJob::State state, const QString& message);
    void touch(TrainingJob& job);
    QString uniqueCheckpointPath(const QString& title) const;

    std::vector<std::unique_ptr<TrainingJob>> m_jobs;
    QString m_modelsDir;
    int m_workerNiceness = 5;
    int m_nextId = 1;
    int m_runningId = 0;
    bool m_busy = false;                 // as last reported by busyChanged
    std::shared_ptr<Mailbox> m_mailbox;  // of the running job
    // Declared last, destroyed first: waits for the worker before the jobs go.
    std::unique_ptr<JobRunner> m_runner;
};

}  // namespace rw
