#pragma once
// QString ↔ std::filesystem::path in the file system's own encoding (QFile::encodeName), so
// names that are not valid UTF-8 still round-trip between Qt dialogs and core.
#include <QFile>
#include <QString>

#include <filesystem>

namespace rw {

inline std::filesystem::path toFsPath(const QString& path)
{
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

inline QString fromFsPath(const std::filesystem::path& path)
{
    return QFile::decodeName(QByteArray::fromStdString(path.native()));
}

}  // namespace rw
