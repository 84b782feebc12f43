// The Training dock in the main window, driven like an examiner would: View ▸ Training shows
// it, the form's settings become the job, Start runs it, the charts and the sample view fill
// in, and the finished model appears in the model library under its card name, stored in the
// user's models folder (RIDGEWORKS_USER_MODELS_DIR here). A file there that is not a model is
// listed as unreadable.
#include "EventLoopGaps.h"
#include "MainWindow.h"
#include "ModelLibrary.h"
#include "TrainingCharts.h"
#include "TrainingJob.h"
#include "TrainingPanel.h"
#include "TrainingQueue.h"
#include "TrainingSettingsForm.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

namespace {

constexpr int kJobTimeoutMs = 120000;

}  // namespace

class TestTrainingPanel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_models;
    std::unique_ptr<rw::MainWindow> m_window;

    rw::TrainingPanel* panel() const { return m_window->trainingPanel(); }
    rw::TrainingSettingsForm* form() const { return panel()->settingsForm(); }

    // RIDGEWORKS_TRAINING_SCREENSHOT=file.png: a second, longer job with the demo prints open,
    // shot while it runs (docs/workbench.md says how the docs' picture is made).
    void screenshotIfAsked()
    {
        const QString file = qEnvironmentVariable("RIDGEWORKS_TRAINING_SCREENSHOT");
        if (file.isEmpty())
            return;
        QSignalSpy loaded(m_window.get(), &rw::MainWindow::loadFinished);
        m_window->loadDemoPrints();
        QVERIFY(loaded.wait(kJobTimeoutMs));
        rw::TrainingQueue* queue = m_window->trainingQueue();
        form()->syntheticCountBox()->setValue(48);
        form()->syntheticValidationBox()->setValue(16);
        form()->epochsBox()->setValue(12);
        form()->batchSizeBox()->setValue(8);
        form()->nameEdit()->setText(QStringLiteral("Seed AE, synthetic 48/epoch"));
        QTest::mouseClick(form()->startButton(), Qt::LeftButton);
        const int running = queue->jobAt(queue->rowCount() - 1).id;
        form()->setModel(rw::Architecture::UNetInpaint);
        form()->nameEdit()->setText(QStringLiteral("U-Net inpainting, synthetic"));
        QTest::mouseClick(form()->startButton(), Qt::LeftButton);
        panel()->selectJob(running);
        QTRY_VERIFY_WITH_TIMEOUT(queue->job(running)->trainLoss.size() >= 9, 600000);
        QTest::qWait(600);
        QVERIFY(m_window->grab().save(file));
        if (!qEnvironmentVariableIsEmpty("RIDGEWORKS_SCREENSHOT_HOLD_MS"))
            QTest::qWait(qEnvironmentVariableIntValue("RIDGEWORKS_SCREENSHOT_HOLD_MS"));
        queue->cancelAll();
        QTRY_VERIFY_WITH_TIMEOUT(!queue->isBusy(), 30000);
        QTest::mouseClick(panel()->clearEndedButton(), Qt::LeftButton);
        queue->removeEnded();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RidgeworksTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_trainingpanel"));
        QVERIFY(m_dir.isValid());
        m_models = m_dir.filePath(QStringLiteral("models"));
        QVERIFY(QDir().mkpath(m_models));
        QFile broken(m_models + QStringLiteral("/broken.rwm"));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("RIDGEWORKS-MODEL but then nothing sensible");
        broken.close();
        qputenv("RIDGEWORKS_USER_MODELS_DIR", m_models.toLocal8Bit());
    }

    void init()
    {
        QSettings().clear();
        m_window = std::make_unique<rw::MainWindow>();
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void viewMenuTogglesTheDock()
    {
        QDockWidget* dock = m_window->trainingDock();
        QVERIFY(!dock->isVisible());
        auto* view = m_window->menuBar()->findChild<QMenu*>(QStringLiteral("viewMenu"));
        QVERIFY(view);
        QAction* toggle = dock->toggleViewAction();
        QVERIFY(view->actions().contains(toggle));
        QCOMPARE(toggle->text(), QStringLiteral("Training"));
        toggle->trigger();
        QVERIFY(dock->isVisible());
        toggle->trigger();
        QVERIFY(!dock->isVisible());
    }

    void unreadableModelIsListed()
    {
        rw::ModelLibrary* library = m_window->modelLibrary();
        QCOMPARE(library->userModelsDir(), m_models);
        QCOMPARE(m_window->trainingQueue()->modelsDir(), m_models);
        const int row = library->rowOfPath(m_models + QStringLiteral("/broken.rwm"));
        QVERIFY(row >= 0);
        const QModelIndex index = library->index(row);
        QVERIFY(index.data(rw::ModelLibrary::UnreadableRole).toBool());
        QVERIFY(index.data().toString().startsWith(QStringLiteral("broken.rwm — unreadable: ")));
        QVERIFY(!index.data(rw::ModelLibrary::ReasonRole).toString().isEmpty());
        QCOMPARE(panel()->modelList()->model(), library);
    }

    void formSettingsBecomeTheJob()
    {
        form()->setDataSource(rw::DataSourceKind::Folder);
        form()->folderEdit()->clear();
        QString why;
        QVERIFY(!form()->config(&why));
        QVERIFY(why.contains(QStringLiteral("folder")));

        form()->setDataSource(rw::DataSourceKind::Socofing, QStringLiteral("/data/SOCOFing"));
        form()->setModel(rw::Architecture::UNetInpaint);
        QVERIFY(!form()->pairModeBox()->isEnabled());
        QVERIFY(form()->lossBox()->itemText(0).contains(QStringLiteral("inpaint-coherent")));
        form()->epochsBox()->setValue(7);
        form()->batchSizeBox()->setValue(16);
        form()->lossBox()->setCurrentIndex(
            form()->lossBox()->findData(static_cast<int>(rw::LossKind::L1)));
        form()->seedBox()->setValue(42);
        form()->threadsBox()->setValue(1);
        form()->patienceBox()->setValue(3);
        form()->nameEdit()->setText(QStringLiteral("  U-Net on SOCOFing "));
        const std::optional<rw::TrainConfig> config = form()->config();
        QVERIFY(config);
        QCOMPARE(config->data.source.kind, rw::DataSourceKind::Socofing);
        QCOMPARE(config->data.source.path, std::string("/data/SOCOFing"));
        QCOMPARE(config->model.architecture, rw::Architecture::UNetInpaint);
        QCOMPARE(config->epochs, 7);
        QCOMPARE(config->batchSize, 16);
        QVERIFY(config->loss == rw::LossKind::L1);
        QCOMPARE(config->seed, std::uint64_t{42});
        QCOMPARE(config->data.seed, std::uint64_t{42});
        QCOMPARE(config->threads, 1);
        QCOMPARE(config->patience, 3);
        QCOMPARE(config->modelName, std::string("U-Net on SOCOFing"));

        // Defaults: the model's own loss, damaged → clean pairs.
        form()->setModel(rw::Architecture::SeedAutoencoder);
        form()->lossBox()->setCurrentIndex(0);
        QVERIFY(form()->pairModeBox()->isEnabled());
        const std::optional<rw::TrainConfig> defaults = form()->config();
        QVERIFY(!defaults->loss.has_value());
        QCOMPARE(defaults->pairMode, rw::PairMode::DamagedToClean);
    }

    void startTrainsShowsCurvesAndListsTheModel()
    {
        m_window->trainingDock()->show();
        form()->setDataSource(rw::DataSourceKind::Synthetic);
        form()->syntheticCountBox()->setValue(8);
        form()->syntheticValidationBox()->setValue(4);
        form()->setModel(rw::Architecture::SeedAutoencoder);
        form()->epochsBox()->setValue(2);
        form()->batchSizeBox()->setValue(4);
        form()->nameEdit()->setText(QStringLiteral("Dock model"));
        QCOMPARE(form()->startButton()->text(), QStringLiteral("Start Training"));

        rw::TrainingQueue* queue = m_window->trainingQueue();
        QSignalSpy ended(queue, &rw::TrainingQueue::jobEnded);
        QSignalSpy refreshed(m_window->modelLibrary(), &rw::ModelLibrary::refreshed);
        // The window, charts included, keeps its event loop ticking while the job trains.
        rw::test::EventLoopGaps gaps(this);
        gaps.start();
        QTest::mouseClick(form()->startButton(), Qt::LeftButton);
        QCOMPARE(queue->rowCount(), 1);
        const int id = queue->jobAt(0).id;
        QCOMPARE(panel()->selectedJobId(), id);
        QCOMPARE(form()->startButton()->text(), QStringLiteral("Add to Queue"));
        QVERIFY(panel()->cancelButton()->isEnabled());
        QVERIFY(ended.wait(kJobTimeoutMs));
        gaps.stop();
        qInfo("event loop with the dock showing the job: %s", qPrintable(gaps.describe()));
        QVERIFY2(gaps.responsive(), qPrintable(gaps.describe()));

        const rw::TrainingJob* job = queue->job(id);
        QVERIFY2(job->state == rw::TrainingJob::State::Finished, qPrintable(job->message));
        QVERIFY(QFileInfo::exists(job->checkpointPath));
        QCOMPARE(QFileInfo(job->checkpointPath).absolutePath(),
                 QFileInfo(m_models).absoluteFilePath());
        QCOMPARE(form()->startButton()->text(), QStringLiteral("Start Training"));
        QVERIFY(!panel()->cancelButton()->isEnabled());
        QCOMPARE(panel()->progressBar()->value(), 1000);
        QVERIFY(panel()->jobStatusLabel()->text().startsWith(QStringLiteral("finished")));

        // Charts of the selected job.
        rw::TrainingCharts* charts = panel()->charts();
        QCOMPARE(charts->batchLossSeries()->count(), 4);  // 2 batches × 2 epochs
        QCOMPARE(charts->trainLossSeries()->count(), 2);
        QCOMPARE(charts->validationLossSeries()->count(), 2);
        QCOMPARE(charts->psnrSeries()->count(), 2);
        QCOMPARE(charts->ssimSeries()->count(), 2);
        QCOMPARE(charts->psnrSeries()->at(1), job->validationPsnr.at(1));

        // The latest sample: input | output | target.
        const QImage* samples[3] = {&job->sampleInput, &job->sampleOutput, &job->sampleTarget};
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(samples[i]->size(), QSize(100, 100));
            const QPixmap pixmap = panel()->sampleLabel(i)->pixmap();
            QVERIFY(pixmap.width() >= 64 && pixmap.width() == pixmap.height());
            // The label shows that very image (scaled to fit).
            const QImage expected =
                samples[i]->scaled(pixmap.size(), Qt::KeepAspectRatio, Qt::SmoothTransformation);
            QCOMPARE(pixmap.toImage().convertToFormat(QImage::Format_Grayscale8),
                     expected.convertToFormat(QImage::Format_Grayscale8));
        }
        // Output and target differ (the model is no identity after two epochs).
        QVERIFY(job->sampleOutput != job->sampleTarget);

        // The library lists the new model under its card name, with its card.
        QVERIFY(refreshed.size() >= 1);
        rw::ModelLibrary* library = m_window->modelLibrary();
        const int row = library->rowOfPath(job->checkpointPath);
        QVERIFY(row >= 0);
        const QModelIndex model = library->index(row);
        QCOMPARE(model.data(rw::ModelLibrary::CardNameRole).toString(),
                 QStringLiteral("Dock model"));
        const QString card = model.data(Qt::ToolTipRole).toString();
        QVERIFY2(card.contains(QStringLiteral("Epochs: 2 of 2")), qPrintable(card));
        QVERIFY2(card.contains(QStringLiteral("PSNR ")), qPrintable(card));
        QVERIFY2(card.contains(QStringLiteral("Data: synthetic")), qPrintable(card));
        // The broken file is still listed beside it.
        QVERIFY(library->rowOfPath(m_models + QStringLiteral("/broken.rwm")) >= 0);

        // Clear Ended forgets the job, the charts go blank.
        // (First, when asked: a picture of the dock for docs/training-dock.png.)
        screenshotIfAsked();
        panel()->selectJob(id);
        QTest::mouseClick(panel()->clearEndedButton(), Qt::LeftButton);
        QCOMPARE(queue->rowCount(), 0);
        QCOMPARE(charts->batchLossSeries()->count(), 0);
    }
};

QTEST_MAIN(TestTrainingPanel)
#include "tst_trainingpanel.moc"
