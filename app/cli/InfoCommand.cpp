// ridgeworks-cli info: what the workbench sees in an image file, as JSON.
#include "Commands.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/image/Foreground.h"
#include "ridgeworks/image/ImageLoader.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

namespace rw::cli {
namespace {

struct InfoArgs {
    std::vector<std::string> files;
    std::uint64_t maxPixels = LoadOptions{}.maxPixels;
};

nlohmann::json describe(const std::filesystem::path& path, const LoadOptions& options)
{
    const Print print = loadPrint(path, options);
    const cv::Mat foreground = segmentForeground(print.pixels);
    const cv::Rect box = foregroundBox(foreground);
    const double total = static_cast<double>(print.pixels.total());
    return {
        {"path", path.string()},
        {"format", print.source.format},
        {"fileBytes", std::filesystem::file_size(path)},
        {"width", print.width()},
        {"height", print.height()},
        {"bitDepth", print.source.bitDepth},
        {"channels", print.source.channels},
        {"sha256", print.sha256},
        {"ppi", print.ppi},
        {"ppiSource", print.ppiFromFile ? "file" : "default"},
        {"statedPpi", print.statedPpi ? nlohmann::json(*print.statedPpi) : nlohmann::json()},
        {"foregroundBox",
         {{"x", box.x}, {"y", box.y}, {"width", box.width}, {"height", box.height}}},
        {"foregroundFraction", cv::countNonZero(foreground) / total},
    };
}

int runInfo(const InfoArgs& args)
{
    LoadOptions options;
    options.maxPixels = args.maxPixels;
    nlohmann::json results = nlohmann::json::array();
    int failures = 0;
    for (const auto& file : args.files) {
        try {
            results.push_back(describe(file, options));
        } catch (const Error& e) {
            std::cerr << "ridgeworks-cli info: " << e.what() << '\n';
            ++failures;
        }
    }
    if (results.size() == 1)
        std::cout << results.front().dump(2) << '\n';
    else if (!results.empty())
        std::cout << results.dump(2) << '\n';
    return failures == 0 ? 0 : 1;
}

}  // namespace

void addInfoCommand(CLI::App& app, int& exitCode)
{
    auto args = std::make_shared<InfoArgs>();
    CLI::App* cmd = app.add_subcommand(
        "info", "Print size, depth, hash, resolution and foreground box of image files as JSON");
    cmd->add_option("files", args->files, "Image files")->required();
    cmd->add_option("--max-pixels", args->maxPixels, "Refuse images with more pixels")
        ->capture_default_str();
    cmd->callback([args, &exitCode] { exitCode = runInfo(*args); });
}

}  // namespace rw::cli
