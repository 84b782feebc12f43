#include "TerminalProgress.h"

#include <cstdio>
#include <unistd.h>

namespace rw::cli {

TerminalProgress::TerminalProgress(std::string label)
    : m_label(std::move(label))
    , m_interactive(::isatty(STDERR_FILENO) == 1)
    , m_start(std::chrono::steady_clock::now())
{
}

TerminalProgress::~TerminalProgress()
{
    finish();
}

ProgressSink TerminalProgress::asSink()
{
    return [this](const ProgressEvent& event) { draw(event); };
}

void TerminalProgress::draw(const ProgressEvent& event)
{
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    const double rate = seconds > 0 ? static_cast<double>(event.step) / seconds : 0.0;
    if (!m_interactive) {
        const std::size_t decile = event.total ? event.step * 10 / event.total : 0;
        if (decile <= m_lastDecile && event.step != event.total)
            return;
        m_lastDecile = decile;
        std::fprintf(stderr, "%s: %zu/%zu (%.1f/s) %s\n", m_label.c_str(), event.step, event.total,
                     rate, event.message.c_str());
        return;
    }
    constexpr int width = 30;
    const int filled = event.total ? static_cast<int>(width * event.step / event.total) : 0;
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(width, '.');
    std::fprintf(stderr, "\r%s [%s] %zu/%zu  %.1f/s  %-40.40s", m_label.c_str(), bar.c_str(),
                 event.step, event.total, rate, event.message.c_str());
    std::fflush(stderr);
}

void TerminalProgress::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_interactive)
        std::fputc('\n', stderr);
}

}  // namespace rw::cli
