// ridgeworks: the workbench GUI. Parses the command line, refuses cleanly when there is no
// display, and hands everything else to rw::MainWindow.
#include "AppIcon.h"
#include "CaseController.h"
#include "DamagePanel.h"
#include "MainWindow.h"

#include <ridgeworks/damage/Damage.h>
#include <ridgeworks/model/ComputeSettings.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QStringList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>

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
    parser.addOption(QCommandLineOption(
        QStringLiteral("damage"),
        QStringLiteral("Set the damage panel, e.g. rotation:hard:7 (kind[:level[:seed]]; kinds "
                       "as in ridgeworks-cli, levels easy, medium, hard)."),
        QStringLiteral("spec")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("apply-damage"),
        QStringLiteral("Once the first prints are open, apply the damage panel's settings to the "
                       "selected one, as its Apply button does.")));
    parser.addOption(QCommandLineOption(
        QStringLiteral("case"),
        QStringLiteral(
            "Open a case folder (made with Case ▸ New Case… or ridgeworks-cli case new)."),
        QStringLiteral("folder")));
    parser.addPositionalArgument(
        QStringLiteral("paths"),
        QStringLiteral("Image files or folders (searched recursively) to open; a case manifest "
                       "(case.json) or case folder opens that case."),
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

struct DamageSetting {
    rw::DamageKind kind = rw::DamageKind::Obliteration;
    rw::DamageLevel level = rw::DamageLevel::Medium;
    std::uint64_t seed = 1;
};

// "rotation:hard:7", "zcut:easy", "obliteration".
std::optional<DamageSetting> parseDamage(const QString& text)
{
    const QStringList parts = text.split(u':');
    if (parts.isEmpty() || parts.size() > 3)
        return std::nullopt;
    DamageSetting setting;
    const auto kind = rw::damageKindFromString(parts[0].trimmed().toLower().toStdString());
    if (!kind)
        return std::nullopt;
    setting.kind = *kind;
    if (parts.size() > 1) {
        const auto level = rw::damageLevelFromString(parts[1].trimmed().toLower().toStdString());
        if (!level || *level == rw::DamageLevel::Custom)
            return std::nullopt;
        setting.level = *level;
    }
    if (parts.size() > 2) {
        bool ok = false;
        setting.seed = parts[2].trimmed().toULongLong(&ok);
        if (!ok || setting.seed < 1 || setting.seed > 2147483647u)
            return std::nullopt;
    }
    return setting;
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
    // Ties the window to the installed desktop entry (resources/desktop): Wayland shells and
    // task bars show its name and icon for it.
    QGuiApplication::setDesktopFileName(QStringLiteral(RIDGEWORKS_APP_ID));
    // Debian's libtorch starts with one compute thread; reconstruction and metrics use them all.
    rw::applyThreadCount(0);

    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(app);  // exits with a message on unknown options

    std::optional<DamageSetting> damage;
    if (parser.isSet(QStringLiteral("damage"))) {
        damage = parseDamage(parser.value(QStringLiteral("damage")));
        if (!damage) {
            std::fprintf(stderr,
                         "ridgeworks: --damage %s: expected kind[:level[:seed]], e.g. "
                         "rotation:hard:7\n",
                         qPrintable(parser.value(QStringLiteral("damage"))));
            return 2;
        }
    }

    rw::MainWindow window;
    if (damage)
        window.damagePanel()->setSpec(damage->kind, damage->level, damage->seed);
    if (parser.isSet(QStringLiteral("apply-damage"))) {
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = QObject::connect(&window, &rw::MainWindow::loadFinished, &window,
                                       [&window, connection](int loaded, int) {
                                           QObject::disconnect(*connection);
                                           if (loaded > 0)
                                               window.applyDamageToCurrent();
                                       });
    }
    window.show();
    if (parser.isSet(QStringLiteral("demo")))
        window.loadDemoPrints();
    const QStringList paths = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("case"))) {
        window.caseController()->openCase(parser.value(QStringLiteral("case")));
    } else if (paths.isEmpty() && !parser.isSet(QStringLiteral("demo"))) {
        // The case that was open when the workbench last stopped, quit or crash alike: every
        // step was saved as it was made, so it opens as it was (and says what, if anything,
        // an interrupted operation left behind).
        const QString last = rw::CaseController::caseOpenAtLastStop();
        if (!last.isEmpty() && QFileInfo::exists(last + QStringLiteral("/case.json")))
            window.caseController()->openCase(last);
    }
    if (!paths.isEmpty())
        window.loadPaths(paths);
    return QApplication::exec();
}
