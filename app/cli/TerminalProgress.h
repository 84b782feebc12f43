#pragma once
// Progress on stderr: a redrawn bar on a terminal, a line every tenth of the work otherwise
// (logs and CI stay readable).
#include "ridgeworks/common/Progress.h"

#include <chrono>
#include <string>

namespace rw::cli {

class TerminalProgress {
public:
    explicit TerminalProgress(std::string label);
    ~TerminalProgress();

    ProgressSink asSink();
    void finish();

private:
    void draw(const ProgressEvent& event);

    std::string m_label;
    bool m_interactive;
    bool m_finished = false;
    std::size_t m_lastDecile = 0;
    std::chrono::steady_clock::time_point m_start;
};

}  // namespace rw::cli
