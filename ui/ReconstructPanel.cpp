#include "ReconstructPanel.h"

#include "ModelLibrary.h"
#include "PanelNote.h"

#include <QCheckBox>
#include <QComboBox>
#include <QConcatenateTablesProxyModel>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <cmath>
#include <memory>
#include <utility>

namespace rw {

namespace {

QSortFilterProxyModel* filteredModels(ModelLibrary* library, const QString& pattern,
                                      QObject* parent)
{
    auto* proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(library);
    proxy->setFilterRole(ModelLibrary::ArchitectureRole);
    proxy->setFilterRegularExpression(QRegularExpression(pattern));
    return proxy;
}

// The examiner's reason to choose it, from the measurements in the README ("Measured quality").
QString ridgeContinuationCard()
{
    return ridgeContinuationTitle() +
           QStringLiteral(
               "\nArchitecture: classical — no network, no model file, deterministic"
               "\nCarries the ridges around the damage mask into it (the U-Net's own starting "
               "fill). Selective only: it fills the damage mask and nothing else."
               "\nMeasured (README, \"Measured quality\"): on real prints with exactly known "
               "damage it invents about as many minutiae inside the mask as the shipped U-Net "
               "on easy damage and fewer on medium and hard (9.1 / 13.0 / 18.9 against 9.1 / "
               "14.4 / 20.9); the U-Net is ahead on SSIM, ridge orientation and gray levels "
               "(PSNR). On synthetic prints the U-Net is better on every figure (SSIM inside "
               "0.408 against 0.317)."
               "\nCase records name it and carry no model hash.");
}

// One row with the roles the chooser reads from the ModelLibrary, so both lists concatenate.
QStandardItemModel* classicalMethods(QObject* parent)
{
    auto* methods = new QStandardItemModel(0, 1, parent);
    auto* item = new QStandardItem(ridgeContinuationTitle());
    item->setEditable(false);
    item->setToolTip(ridgeContinuationCard());
    item->setData(QString::fromLatin1(kRidgeContinuationMethod), ModelLibrary::PathRole);
    item->setData(true, ModelLibrary::ShippedRole);
    item->setData(false, ModelLibrary::UnreadableRole);
    item->setData(ridgeContinuationTitle(), ModelLibrary::CardNameRole);
    item->setData(QStringLiteral("classical"), ModelLibrary::ArchitectureRole);
    methods->appendRow(item);
    return methods;
}

int rowOfPath(const QComboBox* box, const QString& path)
{
    // The classical entry is a name, not a file: compared as is, never against a file of
    // the same name in the working folder.
    if (isRidgeContinuation(path))
        return box->findData(path, ModelLibrary::PathRole, Qt::MatchExactly);
    const QString wanted = QFileInfo(path).absoluteFilePath();
    for (int row = 0; row < box->count(); ++row) {
        const QString listed = box->itemData(row, ModelLibrary::PathRole).toString();
        if (!isRidgeContinuation(listed) && QFileInfo(listed).absoluteFilePath() == wanted)
            return row;
    }
    return -1;
}

}  // namespace

ReconstructPanel::ReconstructPanel(ModelLibrary* library, QWidget* parent)
    : QWidget(parent)
    , m_library(library)
    , m_models(filteredModels(library, QStringLiteral("^(unet-inpaint|seed-autoencoder)$"), this))
    , m_methods(classicalMethods(this))
    , m_choices(new QConcatenateTablesProxyModel(this))
    , m_detectors(filteredModels(library, QStringLiteral("^damage-detector$"), this))
    , m_model(new QComboBox(this))
    , m_mode(new QComboBox(this))
    , m_maskSource(new QComboBox(this))
    , m_detectorRow(new QWidget(this))
    , m_detector(new QComboBox(m_detectorRow))
    , m_thresholdSlider(new QSlider(Qt::Horizontal, m_detectorRow))
    , m_threshold(new QDoubleSpinBox(m_detectorRow))
    , m_regrowth(new QDoubleSpinBox(this))
    , m_settling(new QSpinBox(this))
    , m_turnBack(new QCheckBox(QStringLiteral("Turn back a rotated patch"), this))
    , m_slideBack(new QCheckBox(QStringLiteral("Slide back a z-cut's flaps"), this))
    , m_swapBack(new QCheckBox(QStringLiteral("Swap back a Z-plasty's flaps"), this))
    , m_ridgeReach(new QDoubleSpinBox(this))
    , m_modeHint(makePanelNote(this, QStringLiteral("reconstructModeHint")))
    , m_maskInfo(makePanelNote(this, QStringLiteral("reconstructMaskInfo")))
    , m_run(new QPushButton(QStringLiteral("Run — Add Reconstruction"), this))
    , m_runHint(makePanelNote(this, QStringLiteral("reconstructRunHint")))
    , m_status(makePanelNote(this, QStringLiteral("reconstructStatus")))
{
    setObjectName(QStringLiteral("reconstructPanel"));
    m_model->setObjectName(QStringLiteral("reconstructModel"));
    m_mode->setObjectName(QStringLiteral("reconstructMode"));
    m_maskSource->setObjectName(QStringLiteral("reconstructMaskSource"));
    m_detector->setObjectName(QStringLiteral("reconstructDetector"));
    m_thresholdSlider->setObjectName(QStringLiteral("reconstructThresholdSlider"));
    m_threshold->setObjectName(QStringLiteral("reconstructThreshold"));
    m_regrowth->setObjectName(QStringLiteral("reconstructRegrowth"));
    m_settling->setObjectName(QStringLiteral("reconstructSettling"));
    m_turnBack->setObjectName(QStringLiteral("reconstructTurnBack"));
    m_slideBack->setObjectName(QStringLiteral("reconstructSlideBack"));
    m_swapBack->setObjectName(QStringLiteral("reconstructSwapBack"));
    m_ridgeReach->setObjectName(QStringLiteral("reconstructRidgeReach"));
    m_run->setObjectName(QStringLiteral("runReconstructionButton"));

    m_choices->addSourceModel(m_models);
    m_choices->addSourceModel(m_methods);
    m_model->setModel(m_choices);
    m_detector->setModel(m_detectors);
    m_model->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_model->setMinimumContentsLength(16);
    m_detector->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_detector->setMinimumContentsLength(12);

    m_mode->addItem(QStringLiteral("Selective — inside the mask only"),
                    static_cast<int>(ReconstructionMode::Selective));
    m_mode->addItem(QStringLiteral("Full — the network's output everywhere"),
                    static_cast<int>(ReconstructionMode::Full));
    for (const MaskSource source : {MaskSource::Drawn, MaskSource::Damage, MaskSource::Detect})
        m_maskSource->addItem(maskSourceTitle(source), static_cast<int>(source));
    m_maskSource->setItemData(0, QStringLiteral("The mask drawn on the Working pane"),
                              Qt::ToolTipRole);
    m_maskSource->setItemData(
        1, QStringLiteral("What the damage altered, when the selected print is a damaged copy"),
        Qt::ToolTipRole);
    m_maskSource->setItemData(
        2,
        QStringLiteral("A damage-detector model predicts the mask; pixels at or above the "
                       "threshold count as damaged"),
        Qt::ToolTipRole);

    m_thresholdSlider->setRange(1, 99);
    m_threshold->setRange(0.01, 0.99);
    m_threshold->setSingleStep(0.05);
    m_threshold->setDecimals(2);
    m_threshold->setValue(0.5);
    m_thresholdSlider->setValue(50);
    m_threshold->setToolTip(
        QStringLiteral("Damage probability at or above which a pixel counts as damaged. Higher: "
                       "fewer sound ridges flagged, more damage missed. On real prints the "
                       "detector still flags some sound ridges: check the mask before "
                       "reconstructing with it."));
    m_thresholdSlider->setToolTip(m_threshold->toolTip());
    m_regrowth->setRange(0.0, 1.0);
    m_regrowth->setSingleStep(0.1);
    m_regrowth->setDecimals(2);
    m_regrowth->setValue(ReconstructionRequest{}.regrowth);
    m_regrowth->setToolTip(QStringLiteral(
        "Inpainting networks: the share of the estimate made of the ridges around the mask, "
        "regrown into it along the network's ridge orientation. 0 = the network's estimate "
        "alone. More regrowth invents fewer minutiae but follows the network's ridge flow "
        "less closely; it takes longer (docs/reconstruction.md, \"Ridge regrowth\")."));
    m_settling->setRange(0, kMaxSettlingPasses);
    m_settling->setSuffix(QStringLiteral(" passes"));
    m_settling->setSpecialValueText(QStringLiteral("off"));
    m_settling->setValue(ReconstructionRequest{}.settling);
    m_settling->setToolTip(QStringLiteral(
        "Inpainting networks: passes of oriented filtering along the estimate's own ridges, "
        "which join the ridges the network broke and clear the stray ends it left, so fewer "
        "minutiae are invented. Only pixels inside the mask change "
        "(docs/reconstruction.md, \"Ridge settling\")."));
    m_turnBack->setChecked(ReconstructionRequest{}.turnBack);
    m_turnBack->setToolTip(QStringLiteral(
        "Inpainting networks: where the mask covers a patch turned in place (a central "
        "rotation), find the turn and put the patch's own ridges back instead of the network's "
        "estimate, if turning it back clearly rejoins them to the ridges around the mask; "
        "otherwise the network runs as usual. The result names the turn "
        "(docs/reconstruction.md, \"Turning back a rotated patch\")."));
    m_slideBack->setChecked(ReconstructionRequest{}.slideBack);
    m_slideBack->setToolTip(QStringLiteral(
        "Inpainting networks: where the mask is a Z-shaped cut whose two flaps were slid along "
        "its diagonal, find each flap's shift and put its own ridges back, if sliding them back "
        "clearly rejoins them to the ridges around the mask; the network then estimates only "
        "the cut's gap and what slid out of view. The result names the shifts "
        "(docs/reconstruction.md, \"Sliding back a z-cut's flaps\")."));
    m_swapBack->setChecked(ReconstructionRequest{}.swapBack);
    m_swapBack->setToolTip(QStringLiteral(
        "Inpainting networks: where the mask is a Z-shaped cut whose two flaps were swapped, "
        "each swung into the other's place (a Z-plasty, as surgery makes a z-cut), find which "
        "way and put their own ridges back where they grew, if that clearly rejoins them to the "
        "ridges around the mask; the network then estimates only the seams. Tried when no slide "
        "is found (docs/reconstruction.md, \"Swapping back a Z-plasty's flaps\")."));
    m_ridgeReach->setRange(0.0, kMaxRidgeReach);
    m_ridgeReach->setSingleStep(0.5);
    m_ridgeReach->setDecimals(1);
    m_ridgeReach->setSuffix(QStringLiteral(" ridge periods"));
    m_ridgeReach->setSpecialValueText(QStringLiteral("no limit"));
    m_ridgeReach->setValue(ReconstructionRequest{}.ridgeReach);
    m_ridgeReach->setToolTip(QStringLiteral(
        "Selective mode: draw ridges only this far into the mask, counted in ridge periods from "
        "its edge; deeper, a smooth fill with no ridges and confidence 0, so that detail no "
        "ridge around the mask supports is not invented. On large synthetic holes a reach of 2 "
        "cut the invented minutiae inside the mask from 16.3 to 3.4 per print, but the ridge "
        "direction there is then unknown (docs/reconstruction.md, \"Ridge reach\")."));
    m_run->setToolTip(QStringLiteral(
        "Reconstruct the selected print in the background and add the result under it, marked "
        "as an estimate; the selected print is not changed"));

    auto* detectorLayout = new QFormLayout(m_detectorRow);
    detectorLayout->setContentsMargins(0, 0, 0, 0);
    auto* thresholdRow = new QHBoxLayout;
    thresholdRow->setContentsMargins(0, 0, 0, 0);
    thresholdRow->addWidget(m_thresholdSlider, 1);
    thresholdRow->addWidget(m_threshold);
    detectorLayout->addRow(QStringLiteral("De&tector"), m_detector);
    auto* thresholdLabel = new QLabel(QStringLiteral("T&hreshold"), m_detectorRow);
    thresholdLabel->setBuddy(m_threshold);
    detectorLayout->addRow(thresholdLabel, thresholdRow);

    auto* form = new QFormLayout;
    form->addRow(QStringLiteral("&Model"), m_model);
    form->addRow(QStringLiteral("M&ode"), m_mode);
    form->addRow(QStringLiteral("Mask &source"), m_maskSource);
    form->addRow(QStringLiteral("Ridge re&growth"), m_regrowth);
    form->addRow(QStringLiteral("Ridge se&ttling"), m_settling);
    form->addRow(QString(), m_turnBack);
    form->addRow(QString(), m_slideBack);
    form->addRow(QString(), m_swapBack);
    form->addRow(QStringLiteral("Ridge &reach"), m_ridgeReach);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_modeHint);
    layout->addWidget(m_detectorRow);
    layout->addWidget(m_maskInfo);
    layout->addSpacing(6);
    layout->addWidget(m_run);
    layout->addWidget(m_runHint);
    layout->addWidget(m_status);
    layout->addStretch(1);

