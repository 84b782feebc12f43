#include "ridgeworks/casefile/Case.h"

#include "ridgeworks/common/AtomicFile.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/common/Sha256.h"
#include "ridgeworks/image/ImageLoader.h"

#include <fstream>
#include <iterator>
#include <random>
#include <sstream>

namespace rw {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCaseCreated = "case created";
constexpr const char* kCaseSaved = "case saved";
constexpr const char* kEvidenceImported = "evidence imported";
constexpr const char* kDerivedAdded = "derived item added";

std::vector<std::uint8_t> readBytes(const fs::path& file)
{
    std::error_code ec;
    if (!fs::exists(file, ec))
        throw Error(ErrorKind::Missing, "the file does not exist", file);
    if (fs::is_directory(file, ec))
        throw Error(ErrorKind::Unreadable, "a folder, not a file", file);
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::Unreadable, "cannot open the file", file);
    std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                    std::istreambuf_iterator<char>());
    if (in.bad())
        throw Error(ErrorKind::Unreadable, "cannot read the file", file);
    return bytes;
}

std::string readText(const fs::path& file)
{
    const std::vector<std::uint8_t> bytes = readBytes(file);
    return std::string(bytes.begin(), bytes.end());
}

std::string textSha256(const std::string& text)
{
    return sha256Hex(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

std::string newCaseId()
{
    std::random_device device;
    std::ostringstream id;
    id << std::hex;
    for (int i = 0; i < 4; ++i)
        id << device();
    return id.str();
}

std::string softwareName()
{
    return std::string("ridgeworks ") + RIDGEWORKS_VERSION;
}

void log(Case& c, const std::string& examiner, const std::string& action,
         const std::map<std::string, std::string>& details)
{
    const AuditEntry* previous = c.auditLog.empty() ? nullptr : &c.auditLog.back();
    c.auditLog.push_back(
        appendAuditEntry(c.folder / kCaseAuditLogFile, previous, examiner, action, details));
}

// The next free "<prefix><n>" among `items`' ids.
template <typename Item> std::string nextId(char prefix, const std::vector<Item>& items)
{
    int highest = 0;
    for (const Item& item : items)
        if (item.id.size() > 1 && item.id[0] == prefix)
            highest = std::max(highest, std::atoi(item.id.c_str() + 1));
    std::string id(1, prefix);  // appended, not "E" + …: GCC 12 warns falsely (-Wrestrict)
    id += std::to_string(highest + 1);
    return id;
}

bool hasItem(const Case& c, const std::string& id)
{
    for (const CaseEvidence& e : c.manifest.evidence)
        if (e.id == id)
            return true;
    return findDerivedItem(c, id) != nullptr;
}

void makeReadOnly(const fs::path& file)
{
    std::error_code ec;
    fs::permissions(file, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read,
                    fs::perm_options::replace, ec);
}

// The manifest against the log: the entry after the recorded head must be the save that
// wrote exactly these bytes.
void checkManifestAgainstLog(Case& c, const std::string& manifestText, bool logIntact)
{
    const fs::path manifestFile = c.folder / kCaseManifestFile;
    const AuditHead& head = c.manifest.auditHead;
    const std::size_t count = c.auditLog.size();
    if (head.entries >= count) {
        if (logIntact)
            c.problems.push_back({{},
                                  c.folder / kCaseAuditLogFile,
                                  "the audit log ends before the manifest's last save (it had " +
                                      std::to_string(head.entries + 1) + " entries, it has " +
                                      std::to_string(count) + "): entries were cut off its end"});
        return;
    }
    const std::string& expectedLast =
        head.entries == 0 ? auditGenesisHash() : c.auditLog[head.entries - 1].hash;
    if (expectedLast != head.lastHash) {
        c.problems.push_back({{},
                              manifestFile,
                              "the manifest's record of the audit log (entry " +
                                  std::to_string(head.entries) + ") does not match the log"});
        return;
    }
    const AuditEntry& save = c.auditLog[head.entries];
    const auto recorded = save.details.find("manifestSha256");
    if (save.action != kCaseSaved || recorded == save.details.end()) {
        c.problems.push_back({{},
                              manifestFile,
                              "the last save of the manifest is not in the audit log (an "
                              "interrupted save)"});
        return;
    }
    if (recorded->second != textSha256(manifestText))
        c.problems.push_back({{},
                              manifestFile,
                              "case.json differs from what Ridgeworks last saved (SHA-256 "
                              "recorded in audit entry " +
                                  std::to_string(save.sequence) +
                                  "): it was changed outside the program"});
    const std::size_t unsaved = count - head.entries - 1;
    if (unsaved > 0)
        c.problems.push_back(
            {{},
             c.folder / kCaseAuditLogFile,
             std::to_string(unsaved) +
                 " logged operation(s) after the last save are not in the manifest (an "
                 "interrupted operation)"});
}

// A manifest made again from the log's records, when case.json cannot be read.
CaseManifest rebuildFromLog(const Case& c)
{
    CaseManifest m;
    for (const AuditEntry& entry : c.auditLog) {
        if (entry.action == kCaseCreated) {
            m.caseId = entry.details.count("caseId") ? entry.details.at("caseId") : "";
            m.title = entry.details.count("title") ? entry.details.at("title") : "";
            m.examiner = entry.examiner;
            m.createdAt = entry.time;
            m.createdWith = entry.details.count("software") ? entry.details.at("software") : "";
        } else if (entry.action == kEvidenceImported && entry.details.count("item")) {
            m.evidence.push_back(
                evidenceItemFromJson(entry.details.at("item"), c.folder / kCaseAuditLogFile));
        } else if (entry.action == kDerivedAdded && entry.details.count("item")) {
            m.derived.push_back(
                derivedItemFromJson(entry.details.at("item"), c.folder / kCaseAuditLogFile));
        }
    }
    return m;
}

void checkFile(const Case& c, const std::string& id, const CaseFile& f, const char* what,
               std::vector<CaseProblem>& problems)
{
    const fs::path path = c.folder / f.path;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        problems.push_back({id, path, std::string(what) + " file is missing"});
        return;
    }
    const std::uintmax_t size = fs::file_size(path, ec);
    std::string sha;
    try {
        sha = sha256OfFile(path);
    } catch (const Error& e) {
        problems.push_back({id, path, "cannot be read: " + e.reason()});
        return;
    }
    if (sha != f.sha256 || ec || size != f.bytes)
        problems.push_back({id, path,
                            std::string(what) +
                                " file does not match its recorded SHA-256 (changed after it "
                                "was recorded)"});
}

}  // namespace

