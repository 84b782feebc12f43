#pragma once
// File ▸ Recent Files: the files and folders the user opened, newest first, kept in QSettings.
#include <QObject>
#include <QStringList>

namespace rw {

class RecentFiles : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxEntries = 10;

    explicit RecentFiles(QObject* parent = nullptr);

    QStringList paths() const;
    // Moves `paths` to the top (first of them first), dropping the oldest beyond kMaxEntries.
    void add(const QStringList& paths);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void store(const QStringList& paths);
};

}  // namespace rw
