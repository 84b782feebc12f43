#include "TrainingJob.h"

#include <cmath>

namespace rw {

QString trainingStateName(TrainingJob::State state)
{
    switch (state) {
    case TrainingJob::State::Queued: return QStringLiteral("queued");
    case TrainingJob::State::Preparing: return QStringLiteral("preparing");
    case TrainingJob::State::Running: return QStringLiteral("running");
    case TrainingJob::State::Finished: return QStringLiteral("finished");
    case TrainingJob::State::Failed: return QStringLiteral("failed");
    case TrainingJob::State::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

QString durationText(double seconds)
{
    if (!std::isfinite(seconds) || seconds < 0.0)
        return QStringLiteral("—");
    const auto total = static_cast<qint64>(std::llround(seconds));
    const qint64 hours = total / 3600;
    const qint64 minutes = (total % 3600) / 60;
    const qint64 secs = total % 60;
    if (hours > 0)
        return QString::number(hours) + QStringLiteral(" h ") +
               QStringLiteral("%1").arg(minutes, 2, 10, QLatin1Char('0')) + QStringLiteral(" min");
    if (minutes > 0)
        return QString::number(minutes) + QStringLiteral(" min ") +
               QStringLiteral("%1").arg(secs, 2, 10, QLatin1Char('0')) + QStringLiteral(" s");
    return QString::number(secs) + QStringLiteral(" s");
}

}  // namespace rw
