#pragma once
// The case manifest (`case.json`): what a case holds and where each piece came from.
// Versioned: a reader refuses a newer schema by name rather than misreading it.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace rw {

inline constexpr int kCaseSchemaVersion = 1;

// A file inside the case folder, with what it must hash to.
struct CaseFile {
    std::string path;  // relative to the case folder, '/'-separated
    std::string sha256;
    std::uint64_t bytes = 0;
};

// An original as imported: the copy in the case is never written again.
struct CaseEvidence {
    std::string id;  // "E1", "E2", …
    CaseFile file;
    std::string sourcePath;  // where it was imported from
    std::string importedAt;  // UTC, ISO 8601
    std::string examiner;
};

// Anything made from evidence or from other derived items: a damage, a mask, a
// reconstruction, metrics. Enough is recorded to make it again.
struct DerivedItem {
    std::string id;                                 // "D1", "D2", …
    std::string kind;                               // "damage", "mask", "reconstruction", "metrics"
    std::vector<std::string> parents;               // item ids
    std::string operation;                          // what was run, e.g. "damage"
    std::map<std::string, std::string> parameters;  // every parameter and seed, as text
    std::string modelSha256;                        // of the checkpoint used; empty if none
    std::vector<CaseFile> files;                    // its outputs inside the case
    std::string softwareVersion;
    std::string createdAt;  // UTC, ISO 8601
    std::string examiner;
};

// Where the audit log stood when the manifest was saved.
struct AuditHead {
    std::uint64_t entries = 0;
    std::string lastHash;  // the genesis hash when there are no entries
};

struct CaseManifest {
    int schemaVersion = kCaseSchemaVersion;
    std::string caseId;  // chosen at creation, never changed
    std::string title;
    std::string examiner;  // who created the case
    std::string createdAt;
    std::string createdWith;  // "ridgeworks 0.1.0"
    std::vector<CaseEvidence> evidence;
    std::vector<DerivedItem> derived;
    AuditHead auditHead;
};

std::string manifestToJson(const CaseManifest& manifest);
// One evidence item alone, as the audit log records it (so a lost manifest can be rebuilt).
std::string evidenceItemToJson(const CaseEvidence& item);
// Throws rw::Error(WrongFormat) naming `file` when the text is not an evidence record.
CaseEvidence evidenceItemFromJson(const std::string& text, const std::filesystem::path& file);
std::string derivedItemToJson(const DerivedItem& item);
DerivedItem derivedItemFromJson(const std::string& text, const std::filesystem::path& file);
// Throws rw::Error(WrongFormat) naming `file` and the first field that is missing or of the
// wrong type, or rw::Error(Incompatible) for a newer schema.
CaseManifest manifestFromJson(const std::string& text, const std::filesystem::path& file);

}  // namespace rw
