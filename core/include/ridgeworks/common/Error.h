#pragma once
// Typed errors that name the file and the reason, so every front end (GUI dialog, CLI
// message, test) can say exactly what went wrong without parsing strings.
#include <filesystem>
#include <stdexcept>
#include <string>

namespace rw {

enum class ErrorKind {
    Missing,          // the file does not exist
    Unreadable,       // exists but cannot be opened/read (permissions, a folder, I/O error)
    NotAnImage,       // readable, but no supported image format
    Truncated,        // a known format whose data ends early or is corrupt
    ZeroSize,         // empty file, or an image with zero width/height
    TooLarge,         // more pixels than the stated limit
    InvalidArgument,  // a parameter out of range
    WriteFailed,      // could not write an output (disk full, permissions)
    Cancelled,        // the user cancelled a long operation
    WrongFormat,      // readable, but not the kind of file expected (e.g. not a checkpoint)
    Incompatible,     // the right kind of file, but it does not fit (other architecture,
                      // newer format version, weights of another shape)
};

const char* toString(ErrorKind kind);

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, std::string reason, std::filesystem::path path = {});

    ErrorKind kind() const noexcept { return m_kind; }
    const std::filesystem::path& path() const noexcept { return m_path; }
    // The reason alone, without the file name (what() has "file: reason").
    const std::string& reason() const noexcept { return m_reason; }

private:
    ErrorKind m_kind;
    std::string m_reason;
    std::filesystem::path m_path;
};

}  // namespace rw
