#pragma once
// The open case at a glance: what it is, whether it verified, its items as a derivation tree
// (evidence at the top, each derived item under the item it was made from) and its audit
// history, newest last.
#include <ridgeworks/casefile/Case.h>
#include <ridgeworks/casework/CaseReplay.h>

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace rw {

class CaseDock : public QWidget {
    Q_OBJECT
public:
    explicit CaseDock(QWidget* parent = nullptr);

    // `replay`: verdicts of the last verification (empty when none was run). nullptr: no case.
    void showCase(const Case* c, const std::vector<ReplayVerdict>& replay);

    QTreeWidget* itemTree() const { return m_items; }
    QTreeWidget* historyList() const { return m_history; }
    QString verificationText() const;

private:
    QLabel* m_summary = nullptr;
    QLabel* m_verification = nullptr;
    QTreeWidget* m_items = nullptr;
    QTreeWidget* m_history = nullptr;
};

}  // namespace rw
