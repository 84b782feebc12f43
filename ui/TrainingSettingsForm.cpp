#include "TrainingSettingsForm.h"

#include "FilePaths.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <limits>

namespace rw {

namespace {

QString architectureTitle(Architecture architecture)
{
    switch (architecture) {
    case Architecture::SeedAutoencoder:
        return QStringLiteral("seed-autoencoder (the experiment's)");
    case Architecture::UNetInpaint: return QStringLiteral("unet-inpaint (mask-aware)");
    case Architecture::DamageDetector: return QStringLiteral("damage-detector (finds the damage)");
    }
    return {};
}

}  // namespace

TrainingSettingsForm::TrainingSettingsForm(QWidget* parent)
    : QWidget(parent)
    , m_source(new QComboBox(this))
    , m_sourcePage(new QStackedWidget(this))
    , m_syntheticCount(new QSpinBox(this))
    , m_syntheticValidation(new QSpinBox(this))
    , m_folder(new QLineEdit(this))
    , m_browse(new QPushButton(QStringLiteral("Browse…"), this))
    , m_model(new QComboBox(this))
    , m_pairMode(new QComboBox(this))
    , m_epochs(new QSpinBox(this))
    , m_batchSize(new QSpinBox(this))
    , m_learningRate(new QDoubleSpinBox(this))
    , m_loss(new QComboBox(this))
    , m_seed(new QSpinBox(this))
    , m_threads(new QSpinBox(this))
    , m_patience(new QSpinBox(this))
    , m_name(new QLineEdit(this))
    , m_start(new QPushButton(QStringLiteral("Start Training"), this))
    , m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("trainingSettings"));
    m_source->setObjectName(QStringLiteral("trainingSource"));
    m_syntheticCount->setObjectName(QStringLiteral("trainingSyntheticCount"));
    m_syntheticValidation->setObjectName(QStringLiteral("trainingSyntheticValidation"));
    m_folder->setObjectName(QStringLiteral("trainingFolder"));
    m_model->setObjectName(QStringLiteral("trainingModel"));
    m_pairMode->setObjectName(QStringLiteral("trainingPairMode"));
    m_epochs->setObjectName(QStringLiteral("trainingEpochs"));
    m_batchSize->setObjectName(QStringLiteral("trainingBatchSize"));
    m_learningRate->setObjectName(QStringLiteral("trainingLearningRate"));
    m_loss->setObjectName(QStringLiteral("trainingLoss"));
    m_seed->setObjectName(QStringLiteral("trainingSeed"));
    m_threads->setObjectName(QStringLiteral("trainingThreads"));
    m_patience->setObjectName(QStringLiteral("trainingPatience"));
    m_name->setObjectName(QStringLiteral("trainingName"));
    m_start->setObjectName(QStringLiteral("trainingStartButton"));
    m_hint->setObjectName(QStringLiteral("trainingHint"));

    m_source->addItem(QStringLiteral("Synthetic prints"),
                      static_cast<int>(DataSourceKind::Synthetic));
    m_source->addItem(QStringLiteral("Folder of clean prints"),
                      static_cast<int>(DataSourceKind::Folder));
    m_source->addItem(QStringLiteral("SOCOFing folder"),
                      static_cast<int>(DataSourceKind::Socofing));
    m_source->setToolTip(QStringLiteral(
        "Synthetic: new generated prints every epoch. Folder: any folder of clean prints "
        "(searched recursively), damaged on the fly. SOCOFing: Real/ prints damaged on the "
        "fly plus the Altered/ pairs."));

    const DataConfig dataDefaults;
    m_syntheticCount->setRange(8, 1000000);
    m_syntheticCount->setValue(dataDefaults.syntheticCount);
    m_syntheticCount->setToolTip(QStringLiteral("New synthetic prints made for every epoch"));
    m_syntheticValidation->setRange(1, 100000);
    m_syntheticValidation->setValue(dataDefaults.syntheticValidationCount);
    m_syntheticValidation->setToolTip(
        QStringLiteral("Fixed synthetic prints held out for validation (the same every epoch)"));
    auto* syntheticPage = new QWidget(this);
    auto* syntheticForm = new QFormLayout(syntheticPage);
    syntheticForm->setContentsMargins(0, 0, 0, 0);
    syntheticForm->addRow(QStringLiteral("Prints per &epoch"), m_syntheticCount);
    syntheticForm->addRow(QStringLiteral("&Validation prints"), m_syntheticValidation);

    m_folder->setPlaceholderText(QStringLiteral("Choose a folder…"));
    m_folder->setClearButtonEnabled(true);
    m_browse->setObjectName(QStringLiteral("trainingBrowse"));
    auto* folderPage = new QWidget(this);
    auto* folderRow = new QHBoxLayout(folderPage);
    folderRow->setContentsMargins(0, 0, 0, 0);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);
    m_sourcePage->addWidget(syntheticPage);
    m_sourcePage->addWidget(folderPage);

    for (const Architecture architecture : allArchitectures())
        m_model->addItem(architectureTitle(architecture), static_cast<int>(architecture));

    m_pairMode->addItem(QStringLiteral("damaged → clean (denoise)"),
                        static_cast<int>(PairMode::DamagedToClean));
    m_pairMode->addItem(QStringLiteral("clean → clean (identity)"),
                        static_cast<int>(PairMode::CleanToClean));
    m_pairMode->setToolTip(QStringLiteral("What the seed autoencoder learns to map"));

    const TrainConfig defaults;
    m_epochs->setRange(1, 10000);
    m_epochs->setValue(defaults.epochs);
    m_batchSize->setRange(1, 4096);
    m_batchSize->setValue(defaults.batchSize);
    m_learningRate->setDecimals(6);
    m_learningRate->setRange(0.000001, 0.5);
    m_learningRate->setSingleStep(0.0001);
    m_learningRate->setValue(defaults.learningRate);
    m_learningRate->setToolTip(QStringLiteral("Adam's learning rate"));

    m_loss->addItem(QString(), -1);  // "model default (…)", filled in by updateForModel
    m_loss->addItem(QStringLiteral("bce — binary cross-entropy"),
                    static_cast<int>(LossKind::BinaryCrossEntropy));
    m_loss->addItem(QStringLiteral("l1"), static_cast<int>(LossKind::L1));
    m_loss->addItem(QStringLiteral("ssim-l1 — 0.84·(1−SSIM) + 0.16·L1"),
                    static_cast<int>(LossKind::SsimL1));
    m_loss->addItem(QStringLiteral("inpaint — ssim-l1 + hole L1, SSIM and ridge structure"),
                    static_cast<int>(LossKind::Inpaint));
    m_loss->addItem(QStringLiteral("inpaint-coherent — inpaint + one ridge direction in the hole"),
                    static_cast<int>(LossKind::InpaintCoherent));
    m_loss->addItem(
        QStringLiteral("inpaint-oriented — inpaint-coherent + the ridge direction in the hole"),
        static_cast<int>(LossKind::InpaintOriented));

    m_seed->setRange(1, std::numeric_limits<int>::max());
    m_seed->setValue(static_cast<int>(defaults.seed));
    m_seed->setToolTip(QStringLiteral(
        "Seeds the weights, the batch order, the split, the damage and the synthetic prints: "
        "the same settings and seed train the same model"));
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(QStringLiteral("automatic"));
    m_threads->setValue(defaults.threads);
    m_threads->setToolTip(QStringLiteral("Compute threads; automatic = one per CPU core"));
    m_patience->setRange(0, 1000);
    m_patience->setSpecialValueText(QStringLiteral("off"));
    m_patience->setSuffix(QStringLiteral(" epochs"));
    m_patience->setValue(defaults.patience);
    m_patience->setToolTip(QStringLiteral(
        "Early stopping: stop after this many epochs without a better validation loss"));
    m_name->setClearButtonEnabled(true);
    m_name->setToolTip(QStringLiteral("The name the model is listed under; also names its file"));

    m_hint->setWordWrap(true);
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setStyleSheet(QStringLiteral("color: #6b7480"));
    m_start->setDefault(true);

    // Long item texts must not widen the dock: the combo boxes elide, their lists do not.
    for (QComboBox* box : {m_source, m_model, m_pairMode, m_loss}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(14);
    }

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(QStringLiteral("&Data"), m_source);
    form->addRow(QString(), m_sourcePage);
    form->addRow(QStringLiteral("&Model"), m_model);
    form->addRow(QStringLiteral("&Pairs"), m_pairMode);
    form->addRow(QStringLiteral("E&pochs"), m_epochs);
    form->addRow(QStringLiteral("&Batch size"), m_batchSize);
    form->addRow(QStringLiteral("&Learning rate"), m_learningRate);
    form->addRow(QStringLiteral("L&oss"), m_loss);
    form->addRow(QStringLiteral("&Seed"), m_seed);
    form->addRow(QStringLiteral("&Threads"), m_threads);
    form->addRow(QStringLiteral("Pa&tience"), m_patience);
    form->addRow(QStringLiteral("&Name"), m_name);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_start);
    layout->addWidget(m_hint);
    layout->addStretch(1);

    connect(m_source, &QComboBox::currentIndexChanged, this, [this] {
        updateForSource();
        updateStartable();
    });
    connect(m_model, &QComboBox::currentIndexChanged, this, [this] {
        updateForModel();
        updateStartable();
    });
    connect(m_folder, &QLineEdit::textChanged, this, &TrainingSettingsForm::updateStartable);
    connect(m_browse, &QPushButton::clicked, this, &TrainingSettingsForm::browseFolder);
    connect(m_start, &QPushButton::clicked, this, [this] {
        QString why;
        if (const std::optional<TrainConfig> settings = config(&why))
            Q_EMIT startRequested(*settings);
        else
            m_hint->setText(why);
    });
    updateForSource();
    updateForModel();
    updateStartable();
}

