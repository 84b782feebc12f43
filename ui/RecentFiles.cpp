#include "RecentFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace rw {

namespace {

QString settingsKey()
{
    return QStringLiteral("recentFiles");
}

}  // namespace

RecentFiles::RecentFiles(QObject* parent)
    : QObject(parent)
{
}

QStringList RecentFiles::paths() const
{
    // Read each time: another Ridgeworks window may have opened files since.
    return QSettings().value(settingsKey()).toStringList();
}

void RecentFiles::add(const QStringList& paths)
{
    QStringList list = this->paths();
    for (auto it = paths.crbegin(); it != paths.crend(); ++it) {
        const QString path = QDir::cleanPath(QFileInfo(*it).absoluteFilePath());
        list.removeAll(path);
        list.prepend(path);
    }
    while (list.size() > kMaxEntries)
        list.removeLast();
    store(list);
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::store(const QStringList& paths)
{
    QSettings settings;
    settings.setValue(settingsKey(), paths);
    Q_EMIT changed();
}

}  // namespace rw
