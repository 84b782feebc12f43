// Case folders: round trip, read-only evidence, tampering named, interrupted saves survived.
#include "SyntheticPrintFile.h"
#include "TestFiles.h"
#include "ridgeworks/casefile/Case.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/common/Sha256.h"
#include "ridgeworks/image/ImageWriter.h"
#include "ridgeworks/synth/SyntheticPrint.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

namespace fs = std::filesystem;

namespace {

fs::path writePrint(const QTemporaryDir& dir, const char* name, std::uint64_t seed)
{
    const fs::path file = dir.filePath(QString::fromLatin1(name)).toStdString();
    rw::test::writeSyntheticPrint(file, 96, 104, seed);
    return file;
}

bool hasProblem(const rw::Case& c, const std::string& itemId, const std::string& fileName,
                const std::string& part)
{
    for (const rw::CaseProblem& p : c.problems)
        if (p.itemId == itemId && p.file.filename() == fileName &&
            p.what.find(part) != std::string::npos)
            return true;
    return false;
}

std::string describe(const rw::Case& c)
{
    std::string text;
    for (const rw::CaseProblem& p : c.problems)
        text += "[" + p.itemId + "] " + p.file.string() + ": " + p.what + "\n";
    return text;
}

void flipByte(const fs::path& file, std::size_t offset)
{
    fs::permissions(file, fs::perms::owner_write, fs::perm_options::add);
    std::vector<std::uint8_t> bytes = rw::test::readBytes(file);
    bytes.at(offset) ^= 0x01;
    rw::test::writeBytes(file, bytes);
}

}  // namespace

