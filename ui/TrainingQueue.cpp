#include "TrainingQueue.h"

#include "FilePaths.h"
#include "JobRunner.h"

#include <ridgeworks/model/Checkpoint.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMetaObject>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>

#include <opencv2/core.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace rw {

namespace {

// The GUI hears from the running job at most this often (an epoch's end is never held back).
constexpr qint64 kDeliveryIntervalMs = 100;

QImage toImage(const cv::Mat& unit)
{
    if (unit.empty())
        return {};
    cv::Mat gray;
    // CV_32FC1 in [0,1] → 8-bit, saturating.
    unit.convertTo(gray, CV_8U, unit.depth() == CV_8U ? 1.0 : 255.0);
    QImage image(gray.cols, gray.rows, QImage::Format_Grayscale8);
    for (int y = 0; y < gray.rows; ++y)
        std::copy_n(gray.ptr<uchar>(y), gray.cols, image.scanLine(y));
    return image;
}

// Lowers the calling thread's priority; threads it starts afterwards inherit it (Linux nice
// values are per thread). Not undone: the runner's one worker serves training only.
void lowerThisThreadPriority(int niceness)
{
#ifdef Q_OS_LINUX
    if (niceness <= 0)
        return;
    const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, tid);
    if (errno == 0 && current < niceness)
        ::setpriority(PRIO_PROCESS, tid, niceness);
#else
    Q_UNUSED(niceness);
#endif
}

}  // namespace

// What the worker leaves for the GUI: the latest figures, the loss points and the epoch
// results not yet delivered. One delivery is posted at a time.
struct TrainingQueue::Mailbox {
    struct Snapshot {
        TrainingProgress::Phase phase = TrainingProgress::Phase::Preparing;
        std::string message;
        int epoch = 0, epochs = 0;
        std::size_t batch = 0, batches = 0;
        double imagesPerSecond = 0.0, etaSeconds = 0.0;
    };
    struct EpochReport {
        EpochMetrics metrics;
        bool improved = false;
        cv::Mat input, output, target;  // deep copies
    };

    QMutex mutex;
    std::optional<Snapshot> latest;
    QList<QPointF> batchLoss;
    std::vector<EpochReport> epochs;
    bool posted = false;
    QElapsedTimer sincePost;
};

TrainingQueue::TrainingQueue(QObject* parent)
    : QAbstractListModel(parent)
    , m_runner(std::make_unique<JobRunner>())
{
    connect(m_runner.get(), &JobRunner::jobSucceeded, this,
            [this] { endRunning(TrainingJob::State::Finished, {}); });
    connect(m_runner.get(), &JobRunner::jobCancelled, this,
            [this] { endRunning(TrainingJob::State::Cancelled, QStringLiteral("cancelled")); });
    connect(m_runner.get(), &JobRunner::jobFailed, this,
            [this](const QString&, const QString& message) {
                endRunning(TrainingJob::State::Failed, message);
            });
}

TrainingQueue::~TrainingQueue()
{
    m_runner->cancelAll();
    m_runner.reset();  // waits for the worker
}

int TrainingQueue::enqueue(const TrainConfig& config, const QString& title)
{
    auto job = std::make_unique<TrainingJob>();
    job->id = m_nextId++;
    job->config = config;
    job->epochs = config.epochs;
    job->title = title.isEmpty() ? (config.modelName.empty()
                                        ? QString::fromUtf8(toString(config.model.architecture)) +
                                              QStringLiteral(" · ") +
                                              QString::fromStdString(toString(config.data.source))
                                        : QString::fromStdString(config.modelName))
                                 : title;
    job->message = QStringLiteral("waiting for the jobs before it");
    const int id = job->id;
    const int row = count();
    beginInsertRows({}, row, row);
    m_jobs.push_back(std::move(job));
    endInsertRows();
    Q_EMIT jobAdded(id);
    if (!isBusy())
        startNext();
    return id;
}

