#pragma once
// The Metrics dock: for the selected reconstruction, when its damaged parent was made from a
// clean print in the list, a table of the model against the classical baselines — PSNR,
// SSIM, MAE, orientation error, minutiae F1 and spurious minutiae, inside the damage mask and
// over the whole print; the best value of each column in bold. ReconstructionController
// computes the numbers in the background and hands them here.
#include "ReconstructionMetrics.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace rw {

class MetricsPanel : public QWidget {
    Q_OBJECT

public:
    explicit MetricsPanel(QWidget* parent = nullptr);

    // Shows `table`; `note` says what was compared (reference, mask).
    void setTable(const MetricsTable& table, const QString& note);
    // No table: why (no reconstruction selected, no clean reference, computing…).
    void showMessage(const QString& message);

    QString shownKey() const { return m_shownKey; }
    QTableWidget* table() const { return m_table; }
    QLabel* note() const { return m_note; }

private:
    QTableWidget* m_table;
    QLabel* m_note;
    QString m_shownKey;
};

}  // namespace rw
