#pragma once
// The status bar's view of JobRunner: what runs, how far it is, and a Cancel button.
// Visible only while a job runs.
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace rw {

class JobRunner;

class JobProgressWidget : public QWidget {
    Q_OBJECT

public:
    explicit JobProgressWidget(JobRunner* runner, QWidget* parent = nullptr);

    QProgressBar* progressBar() const { return m_bar; }
    QToolButton* cancelButton() const { return m_cancel; }

private:
    void onJobStarted(const QString& title);
    void onProgress(qint64 step, qint64 total, const QString& message);
    void updateLabel();

    JobRunner* m_runner = nullptr;
    QLabel* m_label = nullptr;
    QProgressBar* m_bar = nullptr;
    QToolButton* m_cancel = nullptr;
    QString m_title;
    QString m_message;
};

}  // namespace rw
