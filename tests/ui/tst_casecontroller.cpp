// The workbench's Case menu: a case created, prints imported (and a bad one named), the
// dock's derivation tree and history, verification that finds a changed byte, a report.
#include "CaseController.h"
#include "CaseDock.h"
#include "DamagedEvidence.h"
#include "EvidenceLoader.h"
#include "JobRunner.h"
#include "MainWindow.h"
#include "ReconstructionJob.h"
#include "SyntheticPrintFile.h"

#include <ridgeworks/casework/CaseReplay.h>
#include <ridgeworks/image/ImageLoader.h>
#include <ridgeworks/model/Model.h>
#include <ridgeworks/reconstruct/Reconstruction.h>

#include <ridgeworks/image/ImageWriter.h>
#include <ridgeworks/synth/SyntheticPrint.h>

#include <opencv2/imgproc.hpp>

#include <stdexcept>

#include <QAction>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

Q_DECLARE_METATYPE(std::vector<rw::EvidenceItem>)

class TestCaseController : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_print;

    // Runs until the runner has drained (every job queued so far is done).
    static void waitForJobs(rw::JobRunner& jobs)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!jobs.isBusy(), 60000);
    }

    // A new case in `name` with the test print imported, and that print as the window loads
    // it from the case (the evidence copy).
    rw::EvidenceItem newCaseWithThePrint(rw::CaseController& controller, rw::JobRunner& jobs,
                                         const char* name)
    {
        QSignalSpy added(&controller, &rw::CaseController::evidenceFilesAdded);
        controller.createCase(m_dir.filePath(QString::fromLatin1(name)),
                              QStringLiteral("A. Examiner"), {});
        waitForJobs(jobs);
        controller.importFiles({m_print});
        waitForJobs(jobs);
        if (added.count() != 1)
            throw std::runtime_error("the print was not imported");
        rw::LoadOutcome loaded = rw::loadEvidence(added.at(0).at(0).toStringList(), {}, {}, {});
        if (loaded.items.size() != 1)
            throw std::runtime_error("the imported print did not load");
        return std::move(loaded.items.front());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_print = m_dir.filePath(QStringLiteral("thumb.png"));
        rw::test::writeSyntheticPrint(m_print.toStdString(), 110, 120, 8);
    }

    void createImportVerifyReport()
    {
        QWidget window;
        rw::JobRunner jobs;
        auto* dock = new rw::CaseDock(&window);
        rw::CaseController controller(&jobs, dock, &window);
        QSignalSpy added(&controller, &rw::CaseController::evidenceFilesAdded);
        QSignalSpy problems(&controller, &rw::CaseController::problem);
        QVERIFY(!controller.actions().at(2)->isEnabled());  // Import needs an open case

        controller.createCase(m_dir.filePath(QStringLiteral("case")), QStringLiteral("A. Examiner"),
                              QStringLiteral("GUI case"));
        waitForJobs(jobs);
        QVERIFY(controller.currentCase());
        QVERIFY(controller.actions().at(2)->isEnabled());

        const QString notes = m_dir.filePath(QStringLiteral("notes.txt"));
        std::ofstream(notes.toStdString()) << "not a print";
        controller.importFiles({m_print, notes});
        waitForJobs(jobs);
        QCOMPARE(controller.currentCase()->manifest.evidence.size(), std::size_t(1));
        QCOMPARE(added.count(), 1);
        const QStringList shown = added.at(0).at(0).toStringList();
        QCOMPARE(shown.size(), 1);
        QVERIFY(shown.front().endsWith(QStringLiteral("evidence/E1-thumb.png")));
        QCOMPARE(problems.count(), 1);
        QVERIFY(problems.at(0).at(0).toString().contains(QStringLiteral("notes.txt")));

        QCOMPARE(dock->itemTree()->topLevelItemCount(), 1);
        QCOMPARE(dock->itemTree()->topLevelItem(0)->text(0), QStringLiteral("E1"));
        // created, saved, imported, saved
        QCOMPARE(dock->historyList()->topLevelItemCount(), 4);
        QVERIFY(dock->historyList()->topLevelItem(2)->text(1).contains(QStringLiteral("E1")));

        controller.verifyCase();
        waitForJobs(jobs);
        QVERIFY2(dock->verificationText().contains(QStringLiteral("Verified")),
                 qPrintable(dock->verificationText()));

        const fs::path copy = shown.front().toStdString();
        fs::permissions(copy, fs::perms::owner_write, fs::perm_options::add);
        {
            std::fstream bytes(copy, std::ios::in | std::ios::out | std::ios::binary);
            bytes.seekp(120);
            bytes.put('\x7f');
        }
        controller.verifyCase();
        waitForJobs(jobs);
        QVERIFY2(dock->verificationText().contains(QStringLiteral("failed")) &&
                     dock->verificationText().contains(QStringLiteral("E1")),
                 qPrintable(dock->verificationText()));

        QSignalSpy written(&controller, &rw::CaseController::reportWritten);
        const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
        controller.exportReport(pdf);
        waitForJobs(jobs);
        QCOMPARE(written.count(), 1);
        QVERIFY(fs::file_size(pdf.toStdString()) > 1000);

        // Recent cases, and the case open at the last stop (reopened at the next start).
        const QString folder =
            QString::fromStdString(fs::absolute(controller.currentCase()->folder).string());
        QCOMPARE(rw::CaseController::recentCases().value(0), folder);
        QCOMPARE(rw::CaseController::caseOpenAtLastStop(), folder);
        QCOMPARE(controller.recentMenu()->actions().value(0)->text(), folder);

        controller.closeCase();
        QVERIFY(!controller.currentCase());
        QVERIFY(!controller.actions().at(2)->isEnabled());
        QVERIFY(rw::CaseController::caseOpenAtLastStop().isEmpty());
        QCOMPARE(rw::CaseController::recentCases().value(0), folder);
    }

    void derivedPrintsMadeInTheWindowAreRecorded()
    {
        QWidget window;
        rw::JobRunner jobs;
        auto* dock = new rw::CaseDock(&window);
        rw::CaseController controller(&jobs, dock, &window);
        // The window's items, as the workbench makes them: the evidence copy, its damaged
        // copy, and reconstructions with the damage's mask and with a drawn mask.
        const rw::EvidenceItem evidence = newCaseWithThePrint(controller, jobs, "recorded");
        rw::DamageSpec spec;
        spec.kind = rw::DamageKind::Rotation;
        spec.level = rw::DamageLevel::Hard;
        spec.seed = 11;
        const rw::EvidenceItem damaged = rw::makeDamagedItem(evidence, spec);
        controller.recordDerived(damaged);
        waitForJobs(jobs);
        const rw::Case* c = controller.currentCase();
        QCOMPARE(c->manifest.derived.size(), std::size_t(1));
        QCOMPARE(c->manifest.derived[0].parameters.at("kind"), std::string("rotation"));
        QCOMPARE(c->manifest.derived[0].parameters.at("seed"), std::string("11"));
        // The case's damaged print is the window's, pixel for pixel.
        const cv::Mat caseDamaged =
            rw::loadPrint(c->folder / c->manifest.derived[0].files[0].path).pixels;
        QCOMPARE(cv::countNonZero(caseDamaged != damaged.print.pixels), 0);

        const std::string unet = std::string(RIDGEWORKS_TEST_MODELS_DIR) + "/unet-inpaint.rwm";
        rw::EvidenceItem fromDamage = damaged;
        fromDamage.key = damaged.key + QStringLiteral("#rec");
        fromDamage.derivation = rw::Derivation{};
        fromDamage.derivation->parentKey = damaged.key;
        fromDamage.derivation->operation = QStringLiteral("reconstruct");
        fromDamage.derivation->modelPath = QString::fromStdString(unet);
        fromDamage.derivation->mode = QStringLiteral("selective");
        fromDamage.derivation->maskSource = QStringLiteral("damage");
        fromDamage.derivation->featherPixels = rw::featherFor(rw::MaskSource::Damage);
        fromDamage.derivation->regrowth = rw::ReconstructionRequest{}.regrowth;
        fromDamage.derivation->settling = rw::ReconstructionRequest{}.settling;
        fromDamage.derivation->damageMask = damaged.derivation->mask;
        controller.recordDerived(fromDamage);

        rw::EvidenceItem drawn = fromDamage;
        drawn.key = evidence.key + QStringLiteral("#drawn");
        drawn.derivation->parentKey = evidence.key;
        drawn.derivation->maskSource = QStringLiteral("drawn");
        drawn.derivation->featherPixels = rw::featherFor(rw::MaskSource::Drawn);
        drawn.derivation->regrowth = 0.0;  // the dock's regrowth box set to 0
        drawn.derivation->settling = 1;    // and its settling box to 1
        cv::Mat mask = cv::Mat::zeros(evidence.print.pixels.size(), CV_8UC1);
        cv::circle(mask, {55, 60}, 18, cv::Scalar(255), cv::FILLED);
        drawn.derivation->damageMask = mask;
        controller.recordDerived(drawn);
        waitForJobs(jobs);

        c = controller.currentCase();
        QCOMPARE(c->manifest.derived.size(), std::size_t(4));  // D1 damage, D2, D3 mask, D4
        QCOMPARE(c->manifest.derived[1].parameters.at("maskFrom"), std::string("D1"));
        QCOMPARE(c->manifest.derived[2].kind, std::string("mask"));
        QCOMPARE(c->manifest.derived[3].parents, (std::vector<std::string>{"E1", "D3"}));
        // The window's blend goes into the case: none on the damage's exact mask, core's
        // default on a drawn one.
        QCOMPARE(c->manifest.derived[1].parameters.at("featherPixels"), std::string("0"));
        QCOMPARE(c->manifest.derived[3].parameters.at("featherPixels"),
                 std::to_string(rw::ReconstructionOptions{}.featherPixels));
        // And the window's ridge regrowth.
        QCOMPARE(std::stod(c->manifest.derived[1].parameters.at("regrowth")),
                 rw::ReconstructionOptions{}.regrowth);
        QCOMPARE(std::stod(c->manifest.derived[3].parameters.at("regrowth")), 0.0);
        // And its ridge settling.
        QCOMPARE(std::stoi(c->manifest.derived[1].parameters.at("settling")),
                 rw::ReconstructionOptions{}.settling);
        QCOMPARE(c->manifest.derived[3].parameters.at("settling"), std::string("1"));
        // What the window computes with the drawn mask (ReconstructionJob: default options,
        // the mode, the mask, the regrowth, the settling) is what the case recorded.
        rw::ReconstructionOptions options;
        options.mask = mask;
        options.regrowth = 0.0;
        options.settling = 1;
        const rw::Reconstruction inWindow =
            rw::reconstruct(evidence.print.pixels, rw::Model::load(unet), options);
        const cv::Mat recorded =
            rw::loadPrint(c->folder / c->manifest.derived[3].files[0].path).pixels;
        QCOMPARE(cv::countNonZero(recorded != inWindow.image), 0);
        for (const rw::ReplayVerdict& v : rw::replayDerivedItems(*c))
            QVERIFY2(!v.replayable || v.reproduced, v.detail.c_str());

        // A print that is not in the case is left alone.
        QSignalSpy notes(&controller, &rw::CaseController::recordNote);
        rw::EvidenceItem outside = damaged;
        outside.key = QStringLiteral("/somewhere/else.png#damage");
        outside.derivation->parentKey = QStringLiteral("/somewhere/else.png");
        controller.recordDerived(outside);
        QCOMPARE(notes.count(), 1);
        QVERIFY(notes.at(0).at(0).toString().contains(QStringLiteral("not in the case")));
        QCOMPARE(controller.currentCase()->manifest.derived.size(), std::size_t(4));

        // Reopened, the case brings its prints back: evidence first, then the damaged print
        // and the reconstructions (not the mask item) under their parents, marked derived.
        QSignalSpy derived(&controller, &rw::CaseController::derivedItemsLoaded);
        controller.openCase(QString::fromStdString(c->folder.string()));
        waitForJobs(jobs);
        QCOMPARE(derived.count(), 1);
        const auto items = derived.at(0).at(0).value<std::vector<rw::EvidenceItem>>();
        QCOMPARE(items.size(), std::size_t(3));
        QVERIFY(items[0].derivation && !items[0].derivation->isReconstruction());
        QCOMPARE(items[0].derivation->parentKey, evidence.key);
        QCOMPARE(cv::countNonZero(items[0].print.pixels != damaged.print.pixels), 0);
        QVERIFY(items[1].derivation->isReconstruction());
        QCOMPARE(items[1].derivation->parentKey, items[0].key);
        QVERIFY(cv::countNonZero(items[1].derivation->changedMask) > 0);
        QCOMPARE(items[1].derivation->regrowth, rw::ReconstructionOptions{}.regrowth);
        QCOMPARE(items[2].derivation->regrowth, 0.0);
        QCOMPARE(items[1].derivation->settling, rw::ReconstructionOptions{}.settling);
        QCOMPARE(items[2].derivation->settling, 1);
        // Shown again, they are not recorded twice.
        for (const rw::EvidenceItem& item : items)
            controller.recordDerived(item);
        waitForJobs(jobs);
        QCOMPARE(controller.currentCase()->manifest.derived.size(), std::size_t(4));
    }

    // The classical ridge continuation chosen in the Reconstruct dock: the case names the
    // method, carries no model hash, holds the window's pixels and replays them.
    void ridgeContinuationIsRecordedWithoutAHash()
    {
        QWidget window;
        rw::JobRunner jobs;
        auto* dock = new rw::CaseDock(&window);
        rw::CaseController controller(&jobs, dock, &window);
        const rw::EvidenceItem evidence = newCaseWithThePrint(controller, jobs, "classical");

        rw::ReconstructionRequest request;
        request.modelPath = QString::fromLatin1(rw::kRidgeContinuationMethod);
        request.maskSource = rw::MaskSource::Drawn;
        request.mask = cv::Mat::zeros(evidence.print.pixels.size(), CV_8UC1);
        cv::circle(request.mask, {55, 60}, 18, cv::Scalar(255), cv::FILLED);
        const rw::EvidenceItem inWindow = rw::makeReconstructedItem(evidence, request, {}, {});
        QVERIFY(inWindow.derivation->modelSha256.isEmpty());
        controller.recordDerived(inWindow);
        waitForJobs(jobs);

        const rw::Case* c = controller.currentCase();
        QCOMPARE(c->manifest.derived.size(), std::size_t(2));  // D1 the drawn mask, D2
        const rw::DerivedItem& recorded = c->manifest.derived[1];
        QCOMPARE(recorded.kind, std::string("reconstruction"));
        QCOMPARE(recorded.parameters.at("model"), std::string("ridge-continuation"));
        QCOMPARE(recorded.parameters.at("modelName"), inWindow.derivation->modelName.toStdString());
        QVERIFY(recorded.modelSha256.empty());
        const cv::Mat pixels = rw::loadPrint(c->folder / recorded.files[0].path).pixels;
        QCOMPARE(cv::countNonZero(pixels != inWindow.print.pixels), 0);
        bool replayed = false;
        for (const rw::ReplayVerdict& v : rw::replayDerivedItems(*c)) {
            QVERIFY2(!v.replayable || v.reproduced, v.detail.c_str());
            replayed = replayed || (v.itemId == recorded.id && v.reproduced);
        }
        QVERIFY(replayed);
    }

    // The desktop opens a case by its manifest (MIME type application/x-ridgeworks-case):
    // the workbench opens the case, with its evidence, instead of loading case.json as a print.
    void openingTheManifestOpensTheCase()
    {
        const QString folder = m_dir.filePath(QStringLiteral("by-manifest"));
        {
            QWidget window;
            rw::JobRunner jobs;
            auto* dock = new rw::CaseDock(&window);
            rw::CaseController controller(&jobs, dock, &window);
            controller.createCase(folder, QStringLiteral("A. Examiner"), {});
            waitForJobs(jobs);
            controller.importFiles({m_print});
            waitForJobs(jobs);
        }
        const QString manifest = folder + QStringLiteral("/case.json");
        QCOMPARE(rw::CaseController::caseFolderOf(manifest), QFileInfo(folder).absoluteFilePath());
        QCOMPARE(rw::CaseController::caseFolderOf(folder), QFileInfo(folder).absoluteFilePath());
        QVERIFY(rw::CaseController::caseFolderOf(m_print).isEmpty());
        QVERIFY(rw::CaseController::caseFolderOf(m_dir.path()).isEmpty());

        rw::MainWindow window;
        window.loadPaths({manifest});
        QTRY_VERIFY_WITH_TIMEOUT(window.caseController()->currentCase() != nullptr, 30000);
        const rw::Case* opened = window.caseController()->currentCase();
        QCOMPARE(opened->folder, fs::path(folder.toStdString()));
        QCOMPARE(opened->manifest.evidence.size(), std::size_t(1));
    }

    void mainWindowHasTheCaseMenu()
    {
        rw::MainWindow window;
        auto* menu = window.findChild<QMenu*>(QStringLiteral("caseMenu"));
        QVERIFY(menu);
        QStringList titles;
        for (QAction* action : menu->actions())
            if (!action->isSeparator())
                titles << action->text();
        QVERIFY(titles.contains(QStringLiteral("&New Case…")));
        QVERIFY(titles.contains(QStringLiteral("Export Case &Report…")));
        QVERIFY(window.caseController());
    }
};

QTEST_MAIN(TestCaseController)
#include "tst_casecontroller.moc"
