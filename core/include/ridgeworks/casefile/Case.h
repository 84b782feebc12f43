#pragma once
// A case folder: the manifest (case.json), the audit log (audit.jsonl), the imported
// evidence (evidence/, read-only copies) and what was derived from it (derived/).
//
// Every change is one complete step: files first (written atomically), then the audit entry
// (flushed), then the manifest (written atomically), then an audit entry recording the
// manifest's SHA-256. A crash at any point leaves the previous manifest readable, and the
// next open says what the log holds beyond it.
#include "ridgeworks/casefile/AuditLog.h"
#include "ridgeworks/casefile/CaseManifest.h"

#include <filesystem>
#include <string>
#include <vector>

namespace rw {

inline constexpr const char* kCaseManifestFile = "case.json";
inline constexpr const char* kCaseAuditLogFile = "audit.jsonl";
inline constexpr const char* kCaseEvidenceFolder = "evidence";
inline constexpr const char* kCaseDerivedFolder = "derived";

// One thing that failed verification, named so an examiner can find it.
struct CaseProblem {
    std::string itemId;          // "E2", "D5"; empty for the case as a whole
    std::filesystem::path file;  // the file concerned
    std::string what;
};

struct Case {
    std::filesystem::path folder;
    CaseManifest manifest;
    std::vector<AuditEntry> auditLog;   // the sound part of the log
    std::vector<CaseProblem> problems;  // what failed verification when it was opened
    bool manifestRebuilt = false;       // the manifest was unreadable; items come from the log
};

// Creates the folder (which must not exist, or be empty) with an empty case. Throws
// rw::Error naming the folder.
Case createCase(const std::filesystem::path& folder, const std::string& examiner,
                const std::string& title = {});

// Opens a case and verifies it: the manifest against its last recorded save, the log's
// chain and its head, every evidence and derived file against its SHA-256. Opens what is
// sound and lists the rest in `problems`. A manifest that cannot be read is rebuilt from the
// log's records (`manifestRebuilt`). Throws rw::Error(Missing) when the folder is not a case.
Case openCase(const std::filesystem::path& folder);

// Copies `file` into evidence/ (read-only), records its SHA-256, size, source path, time and
// examiner, logs it and saves the case. The file must be a readable print. Refuses a file
// whose bytes are already in the case, naming the item. Throws rw::Error naming the file;
// the case is unchanged then.
const CaseEvidence& importEvidence(Case& c, const std::filesystem::path& file,
                                   const std::string& examiner);

// A file a derived item adds to the case: its name (after the item id) and its bytes.
struct NewCaseFile {
    std::string name;  // e.g. "damaged.png"; stored as derived/<id>-<name>
    std::vector<std::uint8_t> bytes;
};

// Adds a derived item: writes its files into derived/ (atomically, read-only), fills in its
// id, files, software version, time and examiner (the case's when empty), logs it and saves
// the case. Its parents must be items of the case. Throws rw::Error; the case is unchanged
// then.
const DerivedItem& addDerivedItem(Case& c, DerivedItem item, const std::vector<NewCaseFile>& files);

// The item's image file: an evidence copy, or a derived item's first file. Throws
// rw::Error(InvalidArgument) naming the case when there is no such item.
std::filesystem::path itemImageFile(const Case& c, const std::string& itemId);
const DerivedItem* findDerivedItem(const Case& c, const std::string& itemId);

// Writes the manifest atomically and records its hash in the log.
void saveCase(Case& c);

// The files of the case checked again (SHA-256 and size): one problem per item that fails.
std::vector<CaseProblem> verifyCaseFiles(const Case& c);

}  // namespace rw
