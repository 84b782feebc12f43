#pragma once
// The damage panel (a dock): which damage, how strong, which seed; a live preview on the
// Working pane; Apply adds the damaged print as a derived item. The panel holds only the
// settings — MainWindow runs the work on the job runner and reports back here.
#include <ridgeworks/damage/Damage.h>

#include <QWidget>

#include <cstdint>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace rw {

class DamagePanel : public QWidget {
    Q_OBJECT

public:
    explicit DamagePanel(QWidget* parent = nullptr);

    // The settings as a spec; for DamageKind::Mask the caller adds the drawn mask.
    DamageSpec spec() const;
    void setSpec(DamageKind kind, DamageLevel level, std::uint64_t seed);
    bool isPreviewEnabled() const;
    void setPreviewEnabled(bool enabled);

    // Whether Apply can run now, and why not (shown under the button).
    void setApplicable(bool applicable, const QString& reason = {});
    // One line about the current preview or the last result.
    void setStatus(const QString& text);
    QString status() const;

    QComboBox* kindBox() const { return m_kind; }
    QComboBox* levelBox() const { return m_level; }
    QSpinBox* seedBox() const { return m_seed; }
    QPushButton* newSeedButton() const { return m_newSeed; }
    QCheckBox* previewBox() const { return m_preview; }
    QPushButton* applyButton() const { return m_apply; }

public Q_SLOTS:
    void newSeed();

Q_SIGNALS:
    // Kind, level, seed or the preview switch changed.
    void settingsChanged();
    void applyRequested();

private:
    void updateKindHint();

    QComboBox* m_kind;
    QComboBox* m_level;
    QSpinBox* m_seed;
    QPushButton* m_newSeed;
    QCheckBox* m_preview;
    QPushButton* m_apply;
    QLabel* m_kindHint;
    QLabel* m_status;
    QLabel* m_applyHint;
};

}  // namespace rw
