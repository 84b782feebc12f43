#include "JobProgressWidget.h"

#include "JobRunner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include <algorithm>
#include <limits>

namespace rw {

JobProgressWidget::JobProgressWidget(JobRunner* runner, QWidget* parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    setObjectName(QStringLiteral("jobProgress"));
    m_bar->setObjectName(QStringLiteral("jobProgressBar"));
    m_cancel->setObjectName(QStringLiteral("jobCancelButton"));
    m_bar->setFixedWidth(160);
    m_bar->setTextVisible(true);
    m_cancel->setText(QStringLiteral("Cancel"));
    m_cancel->setToolTip(QStringLiteral("Stop the running job and drop the queued ones; "
                                        "files loaded so far stay open"));
    m_cancel->setToolButtonStyle(Qt::ToolButtonTextOnly);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);

    connect(m_cancel, &QToolButton::clicked, m_runner, &JobRunner::cancelAll);
    connect(m_runner, &JobRunner::busyChanged, this, &QWidget::setVisible);
    connect(m_runner, &JobRunner::jobStarted, this, &JobProgressWidget::onJobStarted);
    connect(m_runner, &JobRunner::progressChanged, this, &JobProgressWidget::onProgress);
    connect(m_runner, &JobRunner::queueChanged, this, &JobProgressWidget::updateLabel);
    setVisible(m_runner->isBusy());
}

void JobProgressWidget::onJobStarted(const QString& title)
{
    m_title = title;
    m_message.clear();
    m_bar->setRange(0, 0);  // busy indicator until the job says how much there is
    m_cancel->setEnabled(true);
    updateLabel();
}

void JobProgressWidget::onProgress(qint64 step, qint64 total, const QString& message)
{
    if (total > 0 && total <= std::numeric_limits<int>::max()) {
        m_bar->setRange(0, static_cast<int>(total));
        m_bar->setValue(static_cast<int>(std::min(step, total)));
        m_bar->setFormat(QStringLiteral("%v / %m"));
    } else {
        m_bar->setRange(0, 0);
    }
    m_message = message;
    updateLabel();
}

void JobProgressWidget::updateLabel()
{
    QString text = m_title;
    if (!m_message.isEmpty())
        text += QStringLiteral(": ") + m_message;
    const int queued = m_runner->queuedCount();
    if (queued > 0)
        text += QStringLiteral(" (") + QString::number(queued) + QStringLiteral(" more queued)");
    // Long file names must not push the pixel readout off the status bar.
    m_label->setText(m_label->fontMetrics().elidedText(text, Qt::ElideMiddle, 360));
    m_label->setToolTip(text);
}

}  // namespace rw
