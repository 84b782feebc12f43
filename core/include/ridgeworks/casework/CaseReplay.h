#pragma once
// Replay: every recorded damage and reconstruction run again and compared bit for bit.
#include "ridgeworks/casefile/Case.h"
#include "ridgeworks/common/Progress.h"

#include <string>
#include <vector>

namespace rw {

struct ReplayVerdict {
    std::string itemId;
    bool replayable = false;  // an operation this program can run again
    bool reproduced = false;  // every file came out with its recorded SHA-256
    std::string detail;
};

// Runs every recorded damage and reconstruction again from its recorded parents and
// parameters and compares the bytes with the recorded hashes. One verdict per derived item.
std::vector<ReplayVerdict> replayDerivedItems(const Case& c, const CancelToken& cancel = {});

}  // namespace rw
