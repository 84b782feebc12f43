#pragma once
// Atomic writes: a temp file in the target's folder, flushed to disk, then renamed over the
// target. A crash, a full disk or a kill mid-write leaves the previous file intact.
//
// A batch that writes thousands of small derived files may defer the flush: each file is
// still complete or absent (written, then renamed), and the batch flushes its folder once
// at the end (flushFolderToDisk). One fsync per file was a third of a 1,000-print
// reconstruction run on these virtual disks; only an operating-system crash before the
// final flush can lose the deferred files, never a killed or cancelled program.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>

namespace rw {

enum class Flush {
    EachFile,  // fsync before the rename: evidence, case files, checkpoints
    Deferred,  // no fsync: the caller flushes the folder when its batch ends
};

// Throws rw::Error(WriteFailed) naming the target; the temp file is removed on failure.
void writeFileAtomically(const std::filesystem::path& target, std::span<const std::uint8_t> bytes,
                         Flush flush = Flush::EachFile);
void writeFileAtomically(const std::filesystem::path& target, std::string_view text,
                         Flush flush = Flush::EachFile);

// Writes everything pending on the file system holding `folder` to disk (syncfs). Throws
// rw::Error(WriteFailed) naming the folder when the disk reports a failed write.
void flushFolderToDisk(const std::filesystem::path& folder);

// Writes all `size` bytes to an open file descriptor, through short writes and EINTR.
// Returns 0, or the errno of the write that failed (the caller names the file).
int writeAllToDescriptor(int fd, const void* data, std::size_t size);

}  // namespace rw
