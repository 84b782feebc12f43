#include "RidgeReachOption.h"

#include "ridgeworks/common/Error.h"

namespace rw::cli {

void addRidgeReachOption(CLI::App& command, double& reach)
{
    command
        .add_option("--reach", reach,
                    "Selective: draw ridges only this many ridge periods into the damage; "
                    "deeper, a smooth fill with confidence 0 (0 = no limit)")
        ->check(CLI::Range(0.0, kMaxRidgeReach))
        ->capture_default_str();
}

void checkRidgeReachMode(double reach, ReconstructionMode mode)
{
    if (reach > 0.0 && mode != ReconstructionMode::Selective)
        throw Error(ErrorKind::InvalidArgument,
                    "--reach limits what is drawn inside the damage mask: use --mode selective");
}

}  // namespace rw::cli