    // The shipped U-Net is the default: it fills a mask from its surroundings. Without it the
    // first network listed, else the classical entry.
    for (int row = 0; row < m_model->count(); ++row) {
        if (m_model->itemData(row, ModelLibrary::ArchitectureRole).toString() ==
            QStringLiteral("unet-inpaint")) {
            m_model->setCurrentIndex(row);
            break;
        }
    }

    // A refresh of the library resets the lists: keep what was chosen.
    auto remembered = std::make_shared<std::pair<QString, QString>>();
    connect(m_library, &QAbstractItemModel::modelAboutToBeReset, this, [this, remembered] {
        *remembered = {modelPath(), detectorPath()};
    });
    connect(m_library, &ModelLibrary::refreshed, this, [this, remembered] {
        if (!remembered->first.isEmpty())
            setModelPath(remembered->first);
        if (!remembered->second.isEmpty())
            setDetectorPath(remembered->second);
        updateToolTips();
        updateModes();
        updateRegrowth();
        Q_EMIT settingsChanged();
    });

    connect(m_model, &QComboBox::currentIndexChanged, this, [this] {
        updateToolTips();
        updateModes();
        updateRegrowth();
        Q_EMIT settingsChanged();
    });
    connect(m_detector, &QComboBox::currentIndexChanged, this, [this] {
        updateToolTips();
        Q_EMIT settingsChanged();
    });
    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        updateDetectorRow();
        updateRidgeReach();
        Q_EMIT settingsChanged();
    });
    connect(m_maskSource, &QComboBox::currentIndexChanged, this, [this] {
        updateDetectorRow();
        Q_EMIT settingsChanged();
    });
    connect(m_thresholdSlider, &QSlider::valueChanged, this, [this](int value) {
        const QSignalBlocker block(m_threshold);
        m_threshold->setValue(value / 100.0);
        Q_EMIT settingsChanged();
    });
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        const QSignalBlocker block(m_thresholdSlider);
        m_thresholdSlider->setValue(static_cast<int>(std::lround(value * 100.0)));
        Q_EMIT settingsChanged();
    });
    connect(m_regrowth, &QDoubleSpinBox::valueChanged, this, &ReconstructPanel::settingsChanged);
    connect(m_settling, &QSpinBox::valueChanged, this, &ReconstructPanel::settingsChanged);
    connect(m_turnBack, &QCheckBox::toggled, this, &ReconstructPanel::settingsChanged);
    connect(m_slideBack, &QCheckBox::toggled, this, &ReconstructPanel::settingsChanged);
    connect(m_swapBack, &QCheckBox::toggled, this, &ReconstructPanel::settingsChanged);
    connect(m_ridgeReach, &QDoubleSpinBox::valueChanged, this, &ReconstructPanel::settingsChanged);
    connect(m_run, &QPushButton::clicked, this, &ReconstructPanel::runRequested);
    updateDetectorRow();
    updateToolTips();
    updateModes();
    updateRegrowth();
    updateRidgeReach();
}

