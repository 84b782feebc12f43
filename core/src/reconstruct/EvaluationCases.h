#pragma once
// The cases an evaluation measures: (clean, damaged, mask) with kind and level, from a
// SOCOFing folder, from folders of pairs, or made from held-out synthetic prints.
#include "ridgeworks/reconstruct/Evaluation.h"

#include <memory>

namespace rw::evaluation {

struct EvaluationCase {
    std::string id;
    std::string kind = "unknown";
    std::string level = "unknown";
    cv::Mat clean, damaged, mask;  // CV_8UC1, same size; mask 255 = damaged
};

// Lists cases lazily: `count()` cases, `load(i)` reads/makes case i (throws rw::Error naming
// the file when it cannot). Listing problems (orphans, unparsable names) go to `skipped`.
class CaseList {
public:
    virtual ~CaseList() = default;
    virtual std::size_t count() const = 0;
    virtual EvaluationCase load(std::size_t index) const = 0;
    std::vector<SkippedFile> skipped;
};

std::unique_ptr<CaseList> listCases(const EvaluationOptions& options);

}  // namespace rw::evaluation
