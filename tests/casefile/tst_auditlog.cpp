// The audit log's chain: every kind of tampering with a line is found at that line.
#include "TestFiles.h"
#include "ridgeworks/casefile/AuditLog.h"
#include "ridgeworks/common/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

// A log of `count` entries in `file`.
void writeLog(const fs::path& file, int count)
{
    std::vector<rw::AuditEntry> entries;
    for (int i = 0; i < count; ++i)
        entries.push_back(rw::appendAuditEntry(file, entries.empty() ? nullptr : &entries.back(),
                                               "A. Examiner", "step",
                                               {{"n", std::to_string(i + 1)}}));
}

std::vector<std::string> lines(const fs::path& file)
{
    std::ifstream in(file);
    std::vector<std::string> result;
    for (std::string line; std::getline(in, line);)
        result.push_back(line);
    return result;
}

void writeLines(const fs::path& file, const std::vector<std::string>& content, bool finalNewline)
{
    std::ofstream out(file, std::ios::trunc);
    for (std::size_t i = 0; i < content.size(); ++i)
        out << content[i] << (i + 1 < content.size() || finalNewline ? "\n" : "");
}

}  // namespace

class TestAuditLog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appendedEntriesChainAndReadBack()
    {
        QTemporaryDir dir;
        const fs::path file = dir.filePath(QStringLiteral("audit.jsonl")).toStdString();
        writeLog(file, 4);
        const rw::AuditLogReading reading = rw::readAuditLog(file);
        QVERIFY(reading.intact);
        QCOMPARE(reading.entries.size(), std::size_t(4));
        QCOMPARE(reading.entries[0].previousHash, rw::auditGenesisHash());
        for (std::size_t i = 1; i < 4; ++i) {
            QCOMPARE(reading.entries[i].sequence, std::uint64_t(i + 1));
            QCOMPARE(reading.entries[i].previousHash, reading.entries[i - 1].hash);
            QCOMPARE(reading.entries[i].details.at("n"), std::to_string(i + 1));
        }
        QCOMPARE(reading.entries[3].hash, rw::auditEntryHash(reading.entries[3]));
        QCOMPARE(reading.entries[3].hash.size(), std::size_t(64));
    }

    void missingLogIsEmptyAndIntact()
    {
        QTemporaryDir dir;
        const rw::AuditLogReading reading =
            rw::readAuditLog(dir.filePath(QStringLiteral("none.jsonl")).toStdString());
        QVERIFY(reading.intact);
        QVERIFY(reading.entries.empty());
    }

    void tamperingIsFoundAtItsLine_data()
    {
        QTest::addColumn<QString>("tampering");
        QTest::addColumn<int>("badLine");
        QTest::addColumn<QString>("problemPart");
        QTest::newRow("edited detail") << "edit" << 3 << "does not match its hash";
        QTest::newRow("deleted line") << "delete" << 3 << "was due";
        QTest::newRow("swapped lines") << "swap" << 2 << "was due";
        QTest::newRow("garbage line") << "garbage" << 2 << "not a valid log entry";
        QTest::newRow("cut last line") << "cut" << 5 << "incomplete";
        QTest::newRow("rehashed edit") << "rehash" << 4 << "does not link";
    }
    void tamperingIsFoundAtItsLine()
    {
        QFETCH(QString, tampering);
        QFETCH(int, badLine);
        QFETCH(QString, problemPart);
        QTemporaryDir dir;
        const fs::path file = dir.filePath(QStringLiteral("audit.jsonl")).toStdString();
        writeLog(file, 5);
        std::vector<std::string> content = lines(file);
        bool finalNewline = true;
        if (tampering == QLatin1String("edit")) {
            content[2].replace(content[2].find("\"3\""), 3, "\"9\"");
        } else if (tampering == QLatin1String("delete")) {
            content.erase(content.begin() + 2);
        } else if (tampering == QLatin1String("swap")) {
            std::swap(content[1], content[2]);
        } else if (tampering == QLatin1String("garbage")) {
            content[1] = "{not json";
        } else if (tampering == QLatin1String("cut")) {
            content[4] = content[4].substr(0, content[4].size() / 2);
            finalNewline = false;
        } else if (tampering == QLatin1String("rehash")) {
            // A forger who edits entry 3 and fixes its own hash still breaks entry 4's link.
            rw::AuditLogReading reading = rw::readAuditLog(file);
            rw::AuditEntry forged = reading.entries[2];
            forged.details["n"] = "forged";
            forged.hash = rw::auditEntryHash(forged);
            const fs::path other = dir.filePath(QStringLiteral("forged.jsonl")).toStdString();
            rw::appendAuditEntry(other, &reading.entries[1], forged.examiner, forged.action,
                                 forged.details);
            content[2] = lines(other).front();
        }
        writeLines(file, content, finalNewline);
        const rw::AuditLogReading reading = rw::readAuditLog(file);
        QVERIFY(!reading.intact);
        QCOMPARE(int(reading.badLine), badLine);
        QCOMPARE(int(reading.entries.size()), badLine - 1);
        QVERIFY2(QString::fromStdString(reading.problem).contains(problemPart),
                 reading.problem.c_str());
    }

    void appendToAFolderFailsNamingIt()
    {
        QTemporaryDir dir;
        const fs::path file = dir.path().toStdString();
        try {
            rw::appendAuditEntry(file, nullptr, "A", "x", {});
            QFAIL("expected rw::Error");
        } catch (const rw::Error& e) {
            QCOMPARE(e.kind(), rw::ErrorKind::WriteFailed);
            QCOMPARE(e.path(), file);
        }
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
