#pragma once
// How libtorch uses this CPU: thread count, precision, and what the CPU offers. Debian's
// libtorch starts with ONE intra-op thread on a 2-vCPU machine; we set it deliberately.
#include <cstddef>
#include <string>

namespace rw {

enum class Precision {
    Auto,  // bf16 autocast when the CPU has native bf16 (AVX512-BF16 / AMX), else fp32
    Fp32,
    Bf16,
};

const char* toString(Precision precision);
bool precisionFromString(const std::string& name, Precision& out);

// The tensor layout convolutions run in. Channels-last (NHWC) is oneDNN's fast path on
// AVX-512 CPUs (the reference's best setting, measured on Zen 4); on the AVX2-only hosts
// measured here the default NCHW layout trained 1.2-2x faster in both PyTorch and libtorch.
enum class MemoryLayout { Auto, ChannelsLast, Contiguous };

const char* toString(MemoryLayout layout);  // "auto", "channels-last", "contiguous"
bool memoryLayoutFromString(const std::string& name, MemoryLayout& out);

struct CpuFeatures {
    bool avx2 = false;
    bool avx512 = false;      // avx512f
    bool avx512Bf16 = false;  // native bf16 dot products
    bool amx = false;         // amx_bf16
    std::string modelName;
};

CpuFeatures detectCpuFeatures();  // from /proc/cpuinfo; all false when unreadable

// The thread count used when the user gives 0: one per hardware thread (measured best on
// these 2-vCPU machines; see README "Performance").
int defaultThreadCount();

// Resolves Auto against the CPU.
Precision resolvePrecision(Precision requested, const CpuFeatures& cpu);
// True for channels-last: requested explicitly, or Auto on a CPU with AVX-512.
bool resolveChannelsLast(MemoryLayout requested, const CpuFeatures& cpu);

// Applies a thread count process-wide (libtorch intra-op pool). 0 = defaultThreadCount().
// Returns the count in effect.
int applyThreadCount(int threads);

// Which malloc the process runs on: "tcmalloc" (linked by our executables, see
// cmake/RidgeworksAllocator.cmake) or "glibc".
std::string allocatorName();

// With glibc malloc: raises the mmap and trim thresholds so training tensors are reused,
// not re-mapped every step. Does nothing under tcmalloc. Idempotent.
void tuneGlibcMallocForTensors();

std::string torchVersion();

// Resident set size of this process in bytes (from /proc/self/statm), 0 when unknown.
std::size_t residentBytes();

}  // namespace rw
