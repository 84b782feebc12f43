#include "ridgeworks/casefile/CaseManifest.h"

#include "ridgeworks/common/Error.h"

#include <nlohmann/json.hpp>

namespace rw {
namespace {

using nlohmann::json;

json toJson(const CaseFile& f)
{
    return json{{"path", f.path}, {"sha256", f.sha256}, {"bytes", f.bytes}};
}

CaseFile caseFileFrom(const json& j)
{
    return {j.at("path").get<std::string>(), j.at("sha256").get<std::string>(),
            j.at("bytes").get<std::uint64_t>()};
}

json toJson(const CaseEvidence& e)
{
    return json{{"id", e.id},
                {"file", toJson(e.file)},
                {"sourcePath", e.sourcePath},
                {"importedAt", e.importedAt},
                {"examiner", e.examiner}};
}

CaseEvidence evidenceFrom(const json& j)
{
    CaseEvidence e;
    e.id = j.at("id").get<std::string>();
    e.file = caseFileFrom(j.at("file"));
    e.sourcePath = j.at("sourcePath").get<std::string>();
    e.importedAt = j.at("importedAt").get<std::string>();
    e.examiner = j.at("examiner").get<std::string>();
    return e;
}

json toJson(const DerivedItem& d)
{
    json files = json::array();
    for (const CaseFile& f : d.files)
        files.push_back(toJson(f));
    return json{{"id", d.id},
                {"kind", d.kind},
                {"parents", d.parents},
                {"operation", d.operation},
                {"parameters", d.parameters},
                {"modelSha256", d.modelSha256},
                {"files", files},
                {"softwareVersion", d.softwareVersion},
                {"createdAt", d.createdAt},
                {"examiner", d.examiner}};
}

DerivedItem derivedFrom(const json& j)
{
    DerivedItem d;
    d.id = j.at("id").get<std::string>();
    d.kind = j.at("kind").get<std::string>();
    d.parents = j.at("parents").get<std::vector<std::string>>();
    d.operation = j.at("operation").get<std::string>();
    d.parameters = j.at("parameters").get<std::map<std::string, std::string>>();
    d.modelSha256 = j.at("modelSha256").get<std::string>();
    for (const json& f : j.at("files"))
        d.files.push_back(caseFileFrom(f));
    d.softwareVersion = j.at("softwareVersion").get<std::string>();
    d.createdAt = j.at("createdAt").get<std::string>();
    d.examiner = j.at("examiner").get<std::string>();
    return d;
}

}  // namespace

std::string manifestToJson(const CaseManifest& m)
{
    json evidence = json::array();
    for (const CaseEvidence& e : m.evidence)
        evidence.push_back(toJson(e));
    json derived = json::array();
    for (const DerivedItem& d : m.derived)
        derived.push_back(toJson(d));
    const json j{
        {"format", "ridgeworks-case"},
        {"schemaVersion", m.schemaVersion},
        {"caseId", m.caseId},
        {"title", m.title},
        {"examiner", m.examiner},
        {"createdAt", m.createdAt},
        {"createdWith", m.createdWith},
        {"evidence", evidence},
        {"derived", derived},
        {"auditHead", {{"entries", m.auditHead.entries}, {"lastHash", m.auditHead.lastHash}}}};
    return j.dump(2) + "\n";
}

std::string evidenceItemToJson(const CaseEvidence& item)
{
    return toJson(item).dump();
}

CaseEvidence evidenceItemFromJson(const std::string& text, const std::filesystem::path& file)
{
    try {
        return evidenceFrom(json::parse(text));
    } catch (const json::exception& e) {
        throw Error(ErrorKind::WrongFormat, std::string("not an evidence record: ") + e.what(),
                    file);
    }
}

std::string derivedItemToJson(const DerivedItem& item)
{
    return toJson(item).dump();
}

DerivedItem derivedItemFromJson(const std::string& text, const std::filesystem::path& file)
{
    try {
        return derivedFrom(json::parse(text));
    } catch (const json::exception& e) {
        throw Error(ErrorKind::WrongFormat, std::string("not a derived-item record: ") + e.what(),
                    file);
    }
}

CaseManifest manifestFromJson(const std::string& text, const std::filesystem::path& file)
{
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception& e) {
        throw Error(ErrorKind::WrongFormat, std::string("not valid JSON: ") + e.what(), file);
    }
    if (!j.is_object() || j.value("format", std::string()) != "ridgeworks-case")
        throw Error(ErrorKind::WrongFormat, "not a Ridgeworks case manifest", file);
    CaseManifest m;
    try {
        m.schemaVersion = j.at("schemaVersion").get<int>();
        if (m.schemaVersion > kCaseSchemaVersion)
            throw Error(ErrorKind::Incompatible,
                        "case schema " + std::to_string(m.schemaVersion) +
                            " is newer than this program reads (" +
                            std::to_string(kCaseSchemaVersion) + "): update Ridgeworks",
                        file);
        m.caseId = j.at("caseId").get<std::string>();
        m.title = j.at("title").get<std::string>();
        m.examiner = j.at("examiner").get<std::string>();
        m.createdAt = j.at("createdAt").get<std::string>();
        m.createdWith = j.at("createdWith").get<std::string>();
        for (const json& e : j.at("evidence"))
            m.evidence.push_back(evidenceFrom(e));
        for (const json& d : j.at("derived"))
            m.derived.push_back(derivedFrom(d));
        m.auditHead.entries = j.at("auditHead").at("entries").get<std::uint64_t>();
        m.auditHead.lastHash = j.at("auditHead").at("lastHash").get<std::string>();
    } catch (const json::exception& e) {
        // nlohmann names the missing key or the wrong type ("key 'caseId' not found").
        throw Error(ErrorKind::WrongFormat, std::string("damaged case manifest: ") + e.what(),
                    file);
    }
    return m;
}

}  // namespace rw
