#pragma once
// Training progress for the terminal: a redrawn line per batch and one line per epoch on a
// tty (one line per epoch only, otherwise), or JSON lines on stdout with --json.
#include "ridgeworks/train/Trainer.h"

#include <chrono>

namespace rw::cli {

class TrainingReporter {
public:
    explicit TrainingReporter(bool jsonLines);
    TrainingSink asSink();

private:
    void onProgress(const TrainingProgress& p);
    void printJson(const TrainingProgress& p);

    bool m_json;
    bool m_interactive;
    bool m_lineOpen = false;
    std::chrono::steady_clock::time_point m_lastDraw{};
};

}  // namespace rw::cli