Case createCase(const fs::path& folder, const std::string& examiner, const std::string& title)
{
    if (examiner.empty())
        throw Error(ErrorKind::InvalidArgument, "a case needs the examiner's name", folder);
    std::error_code ec;
    if (fs::exists(folder, ec) && !(fs::is_directory(folder, ec) && fs::is_empty(folder, ec)))
        throw Error(ErrorKind::InvalidArgument,
                    "the folder exists and is not empty: choose a new folder for the case", folder);
    fs::create_directories(folder / kCaseEvidenceFolder, ec);
    if (!ec)
        fs::create_directories(folder / kCaseDerivedFolder, ec);
    if (ec)
        throw Error(ErrorKind::WriteFailed, "cannot create the case folder: " + ec.message(),
                    folder);

    Case c;
    c.folder = folder;
    c.manifest.caseId = newCaseId();
    c.manifest.title = title;
    c.manifest.examiner = examiner;
    c.manifest.createdAt = utcTimestamp();
    c.manifest.createdWith = softwareName();
    log(c, examiner, kCaseCreated,
        {{"caseId", c.manifest.caseId}, {"title", title}, {"software", softwareName()}});
    saveCase(c);
    return c;
}

void saveCase(Case& c)
{
    c.manifest.auditHead.entries = c.auditLog.size();
    c.manifest.auditHead.lastHash =
        c.auditLog.empty() ? auditGenesisHash() : c.auditLog.back().hash;
    const std::string text = manifestToJson(c.manifest);
    writeFileAtomically(c.folder / kCaseManifestFile, text);
    log(c, c.auditLog.empty() ? c.manifest.examiner : c.auditLog.back().examiner, kCaseSaved,
        {{"manifestSha256", textSha256(text)}});
}

Case openCase(const fs::path& folder)
{
    Case c;
    c.folder = folder;
    const fs::path manifestFile = folder / kCaseManifestFile;
    const fs::path logFile = folder / kCaseAuditLogFile;
    std::error_code ec;
    if (!fs::exists(manifestFile, ec) && !fs::exists(logFile, ec))
        throw Error(ErrorKind::Missing, "not a Ridgeworks case (no case.json, no audit.jsonl)",
                    folder);

    const AuditLogReading reading = readAuditLog(logFile);
    c.auditLog = reading.entries;
    if (!reading.intact)
        c.problems.push_back({{},
                              logFile,
                              "line " + std::to_string(reading.badLine) + ": " + reading.problem +
                                  "; the log is read up to the line before"});

    std::string manifestText;
    try {
        manifestText = readText(manifestFile);
        c.manifest = manifestFromJson(manifestText, manifestFile);
        checkManifestAgainstLog(c, manifestText, reading.intact);
    } catch (const Error& e) {
        if (e.kind() == ErrorKind::Incompatible)
            throw;  // a newer program's case: do not guess at it
        c.problems.push_back(
            {{}, manifestFile, e.reason() + "; the evidence list was rebuilt from the audit log"});
        c.manifest = rebuildFromLog(c);
        c.manifestRebuilt = true;
    }
    const std::vector<CaseProblem> files = verifyCaseFiles(c);
    c.problems.insert(c.problems.end(), files.begin(), files.end());
    return c;
}

