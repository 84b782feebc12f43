#include "CaseDock.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <map>

namespace rw {
namespace {

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

QString shortHash(const std::string& sha)
{
    return qs(sha.substr(0, 12)) + QStringLiteral("…");
}

QString describe(const DerivedItem& d)
{
    QString text = qs(d.kind);
    if (d.kind == "damage")
        text += QStringLiteral(" %1 %2, seed %3")
                    .arg(qs(d.parameters.count("kind") ? d.parameters.at("kind") : ""),
                         qs(d.parameters.count("level") ? d.parameters.at("level") : ""),
                         qs(d.parameters.count("seed") ? d.parameters.at("seed") : ""));
    else if (d.parameters.count("modelName"))
        text += QStringLiteral(" by ") + qs(d.parameters.at("modelName"));
    return text;
}

}  // namespace

CaseDock::CaseDock(QWidget* parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_verification(new QLabel(this))
    , m_items(new QTreeWidget(this))
    , m_history(new QTreeWidget(this))
{
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_verification->setWordWrap(true);
    m_items->setHeaderLabels(
        {QStringLiteral("Item"), QStringLiteral("What"), QStringLiteral("SHA-256")});
    m_items->setObjectName(QStringLiteral("caseItems"));
    m_history->setHeaderLabels({QStringLiteral("#"), QStringLiteral("Action"),
                                QStringLiteral("Time (UTC)"), QStringLiteral("Examiner")});
    m_history->setObjectName(QStringLiteral("caseHistory"));
    m_history->setRootIsDecorated(false);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_items);
    split->addWidget(m_history);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_verification);
    layout->addWidget(split, 1);
    showCase(nullptr, {});
}

QString CaseDock::verificationText() const
{
    return m_verification->text();
}

void CaseDock::showCase(const Case* c, const std::vector<ReplayVerdict>& replay)
{
    m_items->clear();
    m_history->clear();
    if (!c) {
        m_summary->setText(QStringLiteral("No case is open. Case ▸ New Case… or Open Case…"));
        m_verification->clear();
        return;
    }
    const CaseManifest& m = c->manifest;
    m_summary->setText(QStringLiteral("<b>%1</b><br>case %2, examiner %3<br>%4")
                           .arg(qs(m.title.empty() ? "Untitled case" : m.title).toHtmlEscaped(),
                                qs(m.caseId), qs(m.examiner).toHtmlEscaped(),
                                qs(c->folder.string()).toHtmlEscaped()));

    QStringList problems;
    for (const CaseProblem& p : c->problems)
        problems << (p.itemId.empty() ? QString() : qs(p.itemId) + QStringLiteral(": ")) +
                        qs(p.file.filename().string()) + QStringLiteral(": ") + qs(p.what);
    int reproduced = 0;
    for (const ReplayVerdict& v : replay) {
        if (v.replayable && !v.reproduced)
            problems << qs(v.itemId) + QStringLiteral(" re-run: ") + qs(v.detail);
        reproduced += v.reproduced ? 1 : 0;
    }
    if (problems.isEmpty()) {
        QString text = QStringLiteral("✔ Verified: every file matches its SHA-256, the audit log "
                                      "is intact");
        if (!replay.empty())
            text += QStringLiteral("; %1 derived item(s) re-run bit for bit").arg(reproduced);
        m_verification->setText(text);
        m_verification->setStyleSheet(QStringLiteral("color: #176b2c"));
    } else {
        m_verification->setText(QStringLiteral("✘ Verification failed:\n• ") +
                                problems.join(QStringLiteral("\n• ")));
        m_verification->setStyleSheet(QStringLiteral("color: #b00020"));
    }

    std::map<std::string, QTreeWidgetItem*> byId;
    for (const CaseEvidence& e : m.evidence) {
        auto* row = new QTreeWidgetItem(
            m_items, {qs(e.id),
                      QStringLiteral("evidence ") +
                          qs(std::filesystem::path(e.file.path).filename().string()),
                      shortHash(e.file.sha256)});
        row->setToolTip(2, qs(e.file.sha256));
        row->setToolTip(1, QStringLiteral("imported %1 by %2 from %3")
                               .arg(qs(e.importedAt), qs(e.examiner), qs(e.sourcePath)));
        byId[e.id] = row;
    }
    for (const DerivedItem& d : m.derived) {
        QTreeWidgetItem* parent =
            d.parents.empty() || !byId.count(d.parents.front()) ? nullptr : byId[d.parents.front()];
        const QString hash = d.files.empty() ? QString() : shortHash(d.files.front().sha256);
        auto* row = parent ? new QTreeWidgetItem(parent, {qs(d.id), describe(d), hash})
                           : new QTreeWidgetItem(m_items, {qs(d.id), describe(d), hash});
        QStringList provenance;
        for (const auto& [name, value] : d.parameters)
            provenance << qs(name) + QStringLiteral(" = ") + qs(value);
        row->setToolTip(1, QStringLiteral("made %1 by %2 from %3\n")
                                   .arg(qs(d.createdAt), qs(d.examiner),
                                        qs(d.parents.empty() ? "" : d.parents.front())) +
                               provenance.join(QLatin1Char('\n')));
        byId[d.id] = row;
    }
    m_items->expandAll();
    for (int column = 0; column < 3; ++column)
        m_items->resizeColumnToContents(column);

    for (const AuditEntry& entry : c->auditLog) {
        QString action = qs(entry.action);
        if (entry.details.count("id"))
            action += QStringLiteral(" ") + qs(entry.details.at("id"));
        new QTreeWidgetItem(m_history, {QString::number(entry.sequence), action, qs(entry.time),
                                        qs(entry.examiner)});
    }
    for (int column = 0; column < 4; ++column)
        m_history->resizeColumnToContents(column);
    m_history->scrollToBottom();
}

}  // namespace rw
