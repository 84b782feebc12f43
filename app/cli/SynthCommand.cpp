// ridgeworks-cli synth: writes synthetic fingerprints as PNGs (demo and training data).
#include "CliCancellation.h"
#include "Commands.h"
#include "TerminalProgress.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/image/ImageWriter.h"
#include "ridgeworks/synth/SyntheticPrint.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

namespace rw::cli {
namespace {

struct SynthArgs {
    int count = 10;
    std::string size = "256";
    std::uint64_t seed = 1;
    std::string cls = "random";
    double ppi = 500.0;
    std::string out;
};

cv::Size parseSize(const std::string& text)
{
    // "256" or "300x200"
    const auto x = text.find_first_of("xX");
    try {
        std::size_t used = 0;
        if (x == std::string::npos) {
            const int s = std::stoi(text, &used);
            if (used == text.size())
                return {s, s};
        } else {
            const int w = std::stoi(text.substr(0, x), &used);
            const int h = std::stoi(text.substr(x + 1));
            return {w, h};
        }
    } catch (const std::exception&) {
    }
    throw Error(ErrorKind::InvalidArgument,
                "--size must be S or WxH, e.g. 256 or 300x200, not '" + text + "'");
}

int runSynth(const SynthArgs& args)
{
    const cv::Size size = parseSize(args.size);
    std::optional<FingerprintClass> cls;
    if (args.cls != "random") {
        cls = fingerprintClassFromString(args.cls);
        if (!cls)
            throw Error(ErrorKind::InvalidArgument,
                        "unknown --class '" + args.cls +
                            "' (arch, tented-arch, left-loop, right-loop, whorl, random)");
    }
    if (args.count < 1)
        throw Error(ErrorKind::InvalidArgument, "--count must be at least 1");
    const std::filesystem::path outDir(args.out);
    std::error_code ec;
    std::filesystem::create_directories(outDir, ec);
    if (ec)
        throw Error(ErrorKind::WriteFailed, "cannot create the folder: " + ec.message(), outDir);

    const CancelToken& cancel = interruptToken();
    TerminalProgress progress("synth");
    const ProgressSink sink = progress.asSink();
    const auto start = std::chrono::steady_clock::now();
    nlohmann::json files = nlohmann::json::array();
    for (int i = 0; i < args.count; ++i) {
        cancel.throwIfCancelled();
        SynthOptions options;
        options.width = size.width;
        options.height = size.height;
        options.ppi = args.ppi;
        options.seed = args.seed + static_cast<std::uint64_t>(i);
        options.cls = cls;
        const SyntheticPrint print = generateSyntheticPrint(options);
        const std::string name = std::string("synth-") + toString(print.cls) + "-seed" +
                                 std::to_string(options.seed) + ".png";
        saveImage(outDir / name, print.image, print.ppi);
        files.push_back({{"file", name}, {"class", toString(print.cls)}, {"seed", options.seed}});
        report(sink,
               {static_cast<std::size_t>(i + 1), static_cast<std::size_t>(args.count), name, {}});
    }
    progress.finish();
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const nlohmann::json summary{{"out", outDir.string()},
                                 {"count", args.count},
                                 {"width", size.width},
                                 {"height", size.height},
                                 {"ppi", args.ppi},
                                 {"seconds", seconds},
                                 {"printsPerSecond", args.count / seconds},
                                 {"files", files}};
    std::cout << summary.dump(2) << '\n';
    return 0;
}

}  // namespace

void addSynthCommand(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<SynthArgs>();
    CLI::App* cmd = app.add_subcommand("synth", "Write synthetic fingerprints as PNG files");
    cmd->add_option("--count,-n", args->count, "How many prints")->capture_default_str();
    cmd->add_option("--size,-s", args->size, "Size in pixels: S or WxH (96..1024)")
        ->capture_default_str();
    cmd->add_option("--seed", args->seed, "First seed; print i uses seed+i")->capture_default_str();
    cmd->add_option("--class,-c", args->cls,
                    "arch, tented-arch, left-loop, right-loop, whorl or random")
        ->capture_default_str();
    cmd->add_option("--ppi", args->ppi, "Resolution in pixels per inch")->capture_default_str();
    cmd->add_option("--out,-o", args->out, "Output folder")->required();
    cmd->callback([args, &exitCode] { exitCode = runSynth(*args); });
}

}  // namespace rw::cli
