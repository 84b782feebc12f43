#include "TestFiles.h"
#include "ridgeworks/common/AtomicFile.h"
#include "ridgeworks/common/Error.h"

#include <QTemporaryDir>
#include <QtTest>

namespace fs = std::filesystem;

class TestAtomicFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesAndReplaces()
    {
        QTemporaryDir dir;
        const fs::path target = dir.filePath(QStringLiteral("case.json")).toStdString();
        rw::writeFileAtomically(target, std::string_view("first"));
        rw::writeFileAtomically(target, std::string_view("second version"));
        const auto bytes = rw::test::readBytes(target);
        QCOMPARE(std::string(bytes.begin(), bytes.end()), std::string("second version"));
        // No temporary files are left behind.
        QCOMPARE(std::distance(fs::directory_iterator(dir.path().toStdString()),
                               fs::directory_iterator()),
                 1);
    }
    void missingFolderFailsAndKeepsNothing()
    {
        QTemporaryDir dir;
        const fs::path target =
            dir.filePath(QStringLiteral("no/such/folder/out.png")).toStdString();
        try {
            rw::writeFileAtomically(target, std::string_view("x"));
            QFAIL("expected rw::Error");
        } catch (const rw::Error& e) {
            QCOMPARE(e.kind(), rw::ErrorKind::WriteFailed);
            QCOMPARE(e.path(), target);
        }
    }
    void deferredFlushWritesTheSameWayAndFolderFlushNamesAMissingFolder()
    {
        // A batch's deferred write: same bytes, same rename, no temp file left; the batch's
        // final flush of its folder succeeds, and fails naming a folder that is not there.
        QTemporaryDir dir;
        const fs::path target =
            dir.filePath(QStringLiteral("print.reconstruction.json")).toStdString();
        rw::writeFileAtomically(target, std::string_view("old"), rw::Flush::Deferred);
        rw::writeFileAtomically(target, std::string_view("{\"ok\": true}"), rw::Flush::Deferred);
        const auto bytes = rw::test::readBytes(target);
        QCOMPARE(std::string(bytes.begin(), bytes.end()), std::string("{\"ok\": true}"));
        QCOMPARE(std::distance(fs::directory_iterator(dir.path().toStdString()),
                               fs::directory_iterator()),
                 1);
        rw::flushFolderToDisk(dir.path().toStdString());
        const fs::path missing = dir.filePath(QStringLiteral("gone")).toStdString();
        try {
            rw::flushFolderToDisk(missing);
            QFAIL("expected rw::Error");
        } catch (const rw::Error& e) {
            QCOMPARE(e.kind(), rw::ErrorKind::WriteFailed);
            QCOMPARE(e.path(), missing);
        }
    }
    void failedRenameLeavesPreviousContent()
    {
        // The target is a non-empty folder: rename() fails after the temp file was written,
        // the case of an interrupted save. Whatever was there stays, no temp file remains.
        QTemporaryDir dir;
        const fs::path target = dir.filePath(QStringLiteral("occupied")).toStdString();
        fs::create_directory(target);
        rw::test::writeBytes(target / "keep.txt", {'o', 'k'});
        QVERIFY_THROWS_EXCEPTION(rw::Error,
                                 rw::writeFileAtomically(target, std::string_view("new")));
        QCOMPARE(rw::test::readBytes(target / "keep.txt").size(), std::size_t(2));
        QCOMPARE(std::distance(fs::directory_iterator(dir.path().toStdString()),
                               fs::directory_iterator()),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
