#include "ridgeworks/common/AtomicFile.h"

#include "ridgeworks/common/Error.h"

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <unistd.h>

namespace rw {
namespace {

std::filesystem::path tempSibling(const std::filesystem::path& target)
{
    // Unique per process (pid, a random start drawn once, a counter): a random_device per
    // file cost an open and a read of /dev/urandom for every file of a batch.
    static const std::uint64_t start = std::random_device{}();
    static std::atomic<std::uint64_t> counter{0};
    // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "." + std::string.
    std::string name(1, '.');
    name += target.filename().string();
    name += ".tmp-";
    name += std::to_string(::getpid());
    name += '-';
    name += std::to_string(start + counter.fetch_add(1));
    return target.parent_path() / name;
}

[[noreturn]] void fail(const std::filesystem::path& target, const std::string& what, int err)
{
    throw Error(ErrorKind::WriteFailed, what + ": " + std::strerror(err), target);
}

}  // namespace

int writeAllToDescriptor(int fd, const void* data, std::size_t size)
{
    const auto* bytes = static_cast<const char*>(data);
    std::size_t written = 0;
    while (written < size) {
        const ssize_t n = ::write(fd, bytes + written, size - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        written += static_cast<std::size_t>(n);
    }
    return 0;
}

void writeFileAtomically(const std::filesystem::path& target, std::span<const std::uint8_t> bytes,
                         Flush flush)
{
    const std::filesystem::path folder =
        target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw Error(ErrorKind::WriteFailed, "the folder does not exist", target);

    const std::filesystem::path temp = tempSibling(target);
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        fail(target, "cannot create a temporary file", errno);

    if (const int err = writeAllToDescriptor(fd, bytes.data(), bytes.size()); err != 0) {
        ::close(fd);
        std::filesystem::remove(temp, ec);
        fail(target, "cannot write", err);
    }
    if ((flush == Flush::EachFile && ::fsync(fd) != 0) || ::close(fd) != 0) {
        const int err = errno;
        std::filesystem::remove(temp, ec);
        fail(target, "cannot flush to disk", err);
    }
    if (::rename(temp.c_str(), target.c_str()) != 0) {
        const int err = errno;
        std::filesystem::remove(temp, ec);
        fail(target, "cannot replace the file", err);
    }
}

void writeFileAtomically(const std::filesystem::path& target, std::string_view text, Flush flush)
{
    writeFileAtomically(target,
                        std::span<const std::uint8_t>(
                            reinterpret_cast<const std::uint8_t*>(text.data()), text.size()),
                        flush);
}

void flushFolderToDisk(const std::filesystem::path& folder)
{
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        fail(folder, "cannot open the folder to flush it", errno);
    if (::syncfs(fd) != 0) {
        const int err = errno;
        ::close(fd);
        fail(folder, "cannot flush to disk", err);
    }
    ::close(fd);
}

}  // namespace rw
