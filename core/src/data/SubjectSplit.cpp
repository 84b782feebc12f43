#include "ridgeworks/data/SubjectSplit.h"

#include "DataInternal.h"
#include "ridgeworks/common/Error.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

namespace rw {

SubjectSplit splitBySubject(const std::vector<int>& subjectOfItem, double validationFraction,
                            std::uint64_t seed)
{
    if (!(validationFraction >= 0.0 && validationFraction < 1.0))
        throw Error(ErrorKind::InvalidArgument, "validation fraction must be in [0, 1), got " +
                                                    std::to_string(validationFraction));

    // Rank the distinct subjects by a hash of (seed, subject): which subjects are held out
    // depends on the seed and the set of subjects only, never on the order of the items.
    const std::set<int> subjects(subjectOfItem.begin(), subjectOfItem.end());
    std::vector<std::pair<std::uint64_t, int>> ranked;
    ranked.reserve(subjects.size());
    for (const int subject : subjects)
        ranked.emplace_back(
            data::deriveSeed({seed, data::kStreamSplit, static_cast<std::uint64_t>(subject)}),
            subject);
    std::sort(ranked.begin(), ranked.end());

    std::size_t held = 0;
    if (subjects.size() >= 2) {
        held = static_cast<std::size_t>(
            std::llround(validationFraction * static_cast<double>(subjects.size())));
        held = std::clamp<std::size_t>(held, 1, subjects.size() - 1);
    }
    std::set<int> validationSubjects;
    for (std::size_t i = 0; i < held; ++i)
        validationSubjects.insert(ranked[i].second);

    SubjectSplit split;
    for (std::size_t i = 0; i < subjectOfItem.size(); ++i)
        (validationSubjects.count(subjectOfItem[i]) ? split.validation : split.train).push_back(i);
    return split;
}

}  // namespace rw
