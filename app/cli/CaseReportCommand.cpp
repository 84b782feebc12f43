// ridgeworks-cli case report: the case as a PDF (and optionally HTML) report. Built when
// QtGui is available (ridgeworks_report); rendering runs on Qt's offscreen platform.
#include "CaseCommands.h"
#include "CliCancellation.h"
#include "report/CaseReportRenderer.h"
#include "ridgeworks/casework/CaseReport.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/model/ComputeSettings.h"

#include <CLI/CLI.hpp>
#include <QGuiApplication>

#include <iostream>
#include <memory>

namespace rw::cli {
namespace {

struct ReportArgs {
    std::string folder;
    std::string pdf;
    std::string html;
    bool noReplay = false;
};

int runReport(const ReportArgs& args)
{
    if (args.pdf.empty() && args.html.empty())
        throw Error(ErrorKind::InvalidArgument, "give --pdf FILE, --html FILE or both");
    // Fonts and painting need a QGuiApplication; no window is shown.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    int argc = 1;
    char name[] = "ridgeworks-cli";
    char* argv[] = {name, nullptr};
    QGuiApplication app(argc, argv);

    applyThreadCount(0);
    const Case c = openCase(args.folder);
    const std::vector<ReplayVerdict> replay =
        args.noReplay ? std::vector<ReplayVerdict>{} : replayDerivedItems(c, interruptToken());
    const CaseReportData data = buildCaseReport(c, replay);
    if (!args.pdf.empty())
        reporting::writeCaseReportPdf(data, args.pdf);
    if (!args.html.empty())
        reporting::writeCaseReportHtml(data, args.html);
    std::cout << "report of " << data.items.size() << " items written"
              << (args.pdf.empty() ? "" : ": " + args.pdf)
              << (args.html.empty() ? "" : " " + args.html) << '\n';
    return 0;
}

}  // namespace

void addCaseReportCommand(CLI::App& caseCommand, int& exitCode)
{
    auto args = std::make_shared<ReportArgs>();
    CLI::App* cmd = caseCommand.add_subcommand(
        "report", "Write the case report: items, hashes, processing chain, images, metrics");
    cmd->add_option("folder", args->folder, "Case folder")->required();
    cmd->add_option("--pdf", args->pdf, "PDF file to write");
    cmd->add_option("--html", args->html, "HTML file to write (images in NAME_files/)");
    cmd->add_flag("--no-replay", args->noReplay, "Do not re-run operations for the verdicts");
    cmd->callback([args, &exitCode] { exitCode = runReport(*args); });
}

}  // namespace rw::cli
