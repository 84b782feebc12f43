#pragma once
// The curves of one training job: loss (running training loss per batch, training and
// validation loss per epoch) and validation quality (PSNR in dB on the left axis, SSIM on
// the right). showJob() replaces every series at once, so it is cheap to call a few times
// per second while a job runs.
#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace rw {

struct TrainingJob;

class TrainingCharts : public QWidget {
    Q_OBJECT

public:
    explicit TrainingCharts(QWidget* parent = nullptr);

    // nullptr clears the charts.
    void showJob(const TrainingJob* job);

    QChartView* lossView() const { return m_lossView; }
    QChartView* qualityView() const { return m_qualityView; }
    QLineSeries* batchLossSeries() const { return m_batchLoss; }
    QLineSeries* trainLossSeries() const { return m_trainLoss; }
    QLineSeries* validationLossSeries() const { return m_validationLoss; }
    QLineSeries* psnrSeries() const { return m_psnr; }
    QLineSeries* ssimSeries() const { return m_ssim; }

private:
    QChartView* m_lossView;
    QChartView* m_qualityView;
    QLineSeries* m_batchLoss;
    QLineSeries* m_trainLoss;
    QLineSeries* m_validationLoss;
    QLineSeries* m_psnr;
    QLineSeries* m_ssim;
    QValueAxis* m_lossX;
    QValueAxis* m_lossY;
    QValueAxis* m_qualityX;
    QValueAxis* m_psnrY;
    QValueAxis* m_ssimY;
};

}  // namespace rw
