#pragma once
// The `case` sub-commands that live in their own files.
namespace CLI {
class App;
}

namespace rw::cli {

// `case report`, registered under the `case` command when the report renderer is built.
void addCaseReportCommand(CLI::App& caseCommand, int& exitCode);

}  // namespace rw::cli