QString ReconstructPanel::modelPath() const
{
    return m_model->currentData(ModelLibrary::PathRole).toString();
}

bool ReconstructPanel::setModelPath(const QString& path)
{
    const int row = rowOfPath(m_model, path);
    if (row >= 0)
        m_model->setCurrentIndex(row);
    return row >= 0;
}

ReconstructionMode ReconstructPanel::mode() const
{
    return static_cast<ReconstructionMode>(m_mode->currentData().toInt());
}

void ReconstructPanel::setMode(ReconstructionMode mode)
{
    m_mode->setCurrentIndex(m_mode->findData(static_cast<int>(mode)));
}

MaskSource ReconstructPanel::maskSource() const
{
    return static_cast<MaskSource>(m_maskSource->currentData().toInt());
}

void ReconstructPanel::setMaskSource(MaskSource source)
{
    m_maskSource->setCurrentIndex(m_maskSource->findData(static_cast<int>(source)));
}

QString ReconstructPanel::detectorPath() const
{
    return m_detector->currentData(ModelLibrary::PathRole).toString();
}

bool ReconstructPanel::setDetectorPath(const QString& path)
{
    const int row = rowOfPath(m_detector, path);
    if (row >= 0)
        m_detector->setCurrentIndex(row);
    return row >= 0;
}

