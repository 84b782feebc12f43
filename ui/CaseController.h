#pragma once
// The workbench's side of case files: New / Open / Close case, importing prints as evidence,
// verifying (hashes, the log's chain, re-running every derived item) and exporting the
// report. Every case operation runs as a job that reopens the case from disk first, so jobs
// queued one after another always work on the latest saved state.
#include <ridgeworks/casefile/Case.h>
#include <ridgeworks/casework/CaseReplay.h>

#include <QObject>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

class QAction;
class QMenu;
class QWidget;

namespace rw {

class CaseDock;
class JobRunner;
struct EvidenceItem;

class CaseController : public QObject {
    Q_OBJECT
public:
    CaseController(JobRunner* jobs, CaseDock* dock, QWidget* dialogParent);

    // The Case menu's actions, in menu order (dialog-driven; the slots below do the work).
    QList<QAction*> actions() const;
    // "Recent Cases": the last cases opened or created, newest first; rebuilt as they change.
    QMenu* recentMenu() const { return m_recentMenu; }
    static QStringList recentCases();
    // The case that was open when the program last stopped (quit or crash), or empty: the
    // workbench reopens it at start; every case step was saved as it was made.
    static QString caseOpenAtLastStop();
    // The case folder `path` names: a case manifest (case.json, as the desktop opens it) or a
    // folder holding one. Empty for anything else (prints, folders of prints).
    static QString caseFolderOf(const QString& path);
    const Case* currentCase() const { return m_case ? &*m_case : nullptr; }

public Q_SLOTS:
    void createCase(const QString& folder, const QString& examiner, const QString& title);
    void openCase(const QString& folder);
    void importFiles(const QStringList& files);
    void verifyCase();
    // A .pdf or .html file.
    void exportReport(const QString& file);
    void closeCase();
    // A derived print made in the window (damage or reconstruction): recorded into the open
    // case when its parent is a case item, made again there by the case's own operation (the
    // same code and settings, so the same pixels), with every parameter and hash. A drawn mask
    // is recorded as a "mask" item first. Prints outside the case are left alone.
    void recordDerived(const rw::EvidenceItem& item);

Q_SIGNALS:
    void caseChanged();
    // Evidence copies in the case, to show in the evidence list.
    void evidenceFilesAdded(const QStringList& files);
    // The case's damaged prints and reconstructions, as the window shows derived prints
    // (parents first); emitted after evidenceFilesAdded when a case is opened.
    void derivedItemsLoaded(const std::vector<rw::EvidenceItem>& items);
    void reportWritten(const QString& file);
    // Something the examiner must read (a file refused on import, a report not written).
    void problem(const QString& text);
    // "Recorded in the case as D3", or why an item was not.
    void recordNote(const QString& text);

private:
    void setCase(Case c, std::vector<ReplayVerdict> replay = {});
    QStringList evidenceFiles() const;
    void newCaseFromDialog();
    void openCaseFromDialog();
    void importFromDialog();
    void exportReportFromDialog();
    void updateActions();

    JobRunner* m_jobs;
    CaseDock* m_dock;
    QWidget* m_dialogParent;
    void rememberEvidenceKeys();
    void rememberRecent(const QString& folder);
    void rebuildRecentMenu();
    void loadDerivedItems();

    std::optional<Case> m_case;
    // The window's item keys of what is in the case: evidence copies and recorded items.
    std::map<QString, std::string> m_caseIdOfKey;
    QAction* m_new;
    QAction* m_open;
    QAction* m_import;
    QAction* m_verify;
    QAction* m_report;
    QAction* m_close;
    QMenu* m_recentMenu;
};

}  // namespace rw
