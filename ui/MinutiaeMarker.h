#pragma once
// Finds the Minutiae mode's marks when the reconstruction view asks for them: on JobRunner's
// worker thread (progress and Cancel in the status bar), once per reconstruction (kept by its
// key), handed back to the view if it still shows that reconstruction.
#include "MinutiaeMarks.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

namespace rw {

class JobRunner;
class ReconstructionView;

class MinutiaeMarker : public QObject {
    Q_OBJECT

public:
    MinutiaeMarker(JobRunner* runner, ReconstructionView* view, QObject* parent = nullptr);

    static QString jobTitle();  // "Finding minutiae"

private:
    void onWanted(const QString& itemKey);

    JobRunner* m_runner;
    ReconstructionView* m_view;
    QHash<QString, MinutiaeMarks> m_cache;  // by reconstruction key
    QSet<QString> m_running;
};

}  // namespace rw