class TestCase : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_sources;
    fs::path m_printA, m_printB;

    // A case with two evidence prints and one derived item, saved.
    rw::Case makeCase(const QTemporaryDir& dir)
    {
        const fs::path folder = dir.filePath(QStringLiteral("case")).toStdString();
        rw::Case c = rw::createCase(folder, "A. Examiner", "Burglary 42");
        rw::importEvidence(c, m_printA, {});
        rw::importEvidence(c, m_printB, "B. Second");
        rw::DerivedItem d;
        d.id = "D1";
        d.kind = "mask";
        d.parents = {"E1"};
        d.operation = "mask drawn";
        d.parameters = {{"strokes", "3"}, {"seed", "7"}};
        d.modelSha256 = std::string(64, 'a');
        const fs::path maskFile = folder / rw::kCaseDerivedFolder / "D1-mask.png";
        rw::saveImage(maskFile, cv::Mat(104, 96, CV_8UC1, cv::Scalar(255)), 500.0);
        d.files.push_back({"derived/D1-mask.png", rw::sha256OfFile(maskFile),
                           std::uint64_t(fs::file_size(maskFile))});
        d.softwareVersion = "0.1.0";
        d.createdAt = "2026-12-04T12:00:00Z";
        d.examiner = "A. Examiner";
        c.manifest.derived.push_back(d);
        rw::saveCase(c);
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_printA = writePrint(m_sources, "left-thumb.png", 11);
        m_printB = writePrint(m_sources, "right-index.png", 12);
    }

    void roundTripKeepsEverything()
    {
        QTemporaryDir dir;
        const rw::Case made = makeCase(dir);
        const rw::Case c = rw::openCase(made.folder);
        QVERIFY2(c.problems.empty(), describe(c).c_str());
        QVERIFY(!c.manifestRebuilt);
        QCOMPARE(c.manifest.caseId, made.manifest.caseId);
        QCOMPARE(c.manifest.title, std::string("Burglary 42"));
        QCOMPARE(c.manifest.examiner, std::string("A. Examiner"));
        QCOMPARE(c.manifest.evidence.size(), std::size_t(2));
        const rw::CaseEvidence& a = c.manifest.evidence[0];
        QCOMPARE(a.id, std::string("E1"));
        QCOMPARE(a.file.path, std::string("evidence/E1-left-thumb.png"));
        QCOMPARE(a.file.sha256, rw::sha256OfFile(m_printA));
        QCOMPARE(a.file.bytes, std::uint64_t(fs::file_size(m_printA)));
        QCOMPARE(a.sourcePath, fs::absolute(m_printA).string());
        QCOMPARE(a.examiner, std::string("A. Examiner"));  // the case's, when none is given
        QCOMPARE(c.manifest.evidence[1].examiner, std::string("B. Second"));
        QCOMPARE(c.manifest.derived.size(), std::size_t(1));
        const rw::DerivedItem& d = c.manifest.derived[0];
        QCOMPARE(d.parents, std::vector<std::string>{"E1"});
        QCOMPARE(d.parameters.at("seed"), std::string("7"));
        QCOMPARE(d.modelSha256, std::string(64, 'a'));
        QCOMPARE(d.files.at(0).path, std::string("derived/D1-mask.png"));
        // created, saved, imported, saved, imported, saved, saved
        QCOMPARE(c.auditLog.size(), std::size_t(7));
        QCOMPARE(c.auditLog.back().action, std::string("case saved"));
    }

    void evidenceIsAReadOnlyCopyOfTheSameBytes()
    {
        QTemporaryDir dir;
        const rw::Case c = makeCase(dir);
        const fs::path copy = c.folder / c.manifest.evidence[0].file.path;
        QCOMPARE(rw::test::readBytes(copy), rw::test::readBytes(m_printA));
        const fs::perms perms = fs::status(copy).permissions();
        QCOMPARE(perms & fs::perms::owner_write, fs::perms::none);
        QCOMPARE(perms & fs::perms::others_write, fs::perms::none);
    }

    void flippedByteIsNamed_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("itemId");
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QString>("problemPart");
        QTest::newRow("evidence") << "evidence/E2-right-index.png"
                                  << "E2"
                                  << "E2-right-index.png"
                                  << "does not match its recorded SHA-256";
        QTest::newRow("derived") << "derived/D1-mask.png"
                                 << "D1"
                                 << "D1-mask.png"
                                 << "does not match its recorded SHA-256";
        QTest::newRow("manifest") << "case.json"
                                  << ""
                                  << "case.json"
                                  << "changed outside the program";
        QTest::newRow("audit log") << "audit.jsonl"
                                   << ""
                                   << "audit.jsonl"
                                   << "line 1:";
    }
    void flippedByteIsNamed()
    {
        QFETCH(QString, target);
        QFETCH(QString, itemId);
        QFETCH(QString, fileName);
        QFETCH(QString, problemPart);
        QTemporaryDir dir;
        const rw::Case made = makeCase(dir);
        // Inside the content: past a PNG's signature; in the manifest, inside the title
        // (still valid JSON, so only the recorded hash can tell); in the log's first line.
        const fs::path file = made.folder / target.toStdString();
        std::size_t offset = target.endsWith(QLatin1String(".png")) ? 200 : 40;
        if (target == QLatin1String("case.json")) {
            const std::vector<std::uint8_t> bytes = rw::test::readBytes(file);
            offset = std::string(bytes.begin(), bytes.end()).find("Burglary");
        }
        flipByte(file, offset);
        const rw::Case c = rw::openCase(made.folder);
        QVERIFY2(
            hasProblem(c, itemId.toStdString(), fileName.toStdString(), problemPart.toStdString()),
            describe(c).c_str());
        // What is sound is still open: the evidence list is there.
        QCOMPARE(c.manifest.evidence.size(), std::size_t(2));
    }

    void killedSaveLeavesTheCaseReadable()
    {
        // An import that logged its entry and wrote the new manifest's temp file, then died
        // before the rename: the previous manifest stands, the log says what is missing.
        QTemporaryDir dir;
        rw::Case c = makeCase(dir);
        rw::appendAuditEntry(c.folder / rw::kCaseAuditLogFile, &c.auditLog.back(), "A. Examiner",
                             "evidence imported", {{"id", "E3"}});
        std::ofstream(c.folder / ".case.json.tmp-123-4") << "{\"format\": \"ridgeworks-ca";
        const rw::Case reopened = rw::openCase(c.folder);
        QCOMPARE(reopened.manifest.evidence.size(), std::size_t(2));
        QCOMPARE(reopened.manifest.derived.size(), std::size_t(1));
        QCOMPARE(reopened.problems.size(), std::size_t(1));
        QVERIFY2(
            hasProblem(reopened, "", "audit.jsonl", "1 logged operation(s) after the last save"),
            describe(reopened).c_str());
    }

    void cutLogEndIsFound()
    {
        QTemporaryDir dir;
        const rw::Case c = makeCase(dir);
        const fs::path log = c.folder / rw::kCaseAuditLogFile;
        std::vector<std::string> lines;
        {
            std::ifstream in(log);
            for (std::string line; std::getline(in, line);)
                lines.push_back(line);
        }
        std::ofstream out(log, std::ios::trunc);
        for (std::size_t i = 0; i + 2 < lines.size(); ++i)
            out << lines[i] << '\n';
        out.close();
        const rw::Case reopened = rw::openCase(c.folder);
        QVERIFY2(hasProblem(reopened, "", "audit.jsonl", "cut off its end"),
                 describe(reopened).c_str());
    }

    void unreadableManifestIsRebuiltFromTheLog()
    {
        QTemporaryDir dir;
        const rw::Case made = makeCase(dir);
        rw::test::writeBytes(made.folder / rw::kCaseManifestFile, {'{', 'x'});
        const rw::Case c = rw::openCase(made.folder);
        QVERIFY(c.manifestRebuilt);
        QVERIFY2(hasProblem(c, "", "case.json", "rebuilt from the audit log"), describe(c).c_str());
        QCOMPARE(c.manifest.caseId, made.manifest.caseId);
        QCOMPARE(c.manifest.evidence.size(), std::size_t(2));
        QCOMPARE(c.manifest.evidence[1].file.sha256, made.manifest.evidence[1].file.sha256);
        QCOMPARE(c.manifest.evidence[1].examiner, std::string("B. Second"));
    }

    void badImportsAreRefusedAndChangeNothing_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("errorKind");
        QTest::newRow("missing") << "missing" << int(rw::ErrorKind::Missing);
        QTest::newRow("empty") << "empty" << int(rw::ErrorKind::ZeroSize);
        QTest::newRow("not an image") << "text" << int(rw::ErrorKind::NotAnImage);
        QTest::newRow("duplicate") << "duplicate" << int(rw::ErrorKind::InvalidArgument);
    }
    void badImportsAreRefusedAndChangeNothing()
    {
        QFETCH(QString, kind);
        QFETCH(int, errorKind);
        QTemporaryDir dir;
        rw::Case c = makeCase(dir);
        fs::path file = dir.filePath(QStringLiteral("input.png")).toStdString();
        if (kind == QLatin1String("empty"))
            rw::test::writeBytes(file, {});
        else if (kind == QLatin1String("text"))
            rw::test::writeBytes(file, {'h', 'e', 'l', 'l', 'o'});
        else if (kind == QLatin1String("duplicate"))
            fs::copy_file(m_printA, file);
        const std::size_t logBefore = c.auditLog.size();
        try {
            rw::importEvidence(c, file, {});
            QFAIL("expected rw::Error");
        } catch (const rw::Error& e) {
            QCOMPARE(int(e.kind()), errorKind);
            QCOMPARE(e.path(), file);
        }
        QCOMPARE(c.manifest.evidence.size(), std::size_t(2));
        QCOMPARE(c.auditLog.size(), logBefore);
        QCOMPARE(std::distance(fs::directory_iterator(c.folder / rw::kCaseEvidenceFolder),
                               fs::directory_iterator()),
                 2);
        QVERIFY(rw::openCase(c.folder).problems.empty());
    }

    void createRefusesAFolderInUseAndOpenRefusesANonCase()
    {
        QTemporaryDir dir;
        QVERIFY_THROWS_EXCEPTION(rw::Error, rw::createCase(m_sources.path().toStdString(), "A"));
        QVERIFY_THROWS_EXCEPTION(
            rw::Error, rw::createCase(dir.filePath(QStringLiteral("c")).toStdString(), ""));
        try {
            rw::openCase(m_sources.path().toStdString());
            QFAIL("expected rw::Error");
        } catch (const rw::Error& e) {
            QCOMPARE(e.kind(), rw::ErrorKind::Missing);
        }
    }
};

QTEST_GUILESS_MAIN(TestCase)
#include "tst_case.moc"
