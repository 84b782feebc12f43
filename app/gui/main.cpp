// ridgeworks: the workbench GUI. Parses the command line, refuses cleanly when there is no
// display, and hands everything else to rw::MainWindow.
#include "AppIcon.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QStringList>

#include <cstdio>
#include <cstdlib>

namespace {

void describeOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Forensic workbench for fingerprint reconstruction: compare each print with "
                       "what the reconstruction model sees."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(QCommandLineOption(
        QStringLiteral("demo"), QStringLiteral("Open the demo prints: five synthetic fingerprints, "
                                               "one of each class.")));
    parser.addPositionalArgument(
        QStringLiteral("paths"),
        QStringLiteral("Image files or folders (searched recursively) to open."),
        QStringLiteral("[paths...]"));
}

bool hasDisplay(const QStringList& arguments)
{
    const bool platformChosen = !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") ||
                                arguments.contains(QStringLiteral("-platform")) ||
                                arguments.contains(QStringLiteral("--platform"));
    return platformChosen || !qEnvironmentVariableIsEmpty("DISPLAY") ||
           !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("Ridgeworks"));
    QCoreApplication::setOrganizationName(QStringLiteral("Ridgeworks"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RIDGEWORKS_VERSION));

    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    // Without a display Qt aborts with a platform-plugin message that does not say what to
    // do. Answer --help and --version (and reject bad options) without one, then say it plainly.
    if (!hasDisplay(arguments)) {
        QCoreApplication app(argc, argv);
        QCommandLineParser parser;
        describeOptions(parser);
        parser.process(app);  // --help, --version and unknown options exit here
        std::fputs(
            "ridgeworks: no display found (DISPLAY and WAYLAND_DISPLAY are not set).\n"
            "Ridgeworks is a graphical program. On a machine without a screen, run it under a\n"
            "virtual X server:\n"
            "    xvfb-run -a build/release/app/gui/ridgeworks --demo\n"
            "or, for a quick smoke test that draws nothing visible:\n"
            "    QT_QPA_PLATFORM=offscreen build/release/app/gui/ridgeworks --demo\n"
            "For batch work without any display, use ridgeworks-cli.\n",
            stderr);
        return 2;
    }

    QApplication app(argc, argv);
    QApplication::setWindowIcon(rw::applicationIcon());

    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(app);  // exits with a message on unknown options

    rw::MainWindow window;
    window.show();
    if (parser.isSet(QStringLiteral("demo")))
        window.loadDemoPrints();
    const QStringList paths = parser.positionalArguments();
    if (!paths.isEmpty())
        window.loadPaths(paths);
    return QApplication::exec();
}
