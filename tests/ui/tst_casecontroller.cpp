// The workbench's Case menu: a case created, prints imported (and a bad one named), the
// dock's derivation tree and history, verification that finds a changed byte, a report.
#include "CaseController.h"
#include "CaseDock.h"
#include "JobRunner.h"
#include "MainWindow.h"

#include <ridgeworks/image/ImageWriter.h>
#include <ridgeworks/synth/SyntheticPrint.h>

#include <QAction>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

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

private Q_SLOTS:
    void initTestCase()
    {
        rw::SynthOptions options;
        options.width = 110;
        options.height = 120;
        options.seed = 8;
        m_print = m_dir.filePath(QStringLiteral("thumb.png"));
        rw::saveImage(m_print.toStdString(), rw::generateSyntheticPrint(options).image, 500.0);
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

        controller.closeCase();
        QVERIFY(!controller.currentCase());
        QVERIFY(!controller.actions().at(2)->isEnabled());
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
