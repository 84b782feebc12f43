#include "TrainingReporter.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace rw::cli {
namespace {

std::string clock(double seconds)
{
    const long s = static_cast<long>(seconds + 0.5);
    char text[32];
    if (s >= 3600)
        std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    else
        std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
    return text;
}

const char* phaseName(TrainingProgress::Phase phase)
{
    switch (phase) {
    case TrainingProgress::Phase::Preparing: return "preparing";
    case TrainingProgress::Phase::Batch: return "batch";
    case TrainingProgress::Phase::Epoch: return "epoch";
    }
    return "?";
}

}  // namespace

TrainingReporter::TrainingReporter(bool jsonLines)
    : m_json(jsonLines)
    , m_interactive(::isatty(STDERR_FILENO) == 1)
{
}

TrainingSink TrainingReporter::asSink()
{
    return [this](const TrainingProgress& p) { onProgress(p); };
}

void TrainingReporter::printJson(const TrainingProgress& p)
{
    nlohmann::json line{{"event", phaseName(p.phase)}, {"message", p.message}};
    if (p.phase != TrainingProgress::Phase::Preparing) {
        line["epoch"] = p.epoch;
        line["epochs"] = p.epochs;
        line["batch"] = p.batch;
        line["batches"] = p.batches;
        line["loss"] = p.loss;
        line["imagesPerSecond"] = p.imagesPerSecond;
        line["etaSeconds"] = p.etaSeconds;
    }
    if (p.epochMetrics) {
        const EpochMetrics& m = *p.epochMetrics;
        line["trainLoss"] = m.trainLoss;
        line["validationLoss"] = m.validationLoss;
        line["validationPsnr"] = m.validationPsnr;
        line["validationSsim"] = m.validationSsim;
        line["validationIou"] = m.validationIou;
        line["best"] = p.improved;
    }
    std::cout << line.dump() << '\n' << std::flush;
}

void TrainingReporter::onProgress(const TrainingProgress& p)
{
    if (m_json) {
        printJson(p);
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (p.phase == TrainingProgress::Phase::Epoch) {
        const EpochMetrics& m = *p.epochMetrics;
        if (m_lineOpen)
            std::fputc('\n', stderr);
        m_lineOpen = false;
        std::fprintf(
            stderr,
            "epoch %d/%d: train loss %.4f  validation loss %.4f  PSNR %.2f dB  SSIM "
            "%.3f%s  %.1f img/s  %s%s\n",
            p.epoch, p.epochs, m.trainLoss, m.validationLoss, m.validationPsnr, m.validationSsim,
            m.validationIou > 0 ? ("  IoU " + std::to_string(m.validationIou)).c_str() : "",
            m.imagesPerSecond, clock(m.seconds).c_str(), p.improved ? "  (best)" : "");
        return;
    }
    if (!m_interactive)
        return;  // logs get one line per epoch
    if (now - m_lastDraw < std::chrono::milliseconds(100) && p.batch != p.batches)
        return;
    m_lastDraw = now;
    if (p.phase == TrainingProgress::Phase::Preparing) {
        std::fprintf(stderr, "\r%-79.79s", p.message.c_str());
    } else {
        constexpr int width = 24;
        const int filled = p.batches ? static_cast<int>(width * p.batch / p.batches) : 0;
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.resize(width, '.');
        std::fprintf(stderr, "\repoch %d/%d [%s] %zu/%zu  loss %.4f  %.1f img/s  ETA %s   ",
                     p.epoch, p.epochs, bar.c_str(), p.batch, p.batches, p.loss, p.imagesPerSecond,
                     clock(p.etaSeconds).c_str());
    }
    std::fflush(stderr);
    m_lineOpen = true;
}

}  // namespace rw::cli
