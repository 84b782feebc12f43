#include "ridgeworks/common/Error.h"

namespace rw {

const char* toString(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Missing: return "missing";
    case ErrorKind::Unreadable: return "unreadable";
    case ErrorKind::NotAnImage: return "not an image";
    case ErrorKind::Truncated: return "truncated or corrupt";
    case ErrorKind::ZeroSize: return "zero size";
    case ErrorKind::TooLarge: return "too large";
    case ErrorKind::InvalidArgument: return "invalid argument";
    case ErrorKind::WriteFailed: return "write failed";
    case ErrorKind::Cancelled: return "cancelled";
    case ErrorKind::WrongFormat: return "wrong format";
    case ErrorKind::Incompatible: return "incompatible";
    }
    return "error";
}

namespace {
std::string composeMessage(const std::string& reason, const std::filesystem::path& path)
{
    return path.empty() ? reason : path.string() + ": " + reason;
}
}  // namespace

Error::Error(ErrorKind kind, std::string reason, std::filesystem::path path)
    : std::runtime_error(composeMessage(reason, path))
    , m_kind(kind)
    , m_reason(std::move(reason))
    , m_path(std::move(path))
{
}

}  // namespace rw