DataSourceKind TrainingSettingsForm::sourceKind() const
{
    return static_cast<DataSourceKind>(m_source->currentData().toInt());
}

void TrainingSettingsForm::setDataSource(DataSourceKind kind, const QString& folder)
{
    m_source->setCurrentIndex(m_source->findData(static_cast<int>(kind)));
    if (kind != DataSourceKind::Synthetic)
        m_folder->setText(folder);
}

void TrainingSettingsForm::setModel(Architecture architecture)
{
    m_model->setCurrentIndex(m_model->findData(static_cast<int>(architecture)));
}

void TrainingSettingsForm::setQueueBusy(bool busy)
{
    m_start->setText(busy ? QStringLiteral("Add to Queue") : QStringLiteral("Start Training"));
    m_start->setToolTip(busy ? QStringLiteral("Runs when the jobs before it are done")
                             : QStringLiteral("Train now, in the background"));
}

void TrainingSettingsForm::browseFolder()
{
    QSettings settings;
    const QString start = m_folder->text().isEmpty()
                              ? settings.value(QStringLiteral("training/lastFolder")).toString()
                              : m_folder->text();
    const QString folder = QFileDialog::getExistingDirectory(
        this,
        sourceKind() == DataSourceKind::Socofing ? QStringLiteral("SOCOFing Folder")
                                                 : QStringLiteral("Folder of Clean Prints"),
        start);
    if (folder.isEmpty())
        return;
    settings.setValue(QStringLiteral("training/lastFolder"), folder);
    m_folder->setText(QDir::toNativeSeparators(folder));
}

