#pragma once
// Train/validation split by subject: every print of one person lands on the same side, so
// validation measures generalisation to unseen fingers, not memorised ones.
#include <cstdint>
#include <vector>

namespace rw {

struct SubjectSplit {
    std::vector<std::size_t> train;  // indices into the caller's list
    std::vector<std::size_t> validation;
};

// `subjectOfItem[i]` is the subject of item i. About `validationFraction` of the distinct
// subjects (at least one when there are two or more subjects) go to validation; which ones
// depends only on `seed` and the set of subjects, not on the order of the items.
SubjectSplit splitBySubject(const std::vector<int>& subjectOfItem, double validationFraction,
                            std::uint64_t seed);

}  // namespace rw
