#include "CaseController.h"

#include "CaseDock.h"
#include "EvidenceItem.h"
#include "EvidenceLoader.h"
#include "JobRunner.h"
#include "report/CaseReportRenderer.h"

#include <ridgeworks/casework/CaseDamage.h>
#include <ridgeworks/casework/CaseReconstruction.h>
#include <ridgeworks/casework/CaseReport.h>
#include <ridgeworks/common/Error.h>
#include <ridgeworks/image/ImageLoader.h>
#include <ridgeworks/image/ImageWriter.h>

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QSettings>
#include <QWidget>

namespace rw {
namespace {

const QString kRecentKey = QStringLiteral("cases/recent");
const QString kOpenKey = QStringLiteral("cases/open");
constexpr int kRecentCount = 8;

std::filesystem::path toPath(const QString& s)
{
    return std::filesystem::path(s.toStdString());
}

struct ImportOutcome {
    Case updated;
    QStringList added;     // evidence copies now in the case
    QStringList refusals;  // "file: reason", one per refused file
};

struct VerifiedCase {
    Case c;
    std::vector<ReplayVerdict> replay;
};

struct RecordedItem {
    Case updated;
    std::string id;  // the recorded item's id
};

// What recordDerived needs from the window's item, copied for the worker thread.
struct RecordRequest {
    std::filesystem::path folder;
    std::string parentId;
    Derivation derivation;
    double ppi = 500.0;
};

// The window's key of a case item: stable for the case and the item.
QString caseItemKey(const Case& c, const std::string& id)
{
    return QStringLiteral("case:") + QString::fromStdString(c.manifest.caseId + ":" + id);
}

cv::Mat loadCaseImage(const Case& c, const CaseFile& f)
{
    return loadPrint(c.folder / f.path).pixels;
}

std::string parameter(const DerivedItem& d, const std::string& name)
{
    const auto found = d.parameters.find(name);
    return found == d.parameters.end() ? std::string() : found->second;
}

// A case's damage or reconstruction as the window's derived print: the recorded image, with
// the masks the views mark estimated (or damaged) pixels by. Mask items are not prints.
std::optional<EvidenceItem> windowItem(const Case& c, const DerivedItem& d,
                                       const QString& parentKey, const QString& parentName)
{
    if ((d.kind != "damage" && d.kind != "reconstruction") || d.files.size() < 2)
        return std::nullopt;
    Print print = loadPrint(c.folder / d.files[0].path);
    const QString id = QString::fromStdString(d.id);
    Derivation derivation;
    derivation.parentKey = parentKey;
    derivation.parentName = parentName;
    derivation.operation =
        d.kind == "damage" ? QStringLiteral("damage") : QStringLiteral("reconstruct");
    if (d.kind == "damage") {
        derivation.kind =
            damageKindFromString(parameter(d, "kind")).value_or(DamageKind::Obliteration);
        derivation.level =
            damageLevelFromString(parameter(d, "level")).value_or(DamageLevel::Medium);
        derivation.seed = std::stoull(parameter(d, "seed").empty() ? "0" : parameter(d, "seed"));
        derivation.label =
            id + QStringLiteral(" ") +
            QString::fromStdString(parameter(d, "kind") + " " + parameter(d, "level") + ", seed " +
                                   parameter(d, "seed"));
        derivation.mask = loadCaseImage(c, d.files[1]);
    } else {
        derivation.modelName = QString::fromStdString(parameter(d, "modelName"));
        derivation.modelPath = QString::fromStdString(parameter(d, "model"));
        derivation.modelSha256 = QString::fromStdString(d.modelSha256);
        derivation.mode = QString::fromStdString(parameter(d, "mode"));
        if (derivation.mode == QStringLiteral("selective") &&
            !parameter(d, "featherPixels").empty())
            derivation.featherPixels = std::stoi(parameter(d, "featherPixels"));
        if (!parameter(d, "regrowth").empty())
            derivation.regrowth = std::stod(parameter(d, "regrowth"));
        if (!parameter(d, "settling").empty())
            derivation.settling = std::stoi(parameter(d, "settling"));
        derivation.turnBack = parameter(d, "turnBack") == "1";
        derivation.slideBack = parameter(d, "slideBack") == "1";
        derivation.swapBack = parameter(d, "swapBack") == "1";
        if (!parameter(d, "ridgeReach").empty())
            derivation.ridgeReach = std::stod(parameter(d, "ridgeReach"));
        derivation.maskSource = QString::fromStdString(parameter(d, "maskFrom"));
        derivation.label = id + QStringLiteral(" ") + derivation.modelName + QStringLiteral(", ") +
                           derivation.mode;
        derivation.changedMask = loadCaseImage(c, d.files[1]);
        derivation.mask = derivation.changedMask;
        cv::Mat confidence;
        loadCaseImage(c, d.files[2]).convertTo(confidence, CV_32FC1, 1.0 / 255.0);
        derivation.confidence = confidence;
    }
    derivation.summary = QStringLiteral("recorded in the case as ") + id;
    EvidenceItem item =
        makeEvidenceItem(std::move(print), parentName + QStringLiteral(" · ") + derivation.label,
                         caseItemKey(c, d.id), PpiOrigin::File);
    item.derivation = std::move(derivation);
    return item;
}

RecordedItem recordInCase(const RecordRequest& r, const CancelToken& cancel)
{
    Case c = rw::openCase(r.folder);
    const Derivation& d = r.derivation;
    if (!d.isReconstruction()) {
        DamageSpec spec;
        spec.kind = d.kind;
        spec.level = d.level;
        spec.seed = d.seed;
        if (d.level == DamageLevel::Custom)
            spec.custom = d.parameters;
        const DerivedItem& item = damageInCase(c, r.parentId, spec, {});
        const std::string id = item.id;
        return {std::move(c), id};
    }
    CaseReconstructionRequest request;
    request.itemId = r.parentId;
    request.model = d.modelPath.toStdString();
    const auto mode = reconstructionModeFromString(d.mode.toStdString());
    if (!mode)
        throw Error(ErrorKind::InvalidArgument, "unknown reconstruction mode");
    request.options.mode = *mode;
    // The blend the window used (0 for a damage mask), so the case holds the same pixels.
    if (*mode == ReconstructionMode::Selective)
        request.options.featherPixels = d.featherPixels;
    request.options.regrowth = d.regrowth;  // what the window used (0 where it does not apply)
    request.options.settling = d.settling;
    request.options.turnBackRotation = d.turnBack;
    request.options.slideBackFlaps = d.slideBack;
    request.options.swapBackFlaps = d.swapBack;
    request.options.ridgeReach = d.ridgeReach;
    if (d.maskSource == QStringLiteral("detect")) {
        request.maskFrom = "detect";
        request.detector = d.detectorPath.toStdString();
        request.options.detectorThreshold = d.detectorThreshold;
    } else if (d.damageMask.empty()) {
        request.maskFrom = "none";
    } else if (d.maskSource == QStringLiteral("damage")) {
        request.maskFrom = r.parentId;  // the damaged parent's own mask
    } else {
        DerivedItem mask;
        mask.kind = "mask";
        mask.operation = "mask drawn";
        mask.parents = {r.parentId};
        mask.parameters = {{"source", d.maskSource.toStdString()}};
        request.maskFrom =
            addDerivedItem(c, mask, {{"mask.png", encodePng(d.damageMask, r.ppi)}}).id;
    }
    const DerivedItem& item = reconstructInCase(c, request, cancel);
    const std::string id = item.id;
    return {std::move(c), id};
}

}  // namespace

CaseController::CaseController(JobRunner* jobs, CaseDock* dock, QWidget* dialogParent)
    : QObject(dialogParent)
    , m_jobs(jobs)
    , m_dock(dock)
    , m_dialogParent(dialogParent)
    , m_new(new QAction(QStringLiteral("&New Case…"), this))
    , m_open(new QAction(QStringLiteral("&Open Case…"), this))
    , m_import(new QAction(QStringLiteral("&Import Prints into Case…"), this))
    , m_verify(new QAction(QStringLiteral("&Verify Case"), this))
    , m_report(new QAction(QStringLiteral("Export Case &Report…"), this))
    , m_close(new QAction(QStringLiteral("&Close Case"), this))
    , m_recentMenu(new QMenu(QStringLiteral("Recent &Cases"), dialogParent))
{
    m_recentMenu->setObjectName(QStringLiteral("recentCasesMenu"));
    rebuildRecentMenu();
    m_new->setStatusTip(QStringLiteral("Create a case folder: evidence, audit log, reports"));
    m_import->setStatusTip(
        QStringLiteral("Copy prints into the case as evidence: hashed, read-only, logged"));
    m_verify->setStatusTip(QStringLiteral(
        "Re-hash every file, check the audit log, re-run every damage and reconstruction"));
    connect(m_new, &QAction::triggered, this, &CaseController::newCaseFromDialog);
    connect(m_open, &QAction::triggered, this, &CaseController::openCaseFromDialog);
    connect(m_import, &QAction::triggered, this, &CaseController::importFromDialog);
    connect(m_verify, &QAction::triggered, this, &CaseController::verifyCase);
    connect(m_report, &QAction::triggered, this, &CaseController::exportReportFromDialog);
    connect(m_close, &QAction::triggered, this, &CaseController::closeCase);
    updateActions();
}

QList<QAction*> CaseController::actions() const
{
    return {m_new, m_open, m_import, m_verify, m_report, m_close};
}

void CaseController::updateActions()
{
    const bool open = m_case.has_value();
    for (QAction* action : {m_import, m_verify, m_report, m_close})
        action->setEnabled(open);
}

QStringList CaseController::recentCases()
{
    return QSettings().value(kRecentKey).toStringList();
}

QString CaseController::caseFolderOf(const QString& path)
{
    const QString manifest = QString::fromLatin1(kCaseManifestFile);
    const QFileInfo info(path);
    if (info.isDir())
        return QFileInfo(QDir(path).filePath(manifest)).isFile() ? info.absoluteFilePath()
                                                                 : QString();
    return info.isFile() && info.fileName() == manifest ? info.absolutePath() : QString();
}

QString CaseController::caseOpenAtLastStop()
{
    return QSettings().value(kOpenKey).toString();
}

void CaseController::rememberRecent(const QString& folder)
{
    QStringList recent = recentCases();
    recent.removeAll(folder);
    recent.prepend(folder);
    while (recent.size() > kRecentCount)
        recent.removeLast();
    QSettings settings;
    settings.setValue(kRecentKey, recent);
    settings.setValue(kOpenKey, folder);
    rebuildRecentMenu();
}

void CaseController::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentCases();
    for (const QString& folder : recent)
        m_recentMenu->addAction(folder, this, [this, folder] { openCase(folder); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void CaseController::setCase(Case c, std::vector<ReplayVerdict> replay)
{
    const bool sameCase = m_case && m_case->folder == c.folder;
    if (!sameCase) {
        m_caseIdOfKey.clear();
        rememberRecent(QString::fromStdString(std::filesystem::absolute(c.folder).string()));
    }
    m_case = std::move(c);
    rememberEvidenceKeys();
    m_dock->showCase(&*m_case, replay);
    updateActions();
    Q_EMIT caseChanged();
}

void CaseController::rememberEvidenceKeys()
{
    for (const CaseEvidence& e : m_case->manifest.evidence)
        m_caseIdOfKey[evidenceKeyForPath(
            QString::fromStdString((m_case->folder / e.file.path).string()))] = e.id;
}

void CaseController::recordDerived(const EvidenceItem& item)
{
    if (!m_case || !item.derivation || m_caseIdOfKey.count(item.key))
        return;  // no case, not derived, or in the case already
    const auto parent = m_caseIdOfKey.find(item.derivation->parentKey);
    if (parent == m_caseIdOfKey.end()) {
        Q_EMIT recordNote(item.name + QStringLiteral(" is not in the case: its parent is not "
                                                     "case evidence"));
        return;
    }
    RecordRequest request{m_case->folder, parent->second, *item.derivation, item.print.ppi};
    m_jobs->submitForResult(
        QStringLiteral("Recording in the case"),
        [request](const ProgressSink&, const CancelToken& cancel) {
            return recordInCase(request, cancel);
        },
        [this, key = item.key, name = item.name](RecordedItem recorded) {
            m_caseIdOfKey[key] = recorded.id;
            setCase(std::move(recorded.updated));
            Q_EMIT recordNote(name + QStringLiteral(" recorded in the case as ") +
                              QString::fromStdString(recorded.id));
        });
}

void CaseController::loadDerivedItems()
{
    // Their keys are known before they arrive: items from the case are never recorded again.
    for (const DerivedItem& d : m_case->manifest.derived)
        m_caseIdOfKey[caseItemKey(*m_case, d.id)] = d.id;
    std::map<std::string, QString> keyOf, nameOf;
    for (const auto& [key, id] : m_caseIdOfKey)
        keyOf[id] = key;
    for (const CaseEvidence& e : m_case->manifest.evidence)
        nameOf[e.id] =
            QString::fromStdString(std::filesystem::path(e.file.path).filename().string());
    m_jobs->submitForResult(
        QStringLiteral("Opening the case's derived prints"),
        [c = *m_case, keyOf, nameOf](const ProgressSink&, const CancelToken& cancel) mutable {
            std::vector<EvidenceItem> items;
            for (const DerivedItem& d : c.manifest.derived) {
                cancel.throwIfCancelled();
                if (d.parents.empty() || !keyOf.count(d.parents.front()))
                    continue;
                const std::string& parent = d.parents.front();
                try {
                    if (std::optional<EvidenceItem> item =
                            windowItem(c, d, keyOf[parent], nameOf[parent])) {
                        nameOf[d.id] = item->name;
                        items.push_back(std::move(*item));
                    }
                } catch (const Error&) {  // a file that fails verification: the dock says so
                }
            }
            return items;
        },
        [this](std::vector<EvidenceItem> items) { Q_EMIT derivedItemsLoaded(items); });
}

QStringList CaseController::evidenceFiles() const
{
    QStringList files;
    if (m_case)
        for (const CaseEvidence& e : m_case->manifest.evidence)
            files << QString::fromStdString((m_case->folder / e.file.path).string());
    return files;
}

void CaseController::createCase(const QString& folder, const QString& examiner,
                                const QString& title)
{
    m_jobs->submitForResult(
        QStringLiteral("Creating the case"),
        [path = toPath(folder), examiner = examiner.toStdString(),
         title = title.toStdString()](const ProgressSink&, const CancelToken&) {
            return rw::createCase(path, examiner, title);
        },
        [this](Case c) { setCase(std::move(c)); });
}

void CaseController::openCase(const QString& folder)
{
    m_jobs->submitForResult(
        QStringLiteral("Opening the case"),
        [path = toPath(folder)](const ProgressSink&, const CancelToken&) {
            return rw::openCase(path);
        },
        [this](Case c) {
            setCase(std::move(c));
            Q_EMIT evidenceFilesAdded(evidenceFiles());
            loadDerivedItems();
        });
}

void CaseController::importFiles(const QStringList& files)
{
    if (!m_case)
        return;
    m_jobs->submitForResult(
        QStringLiteral("Importing into the case"),
        [folder = m_case->folder, files](const ProgressSink& progress, const CancelToken& cancel) {
            ImportOutcome outcome{rw::openCase(folder), {}, {}};
            for (qsizetype i = 0; i < files.size(); ++i) {
                if (cancel.isCancelled())
                    break;  // what is imported stays, logged and saved
                try {
                    const CaseEvidence& item =
                        importEvidence(outcome.updated, toPath(files[i]), {});
                    outcome.added << QString::fromStdString(
                        (outcome.updated.folder / item.file.path).string());
                } catch (const Error& e) {
                    outcome.refusals << QString::fromUtf8(e.what());
                }
                report(progress,
                       {std::size_t(i + 1), std::size_t(files.size()), files[i].toStdString(), {}});
            }
            return outcome;
        },
        [this](ImportOutcome outcome) {
            setCase(std::move(outcome.updated));
            if (!outcome.added.isEmpty())
                Q_EMIT evidenceFilesAdded(outcome.added);
            if (!outcome.refusals.isEmpty())
                Q_EMIT problem(QStringLiteral("Not imported:\n") +
                               outcome.refusals.join(QLatin1Char('\n')));
        });
}

void CaseController::verifyCase()
{
    if (!m_case)
        return;
    m_jobs->submitForResult(
        QStringLiteral("Verifying the case"),
        [folder = m_case->folder](const ProgressSink&, const CancelToken& cancel) {
            VerifiedCase v{rw::openCase(folder), {}};
            v.replay = replayDerivedItems(v.c, cancel);
            return v;
        },
        [this](VerifiedCase v) { setCase(std::move(v.c), std::move(v.replay)); });
}

void CaseController::exportReport(const QString& file)
{
    if (!m_case)
        return;
    m_jobs->submitForResult(
        QStringLiteral("Preparing the case report"),
        [folder = m_case->folder](const ProgressSink&, const CancelToken& cancel) {
            const Case c = rw::openCase(folder);
            return buildCaseReport(c, replayDerivedItems(c, cancel));
        },
        // Rendering (fonts, text layout) happens here, on the GUI thread.
        [this, file](CaseReportData data) {
            try {
                if (file.endsWith(QStringLiteral(".html"), Qt::CaseInsensitive))
                    reporting::writeCaseReportHtml(data, toPath(file));
                else
                    reporting::writeCaseReportPdf(data, toPath(file));
                Q_EMIT reportWritten(file);
            } catch (const Error& e) {
                Q_EMIT problem(QString::fromUtf8(e.what()));
            }
        });
}

void CaseController::closeCase()
{
    m_case.reset();
    m_caseIdOfKey.clear();
    QSettings().remove(kOpenKey);
    m_dock->showCase(nullptr, {});
    updateActions();
    Q_EMIT caseChanged();
}

void CaseController::newCaseFromDialog()
{
    const QString folder =
        QFileDialog::getSaveFileName(m_dialogParent, QStringLiteral("New case folder"), {}, {},
                                     nullptr, QFileDialog::ShowDirsOnly);
    if (folder.isEmpty())
        return;
    bool ok = false;
    const QString examiner =
        QInputDialog::getText(m_dialogParent, QStringLiteral("New case"),
                              QStringLiteral("Examiner's name:"), QLineEdit::Normal, {}, &ok);
    if (!ok || examiner.trimmed().isEmpty())
        return;
    const QString title =
        QInputDialog::getText(m_dialogParent, QStringLiteral("New case"),
                              QStringLiteral("Case title (optional):"), QLineEdit::Normal, {}, &ok);
    if (ok)
        createCase(folder, examiner.trimmed(), title.trimmed());
}

void CaseController::openCaseFromDialog()
{
    const QString folder =
        QFileDialog::getExistingDirectory(m_dialogParent, QStringLiteral("Open case folder"));
    if (!folder.isEmpty())
        openCase(folder);
}

void CaseController::importFromDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        m_dialogParent, QStringLiteral("Import prints into the case"), {},
        QStringLiteral(
            "Prints (*.bmp *.png *.tif *.tiff *.jpg *.jpeg *.jp2 *.j2k);;All files (*)"));
    if (!files.isEmpty())
        importFiles(files);
}

void CaseController::exportReportFromDialog()
{
    const QString file = QFileDialog::getSaveFileName(
        m_dialogParent, QStringLiteral("Export case report"), QStringLiteral("case-report.pdf"),
        QStringLiteral("PDF (*.pdf);;HTML (*.html)"));
    if (!file.isEmpty())
        exportReport(file);
}

}  // namespace rw