bool TrainingQueue::cancel(int id)
{
    TrainingJob* job = findJob(id);
    if (!job || job->isEnded())
        return false;
    if (job->id == m_runningId) {
        job->message = QStringLiteral("cancelling…");
        touch(*job);
        m_runner->cancelAll();  // the runner holds only this job
        return true;
    }
    job->state = TrainingJob::State::Cancelled;
    job->message = QStringLiteral("removed from the queue before it started");
    touch(*job);
    Q_EMIT jobEnded(id, static_cast<int>(job->state));
    return true;
}

void TrainingQueue::cancelAll()
{
    for (const auto& job : m_jobs)
        if (job->state == TrainingJob::State::Queued)
            cancel(job->id);
    if (m_runningId)
        cancel(m_runningId);
}

void TrainingQueue::removeEnded()
{
    for (int row = count() - 1; row >= 0; --row) {
        if (!jobAt(row).isEnded())
            continue;
        beginRemoveRows({}, row, row);
        m_jobs.erase(m_jobs.begin() + row);
        endRemoveRows();
    }
}

const TrainingJob* TrainingQueue::job(int id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &jobAt(row);
}

TrainingJob* TrainingQueue::findJob(int id)
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : m_jobs[static_cast<std::size_t>(row)].get();
}

int TrainingQueue::rowOf(int id) const
{
    for (int row = 0; row < count(); ++row)
        if (jobAt(row).id == id)
            return row;
    return -1;
}

int TrainingQueue::queuedCount() const
{
    return static_cast<int>(std::count_if(m_jobs.begin(), m_jobs.end(), [](const auto& job) {
        return job->state == TrainingJob::State::Queued;
    }));
}

int TrainingQueue::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant TrainingQueue::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= count())
        return {};
    const TrainingJob& job = jobAt(index.row());
    switch (role) {
    case Qt::DisplayRole: return job.title;
    case Qt::ToolTipRole:
        return QString(job.title + u'\n' + statusText(job) +
                       (job.checkpointPath.isEmpty()
                            ? QString()
                            : QString(u'\n' + QDir::toNativeSeparators(job.checkpointPath))));
    case JobIdRole: return job.id;
    case StateRole: return static_cast<int>(job.state);
    case FractionRole: return job.fraction;
    case StatusRole: return statusText(job);
    default: return {};
    }
}

QString TrainingQueue::statusText(const TrainingJob& job)
{
    const QString state = trainingStateName(job.state);
    switch (job.state) {
    case TrainingJob::State::Queued: return state;
    case TrainingJob::State::Preparing:
        return state +
               (job.message.isEmpty() ? QString() : QString(QStringLiteral(" · ") + job.message));
    case TrainingJob::State::Running:
        return state + QStringLiteral(" · epoch ") + QString::number(job.epoch) + u'/' +
               QString::number(job.epochs) + QStringLiteral(" · ") +
               QString::number(job.imagesPerSecond, 'f', job.imagesPerSecond < 10 ? 1 : 0) +
               QStringLiteral(" img/s · ETA ") + durationText(job.etaSeconds);
    case TrainingJob::State::Finished: {
        QString text = state;
        if (!job.validationPsnr.isEmpty() && job.bestEpoch > 0 &&
            job.bestEpoch <= job.validationPsnr.size())
            text += QStringLiteral(" · best epoch ") + QString::number(job.bestEpoch) +
                    QStringLiteral(": PSNR ") +
                    QString::number(job.validationPsnr[job.bestEpoch - 1].y(), 'f', 2) +
                    QStringLiteral(" dB, SSIM ") +
                    QString::number(job.validationSsim[job.bestEpoch - 1].y(), 'f', 3);
        return text;
    }
    case TrainingJob::State::Failed: return state + QStringLiteral(": ") + job.message;
    case TrainingJob::State::Cancelled:
        return state + (job.message.isEmpty() || job.message == state
                            ? QString()
                            : QString(QStringLiteral(" · ") + job.message));
    }
    return state;
}

