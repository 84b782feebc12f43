#include "ridgeworks/common/Random.h"

#include <cmath>
#include <numbers>

namespace rw {
namespace {

std::uint64_t splitMix64(std::uint64_t& x)
{
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

}  // namespace

Rng::Rng(std::uint64_t seed)
{
    for (auto& s : m_state)
        s = splitMix64(seed);
}

std::uint64_t Rng::nextU64()
{
    // xoshiro256**
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

double Rng::uniform()
{
    return static_cast<double>(nextU64() >> 11) * 0x1.0p-53;
}

double Rng::uniform(double lo, double hi)
{
    return lo + (hi - lo) * uniform();
}

int Rng::uniformInt(int lo, int hiInclusive)
{
    const auto span = static_cast<std::uint64_t>(hiInclusive - lo) + 1;
    return lo + static_cast<int>(nextU64() % span);
}

double Rng::normal(double mean, double stddev)
{
    if (m_hasSpareNormal) {
        m_hasSpareNormal = false;
        return mean + stddev * m_spareNormal;
    }
    double u1 = uniform();
    while (u1 <= 0.0)
        u1 = uniform();
    const double u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * std::numbers::pi * u2;
    m_spareNormal = radius * std::sin(angle);
    m_hasSpareNormal = true;
    return mean + stddev * radius * std::cos(angle);
}

Rng Rng::fork(std::uint64_t stream)
{
    return Rng(nextU64() ^ (stream * 0x9e3779b97f4a7c15ULL));
}

}  // namespace rw
