// End-to-end tests of `ridgeworks-cli case new|import|verify` on the real binary.
#include "CliRun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using rw::test::runCli;

QString str(const char* text)
{
    return QString::fromLatin1(text);
}

}  // namespace

class TestCliCase : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_prints;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(qEnvironmentVariable("RIDGEWORKS_CLI")), "RIDGEWORKS_CLI not set");
        QVERIFY(runCli({str("synth"), str("-n"), str("2"), str("-s"), str("128"), str("--seed"),
                        str("5"), str("-o"), m_prints.path()})
                    .exitCode == 0);
    }

    void newImportVerifyAndTamper()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(str("case"));
        const auto created = runCli({str("case"), str("new"), folder, str("--examiner"),
                                     str("A. Examiner"), str("--title"), str("Test case")});
        QCOMPARE(created.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(created.out).object().value(str("examiner")).toString(),
                 str("A. Examiner"));

        const QStringList prints = QDir(m_prints.path()).entryList({str("*.png")}, QDir::Files);
        QCOMPARE(prints.size(), 2);
        const QString notAPrint = dir.filePath(str("notes.txt"));
        QFile notes(notAPrint);
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.write("not a print");
        notes.close();
        const auto imported =
            runCli({str("case"), str("import"), folder, m_prints.filePath(prints[0]), notAPrint,
                    m_prints.filePath(prints[1])});
        QCOMPARE(imported.exitCode, 1);  // one bad file, named; the others imported
        QVERIFY2(imported.err.contains("notes.txt"), imported.err.constData());
        const QJsonArray items =
            QJsonDocument::fromJson(imported.out).object().value(str("imported")).toArray();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items[0].toObject().value(str("id")).toString(), str("E1"));
        QCOMPARE(items[1].toObject().value(str("id")).toString(), str("E2"));
        QCOMPARE(items[1].toObject().value(str("sha256")).toString().size(), 64);

        const auto sound = runCli({str("case"), str("verify"), folder, str("--json")});
        QCOMPARE(sound.exitCode, 0);
        const QJsonObject verdict = QJsonDocument::fromJson(sound.out).object();
        QCOMPARE(verdict.value(str("verdict")).toString(), str("ok"));
        QCOMPARE(verdict.value(str("items")).toArray().size(), 3);  // case, E1, E2

        // A damage recorded in the case, re-run bit for bit by verify.
        const auto damaged =
            runCli({str("case"), str("damage"), folder, str("E1"), str("--kind"), str("zcut"),
                    str("--level"), str("easy"), str("--seed"), str("9")});
        QCOMPARE(damaged.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(damaged.out).object().value(str("id")).toString(),
                 str("D1"));
        const auto replayed = runCli({str("case"), str("verify"), folder, str("--json")});
        QCOMPARE(replayed.exitCode, 0);
        const QJsonArray replay =
            QJsonDocument::fromJson(replayed.out).object().value(str("replay")).toArray();
        QCOMPARE(replay.size(), 1);
        QVERIFY(replay[0].toObject().value(str("reproduced")).toBool());

        // Flip one byte of E2's copy: verify fails and names E2 and its file.
        const QString copy = folder + str("/") + items[1].toObject().value(str("file")).toString();
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QFile evidence(copy);
        QVERIFY(evidence.open(QIODevice::ReadWrite));
        QByteArray bytes = evidence.readAll();
        bytes[100] = char(bytes[100] ^ 0x01);
        evidence.seek(0);
        evidence.write(bytes);
        evidence.close();
        const auto tampered = runCli({str("case"), str("verify"), folder});
        QCOMPARE(tampered.exitCode, 1);
        QVERIFY2(tampered.out.contains("E2 (evidence") && tampered.out.contains("FAILED"),
                 tampered.out.constData());
        QVERIFY2(tampered.out.contains("E1 (evidence") && tampered.out.contains("): ok"),
                 tampered.out.constData());
    }

    // Running the network again, regrowing or settling ridges along its estimate: the classical
    // method has no network, so each is refused, by name, and nothing is added to the case.
    void networkOptionsRefusedForRidgeContinuation()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(str("case"));
        QCOMPARE(runCli({str("case"), str("new"), folder, str("--examiner"), str("A. Examiner")})
                     .exitCode,
                 0);
        const QStringList prints = QDir(m_prints.path()).entryList({str("*.png")}, QDir::Files);
        QCOMPARE(runCli({str("case"), str("import"), folder, m_prints.filePath(prints[0])}).exitCode,
                 0);
        QCOMPARE(runCli({str("case"), str("damage"), folder, str("E1"), str("--kind"),
                         str("obliteration"), str("--level"), str("easy"), str("--seed"), str("3")})
                     .exitCode,
                 0);
        const auto itemCount = [&] {
            const auto verified = runCli({str("case"), str("verify"), folder, str("--json")});
            return QJsonDocument::fromJson(verified.out).object().value(str("items")).toArray().size();
        };
        const qsizetype before = itemCount();
        const std::pair<const char*, const char*> networkOnly[] = {
            {"--refine", "1"}, {"--regrow", "0.5"}, {"--settle", "1"}};
        for (const auto& [option, value] : networkOnly) {
            const auto run = runCli({str("case"), str("reconstruct"), folder, str("D1"),
                                     str("--model"), str("ridge-continuation"), str(option),
                                     str(value)});
            QVERIFY2(run.exitCode != 0, option);
            QVERIFY2(run.err.contains(QByteArray(option).append(" ")) &&
                         run.err.contains("ridge-continuation has none"),
                     run.err.constData());
        }
        QCOMPARE(itemCount(), before);
        // Without them the same call is recorded.
        QCOMPARE(runCli({str("case"), str("reconstruct"), folder, str("D1"), str("--model"),
                         str("ridge-continuation")})
                     .exitCode,
                 0);
        QCOMPARE(itemCount(), before + 1);
    }

    void verifyOfANonCaseFails()
    {
        QTemporaryDir dir;
        const auto run = runCli({str("case"), str("verify"), dir.path()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("not a Ridgeworks case"), run.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliCase)
#include "tst_clicase.moc"