void TrainingSettingsForm::updateForSource()
{
    const DataSourceKind kind = sourceKind();
    m_sourcePage->setCurrentIndex(kind == DataSourceKind::Synthetic ? 0 : 1);
    m_folder->setPlaceholderText(kind == DataSourceKind::Socofing
                                     ? QStringLiteral("SOCOFing folder (with Real/ and Altered/)")
                                     : QStringLiteral("Folder of clean prints"));
}

void TrainingSettingsForm::updateForModel()
{
    ModelSpec spec;
    spec.architecture = static_cast<Architecture>(m_model->currentData().toInt());
    m_loss->setItemText(0, QStringLiteral("model default (") +
                               QString::fromUtf8(toString(spec.defaultLoss())) + u')');
    const bool autoencoder = spec.architecture == Architecture::SeedAutoencoder;
    m_pairMode->setEnabled(autoencoder);
    m_pairMode->setToolTip(autoencoder
                               ? QStringLiteral("What the seed autoencoder learns to map")
                               : QStringLiteral("Only the seed autoencoder has pair modes"));
    m_name->setPlaceholderText(QString::fromUtf8(toString(spec.architecture)) +
                               QStringLiteral(" (data source)"));
}

void TrainingSettingsForm::updateStartable()
{
    QString why;
    config(&why);
    m_hint->setText(why);
}

std::optional<TrainConfig> TrainingSettingsForm::config(QString* why) const
{
    TrainConfig config;
    config.data.source.kind = sourceKind();
    if (config.data.source.kind == DataSourceKind::Synthetic) {
        config.data.syntheticCount = m_syntheticCount->value();
        config.data.syntheticValidationCount = m_syntheticValidation->value();
    } else {
        const QString folder = m_folder->text().trimmed();
        if (folder.isEmpty()) {
            if (why)
                *why = QStringLiteral("Choose the folder of training prints.");
            return std::nullopt;
        }
        config.data.source.path = toFsPath(QDir::fromNativeSeparators(folder)).string();
    }
    config.model.architecture = static_cast<Architecture>(m_model->currentData().toInt());
    config.pairMode = static_cast<PairMode>(m_pairMode->currentData().toInt());
    config.epochs = m_epochs->value();
    config.batchSize = m_batchSize->value();
    config.learningRate = m_learningRate->value();
    const int loss = m_loss->currentData().toInt();
    if (loss >= 0)
        config.loss = static_cast<LossKind>(loss);
    config.seed = static_cast<std::uint64_t>(m_seed->value());
    config.data.seed = config.seed;
    config.threads = m_threads->value();
    config.patience = m_patience->value();
    config.modelName = m_name->text().trimmed().toStdString();
    if (why)
        why->clear();
    return config;
}

}  // namespace rw