double ReconstructPanel::threshold() const
{
    return m_threshold->value();
}

void ReconstructPanel::setThreshold(double threshold)
{
    m_threshold->setValue(threshold);
}

double ReconstructPanel::regrowth() const
{
    return m_regrowth->value();
}

void ReconstructPanel::setRegrowth(double share)
{
    m_regrowth->setValue(share);
}

int ReconstructPanel::settling() const
{
    return m_settling->value();
}

void ReconstructPanel::setSettling(int passes)
{
    m_settling->setValue(passes);
}

bool ReconstructPanel::turnBack() const
{
    return m_turnBack->isChecked();
}

void ReconstructPanel::setTurnBack(bool on)
{
    m_turnBack->setChecked(on);
}

bool ReconstructPanel::slideBack() const
{
    return m_slideBack->isChecked();
}

void ReconstructPanel::setSlideBack(bool on)
{
    m_slideBack->setChecked(on);
}

bool ReconstructPanel::swapBack() const
{
    return m_swapBack->isChecked();
}

void ReconstructPanel::setSwapBack(bool on)
{
    m_swapBack->setChecked(on);
}

double ReconstructPanel::ridgeReach() const
{
    return m_ridgeReach->value();
}

void ReconstructPanel::setRidgeReach(double periods)
{
    m_ridgeReach->setValue(periods);
}

