#pragma once
// A case's audit log: one JSON object per line (JSON Lines), appended and never rewritten.
// Each entry carries the hash of the previous one and its own hash over its content and
// that link, so an edited, inserted or deleted line breaks the chain where it happened. The
// manifest stores the chain's head (entry count and last hash) at every save, which also
// catches lines cut off the end.
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace rw {

struct AuditEntry {
    std::uint64_t sequence = 0;  // 1, 2, 3, …
    std::string time;            // UTC, ISO 8601 ("2026-12-04T15:04:05Z")
    std::string examiner;
    std::string action;                          // "case created", "evidence imported", …
    std::map<std::string, std::string> details;  // what the action worked on, as text
    std::string previousHash;                    // the previous entry's hash; 64 zeros first
    std::string hash;                            // SHA-256 of this entry without `hash`
};

// The hash of the chain before its first entry.
const std::string& auditGenesisHash();

// The SHA-256 (hex) an entry must carry: over its canonical JSON without the `hash` field.
std::string auditEntryHash(const AuditEntry& entry);

// What reading a log found. `entries` is the sound prefix: every entry up to the first
// that fails (all of them when `intact`).
struct AuditLogReading {
    std::vector<AuditEntry> entries;
    bool intact = true;
    std::size_t badLine = 0;  // 1-based line of the first failure, 0 when intact
    std::string problem;      // what failed there, for the examiner
};

// Reads and checks a log: each line parses, numbers run 1, 2, 3 …, each links to the
// previous hash and carries its own correct hash. A missing file reads as an empty log.
// Throws rw::Error only when the file exists but cannot be read.
AuditLogReading readAuditLog(const std::filesystem::path& file);

// Appends one entry after `previous` (nullptr: the first entry), flushed to disk before it
// returns, and returns it. The caller holds the chain's head (readAuditLog's last entry).
// Throws rw::Error(WriteFailed) naming the file; a failed append leaves the earlier lines as
// they were.
AuditEntry appendAuditEntry(const std::filesystem::path& file, const AuditEntry* previous,
                            const std::string& examiner, const std::string& action,
                            const std::map<std::string, std::string>& details);

// The current time as the log writes it: UTC, ISO 8601, seconds.
std::string utcTimestamp();

}  // namespace rw
