#pragma once
// What a case report says, as data: the case, each item with its hashes and provenance,
// images to show side by side, metrics against the classical baselines where a clean
// original exists, the verification verdicts, and the statement that reconstructed ridge
// detail is an estimate. Rendering (PDF, HTML) is ui/report's job.
#include "ridgeworks/casefile/Case.h"
#include "ridgeworks/casework/CaseMetrics.h"
#include "ridgeworks/casework/CaseReplay.h"
#include "ridgeworks/metrics/MinutiaeStanding.h"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace rw {

struct ReportImage {
    std::string caption;
    std::filesystem::path file;
    std::filesystem::path estimatedPixels;  // a mask of estimated pixels to outline; may be empty
    double ppi = 500.0;                     // for the scale bar
    // Minutiae to mark (positions in the image's pixels): on a reconstruction, those drawn
    // from estimated pixels and, against a clean original, the original's it lost.
    std::vector<MinutiaMark> minutiae;
};

struct ReportItem {
    std::string id;
    std::string heading;                                     // "E1 — evidence", …
    std::vector<std::pair<std::string, std::string>> facts;  // label, value
    std::vector<ReportImage> images;
    std::vector<MethodMetrics> metrics;  // empty when no clean original is known
    std::string verification;            // "verified" or what failed
};

// The card of a model a reconstruction used: what it is, how it was trained, how well it did.
struct ReportModel {
    std::string heading;  // "unet-inpaint (synthetic)"
    std::vector<std::pair<std::string, std::string>> facts;
};

struct CaseReportData {
    std::string title;
    std::string caseId;
    std::string examiner;
    std::string createdAt;
    std::string generatedAt;
    std::string software;
    std::vector<std::string> problems;  // case-level verification failures
    std::vector<ReportItem> items;
    std::vector<ReportModel> models;  // every model and detector used, once
    std::string statement;            // reconstructed detail is an estimate, not evidence
};

// `replay`: verdicts of replayDerivedItems, shown per item (may be empty: not re-run).
CaseReportData buildCaseReport(const Case& c, const std::vector<ReplayVerdict>& replay);

}  // namespace rw
