#pragma once
// Ctrl+C cancels the running command through the same CancelToken the GUI uses: the command
// stops after the current item, keeps what it already wrote, and exits with code 130.
#include "ridgeworks/common/Progress.h"

namespace rw::cli {

// Installs the SIGINT/SIGTERM handler on first use and returns the process-wide token.
const CancelToken& interruptToken();

}  // namespace rw::cli
