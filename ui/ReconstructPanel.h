#pragma once
// The Reconstruct panel (a dock): which model, full or selective, where the damage mask comes
// from (drawn, the damage of a damaged copy, or detected by a damage-detector at a threshold),
// and Run. The panel holds only the settings; ReconstructionController runs the work on the
// job runner and reports back here. Models come from the ModelLibrary, each with its card as
// tooltip; detectors are listed apart from the reconstruction models. After the networks the
// chooser always offers the classical ridge continuation (no file, selective only), so the
// panel can reconstruct even with an empty model folder.
#include "ReconstructionJob.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QConcatenateTablesProxyModel;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QSortFilterProxyModel;
class QStandardItemModel;

namespace rw {

class ModelLibrary;

class ReconstructPanel : public QWidget {
    Q_OBJECT

public:
    explicit ReconstructPanel(ModelLibrary* library, QWidget* parent = nullptr);

    // The chosen checkpoint file, or kRidgeContinuationMethod for the classical entry; empty
    // only when nothing is chosen.
    QString modelPath() const;
    bool setModelPath(const QString& path);
    ReconstructionMode mode() const;
    void setMode(ReconstructionMode mode);
    MaskSource maskSource() const;
    void setMaskSource(MaskSource source);
    QString detectorPath() const;
    bool setDetectorPath(const QString& path);
    double threshold() const;
    void setThreshold(double threshold);
    // Ridge regrowth's share (0-1) for inpainting networks; the box is off for other models.
    double regrowth() const;
    void setRegrowth(double share);
    // Ridge settling's passes (0 = off) for inpainting networks; the box is off for other models.
    int settling() const;
    void setSettling(int passes);
    // Turning back a rotated patch (on/off) for inpainting networks; the box is off for others.
    bool turnBack() const;
    void setTurnBack(bool on);
    // Sliding back a z-cut's flaps (on/off) for inpainting networks; the box is off for others.
    bool slideBack() const;
    void setSlideBack(bool on);
    // Swapping back a Z-plasty's flaps (on/off) for inpainting networks; off for others.
    bool swapBack() const;
    void setSwapBack(bool on);
    // Selective mode: how many ridge periods into the mask ridges are drawn (0 = no limit); the
    // box is off in full mode.
    double ridgeReach() const;
    void setRidgeReach(double periods);
    // Greys out a mask source the selected print cannot give (e.g. Damage on a loaded print).
    void setMaskSourceAvailable(MaskSource source, bool available);
    bool isMaskSourceAvailable(MaskSource source) const;

    // Whether Run can start now, and why not (shown under the button).
    void setRunnable(bool runnable, const QString& reason = {});
    // One line about the mask that will be used ("2 304 px drawn").
    void setMaskInfo(const QString& text);
    // One line about the running or last reconstruction.
    void setStatus(const QString& text);
    QString status() const;

    QComboBox* modelBox() const { return m_model; }
    QComboBox* modeBox() const { return m_mode; }
    QComboBox* maskSourceBox() const { return m_maskSource; }
    QComboBox* detectorBox() const { return m_detector; }
    QSlider* thresholdSlider() const { return m_thresholdSlider; }
    QDoubleSpinBox* thresholdBox() const { return m_threshold; }
    QDoubleSpinBox* regrowthBox() const { return m_regrowth; }
    QSpinBox* settlingBox() const { return m_settling; }
    QCheckBox* turnBackBox() const { return m_turnBack; }
    QCheckBox* slideBackBox() const { return m_slideBack; }
    QCheckBox* swapBackBox() const { return m_swapBack; }
    QDoubleSpinBox* ridgeReachBox() const { return m_ridgeReach; }
    QWidget* detectorRow() const { return m_detectorRow; }
    QPushButton* runButton() const { return m_run; }

Q_SIGNALS:
    // Model, mode, mask source, detector, threshold, regrowth, settling, turning back or ridge
    // reach changed.
    void settingsChanged();
    void runRequested();

private:
    void updateDetectorRow();
    void updateToolTips();
    // Full mode is offered only to networks: the ridge continuation fills the mask only.
    void updateModes();
    // Regrowth, settling and turning back are offered to inpainting networks only.
    void updateRegrowth();
    // The ridge reach limits what selective mode draws inside the mask: off in full mode.
    void updateRidgeReach();

    ModelLibrary* m_library;
    QSortFilterProxyModel* m_models;          // the library's reconstruction networks
    QStandardItemModel* m_methods;            // the one classical entry, with the library's roles
    QConcatenateTablesProxyModel* m_choices;  // both, networks first: the model chooser's list
    QSortFilterProxyModel* m_detectors;
    QComboBox* m_model;
    QComboBox* m_mode;
    QComboBox* m_maskSource;
    QWidget* m_detectorRow;
    QComboBox* m_detector;
    QSlider* m_thresholdSlider;
    QDoubleSpinBox* m_threshold;
    QDoubleSpinBox* m_regrowth;
    QSpinBox* m_settling;
    QCheckBox* m_turnBack;
    QCheckBox* m_slideBack;
    QCheckBox* m_swapBack;
    QDoubleSpinBox* m_ridgeReach;
    QLabel* m_modeHint;
    QLabel* m_maskInfo;
    QPushButton* m_run;
    QLabel* m_runHint;
    QLabel* m_status;
};

}  // namespace rw
