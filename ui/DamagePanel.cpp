#include "DamagePanel.h"

#include "DamagedEvidence.h"
#include "PanelNote.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QVBoxLayout>

#include <limits>

namespace rw {

DamagePanel::DamagePanel(QWidget* parent)
    : QWidget(parent)
    , m_kind(new QComboBox(this))
    , m_level(new QComboBox(this))
    , m_seed(new QSpinBox(this))
    , m_newSeed(new QPushButton(QStringLiteral("New Seed"), this))
    , m_preview(new QCheckBox(QStringLiteral("Preview on the Working pane"), this))
    , m_apply(new QPushButton(QStringLiteral("Apply — Add Derived Print"), this))
    , m_kindHint(makePanelNote(this, QStringLiteral("damageKindHint")))
    , m_status(makePanelNote(this, QStringLiteral("damageStatus")))
    , m_applyHint(makePanelNote(this, QStringLiteral("damageApplyHint")))
{
    setObjectName(QStringLiteral("damagePanel"));
    m_kind->setObjectName(QStringLiteral("damageKind"));
    m_level->setObjectName(QStringLiteral("damageLevel"));
    m_seed->setObjectName(QStringLiteral("damageSeed"));
    m_newSeed->setObjectName(QStringLiteral("newSeedButton"));
    m_preview->setObjectName(QStringLiteral("damagePreview"));
    m_apply->setObjectName(QStringLiteral("applyDamageButton"));

    for (const DamageKind kind : allDamageKinds())
        m_kind->addItem(damageKindTitle(kind), static_cast<int>(kind));
    // Custom parameters are for the CLI and scripts; the panel offers the named presets.
    for (const DamageLevel level : presetDamageLevels()) {
        QString name = QString::fromUtf8(toString(level));
        name[0] = name[0].toUpper();
        m_level->addItem(name, static_cast<int>(level));
    }
    m_level->setCurrentIndex(m_level->findData(static_cast<int>(DamageLevel::Medium)));
    m_seed->setRange(1, std::numeric_limits<int>::max());
    m_seed->setValue(1);
    m_seed->setToolTip(
        QStringLiteral("The same print, damage, level and seed always give the same result"));
    m_newSeed->setToolTip(QStringLiteral("Pick another random seed"));
    m_preview->setToolTip(QStringLiteral(
        "Show the damaged print on the Working pane while you try settings; computed in the "
        "background"));
    m_apply->setToolTip(QStringLiteral(
        "Add the damaged print to the evidence list under the selected one; the selected "
        "print is not changed"));

    auto* seedRow = new QHBoxLayout;
    seedRow->setContentsMargins(0, 0, 0, 0);
    seedRow->addWidget(m_seed, 1);
    seedRow->addWidget(m_newSeed);

    auto* form = new QFormLayout;
    form->addRow(QStringLiteral("&Damage"), m_kind);
    form->addRow(QStringLiteral("&Level"), m_level);
    // A layout cannot be a label's buddy: the spin box is.
    auto* seedLabel = new QLabel(QStringLiteral("&Seed"), this);
    seedLabel->setBuddy(m_seed);
    form->addRow(seedLabel, seedRow);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_kindHint);
    layout->addWidget(m_preview);
    layout->addWidget(m_status);
    layout->addSpacing(6);
    layout->addWidget(m_apply);
    layout->addWidget(m_applyHint);
    layout->addStretch(1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateKindHint();
        Q_EMIT settingsChanged();
    });
    connect(m_level, &QComboBox::currentIndexChanged, this, &DamagePanel::settingsChanged);
    connect(m_seed, &QSpinBox::valueChanged, this, &DamagePanel::settingsChanged);
    connect(m_preview, &QCheckBox::toggled, this, &DamagePanel::settingsChanged);
    connect(m_newSeed, &QPushButton::clicked, this, &DamagePanel::newSeed);
    connect(m_apply, &QPushButton::clicked, this, &DamagePanel::applyRequested);
    updateKindHint();
}

DamageSpec DamagePanel::spec() const
{
    DamageSpec spec;
    spec.kind = static_cast<DamageKind>(m_kind->currentData().toInt());
    spec.level = static_cast<DamageLevel>(m_level->currentData().toInt());
    spec.seed = static_cast<std::uint64_t>(m_seed->value());
    return spec;
}

void DamagePanel::setSpec(DamageKind kind, DamageLevel level, std::uint64_t seed)
{
    const int kindIndex = m_kind->findData(static_cast<int>(kind));
    if (kindIndex >= 0)
        m_kind->setCurrentIndex(kindIndex);
    const int levelIndex = m_level->findData(static_cast<int>(level));
    if (levelIndex >= 0)
        m_level->setCurrentIndex(levelIndex);
    if (seed >= 1 && seed <= static_cast<std::uint64_t>(m_seed->maximum()))
        m_seed->setValue(static_cast<int>(seed));
}

bool DamagePanel::isPreviewEnabled() const
{
    return m_preview->isChecked();
}

void DamagePanel::setPreviewEnabled(bool enabled)
{
    m_preview->setChecked(enabled);
}

void DamagePanel::setApplicable(bool applicable, const QString& reason)
{
    m_apply->setEnabled(applicable);
    m_applyHint->setText(applicable ? QString() : reason);
    m_applyHint->setVisible(!applicable && !reason.isEmpty());
}

void DamagePanel::setStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

QString DamagePanel::status() const
{
    return m_status->text();
}

void DamagePanel::newSeed()
{
    // Kept below 10^6 so the seed is easy to read out and write down.
    m_seed->setValue(static_cast<int>(QRandomGenerator::global()->bounded(1, 1000000)));
}

void DamagePanel::updateKindHint()
{
    const bool drawn = spec().kind == DamageKind::Mask;
    m_kindHint->setText(drawn ? QStringLiteral("Blanks the pixels marked in the mask you draw on "
                                               "the Working pane (Brush, Lasso; Mask menu).")
                              : QString());
    m_kindHint->setVisible(drawn);
}

}  // namespace rw
