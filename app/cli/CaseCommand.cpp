// ridgeworks-cli case: case folders for batch work — create, import evidence, verify.
#include "Commands.h"
#include "ridgeworks/casefile/Case.h"
#include "ridgeworks/common/Error.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace rw::cli {
namespace {

struct CaseArgs {
    std::string folder;
    std::string examiner;
    std::string title;
    std::vector<std::string> files;
    bool json = false;
};

int runNew(const CaseArgs& args)
{
    const Case c = createCase(args.folder, args.examiner, args.title);
    std::cout << nlohmann::json{{"case", c.folder.string()},
                                {"caseId", c.manifest.caseId},
                                {"examiner", c.manifest.examiner}}
                     .dump(2)
              << '\n';
    return 0;
}

// Imports each file; a bad one is named and skipped, the others go on (exit 1 then).
int runImport(const CaseArgs& args)
{
    Case c = openCase(args.folder);
    for (const CaseProblem& p : c.problems)
        std::cerr << "ridgeworks-cli case import: warning: " << p.file.string() << ": " << p.what
                  << '\n';
    nlohmann::json imported = nlohmann::json::array();
    int failures = 0;
    for (const std::string& file : args.files) {
        try {
            const EvidenceItem& item = importEvidence(c, file, args.examiner);
            imported.push_back({{"id", item.id},
                                {"file", item.file.path},
                                {"sha256", item.file.sha256},
                                {"bytes", item.file.bytes},
                                {"source", item.sourcePath}});
        } catch (const Error& e) {
            std::cerr << "ridgeworks-cli case import: " << e.what() << '\n';
            ++failures;
        }
    }
    std::cout << nlohmann::json{{"case", c.folder.string()}, {"imported", imported}}.dump(2)
              << '\n';
    return failures == 0 ? 0 : 1;
}

// One verdict per item and for the log and manifest; exit 1 on any problem.
int runVerify(const CaseArgs& args)
{
    const Case c = openCase(args.folder);
    auto problemsOf = [&](const std::string& id) {
        std::vector<std::string> found;
        for (const CaseProblem& p : c.problems)
            if (p.itemId == id)
                found.push_back(p.file.string() + ": " + p.what);
        return found;
    };
    nlohmann::json items = nlohmann::json::array();
    auto verdict = [&](const std::string& id, const std::string& kind) {
        const std::vector<std::string> found = problemsOf(id);
        const std::string label = id.empty() ? "case" : id;
        items.push_back({{"id", label},
                         {"kind", kind},
                         {"verdict", found.empty() ? "ok" : "failed"},
                         {"problems", found}});
        if (!args.json)
            std::cout << id << " (" << kind
                      << "): " << (found.empty() ? "ok" : "FAILED — " + found.front()) << '\n';
    };
    verdict("", "manifest and audit log");
    for (const EvidenceItem& e : c.manifest.evidence)
        verdict(e.id, "evidence " + e.file.path);
    for (const DerivedItem& d : c.manifest.derived)
        verdict(d.id, d.kind);
    const bool sound = c.problems.empty();
    if (args.json)
        std::cout << nlohmann::json{{"case", c.folder.string()},
                                    {"auditEntries", c.auditLog.size()},
                                    {"manifestRebuilt", c.manifestRebuilt},
                                    {"verdict", sound ? "ok" : "failed"},
                                    {"items", items}}
                         .dump(2)
                  << '\n';
    else
        std::cout << (sound ? "case verified: every item matches its record\n"
                            : "case FAILED verification\n");
    return sound ? 0 : 1;
}

}  // namespace

void addCaseCommand(CLI::App& app, int& exitCode)
{
    CLI::App* cmd = app.add_subcommand("case", "Case folders: evidence, audit log, verification");
    cmd->require_subcommand(1);

    auto newArgs = std::make_shared<CaseArgs>();
    CLI::App* create = cmd->add_subcommand("new", "Create a case folder");
    create->add_option("folder", newArgs->folder, "New (or empty) folder")->required();
    create->add_option("--examiner", newArgs->examiner, "Examiner's name")->required();
    create->add_option("--title", newArgs->title, "Case title");
    create->callback([newArgs, &exitCode] { exitCode = runNew(*newArgs); });

    auto importArgs = std::make_shared<CaseArgs>();
    CLI::App* import = cmd->add_subcommand(
        "import", "Copy prints into the case as evidence (hashed, read-only, logged)");
    import->add_option("folder", importArgs->folder, "Case folder")->required();
    import->add_option("files", importArgs->files, "Print files")->required();
    import->add_option("--examiner", importArgs->examiner,
                       "Examiner's name (default: the case's examiner)");
    import->callback([importArgs, &exitCode] { exitCode = runImport(*importArgs);
});

auto verifyArgs = std::make_shared<CaseArgs>();
CLI::App* verify = cmd->add_subcommand(
    "verify", "Re-hash every file, check the audit log's chain; exit 1 on any mismatch");
verify->add_option("folder", verifyArgs->folder, "Case folder")->required();
verify->add_flag("--json", verifyArgs->json, "Print the verdicts as JSON");
verify->callback([verifyArgs, &exitCode] { exitCode = runVerify(*verifyArgs); });
}  // namespace rw::cli

}  // namespace rw::cli
