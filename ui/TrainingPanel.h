#pragma once
// The Training dock: the settings of a new job, the job list (queued jobs run one after
// another), the selected job's progress, curves and latest sample reconstruction, and the
// model library. The panel only shows and forwards: TrainingQueue runs the jobs.
#include <QWidget>

class QLabel;
class QListView;
class QProgressBar;
class QPushButton;

namespace rw {

class ModelLibrary;
class TrainingCharts;
class TrainingQueue;
class TrainingSettingsForm;

class TrainingPanel : public QWidget {
    Q_OBJECT

public:
    TrainingPanel(TrainingQueue* queue, ModelLibrary* library, QWidget* parent = nullptr);

    // The job whose progress, curves and samples are shown; 0 = none.
    int selectedJobId() const;
    void selectJob(int id);

    TrainingSettingsForm* settingsForm() const { return m_form; }
    QListView* jobList() const { return m_jobList; }
    QListView* modelList() const { return m_modelList; }
    TrainingCharts* charts() const { return m_charts; }
    QProgressBar* progressBar() const { return m_progress; }
    QLabel* jobStatusLabel() const { return m_status; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* clearEndedButton() const { return m_clearEnded; }
    // 0 input, 1 output, 2 target.
    QLabel* sampleLabel(int which) const { return m_samples[which]; }

private:
    void onJobAdded(int id);
    void onJobStarted(int id);
    void onJobUpdated(int id);
    void updateDetail();
    void cancelSelected();
    void updateModelsLabel();

    TrainingQueue* m_queue;
    ModelLibrary* m_library;
    TrainingSettingsForm* m_form;
    QListView* m_jobList;
    QPushButton* m_cancel;
    QPushButton* m_clearEnded;
    QLabel* m_title;
    QLabel* m_status;
    QProgressBar* m_progress;
    TrainingCharts* m_charts;
    QLabel* m_samples[3];
    QListView* m_modelList;
    QLabel* m_modelsFolder;
    QPushButton* m_refreshModels;
};

}  // namespace rw
