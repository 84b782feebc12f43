#pragma once
// What to train and how: data source, model, pair mode, epochs, batch size, learning rate,
// loss, seed, threads, early stopping, name. The form only holds settings; config() turns
// them into a core TrainConfig (without the output file: the queue picks that).
#include <ridgeworks/train/Trainer.h>

#include <QWidget>

#include <optional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace rw {

class TrainingSettingsForm : public QWidget {
    Q_OBJECT

public:
    explicit TrainingSettingsForm(QWidget* parent = nullptr);

    // The settings as a config, or nothing with `why` set (e.g. no folder chosen).
    std::optional<TrainConfig> config(QString* why = nullptr) const;

    void setDataSource(DataSourceKind kind, const QString& folder = {});
    void setModel(Architecture architecture);

    // "Start Training" while nothing runs, "Add to Queue" while a job runs.
    void setQueueBusy(bool busy);

    QComboBox* sourceBox() const { return m_source; }
    QSpinBox* syntheticCountBox() const { return m_syntheticCount; }
    QSpinBox* syntheticValidationBox() const { return m_syntheticValidation; }
    QLineEdit* folderEdit() const { return m_folder; }
    QComboBox* modelBox() const { return m_model; }
    QComboBox* pairModeBox() const { return m_pairMode; }
    QSpinBox* epochsBox() const { return m_epochs; }
    QSpinBox* batchSizeBox() const { return m_batchSize; }
    QDoubleSpinBox* learningRateBox() const { return m_learningRate; }
    QComboBox* lossBox() const { return m_loss; }
    QSpinBox* seedBox() const { return m_seed; }
    QSpinBox* threadsBox() const { return m_threads; }
    QSpinBox* patienceBox() const { return m_patience; }
    QLineEdit* nameEdit() const { return m_name; }
    QPushButton* startButton() const { return m_start; }

Q_SIGNALS:
    // Start/Queue pressed with valid settings.
    void startRequested(const rw::TrainConfig& config);

private:
    void browseFolder();
    void updateForSource();
    void updateForModel();
    void updateStartable();
    DataSourceKind sourceKind() const;

    QComboBox* m_source;
    QStackedWidget* m_sourcePage;
    QSpinBox* m_syntheticCount;
    QSpinBox* m_syntheticValidation;
    QLineEdit* m_folder;
    QPushButton* m_browse;
    QComboBox* m_model;
    QComboBox* m_pairMode;
    QSpinBox* m_epochs;
    QSpinBox* m_batchSize;
    QDoubleSpinBox* m_learningRate;
    QComboBox* m_loss;
    QSpinBox* m_seed;
    QSpinBox* m_threads;
    QSpinBox* m_patience;
    QLineEdit* m_name;
    QPushButton* m_start;
    QLabel* m_hint;
};

}  // namespace rw
