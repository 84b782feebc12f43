#include "TrainingCharts.h"

#include "TrainingJob.h"

#include <QChart>
#include <QChartView>
#include <QHBoxLayout>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace rw {

namespace {

QLineSeries* makeSeries(const QString& name, const QColor& color, qreal width, bool points)
{
    auto* series = new QLineSeries;
    series->setName(name);
    QPen pen(color);
    pen.setWidthF(width);
    series->setPen(pen);
    series->setPointsVisible(points);
    return series;
}

QValueAxis* makeAxis(const QString& title, const QString& format)
{
    auto* axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setLabelFormat(format);
    QFont font = axis->labelsFont();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    axis->setLabelsFont(font);
    axis->setTitleFont(font);
    return axis;
}

QChart* makeChart(const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont font = chart->legend()->font();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    chart->legend()->setFont(font);
    return chart;
}

// Range of the y values with a little headroom; `fallback` when there are none.
std::pair<double, double> yRange(std::initializer_list<const QList<QPointF>*> lists,
                                 std::pair<double, double> fallback)
{
    double low = INFINITY, high = -INFINITY;
    for (const QList<QPointF>* list : lists)
        for (const QPointF& p : *list) {
            if (!std::isfinite(p.y()))
                continue;
            low = std::min(low, p.y());
            high = std::max(high, p.y());
        }
    if (!(low <= high))
        return fallback;
    const double pad = std::max((high - low) * 0.08, std::abs(high) * 0.02 + 1e-6);
    return {low - pad, high + pad};
}

}  // namespace

TrainingCharts::TrainingCharts(QWidget* parent)
    : QWidget(parent)
    , m_lossView(new QChartView(this))
    , m_qualityView(new QChartView(this))
    , m_batchLoss(makeSeries(QStringLiteral("batch"), QColor(0x9d, 0xb4, 0xd8), 1.2, false))
    , m_trainLoss(makeSeries(QStringLiteral("train"), QColor(0x1f, 0x5f, 0xbf), 2.0, true))
    , m_validationLoss(
          makeSeries(QStringLiteral("validation"), QColor(0xd9, 0x6c, 0x1e), 2.0, true))
    , m_psnr(makeSeries(QStringLiteral("PSNR"), QColor(0x2a, 0x8a, 0x4a), 2.0, true))
    , m_ssim(makeSeries(QStringLiteral("SSIM"), QColor(0x8a, 0x3f, 0xa8), 2.0, true))
    , m_lossX(makeAxis(QStringLiteral("epoch"), QStringLiteral("%d")))
    , m_lossY(makeAxis(QStringLiteral("loss"), QStringLiteral("%.3f")))
    , m_qualityX(makeAxis(QStringLiteral("epoch"), QStringLiteral("%d")))
    , m_psnrY(makeAxis(QStringLiteral("PSNR (dB)"), QStringLiteral("%.1f")))
    , m_ssimY(makeAxis(QStringLiteral("SSIM"), QStringLiteral("%.3f")))
{
    setObjectName(QStringLiteral("trainingCharts"));
    m_lossView->setObjectName(QStringLiteral("lossChart"));
    m_qualityView->setObjectName(QStringLiteral("qualityChart"));

    QChart* loss = makeChart(QStringLiteral("Loss"));
    loss->addAxis(m_lossX, Qt::AlignBottom);
    loss->addAxis(m_lossY, Qt::AlignLeft);
    for (QLineSeries* series : {m_batchLoss, m_trainLoss, m_validationLoss}) {
        loss->addSeries(series);
        series->attachAxis(m_lossX);
        series->attachAxis(m_lossY);
    }
    m_lossView->setChart(loss);

    QChart* quality = makeChart(QStringLiteral("Validation quality"));
    quality->addAxis(m_qualityX, Qt::AlignBottom);
    quality->addAxis(m_psnrY, Qt::AlignLeft);
    quality->addAxis(m_ssimY, Qt::AlignRight);
    quality->addSeries(m_psnr);
    m_psnr->attachAxis(m_qualityX);
    m_psnr->attachAxis(m_psnrY);
    quality->addSeries(m_ssim);
    m_ssim->attachAxis(m_qualityX);
    m_ssim->attachAxis(m_ssimY);
    m_psnrY->setLabelsColor(m_psnr->color());
    m_ssimY->setLabelsColor(m_ssim->color());
    m_qualityView->setChart(quality);

    for (QChartView* view : {m_lossView, m_qualityView}) {
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(210, 180);
    }
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_lossView, 1);
    layout->addWidget(m_qualityView, 1);
    showJob(nullptr);
}

void TrainingCharts::showJob(const TrainingJob* job)
{
    static const QList<QPointF> none;
    m_batchLoss->replace(job ? job->batchLoss : none);
    m_trainLoss->replace(job ? job->trainLoss : none);
    m_validationLoss->replace(job ? job->validationLoss : none);
    m_psnr->replace(job ? job->validationPsnr : none);
    m_ssim->replace(job ? job->validationSsim : none);

    // Whole epochs on the x axes, at most about six labels.
    const int epochs = job ? std::max(1, job->epochs) : 1;
    const int step = std::max(1, (epochs + 5) / 6);
    m_lossX->setRange(0.0, epochs);
    m_qualityX->setRange(1.0, std::max(2, epochs));
    for (QValueAxis* axis : {m_lossX, m_qualityX}) {
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0.0);
        axis->setTickInterval(step);
    }
    const auto lossRange =
        job ? yRange({&job->batchLoss, &job->trainLoss, &job->validationLoss}, {0.0, 1.0})
            : std::pair{0.0, 1.0};
    m_lossY->setRange(std::max(0.0, lossRange.first), lossRange.second);
    const auto psnrRange = job ? yRange({&job->validationPsnr}, {0.0, 40.0}) : std::pair{0.0, 40.0};
    m_psnrY->setRange(psnrRange.first, psnrRange.second);
    const auto ssimRange = job ? yRange({&job->validationSsim}, {0.0, 1.0}) : std::pair{0.0, 1.0};
    m_ssimY->setRange(std::max(-1.0, ssimRange.first), std::min(1.0, ssimRange.second));
    // As few decimals as tell the ticks apart.
    m_ssimY->setLabelFormat(ssimRange.second - ssimRange.first < 0.05 ? QStringLiteral("%.3f")
                                                                      : QStringLiteral("%.2f"));
    m_lossY->setLabelFormat(lossRange.second - lossRange.first < 0.05 ? QStringLiteral("%.4f")
                                                                      : QStringLiteral("%.3f"));
}

}  // namespace rw
