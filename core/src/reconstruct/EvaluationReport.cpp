// The evaluation's source argument, and its result as JSON and CSV.
#include "ridgeworks/common/Error.h"
#include "ridgeworks/reconstruct/Evaluation.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace rw {
namespace {

using nlohmann::json;

// NaN and infinities have no JSON form: they are written as null ("not measurable here").
json number(double value)
{
    return std::isfinite(value) ? json(value) : json(nullptr);
}

std::vector<std::string> splitComma(const std::string& text)
{
    std::vector<std::string> parts;
    std::stringstream stream(text);
    std::string part;
    while (std::getline(stream, part, ','))
        parts.push_back(part);
    return parts;
}

const char* kAccepted = "use socofing:DIR, pairs:CLEAN_DIR,DAMAGED_DIR[,MASK_DIR] or synthetic";

}  // namespace

EvaluationSource parseEvaluationSource(const std::string& text)
{
    EvaluationSource source;
    if (text == "synthetic") {
        source.kind = EvaluationSourceKind::Synthetic;
        return source;
    }
    const auto colon = text.find(':');
    const std::string scheme = text.substr(0, colon);
    const std::string rest = colon == std::string::npos ? std::string() : text.substr(colon + 1);
    if (scheme == "socofing" && !rest.empty()) {
        source.kind = EvaluationSourceKind::Socofing;
        source.clean = rest;
        return source;
    }
    if (scheme == "pairs") {
        const std::vector<std::string> parts = splitComma(rest);
        if (parts.size() == 2 || parts.size() == 3) {
            source.kind = EvaluationSourceKind::Pairs;
            source.clean = parts[0];
            source.damaged = parts[1];
            if (parts.size() == 3)
                source.masks = parts[2];
            if (!source.clean.empty() && !source.damaged.empty())
                return source;
        }
    }
    throw Error(ErrorKind::InvalidArgument,
                "unknown evaluation data \"" + text + "\"; " + kAccepted);
}

std::string toString(const EvaluationSource& source)
{
    // Appended piece by piece: GCC 12 warns (-Wrestrict, a false positive) on a chain of "+".
    std::string text;
    switch (source.kind) {
    case EvaluationSourceKind::Socofing:
        text = "socofing:";
        text += source.clean.string();
        break;
    case EvaluationSourceKind::Pairs:
        text = "pairs:";
        text += source.clean.string();
        text += ',';
        text += source.damaged.string();
        if (!source.masks.empty()) {
            text += ',';
            text += source.masks.string();
        }
        break;
    case EvaluationSourceKind::Synthetic: text = "synthetic"; break;
    }
    return text;
}

std::string evaluationJson(const EvaluationResult& result, const std::string& headerJson)
{
    json out = json::parse(headerJson.empty() ? "{}" : headerJson);
    out["format"] = "ridgeworks-evaluation";
    out["formatVersion"] = 1;
    out["cases"] = result.cases;
    out["methods"] = result.methods;
    out["seconds"] = result.seconds;
    json aggregates = json::object();
    for (const auto& [method, groups] : result.aggregates)
        for (const auto& [group, metrics] : groups)
            for (const auto& [name, interval] : metrics)
                aggregates[method][group][name] = {{"mean", number(interval.mean)},
                                                   {"low", number(interval.low)},
                                                   {"high", number(interval.high)},
                                                   {"n", interval.n}};
    out["aggregates"] = aggregates;
    json rows = json::array();
    for (const EvaluationRow& row : result.rows) {
        json metrics = json::object();
        for (const auto& [name, value] : row.metrics)
            metrics[name] = number(value);
        rows.push_back({{"case", row.caseId},
                        {"kind", row.kind},
                        {"level", row.level},
                        {"method", row.method},
                        {"metrics", metrics}});
    }
    out["rows"] = rows;
    json skipped = json::array();
    for (const SkippedFile& s : result.skipped)
        skipped.push_back({{"path", s.path}, {"reason", s.reason}});
    out["skipped"] = skipped;
    return out.dump(2) + "\n";
}

std::string evaluationCsv(const EvaluationResult& result)
{
    std::vector<std::string> names = metricNames();
    names.push_back("seconds");
    names.push_back("mask_fraction");
    // Runs on detected masks also say how those masks compare with the true ones.
    const bool detected = std::any_of(result.rows.begin(), result.rows.end(), [](const auto& row) {
        return row.metrics.count("mask_iou") > 0;
    });
    if (detected)
        for (const char* name :
             {"mask_iou", "mask_precision", "mask_recall", "mask_detected_fraction"})
            names.emplace_back(name);
    std::ostringstream csv;
    csv.precision(10);
    csv << "case,kind,level,method";
    for (const std::string& name : names)
        csv << ',' << name;
    csv << '\n';
    for (const EvaluationRow& row : result.rows) {
        csv << '"' << row.caseId << "\"," << row.kind << ',' << row.level << ',' << row.method;
        for (const std::string& name : names) {
            const auto it = row.metrics.find(name);
            csv << ',';
            if (it != row.metrics.end() && std::isfinite(it->second))
                csv << it->second;
        }
        csv << '\n';
    }
    return csv.str();
}

}  // namespace rw
