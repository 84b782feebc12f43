#pragma once
// Runs the real ridgeworks-cli (path in RIDGEWORKS_CLI, set by CTest) and captures its output.
#include <QByteArray>
#include <QProcess>
#include <QStringList>

namespace rw::test {

struct CliRun {
    int exitCode = -1;  // -1: did not finish in time, -2: crashed
    QByteArray out;
    QByteArray err;
};

inline CliRun runCli(const QStringList& args)
{
    QProcess process;
    process.start(qEnvironmentVariable("RIDGEWORKS_CLI"), args);
    CliRun run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

}  // namespace rw::test
