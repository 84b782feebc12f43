// How the real `ridgeworks` binary starts: without a display it must explain itself (exit 2,
// pointing at xvfb-run) instead of dying in Qt's platform plugin.
#include <QProcess>
#include <QProcessEnvironment>
#include <QtTest>

namespace {

struct Launch {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Launch launch(const QStringList& args, const QProcessEnvironment& env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("RIDGEWORKS_GUI"), args);
    Launch result;
    if (!process.waitForFinished(60000)) {
        process.kill();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QProcessEnvironment withoutDisplay()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    return env;
}

}  // namespace

class TestGuiLaunch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(QFile::exists(qEnvironmentVariable("RIDGEWORKS_GUI"))); }

    void noDisplayIsExplained()
    {
        const Launch run = launch({QStringLiteral("--demo")}, withoutDisplay());
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("no display"), run.err.constData());
        QVERIFY2(run.err.contains("xvfb-run"), run.err.constData());
        QVERIFY(!run.err.contains("qt.qpa.plugin"));
    }
    void versionNeedsNoDisplay()
    {
        const Launch run = launch({QStringLiteral("--version")}, withoutDisplay());
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(RIDGEWORKS_VERSION));
    }
};

QTEST_GUILESS_MAIN(TestGuiLaunch)
#include "tst_guilaunch.moc"