const CaseEvidence& importEvidence(Case& c, const fs::path& file, const std::string& examiner)
{
    const std::vector<std::uint8_t> bytes = readBytes(file);
    if (bytes.empty())
        throw Error(ErrorKind::ZeroSize, "the file is empty", file);
    const std::string sha = sha256Hex(bytes);
    for (const CaseEvidence& e : c.manifest.evidence)
        if (e.file.sha256 == sha)
            throw Error(ErrorKind::InvalidArgument,
                        "already in the case as " + e.id + " (the same bytes, SHA-256 " +
                            sha.substr(0, 12) + "…)",
                        file);

    CaseEvidence item;
    item.id = nextId('E', c.manifest.evidence);
    item.file.path =
        std::string(kCaseEvidenceFolder) + "/" + item.id + "-" + file.filename().string();
    item.file.sha256 = sha;
    item.file.bytes = bytes.size();
    std::error_code ec;
    item.sourcePath = fs::absolute(file, ec).string();
    item.importedAt = utcTimestamp();
    item.examiner = examiner.empty() ? c.manifest.examiner : examiner;

    const fs::path copy = c.folder / item.file.path;
    fs::create_directories(copy.parent_path(), ec);
    writeFileAtomically(copy, bytes);
    try {
        // The copy must be a print this program can read, and hold exactly the bytes read.
        loadPrint(copy);
        if (sha256OfFile(copy) != sha)
            throw Error(ErrorKind::WriteFailed, "the copy in the case differs from the file read",
                        copy);
        makeReadOnly(copy);
        log(c, item.examiner, kEvidenceImported,
            {{"item", evidenceItemToJson(item)}, {"id", item.id}, {"sha256", sha}});
    } catch (const Error& e) {
        fs::remove(copy, ec);
        // Named by the file the examiner chose, not the copy.
        throw Error(e.kind(), e.reason(), e.path() == copy ? file : e.path());
    }
    c.manifest.evidence.push_back(item);
    saveCase(c);
    return c.manifest.evidence.back();
}

const DerivedItem& addDerivedItem(Case& c, DerivedItem item, const std::vector<NewCaseFile>& files)
{
    if (item.parents.empty())
        throw Error(ErrorKind::InvalidArgument, "a derived item needs its parent item(s)",
                    c.folder);
    for (const std::string& parent : item.parents)
        if (!hasItem(c, parent))
            throw Error(ErrorKind::InvalidArgument, "the case has no item " + parent, c.folder);
    item.id = nextId('D', c.manifest.derived);
    item.softwareVersion = RIDGEWORKS_VERSION;
    item.createdAt = utcTimestamp();
    if (item.examiner.empty())
        item.examiner = c.manifest.examiner;
    item.files.clear();
    std::vector<fs::path> written;
    try {
        for (const NewCaseFile& f : files) {
            CaseFile record;
            record.path = std::string(kCaseDerivedFolder) + "/" + item.id + "-" + f.name;
            record.sha256 = sha256Hex(f.bytes);
            record.bytes = f.bytes.size();
            const fs::path path = c.folder / record.path;
            writeFileAtomically(path, f.bytes);
            written.push_back(path);
            makeReadOnly(path);
            item.files.push_back(record);
        }
        log(c, item.examiner, kDerivedAdded,
            {{"item", derivedItemToJson(item)}, {"id", item.id}, {"operation", item.operation}});
    } catch (...) {
        std::error_code ec;
        for (const fs::path& path : written)
            fs::remove(path, ec);
        throw;
    }
    c.manifest.derived.push_back(std::move(item));
    saveCase(c);
    return c.manifest.derived.back();
}

const DerivedItem* findDerivedItem(const Case& c, const std::string& itemId)
{
    for (const DerivedItem& d : c.manifest.derived)
        if (d.id == itemId)
            return &d;
    return nullptr;
}

fs::path itemImageFile(const Case& c, const std::string& itemId)
{
    for (const CaseEvidence& e : c.manifest.evidence)
        if (e.id == itemId)
            return c.folder / e.file.path;
    if (const DerivedItem* d = findDerivedItem(c, itemId); d && !d->files.empty())
        return c.folder / d->files.front().path;
    throw Error(ErrorKind::InvalidArgument, "the case has no image item " + itemId, c.folder);
}

std::vector<CaseProblem> verifyCaseFiles(const Case& c)
{
    std::vector<CaseProblem> problems;
    for (const CaseEvidence& e : c.manifest.evidence)
        checkFile(c, e.id, e.file, "the evidence", problems);
    for (const DerivedItem& d : c.manifest.derived)
        for (const CaseFile& f : d.files)
            checkFile(c, d.id, f, "a derived", problems);
    return problems;
}

}  // namespace rw
