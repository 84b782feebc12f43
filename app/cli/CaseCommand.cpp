// ridgeworks-cli case: case folders for batch work — create, import evidence, verify.
#include "CaseCommands.h"
#include "CliCancellation.h"
#include "Commands.h"
#include "DamageParams.h"
#include "NetworkOptions.h"
#include "RidgeReachOption.h"
#include "ShippedModels.h"
#include "ridgeworks/casefile/Case.h"
#include "ridgeworks/casework/CaseDamage.h"
#include "ridgeworks/casework/CaseMetrics.h"
#include "ridgeworks/casework/CaseReconstruction.h"
#include "ridgeworks/casework/CaseReplay.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/model/ComputeSettings.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>
#include <optional>

namespace rw::cli {
namespace {

struct CaseArgs {
    std::string folder;
    std::string examiner;
    std::string title;
    std::vector<std::string> files;
    bool json = false;
    bool noReplay = false;
    // damage
    std::string item;
    std::string kind = "obliteration";
    std::string level = "medium";
    std::uint64_t seed = 1;
    std::vector<std::string> params;
    // reconstruct
    std::string model;
    std::string mask;
    std::string detector;
    std::string mode = "selective";
    int feather = ReconstructionOptions{}.featherPixels;
    int augment = ReconstructionOptions{}.augmentations;
    NetworkOptionArgs network;
    double reach = ReconstructionOptions{}.ridgeReach;
    int tile = ReconstructionOptions{}.tileSize;
    int overlap = ReconstructionOptions{}.tileOverlap;
    double threshold = ReconstructionOptions{}.detectorThreshold;
};

nlohmann::json describe(const DerivedItem& d)
{
    nlohmann::json files = nlohmann::json::array();
    for (const CaseFile& f : d.files)
        files.push_back({{"file", f.path}, {"sha256", f.sha256}});
    return {{"id", d.id},
            {"kind", d.kind},
            {"parents", d.parents},
            {"parameters", d.parameters},
            {"modelSha256", d.modelSha256},
            {"files", files}};
}

void warnAbout(const Case& c, const char* command)
{
    for (const CaseProblem& p : c.problems)
        std::cerr << "ridgeworks-cli case " << command << ": warning: " << p.file.string() << ": "
                  << p.what << '\n';
}

int runDamage(const CaseArgs& args)
{
    Case c = openCase(args.folder);
    warnAbout(c, "damage");
    DamageSpec spec;
    const auto kind = damageKindFromString(args.kind);
    const auto level = damageLevelFromString(args.level);
    if (!kind || !level)
        throw Error(ErrorKind::InvalidArgument,
                    "unknown --kind or --level (levels: easy, medium, hard, custom)");
    if (!args.params.empty() && *level != DamageLevel::Custom)
        throw Error(ErrorKind::InvalidArgument, "--param needs --level custom");
    spec.kind = *kind;
    spec.level = *level;
    spec.seed = args.seed;
    spec.custom = parseDamageParams(args.params);
    std::cout << describe(damageInCase(c, args.item, spec, args.examiner)).dump(2) << '\n';
    return 0;
}

int runReconstruct(const CaseArgs& args)
{
    applyThreadCount(0);
    Case c = openCase(args.folder);
    warnAbout(c, "reconstruct");
    CaseReconstructionRequest request;
    request.itemId = args.item;
    request.maskFrom = args.mask;
    request.model = args.model;
    request.detector = args.detector;
    request.examiner = args.examiner;
    const auto mode = reconstructionModeFromString(args.mode);
    if (!mode)
        throw Error(ErrorKind::InvalidArgument, "unknown --mode (full, selective)");
    request.options.mode = *mode;
    request.options.featherPixels = args.feather;
    request.options.augmentations = args.augment;
    checkNetworkOptionsFor(args.model, args.network);
    applyNetworkOptions(args.network, request.options);
    checkRidgeReachMode(args.reach, *mode);
    request.options.ridgeReach = args.reach;
    request.options.detectorThreshold = args.threshold;
    request.options.tileSize = args.tile;
    request.options.tileOverlap = args.overlap;
    std::cout << describe(reconstructInCase(c, request, interruptToken())).dump(2) << '\n';
    return 0;
}

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
            const CaseEvidence& item = importEvidence(c, file, args.examiner);
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

int runMetrics(const CaseArgs& args)
{
    Case c = openCase(args.folder);
    warnAbout(c, "metrics");
    const DerivedItem& item = measureInCase(c, args.item, args.examiner);
    std::cout << describe(item).dump(2) << '\n';
    return 0;
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
            std::cout << label << " (" << kind
                      << "): " << (found.empty() ? "ok" : "FAILED — " + found.front()) << '\n';
    };
    verdict("", "manifest and audit log");
    for (const CaseEvidence& e : c.manifest.evidence)
        verdict(e.id, "evidence " + e.file.path);
    for (const DerivedItem& d : c.manifest.derived)
        verdict(d.id, d.kind);
    bool sound = c.problems.empty();
    nlohmann::json replays = nlohmann::json::array();
    if (!args.noReplay) {
        applyThreadCount(0);
        for (const ReplayVerdict& v : replayDerivedItems(c, interruptToken())) {
            const bool failed = v.replayable && !v.reproduced;
            sound = sound && !failed;
            replays.push_back({{"id", v.itemId},
                               {"replayable", v.replayable},
                               {"reproduced", v.reproduced},
                               {"detail", v.detail}});
            if (!args.json)
                std::cout << v.itemId << " re-run: " << (failed ? "FAILED — " : "") << v.detail
                          << '\n';
        }
    }
    if (args.json)
        std::cout << nlohmann::json{{"case", c.folder.string()},
                                    {"auditEntries", c.auditLog.size()},
                                    {"manifestRebuilt", c.manifestRebuilt},
                                    {"verdict", sound ? "ok" : "failed"},
                                    {"items", items},
                                    {"replay", replays}}
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
    CLI::App* importCmd = cmd->add_subcommand(
        "import", "Copy prints into the case as evidence (hashed, read-only, logged)");
    importCmd->add_option("folder", importArgs->folder, "Case folder")->required();
    importCmd->add_option("files", importArgs->files, "Print files")->required();
    importCmd->add_option("--examiner", importArgs->examiner,
                          "Examiner's name (default: the case's examiner)");
    importCmd->callback([importArgs, &exitCode] { exitCode = runImport(*importArgs); });

