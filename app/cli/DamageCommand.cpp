// ridgeworks-cli damage: applies one kind of synthetic damage (or an examiner's mask) to a
// print or a folder of prints, writing the damaged image and its damage mask as PNGs.
#include "CliCancellation.h"
#include "Commands.h"
#include "DamageParams.h"
#include "TerminalProgress.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/damage/Damage.h"
#include "ridgeworks/image/ImageLoader.h"
#include "ridgeworks/image/ImageWriter.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

namespace rw::cli {
namespace {

namespace fs = std::filesystem;

struct DamageArgs {
    std::string in;
    std::string kind;
    std::string level = "medium";
    std::string mask;
    std::vector<std::string> params;
    std::uint64_t seed = 1;
    std::string out;
};

std::string joinedNames(const std::vector<std::string>& names)
{
    std::string text;
    for (const auto& n : names)
        text += (text.empty() ? "" : ", ") + n;
    return text;
}

DamageSpec parseSpec(const DamageArgs& args)
{
    DamageSpec spec;
    const auto kind = damageKindFromString(args.kind);
    if (!kind) {
        std::vector<std::string> names;
        for (DamageKind k : allDamageKinds())
            names.emplace_back(toString(k));
        throw Error(ErrorKind::InvalidArgument,
                    "unknown --kind '" + args.kind + "' (" + joinedNames(names) + ")");
    }
    const auto level = damageLevelFromString(args.level);
    if (!level)
        throw Error(ErrorKind::InvalidArgument,
                    "unknown --level '" + args.level + "' (easy, medium, hard, custom)");
    if (!args.params.empty() && *level != DamageLevel::Custom)
        throw Error(ErrorKind::InvalidArgument, "--param needs --level custom");
    if (*kind == DamageKind::Mask && args.mask.empty())
        throw Error(ErrorKind::InvalidArgument, "--kind mask needs --mask FILE");
    if (*kind != DamageKind::Mask && !args.mask.empty())
        throw Error(ErrorKind::InvalidArgument, "--mask is only used with --kind mask");
    spec.kind = *kind;
    spec.level = *level;
    spec.seed = args.seed;
    spec.custom = parseDamageParams(args.params);
    // Refuse bad parameters before any file is touched.
    (void)resolveDamageParameters(spec.kind, spec.level, spec.custom);
    return spec;
}

nlohmann::json damageOne(const fs::path& input, const fs::path& outDir, DamageSpec spec,
                         const std::string& maskPath)
{
    const Print print = loadPrint(input);
    if (!maskPath.empty())
        spec.userMask = loadDamageMask(maskPath, print.pixels.size());
    spec.ppi = print.ppi;
    const DamagedPrint damaged = applyDamage(print.pixels, {}, spec);
    const std::string stem = input.stem().string() + "_" + toString(spec.kind);
    const fs::path imagePath = outDir / (stem + ".png");
    const fs::path maskOut = outDir / (stem + "_mask.png");
    saveImage(imagePath, damaged.image, print.ppi);
    saveImage(maskOut, damaged.mask, print.ppi);
    nlohmann::json parameters = nlohmann::json::object();
    for (const auto& [name, value] : damaged.applied.values)
        parameters[name] = value;
    return {{"input", input.string()},
            {"sha256", print.sha256},
            {"ppi", print.ppi},
            {"kind", toString(spec.kind)},
            {"level", toString(spec.level)},
            {"seed", spec.seed},
            {"parameters", parameters},
            {"outputs", {{"image", imagePath.string()}, {"mask", maskOut.string()}}},
            {"damagedFraction", damaged.damagedFraction},
            {"summary", damaged.summary}};
}

int runDamage(const DamageArgs& args)
{
    const DamageSpec spec = parseSpec(args);
    const fs::path in(args.in);
    std::error_code ec;
    if (!fs::exists(in, ec))
        throw Error(ErrorKind::Missing, "no such file or folder", in);
    const bool folder = fs::is_directory(in, ec);
    const std::vector<fs::path> inputs = folder ? listImageFiles(in) : std::vector<fs::path>{in};
    if (inputs.empty())
        throw Error(ErrorKind::Missing, "no image files in the folder", in);
    const fs::path outDir(args.out);
    fs::create_directories(outDir, ec);
    if (ec)
        throw Error(ErrorKind::WriteFailed, "cannot create the folder: " + ec.message(), outDir);

    const CancelToken& cancel = interruptToken();
    TerminalProgress progress("damage");
    const ProgressSink sink = progress.asSink();
    nlohmann::json files = nlohmann::json::array();
    nlohmann::json failed = nlohmann::json::array();
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        cancel.throwIfCancelled();
        // File i of the sorted listing uses seed + i: the first file gets the seed itself,
        // and any single file can be redone alone with its own recorded seed.
        DamageSpec fileSpec = spec;
        fileSpec.seed = spec.seed + i;
        // A folder's sub-folders are mirrored so equal file names cannot overwrite each other.
        const fs::path target =
            folder ? outDir / fs::relative(inputs[i], in).parent_path() : outDir;
        try {
            fs::create_directories(target);
            files.push_back(damageOne(inputs[i], target, fileSpec, args.mask));
        } catch (const Error& e) {
            if (e.kind() == ErrorKind::Cancelled)
                throw;
            std::cerr << "ridgeworks-cli damage: " << e.what() << '\n';
            failed.push_back({{"input", inputs[i].string()}, {"error", e.what()}});
        } catch (const fs::filesystem_error& e) {
            std::cerr << "ridgeworks-cli damage: " << e.what() << '\n';
            failed.push_back({{"input", inputs[i].string()}, {"error", e.what()}});
        }
        report(sink, {i + 1, inputs.size(), inputs[i].filename().string(), {}});
    }
    progress.finish();
    const nlohmann::json summary{{"kind", toString(spec.kind)},
                                 {"level", toString(spec.level)},
                                 {"seed", spec.seed},
                                 {"out", outDir.string()},
                                 {"files", files},
                                 {"failed", failed}};
    std::cout << summary.dump(2) << '\n';
    return failed.empty() ? 0 : 1;
}

}  // namespace

void addDamageCommand(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<DamageArgs>();
    CLI::App* cmd = app.add_subcommand(
        "damage", "Apply synthetic damage or an examiner's mask; write image and mask PNGs");
    cmd->add_option("--in,-i", args->in, "A print, or a folder searched recursively")->required();
    cmd->add_option("--kind,-k", args->kind,
                    "obliteration, rotation, zcut, mask, blur, contrast, elastic, scratch, "
                    "occlusion or background")
        ->required();
    cmd->add_option("--level,-l", args->level, "easy, medium, hard or custom")
        ->capture_default_str();
    cmd->add_option("--param,-p", args->params,
                    "NAME=VALUE over the medium preset (with --level custom); repeatable");
    cmd->add_option("--mask,-m", args->mask,
                    "Damage mask image for --kind mask (nonzero = damaged)");
    cmd->add_option("--seed", args->seed, "Seed of the first file; file i of a folder uses seed+i")
        ->capture_default_str();
    cmd->add_option("--out,-o", args->out, "Output folder")->required();
    cmd->callback([args, &exitCode] { exitCode = runDamage(*args); });
}

}  // namespace rw::cli
