#pragma once
// A small, portable, seedable random generator. std::*_distribution results differ between
// standard libraries; ours do not, so a seed means the same bytes everywhere.
#include <cstdint>

namespace rw {

class Rng {
public:
    explicit Rng(std::uint64_t seed);

    std::uint64_t nextU64();
    double uniform();                                       // [0, 1)
    double uniform(double lo, double hi);                   // [lo, hi)
    int uniformInt(int lo, int hiInclusive);                // [lo, hi]
    double normal(double mean = 0.0, double stddev = 1.0);  // Box-Muller
    // An independent generator for a sub-task, so adding draws in one place does not shift
    // every later draw elsewhere.
    Rng fork(std::uint64_t stream);

private:
    std::uint64_t m_state[4];
    bool m_hasSpareNormal = false;
    double m_spareNormal = 0.0;
};

}  // namespace rw
