#include "TrainingPanel.h"

#include "ModelLibrary.h"
#include "TrainingCharts.h"
#include "TrainingJob.h"
#include "TrainingJobDelegate.h"
#include "TrainingQueue.h"
#include "TrainingSettingsForm.h"

#include <QDir>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>

#include <cmath>

namespace rw {

namespace {

constexpr int kSampleSide = 80;

QLabel* makeSample(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setFixedSize(kSampleSide, kSampleSide);
    label->setAlignment(Qt::AlignCenter);
    label->setFrameShape(QFrame::StyledPanel);
    label->setStyleSheet(QStringLiteral("background: #202428; color: #9aa3ad"));
    label->setText(QStringLiteral("—"));
    return label;
}

QLabel* makeCaption(QWidget* parent, const QString& text)
{
    auto* label = new QLabel(text, parent);
    label->setAlignment(Qt::AlignCenter);
    label->setStyleSheet(QStringLiteral("color: #6b7480"));
    return label;
}

}  // namespace

TrainingPanel::TrainingPanel(TrainingQueue* queue, ModelLibrary* library, QWidget* parent)
    : QWidget(parent)
    , m_queue(queue)
    , m_library(library)
    , m_form(new TrainingSettingsForm(this))
    , m_jobList(new QListView(this))
    , m_cancel(new QPushButton(QStringLiteral("Cancel"), this))
    , m_clearEnded(new QPushButton(QStringLiteral("Clear Ended"), this))
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_charts(new TrainingCharts(this))
    , m_samples{makeSample(this, QStringLiteral("sampleInput")),
                makeSample(this, QStringLiteral("sampleOutput")),
                makeSample(this, QStringLiteral("sampleTarget"))}
    , m_modelList(new QListView(this))
    , m_modelsFolder(new QLabel(this))
    , m_refreshModels(new QPushButton(QStringLiteral("Refresh"), this))
{
    setObjectName(QStringLiteral("trainingPanel"));
    m_jobList->setObjectName(QStringLiteral("trainingJobList"));
    m_cancel->setObjectName(QStringLiteral("trainingCancelButton"));
    m_clearEnded->setObjectName(QStringLiteral("trainingClearEndedButton"));
    m_title->setObjectName(QStringLiteral("trainingJobTitle"));
    m_status->setObjectName(QStringLiteral("trainingJobStatus"));
    m_progress->setObjectName(QStringLiteral("trainingJobProgress"));
    m_modelList->setObjectName(QStringLiteral("modelLibraryList"));
    m_modelsFolder->setObjectName(QStringLiteral("modelsFolder"));
    m_refreshModels->setObjectName(QStringLiteral("refreshModelsButton"));

    // Settings: scrollable, so a low dock still reaches the Start button.
    auto* settingsBox = new QGroupBox(QStringLiteral("New training job"), this);
    auto* scroll = new QScrollArea(settingsBox);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* settingsLayout = new QVBoxLayout(settingsBox);
    settingsLayout->setContentsMargins(6, 6, 6, 6);
    settingsLayout->addWidget(scroll);
    settingsBox->setMinimumWidth(280);

    // Jobs and models.
    m_jobList->setModel(m_queue);
    m_jobList->setItemDelegate(new TrainingJobDelegate(m_jobList));
    m_jobList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_jobList->setUniformItemSizes(true);
    m_jobList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_cancel->setEnabled(false);
    m_clearEnded->setToolTip(
        QStringLiteral("Remove finished, failed and cancelled jobs from the list"));
    auto* jobsBox = new QGroupBox(QStringLiteral("Jobs (one runs at a time)"), this);
    auto* jobButtons = new QHBoxLayout;
    jobButtons->addWidget(m_cancel);
    jobButtons->addStretch(1);
    jobButtons->addWidget(m_clearEnded);
    auto* jobsLayout = new QVBoxLayout(jobsBox);
    jobsLayout->setContentsMargins(6, 6, 6, 6);
    jobsLayout->addWidget(m_jobList, 1);
    jobsLayout->addLayout(jobButtons);

    m_modelList->setModel(m_library);
    m_modelList->setSelectionMode(QAbstractItemView::SingleSelection);
    m_modelList->setTextElideMode(Qt::ElideRight);
    m_modelList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_modelsFolder->setWordWrap(true);
    m_modelsFolder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_modelsFolder->setStyleSheet(QStringLiteral("color: #6b7480"));
    m_refreshModels->setToolTip(QStringLiteral("Read the model folders again"));
    auto* modelsBox = new QGroupBox(QStringLiteral("Model library"), this);
    auto* modelsFooter = new QHBoxLayout;
    modelsFooter->addWidget(m_modelsFolder, 1);
    modelsFooter->addWidget(m_refreshModels, 0, Qt::AlignTop);
    auto* modelsLayout = new QVBoxLayout(modelsBox);
    modelsLayout->setContentsMargins(6, 6, 6, 6);
    modelsLayout->addWidget(m_modelList, 1);
    modelsLayout->addLayout(modelsFooter);

    auto* middle = new QSplitter(Qt::Vertical, this);
    middle->addWidget(jobsBox);
    middle->addWidget(modelsBox);
    middle->setChildrenCollapsible(false);
    middle->setMinimumWidth(230);

    // The selected job.
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(true);
    // Input, output and target one above the other: the charts get the width.
    auto* sampleBox = new QVBoxLayout;
    sampleBox->setSpacing(1);
    auto* sampleTitle = new QLabel(QStringLiteral("Latest validation sample"), this);
    sampleTitle->setStyleSheet(QStringLiteral("color: #6b7480"));
    sampleBox->addWidget(sampleTitle);
    const QString captions[3] = {QStringLiteral("input (damaged)"), QStringLiteral("output"),
                                 QStringLiteral("target (clean)")};
    for (int i = 0; i < 3; ++i) {
        sampleBox->addWidget(m_samples[i], 0, Qt::AlignHCenter);
        sampleBox->addWidget(makeCaption(this, captions[i]));
    }
    sampleBox->addStretch(1);

    auto* detailBox = new QGroupBox(QStringLiteral("Selected job"), this);
    auto* chartsRow = new QHBoxLayout;
    chartsRow->addWidget(m_charts, 1);
    chartsRow->addLayout(sampleBox);
    auto* detailLayout = new QVBoxLayout(detailBox);
    detailLayout->setContentsMargins(6, 6, 6, 6);
    detailLayout->addWidget(m_title);
    detailLayout->addWidget(m_progress);
    detailLayout->addWidget(m_status);
    detailLayout->addLayout(chartsRow, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(settingsBox);
    splitter->addWidget(middle);
    splitter->addWidget(detailBox);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 3);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({330, 260, 810});
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(splitter);

    connect(m_form, &TrainingSettingsForm::startRequested, this,
            [this](const TrainConfig& config) { m_queue->enqueue(config); });
    connect(m_queue, &TrainingQueue::busyChanged, m_form, &TrainingSettingsForm::setQueueBusy);
    connect(m_queue, &TrainingQueue::jobAdded, this, &TrainingPanel::onJobAdded);
    connect(m_queue, &TrainingQueue::jobStarted, this, &TrainingPanel::onJobStarted);
    connect(m_queue, &TrainingQueue::jobUpdated, this, &TrainingPanel::onJobUpdated);
    connect(m_queue, &TrainingQueue::jobEnded, this, &TrainingPanel::onJobUpdated);
    connect(m_queue, &QAbstractItemModel::rowsRemoved, this, &TrainingPanel::updateDetail);
    connect(m_jobList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &TrainingPanel::updateDetail);
    connect(m_cancel, &QPushButton::clicked, this, &TrainingPanel::cancelSelected);
    connect(m_clearEnded, &QPushButton::clicked, m_queue, &TrainingQueue::removeEnded);
    connect(m_refreshModels, &QPushButton::clicked, m_library, &ModelLibrary::refresh);
    connect(m_library, &ModelLibrary::refreshed, this, &TrainingPanel::updateModelsLabel);
    m_form->setQueueBusy(m_queue->isBusy());
    updateModelsLabel();
    updateDetail();
}

int TrainingPanel::selectedJobId() const
{
    const QModelIndex current = m_jobList->currentIndex();
    return current.isValid() ? current.data(TrainingQueue::JobIdRole).toInt() : 0;
}

void TrainingPanel::selectJob(int id)
{
    const int row = m_queue->rowOf(id);
    if (row >= 0)
        m_jobList->setCurrentIndex(m_queue->index(row));
}

void TrainingPanel::onJobAdded(int id)
{
    if (selectedJobId() == 0)
        selectJob(id);
}

void TrainingPanel::onJobStarted(int id)
{
    // Follow the queue, unless the examiner is looking at another job that is still to come.
    const TrainingJob* selected = m_queue->job(selectedJobId());
    if (!selected || selected->isEnded())
        selectJob(id);
    else
        onJobUpdated(id);
}

void TrainingPanel::onJobUpdated(int id)
{
    if (id == selectedJobId())
        updateDetail();
}

void TrainingPanel::updateDetail()
{
    const TrainingJob* job = m_queue->job(selectedJobId());
    m_charts->showJob(job);
    if (!job) {
        m_title->setText(QStringLiteral("No job selected"));
        m_status->setText(QStringLiteral("Set up a job on the left and press Start Training."));
        m_progress->setRange(0, 1000);
        m_progress->setValue(0);
        m_progress->setFormat(QString());
        m_cancel->setEnabled(false);
        for (QLabel* label : m_samples) {
            label->setPixmap({});
            label->setText(QStringLiteral("—"));
        }
        return;
    }
    m_title->setText(job->title);
    QString status = TrainingQueue::statusText(*job);
    if (job->state == TrainingJob::State::Running && !job->validationLoss.isEmpty())
        status +=
            QStringLiteral("\nlast epoch: validation loss ") +
            QString::number(job->validationLoss.last().y(), 'f', 4) + QStringLiteral(", PSNR ") +
            QString::number(job->validationPsnr.last().y(), 'f', 2) + QStringLiteral(" dB, SSIM ") +
            QString::number(job->validationSsim.last().y(), 'f', 3);
    else if (job->state == TrainingJob::State::Finished)
        status += QStringLiteral("\n") + job->message;
    m_status->setText(status);
    m_status->setToolTip(
        job->checkpointPath.isEmpty() ? QString() : QDir::toNativeSeparators(job->checkpointPath));
    if (job->state == TrainingJob::State::Preparing) {
        m_progress->setRange(0, 0);  // busy: preparation has no reliable total
        m_progress->setFormat(QString());
    } else {
        m_progress->setRange(0, 1000);
        m_progress->setValue(static_cast<int>(std::lround(job->fraction * 1000)));
        m_progress->setFormat(job->state == TrainingJob::State::Running
                                  ? QStringLiteral("%p %  ·  epoch ") +
                                        QString::number(job->epoch) + u'/' +
                                        QString::number(job->epochs)
                                  : QStringLiteral("%p %"));
    }
    m_cancel->setEnabled(!job->isEnded());
    m_cancel->setText(job->state == TrainingJob::State::Queued ? QStringLiteral("Remove from Queue")
                                                               : QStringLiteral("Cancel"));
    const QImage* images[3] = {&job->sampleInput, &job->sampleOutput, &job->sampleTarget};
    for (int i = 0; i < 3; ++i) {
        if (images[i]->isNull()) {
            m_samples[i]->setPixmap({});
            m_samples[i]->setText(QStringLiteral("—"));
        } else {
            m_samples[i]->setPixmap(QPixmap::fromImage(images[i]->scaled(
                kSampleSide - 4, kSampleSide - 4, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        }
    }
}

void TrainingPanel::cancelSelected()
{
    m_queue->cancel(selectedJobId());
}

void TrainingPanel::updateModelsLabel()
{
    const QString folder = QDir::toNativeSeparators(m_library->userModelsDir());
    QString text =
        QString::number(m_library->modelCount()) +
        (m_library->modelCount() == 1 ? QStringLiteral(" model") : QStringLiteral(" models"));
    if (m_library->unreadableCount() > 0)
        text += QStringLiteral(", ") + QString::number(m_library->unreadableCount()) +
                QStringLiteral(" unreadable (hover for the reason)");
    text += QStringLiteral(". Yours are stored in ") + folder;
    m_modelsFolder->setText(text);
    m_modelsFolder->setToolTip(QStringLiteral("Trained models are written to ") + folder);
}

}  // namespace rw
