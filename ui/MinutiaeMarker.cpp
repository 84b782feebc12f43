#include "MinutiaeMarker.h"

#include "JobRunner.h"
#include "ReconstructionView.h"

#include <utility>

namespace rw {

MinutiaeMarker::MinutiaeMarker(JobRunner* runner, ReconstructionView* view, QObject* parent)
    : QObject(parent)
    , m_runner(runner)
    , m_view(view)
{
    connect(m_view, &ReconstructionView::minutiaeMarksWanted, this, &MinutiaeMarker::onWanted);
    const auto giveUp = [this](const QString& why) {
        // The runner runs one job at a time and drops the queue on cancel: none is left.
        const QSet<QString> stopped = std::exchange(m_running, {});
        for (const QString& key : stopped)
            m_view->setMinutiaeUnavailable(key, why);
    };
    connect(m_runner, &JobRunner::jobFailed, this,
            [giveUp](const QString& title, const QString& message) {
                if (title == jobTitle())
                    giveUp(message);
            });
    connect(m_runner, &JobRunner::jobCancelled, this, [giveUp](const QString& title) {
        if (title == jobTitle())
            giveUp(QStringLiteral("cancelled (choose the mode again to retry)"));
    });
}

QString MinutiaeMarker::jobTitle()
{
    return QStringLiteral("Finding minutiae");
}

void MinutiaeMarker::onWanted(const QString& itemKey)
{
    const auto cached = m_cache.constFind(itemKey);
    if (cached != m_cache.constEnd()) {
        m_view->setMinutiaeMarks(*cached);
        return;
    }
    if (m_running.contains(itemKey))
        return;
    const ReconstructionView::Images& images = m_view->images();
    if (images.itemKey != itemKey)
        return;
    m_running.insert(itemKey);
    m_runner->submitForResult(
        jobTitle(),
        [itemKey, estimate = images.estimate, changed = images.changedMask,
         clean = images.clean](const ProgressSink& progress, const CancelToken& cancel) {
            report(progress, {0, 1, "Finding the reconstruction's minutiae", {}});
            MinutiaeMarks marks = findMinutiaeMarks(itemKey, estimate, changed, clean, cancel);
            report(progress, {1, 1, "Done", {}});
            return marks;
        },
        [this](MinutiaeMarks marks) {
            m_running.remove(marks.itemKey);
            m_cache.insert(marks.itemKey, marks);
            m_view->setMinutiaeMarks(std::move(marks));
        });
}

}  // namespace rw
