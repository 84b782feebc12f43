#include "ridgeworks/casefile/AuditLog.h"

#include "ridgeworks/common/AtomicFile.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/common/Sha256.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>

namespace rw {
namespace {

using nlohmann::json;

// The fields that are hashed, in nlohmann's canonical form (keys sorted, no spaces).
json hashedContent(const AuditEntry& entry)
{
    return json{{"sequence", entry.sequence}, {"time", entry.time},
                {"examiner", entry.examiner}, {"action", entry.action},
                {"details", entry.details},   {"previousHash", entry.previousHash}};
}

std::string toLine(const AuditEntry& entry)
{
    json line = hashedContent(entry);
    line["hash"] = entry.hash;
    return line.dump() + "\n";
}

AuditEntry fromLine(const std::string& line)
{
    const json j = json::parse(line);  // throws json::exception on bad JSON
    AuditEntry entry;
    entry.sequence = j.at("sequence").get<std::uint64_t>();
    entry.time = j.at("time").get<std::string>();
    entry.examiner = j.at("examiner").get<std::string>();
    entry.action = j.at("action").get<std::string>();
    entry.details = j.at("details").get<std::map<std::string, std::string>>();
    entry.previousHash = j.at("previousHash").get<std::string>();
    entry.hash = j.at("hash").get<std::string>();
    return entry;
}

[[noreturn]] void failWrite(const std::filesystem::path& file, const std::string& what, int err)
{
    throw Error(ErrorKind::WriteFailed, what + ": " + std::strerror(err), file);
}

}  // namespace

const std::string& auditGenesisHash()
{
    static const std::string genesis(64, '0');
    return genesis;
}

std::string auditEntryHash(const AuditEntry& entry)
{
    const std::string text = hashedContent(entry).dump();
    return sha256Hex(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

std::string utcTimestamp()
{
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

AuditLogReading readAuditLog(const std::filesystem::path& file)
{
    AuditLogReading reading;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
        return reading;
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::Unreadable, "cannot open the audit log", file);

    std::string line;
    std::size_t lineNumber = 0;
    std::string previousHash = auditGenesisHash();
    auto fail = [&](const std::string& problem) {
        reading.intact = false;
        reading.badLine = lineNumber;
        reading.problem = problem;
    };
    while (std::getline(in, line)) {
        ++lineNumber;
        const bool complete = !in.eof();  // the last line of a finished append ends in '\n'
        AuditEntry entry;
        try {
            entry = fromLine(line);
        } catch (const nlohmann::json::exception&) {
            fail(complete ? "not a valid log entry (edited or damaged)"
                          : "the last entry is incomplete (an interrupted write)");
            break;
        }
        if (entry.sequence != reading.entries.size() + 1) {
            fail("entry number " + std::to_string(entry.sequence) + " where " +
                 std::to_string(reading.entries.size() + 1) +
                 " was due (a line was deleted, inserted or moved)");
            break;
        }
        if (entry.previousHash != previousHash) {
            fail("does not link to the entry before it (a line before it was changed, deleted "
                 "or inserted)");
            break;
        }
        if (auditEntryHash(entry) != entry.hash) {
            fail("its content does not match its hash (the entry was edited)");
            break;
        }
        if (!complete) {
            fail("the last entry is incomplete (an interrupted write)");
            break;
        }
        previousHash = entry.hash;
        reading.entries.push_back(std::move(entry));
    }
    if (in.bad())
        throw Error(ErrorKind::Unreadable, "cannot read the audit log", file);
    return reading;
}

AuditEntry appendAuditEntry(const std::filesystem::path& file, const AuditEntry* previous,
                            const std::string& examiner, const std::string& action,
                            const std::map<std::string, std::string>& details)
{
    AuditEntry entry;
    entry.sequence = previous ? previous->sequence + 1 : 1;
    entry.time = utcTimestamp();
    entry.examiner = examiner;
    entry.action = action;
    entry.details = details;
    entry.previousHash = previous ? previous->hash : auditGenesisHash();
    entry.hash = auditEntryHash(entry);
    const std::string line = toLine(entry);

    // One write of the whole line with O_APPEND, then fsync: the line is on disk before the
    // manifest that counts it is saved.
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        failWrite(file, "cannot open the audit log", errno);
    const off_t before = ::lseek(fd, 0, SEEK_END);
    if (const int err = writeAllToDescriptor(fd, line.data(), line.size()); err != 0) {
        // Take back a partial line, so the log still ends on a whole entry (best effort:
        // the write's own error is the one reported).
        if (before >= 0) {
            const int truncated = ::ftruncate(fd, before);
            static_cast<void>(truncated);
        }
        ::close(fd);
        failWrite(file, "cannot append to the audit log", err);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0)
        failWrite(file, "cannot flush the audit log to disk", errno);
    return entry;
}

}  // namespace rw