QString TrainingQueue::uniqueCheckpointPath(const QString& title) const
{
    QString base = title.toLower();
    base.replace(QRegularExpression(QStringLiteral("[^a-z0-9._-]+")), QStringLiteral("-"));
    base.replace(QRegularExpression(QStringLiteral("^[-.]+|-+$")), QString());
    if (base.isEmpty())
        base = QStringLiteral("model");
    base = base.left(80);
    const QDir dir(m_modelsDir);
    const QString extension = QString::fromLatin1(kCheckpointExtension);
    QString path = dir.filePath(base + extension);
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = dir.filePath(base + u'-' + QString::number(n) + extension);
    return path;
}

void TrainingQueue::startNext()
{
    auto next = std::find_if(m_jobs.begin(), m_jobs.end(), [](const auto& job) {
        return job->state == TrainingJob::State::Queued;
    });
    if (next == m_jobs.end()) {
        if (m_busy) {
            m_busy = false;
            Q_EMIT busyChanged(false);
        }
        return;
    }
    TrainingJob& job = **next;
    m_runningId = job.id;
    job.state = TrainingJob::State::Preparing;
    job.message = QStringLiteral("starting");

    TrainConfig config = job.config;
    if (m_modelsDir.isEmpty() || !QDir().mkpath(m_modelsDir)) {
        // Let core say it in its own words: an unwritable place fails the job, named.
        job.checkpointPath = m_modelsDir.isEmpty() ? QString() : uniqueCheckpointPath(job.title);
    } else {
        job.checkpointPath = uniqueCheckpointPath(job.title);
    }
    config.outPath = toFsPath(job.checkpointPath);
    job.config.outPath = config.outPath;

    auto mailbox = std::make_shared<Mailbox>();
    m_mailbox = mailbox;
    TrainingSink sink = [this, mailbox](const TrainingProgress& p) {
        QMutexLocker lock(&mailbox->mutex);
        Mailbox::Snapshot snapshot;
        snapshot.phase = p.phase;
        snapshot.message = p.message;
        snapshot.epoch = p.epoch;
        snapshot.epochs = p.epochs;
        snapshot.batch = p.batch;
        snapshot.batches = p.batches;
        snapshot.imagesPerSecond = p.imagesPerSecond;
        snapshot.etaSeconds = p.etaSeconds;
        mailbox->latest = std::move(snapshot);
        bool urgent = false;
        if (p.phase == TrainingProgress::Phase::Batch && p.batches > 0)
            mailbox->batchLoss.append(QPointF((p.epoch - 1) + static_cast<double>(p.batch) /
                                                                  static_cast<double>(p.batches),
                                              p.loss));
        if (p.phase == TrainingProgress::Phase::Epoch && p.epochMetrics) {
            // Clones: the trainer reuses its buffers once this call returns.
            mailbox->epochs.push_back({*p.epochMetrics, p.improved, p.sampleInput.clone(),
                                       p.sampleOutput.clone(), p.sampleTarget.clone()});
            urgent = true;
        }
        if (mailbox->posted)
            return;
        if (!urgent && mailbox->sincePost.isValid() &&
            mailbox->sincePost.elapsed() < kDeliveryIntervalMs)
            return;  // the next report (or the job's end) brings this one along
        mailbox->posted = true;
        mailbox->sincePost.start();
        QMetaObject::invokeMethod(
            this, [this, mailbox] { deliver(mailbox, false); }, Qt::QueuedConnection);
    };

    const int niceness = m_workerNiceness;
    const int id = job.id;
    m_runner->submitForResult(
        job.title,
        [config, sink, niceness](const ProgressSink&, const CancelToken& cancel) {
            lowerThisThreadPriority(niceness);
            return train(config, sink, cancel);
        },
        [this, id](TrainResult result) {
            if (TrainingJob* done = findJob(id))
                done->result = std::move(result);
        });
    touch(job);
    if (!m_busy) {
        m_busy = true;
        Q_EMIT busyChanged(true);
    }
    Q_EMIT jobStarted(id);
}

