#include "NetworkOptions.h"

#include "ridgeworks/common/Error.h"

#include <cstdio>

namespace rw::cli {
namespace {

std::string shortNumber(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return text;
}

// A count of runs or passes, 0..`most`; the help ends with the range and the default.
void addCountOption(CLI::App& command, const std::string& name, std::optional<int>& count,
                    const std::string& help, int most, int fallback)
{
    command
        .add_option(name, count,
                    help + " (0-" + std::to_string(most) + "); default " + std::to_string(fallback))
        ->check(CLI::Range(0, most));
}

}  // namespace

void addNetworkOptions(CLI::App& command, NetworkOptionArgs& args, const std::string& scope)
{
    const ReconstructionOptions defaults;
    addCountOption(command, "--refine", args.refinements,
                   scope + "runs of the network on its own estimate", kMaxRefinements,
                   defaults.refinements);
    command
        .add_option("--regrow", args.regrowth,
                    scope + "share (0-1) of the ridges regrown along the estimate; default " +
                        shortNumber(defaults.regrowth))
        ->check(CLI::Range(0.0, 1.0));
    addCountOption(command, "--settle", args.settling,
                   scope + "passes of ridge settling over the estimate", kMaxSettlingPasses,
                   defaults.settling);
    command
        .add_option("--turn-back", args.turnBack,
                    scope +
                        "on or off: where the damage is a patch turned in place (a "
                        "central rotation) and turning it back clearly rejoins the ridges "
                        "at its rim, put its own ridges back instead of an estimate; "
                        "default " +
                        std::string(defaults.turnBackRotation ? "on" : "off"))
        ->type_name("on|off");
    command
        .add_option("--slide-back", args.slideBack,
                    scope +
                        "on or off: where the damage is a Z whose two flaps were slid "
                        "along its diagonal (a z-cut) and sliding them back clearly "
                        "rejoins the ridges at its rim, put their own ridges back and "
                        "estimate only the rest; default " +
                        std::string(defaults.slideBackFlaps ? "on" : "off"))
        ->type_name("on|off");
    command
        .add_option("--swap-back", args.swapBack,
                    scope +
                        "on or off: where the damage is a Z whose two flaps were swapped "
                        "(a Z-plasty, as surgery makes a z-cut) and swapping them back clearly "
                        "rejoins the ridges at its rim (or, where that is faint, their "
                        "direction), put their own ridges back and estimate only the rest; "
                        "default " +
                        std::string(defaults.swapBackFlaps ? "on" : "off"))
        ->type_name("on|off");
}

void checkNetworkOptionsFor(std::string_view model, const NetworkOptionArgs& args)
{
    if (model != kRidgeContinuationMethod)
        return;
    if (args.refinements)
        throw Error(ErrorKind::InvalidArgument,
                    "--refine runs a network again: ridge-continuation has none");
    if (args.regrowth)
        throw Error(
            ErrorKind::InvalidArgument,
            "--regrow grows ridges along a network's estimate: ridge-continuation has none");
    if (args.settling)
        throw Error(ErrorKind::InvalidArgument,
                    "--settle filters a network's estimate: ridge-continuation has none");
    if (args.turnBack)
        throw Error(ErrorKind::InvalidArgument,
                    "--turn-back puts a turned patch back in a network's place: "
                    "ridge-continuation has none");
    if (args.slideBack)
        throw Error(ErrorKind::InvalidArgument,
                    "--slide-back puts a z-cut's flaps back around a network's estimate: "
                    "ridge-continuation has none");
    if (args.swapBack)
        throw Error(ErrorKind::InvalidArgument,
                    "--swap-back puts a Z-plasty's flaps back around a network's estimate: "
                    "ridge-continuation has none");
}

void applyNetworkOptions(const NetworkOptionArgs& args, ReconstructionOptions& options)
{
    if (args.refinements)
        options.refinements = *args.refinements;
    if (args.regrowth)
        options.regrowth = *args.regrowth;
    if (args.settling)
        options.settling = *args.settling;
    if (args.turnBack)
        options.turnBackRotation = *args.turnBack;
    if (args.slideBack)
        options.slideBackFlaps = *args.slideBack;
    if (args.swapBack)
        options.swapBackFlaps = *args.swapBack;
}

}  // namespace rw::cli