    auto damageArgs = std::make_shared<CaseArgs>();
    CLI::App* damage = cmd->add_subcommand(
        "damage", "Damage an item for study; recorded as a derived item (image and mask)");
    damage->add_option("folder", damageArgs->folder, "Case folder")->required();
    damage->add_option("item", damageArgs->item, "Item id (E1, D2, ...)")->required();
    damage->add_option("--kind", damageArgs->kind, "obliteration, rotation, zcut, blur, ...")
        ->capture_default_str();
    damage->add_option("--level", damageArgs->level, "easy, medium, hard or custom")
        ->capture_default_str();
    damage->add_option("--param,-p", damageArgs->params,
                       "Custom level: NAME=NUMBER, e.g. areaFraction=0.3 (repeatable)");
    damage->add_option("--seed", damageArgs->seed, "Seed")->capture_default_str();
    damage->add_option("--examiner", damageArgs->examiner, "Examiner (default: the case's)");
    damage->callback([damageArgs, &exitCode] { exitCode = runDamage(*damageArgs); });

    auto recArgs = std::make_shared<CaseArgs>();
    CLI::App* rec = cmd->add_subcommand(
        "reconstruct", "Reconstruct an item; recorded as a derived item with the model's hash");
    rec->add_option("folder", recArgs->folder, "Case folder")->required();
    rec->add_option("item", recArgs->item, "Item id of the print")->required();
    rec->add_option("--model", recArgs->model,
                    "Checkpoint" + shippedModelsHelp() +
                        ", or ridge-continuation: the classical fill, no network")
        ->required()
        ->transform(shippedModelName());
    rec->add_option("--mask", recArgs->mask,
                    "Item whose mask to use, or 'detect' (default: the item's own damage mask)");
    rec->add_option("--detector", recArgs->detector,
                    "damage-detector checkpoint or shipped name, for 'detect'")
        ->transform(shippedModelName());
    rec->add_option("--threshold", recArgs->threshold, "Detector threshold")->capture_default_str();
    rec->add_option("--mode", recArgs->mode, "full or selective")->capture_default_str();
    rec->add_option("--feather", recArgs->feather, "Selective: blend width (px)")
        ->capture_default_str();
    rec->add_option("--augment", recArgs->augment, "Test-time passes: 1, 2 or 4")
        ->capture_default_str();
    addNetworkOptions(*rec, recArgs->network, "Inpainting: ");
    addRidgeReachOption(*rec, recArgs->reach);
    rec->add_option("--tile", recArgs->tile, "Tile side for U-Nets (multiple of 8)")
        ->capture_default_str();
    rec->add_option("--overlap", recArgs->overlap, "Tile overlap (px)")->capture_default_str();
    rec->add_option("--examiner", recArgs->examiner, "Examiner (default: the case's)");
    rec->callback([recArgs, &exitCode] { exitCode = runReconstruct(*recArgs); });

    auto metricsArgs = std::make_shared<CaseArgs>();
    CLI::App* metrics = cmd->add_subcommand(
        "metrics", "Measure a reconstruction of damaged evidence against the clean original, "
                   "with the baselines; recorded as a derived item");
    metrics->add_option("folder", metricsArgs->folder, "Case folder")->required();
    metrics->add_option("item", metricsArgs->item, "Reconstruction item id")->required();
    metrics->add_option("--examiner", metricsArgs->examiner, "Examiner (default: the case's)");
    metrics->callback([metricsArgs, &exitCode] { exitCode = runMetrics(*metricsArgs); });

    auto verifyArgs = std::make_shared<CaseArgs>();
    CLI::App* verify = cmd->add_subcommand(
        "verify", "Re-hash every file, check the audit log's chain, re-run every recorded "
                  "damage and reconstruction; exit 1 on any mismatch");
    verify->add_option("folder", verifyArgs->folder, "Case folder")->required();
    verify->add_flag("--json", verifyArgs->json, "Print the verdicts as JSON");
    verify->add_flag("--no-replay", verifyArgs->noReplay,
                     "Only hashes and the log: do not re-run damage and reconstructions");
    verify->callback([verifyArgs, &exitCode] { exitCode = runVerify(*verifyArgs); });

#ifdef RIDGEWORKS_HAS_REPORT
    addCaseReportCommand(*cmd, exitCode);
#endif
}

}  // namespace rw::cli