void ReconstructPanel::setMaskSourceAvailable(MaskSource source, bool available)
{
    auto* items = qobject_cast<QStandardItemModel*>(m_maskSource->model());
    const int row = m_maskSource->findData(static_cast<int>(source));
    if (items && row >= 0)
        items->item(row)->setEnabled(available);
}

bool ReconstructPanel::isMaskSourceAvailable(MaskSource source) const
{
    const auto* items = qobject_cast<const QStandardItemModel*>(m_maskSource->model());
    const int row = m_maskSource->findData(static_cast<int>(source));
    return items && row >= 0 && items->item(row)->isEnabled();
}

void ReconstructPanel::setRunnable(bool runnable, const QString& reason)
{
    m_run->setEnabled(runnable);
    m_runHint->setText(runnable ? QString() : reason);
    m_runHint->setVisible(!runnable && !reason.isEmpty());
}

void ReconstructPanel::setMaskInfo(const QString& text)
{
    m_maskInfo->setText(text);
    m_maskInfo->setVisible(!text.isEmpty());
}

void ReconstructPanel::setStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

QString ReconstructPanel::status() const
{
    return m_status->text();
}

void ReconstructPanel::updateDetectorRow()
{
    m_detectorRow->setVisible(maskSource() == MaskSource::Detect);
    if (mode() == ReconstructionMode::Full)
        m_modeHint->setText(QStringLiteral("Every pixel the network sees is replaced by its "
                                           "estimate; the whole result is an estimate."));
    else if (isRidgeContinuation(modelPath()))
        m_modeHint->setText(QStringLiteral("Only masked pixels are estimated, by carrying the "
                                           "ridges around the mask into it; every other pixel "
                                           "stays the selected print's own."));
    else
        m_modeHint->setText(QStringLiteral("Only masked pixels are estimated; every other pixel "
                                           "stays the selected print's own."));
}

void ReconstructPanel::updateModes()
{
    // Greyed out rather than switched away from: a mode the examiner chose is never changed
    // behind their back; with Full still chosen, Run stays off and says why.
    auto* items = qobject_cast<QStandardItemModel*>(m_mode->model());
    const int row = m_mode->findData(static_cast<int>(ReconstructionMode::Full));
    if (!items || row < 0)
        return;
    const bool classical = isRidgeContinuation(modelPath());
    items->item(row)->setEnabled(!classical);
    items->item(row)->setToolTip(
        classical ? QStringLiteral("Ridge continuation fills the damage mask only: choose "
                                   "Selective, or a network for Full")
                  : QString());
    updateDetectorRow();
}

void ReconstructPanel::updateRegrowth()
{
    // Off, not hidden: the examiner sees that the chosen model has no such setting.
    const bool inpainting =
        usesRidgeRegrowth(m_model->currentData(ModelLibrary::ArchitectureRole).toString());
    m_regrowth->setEnabled(inpainting);
    m_settling->setEnabled(inpainting);
    m_turnBack->setEnabled(inpainting);
    m_slideBack->setEnabled(inpainting);
    m_swapBack->setEnabled(inpainting);
}

void ReconstructPanel::updateRidgeReach()
{
    m_ridgeReach->setEnabled(mode() == ReconstructionMode::Selective);
}

void ReconstructPanel::updateToolTips()
{
    // The card of the chosen model, as in the training dock's library. The classical entry is
    // always there, so an empty library is said on top of its card, not instead of a list.
    QString card = m_model->currentData(Qt::ToolTipRole).toString();
    if (m_models->rowCount() == 0)
        card += QStringLiteral("\n\nNo reconstruction network is listed; train one in the "
                               "Training dock or check the models folder.");
    m_model->setToolTip(card);
    m_detector->setToolTip(m_detector->count() == 0
                               ? QStringLiteral("No damage-detector model is listed")
                               : m_detector->currentData(Qt::ToolTipRole).toString());
}

}  // namespace rw
