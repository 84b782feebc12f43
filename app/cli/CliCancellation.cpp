#include "CliCancellation.h"

#include <csignal>

namespace rw::cli {
namespace {

const CancelToken& token()
{
    static const CancelToken instance;
    return instance;
}

extern "C" void onInterrupt(int)
{
    // Only an atomic store: safe in a signal handler.
    token().cancel();
}

}  // namespace

const CancelToken& interruptToken()
{
    static const bool installed = [] {
        std::signal(SIGINT, onInterrupt);
        std::signal(SIGTERM, onInterrupt);
        return true;
    }();
    (void)installed;
    return token();
}

}  // namespace rw::cli
