#pragma once
// Renders a case report (core's CaseReportData) to PDF with Qt's PDF writer, or to an HTML
// file with its images beside it. QtGui only, no widgets: the CLI links it too. Needs a
// QGuiApplication (fonts); the CLI starts one on the offscreen platform.
#include "ridgeworks/casework/CaseReport.h"

#include <filesystem>

namespace rw::reporting {

// Both write atomically (a temp file, then rename) and throw rw::Error(WriteFailed) naming
// the file they could not write.
void writeCaseReportPdf(const CaseReportData& report, const std::filesystem::path& pdf);
// Images go to "<name>_files/" next to the HTML file.
void writeCaseReportHtml(const CaseReportData& report, const std::filesystem::path& html);

}  // namespace rw::reporting
