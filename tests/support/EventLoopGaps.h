#pragma once
// How long the event loop went without running a 10 ms timer while background work ran. A loop
// blocked by that work misses a tick for as long as each piece of work takes (a training batch:
// hundreds of ms, again and again); a shared 2-core host also stalls a healthy process now and
// then for about 100 ms, once. So "responsive" is: at most one gap over kSlowGapMs, none over
// kBlockedGapMs.
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <algorithm>

namespace rw::test {

class EventLoopGaps {
public:
    static constexpr qint64 kSlowGapMs = 100;
    static constexpr qint64 kBlockedGapMs = 250;

    explicit EventLoopGaps(QObject* context)
    {
        m_timer.setInterval(10);
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, context, [this] {
            if (m_sinceTick.isValid()) {
                const qint64 gap = m_sinceTick.elapsed();
                m_maxGapMs = std::max(m_maxGapMs, gap);
                if (gap > kSlowGapMs)
                    ++m_slowGaps;
            }
            m_sinceTick.restart();
            ++m_ticks;
        });
    }
    void start() { m_timer.start(); }
    void stop() { m_timer.stop(); }

    int ticks() const { return m_ticks; }
    qint64 maxGapMs() const { return m_maxGapMs; }
    int slowGaps() const { return m_slowGaps; }
    bool responsive() const { return m_slowGaps <= 1 && m_maxGapMs <= kBlockedGapMs; }
    QString describe() const
    {
        return QStringLiteral("max gap %1 ms, %2 gaps over %3 ms")
            .arg(m_maxGapMs)
            .arg(m_slowGaps)
            .arg(kSlowGapMs);
    }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    qint64 m_maxGapMs = 0;
    int m_slowGaps = 0;
    int m_ticks = 0;
};

}  // namespace rw::test