void TrainingQueue::deliver(const std::shared_ptr<Mailbox>& mailbox, bool final)
{
    std::optional<Mailbox::Snapshot> latest;
    QList<QPointF> batchLoss;
    std::vector<Mailbox::EpochReport> epochs;
    {
        QMutexLocker lock(&mailbox->mutex);
        latest.swap(mailbox->latest);
        batchLoss.swap(mailbox->batchLoss);
        epochs.swap(mailbox->epochs);
        if (!final)
            mailbox->posted = false;
    }
    // A late delivery of a job that has ended must not touch the next one.
    if (mailbox != m_mailbox)
        return;
    TrainingJob* job = findJob(m_runningId);
    if (!job || (!latest && batchLoss.isEmpty() && epochs.empty()))
        return;

    if (latest) {
        job->message = QString::fromStdString(latest->message);
        job->epochs = latest->epochs > 0 ? latest->epochs : job->epochs;
        if (latest->phase == TrainingProgress::Phase::Preparing) {
            job->state = TrainingJob::State::Preparing;
            job->batch = static_cast<qint64>(latest->batch);
            job->batches = static_cast<qint64>(latest->batches);
        } else {
            job->state = TrainingJob::State::Running;
            job->epoch = latest->epoch;
            job->batch = static_cast<qint64>(latest->batch);
            job->batches = static_cast<qint64>(latest->batches);
            job->imagesPerSecond = latest->imagesPerSecond;
            job->etaSeconds = latest->etaSeconds;
            if (job->epochs > 0 && job->batches > 0)
                job->fraction =
                    std::clamp(((job->epoch - 1) + static_cast<double>(job->batch) /
                                                       static_cast<double>(job->batches)) /
                                   job->epochs,
                               0.0, 1.0);
        }
    }
    job->batchLoss.append(batchLoss);
    for (const Mailbox::EpochReport& report : epochs) {
        const double x = report.metrics.epoch;
        job->trainLoss.append(QPointF(x, report.metrics.trainLoss));
        job->validationLoss.append(QPointF(x, report.metrics.validationLoss));
        job->validationPsnr.append(QPointF(x, report.metrics.validationPsnr));
        job->validationSsim.append(QPointF(x, report.metrics.validationSsim));
        if (report.improved)
            job->bestEpoch = report.metrics.epoch;
        job->sampleInput = toImage(report.input);
        job->sampleOutput = toImage(report.output);
        job->sampleTarget = toImage(report.target);
    }
    touch(*job);
}

void TrainingQueue::endRunning(TrainingJob::State state, const QString& message)
{
    if (m_mailbox)
        deliver(m_mailbox, true);  // what the worker said last, before the final state
    m_mailbox.reset();
    TrainingJob* job = findJob(m_runningId);
    m_runningId = 0;
    if (job) {
        job->state = state;
        if (state == TrainingJob::State::Finished) {
            job->fraction = 1.0;
            job->etaSeconds = 0.0;
            job->message =
                QStringLiteral("model written to ") + QDir::toNativeSeparators(job->checkpointPath);
            if (job->result) {
                job->bestEpoch = job->result->card.bestEpoch;
                if (job->result->stoppedEarly)
                    job->message += QStringLiteral(" (stopped early: no improvement)");
            }
        } else {
            job->message = message;
        }
        touch(*job);
        const QString path = job->checkpointPath;
        const int id = job->id;
        Q_EMIT jobEnded(id, static_cast<int>(state));
        if (!path.isEmpty() && QFileInfo::exists(path))
            Q_EMIT modelWritten(path);
    }
    startNext();
}

void TrainingQueue::touch(TrainingJob& job)
{
    const int row = rowOf(job.id);
    if (row >= 0) {
        const QModelIndex at = index(row);
        Q_EMIT dataChanged(at, at);
    }
    Q_EMIT jobUpdated(job.id);
}

}  // namespace rw
