// The flat "name -> value" view of PrintMetrics that tables, JSON and CSV share. The names are
// part of the file formats: append new ones, never rename or reorder.
#include "ridgeworks/metrics/PrintMetrics.h"

#include <functional>
#include <utility>

namespace rw {
namespace {

using Getter = std::function<double(const PrintMetrics&)>;

void addQuality(std::vector<std::pair<std::string, Getter>>& table, const std::string& suffix,
                RegionQuality ImageQuality::*region)
{
    table.emplace_back("psnr" + suffix,
                       [=](const PrintMetrics& m) { return (m.quality.*region).psnr; });
    table.emplace_back("ssim" + suffix,
                       [=](const PrintMetrics& m) { return (m.quality.*region).ssim; });
    table.emplace_back("mae" + suffix,
                       [=](const PrintMetrics& m) { return (m.quality.*region).mae; });
}

void addRidges(std::vector<std::pair<std::string, Getter>>& table, const std::string& suffix,
               RidgeStructureError PrintMetrics::*ridges)
{
    table.emplace_back("orientation_deg" + suffix,
                       [=](const PrintMetrics& m) { return (m.*ridges).orientationDeg; });
    table.emplace_back("frequency_pct" + suffix,
                       [=](const PrintMetrics& m) { return (m.*ridges).frequencyPercent; });
}

void addMinutiae(std::vector<std::pair<std::string, Getter>>& table, const std::string& suffix,
                 MinutiaeAgreement PrintMetrics::*agreement)
{
    const auto count = [=](std::size_t MinutiaeAgreement::*field) {
        return [=](const PrintMetrics& m) { return double((m.*agreement).*field); };
    };
    const auto rate = [=](double MinutiaeAgreement::*field) {
        return [=](const PrintMetrics& m) { return (m.*agreement).*field; };
    };
    table.emplace_back("minutiae_precision" + suffix, rate(&MinutiaeAgreement::precision));
    table.emplace_back("minutiae_recall" + suffix, rate(&MinutiaeAgreement::recall));
    table.emplace_back("minutiae_f1" + suffix, rate(&MinutiaeAgreement::f1));
    table.emplace_back("spurious_minutiae" + suffix, count(&MinutiaeAgreement::spurious));
    table.emplace_back("missed_minutiae" + suffix, count(&MinutiaeAgreement::missed));
    table.emplace_back("matched_minutiae" + suffix, count(&MinutiaeAgreement::matched));
    table.emplace_back("reference_minutiae" + suffix, count(&MinutiaeAgreement::reference));
    table.emplace_back("candidate_minutiae" + suffix, count(&MinutiaeAgreement::candidate));
}

const std::vector<std::pair<std::string, Getter>>& metricTable()
{
    static const std::vector<std::pair<std::string, Getter>> table = [] {
        std::vector<std::pair<std::string, Getter>> t;
        addQuality(t, "", &ImageQuality::whole);
        addQuality(t, "_inside", &ImageQuality::inside);
        addQuality(t, "_outside", &ImageQuality::outside);
        addRidges(t, "", &PrintMetrics::ridgesWhole);
        addRidges(t, "_inside", &PrintMetrics::ridgesInside);
        addMinutiae(t, "", &PrintMetrics::minutiaeWhole);
        addMinutiae(t, "_inside", &PrintMetrics::minutiaeInside);
        return t;
    }();
    return table;
}

}  // namespace

std::map<std::string, double> flatten(const PrintMetrics& metrics)
{
    std::map<std::string, double> values;
    for (const auto& [name, get] : metricTable())
        values.emplace(name, get(metrics));
    return values;
}

std::vector<std::string> metricNames()
{
    std::vector<std::string> names;
    for (const auto& entry : metricTable())
        names.push_back(entry.first);
    return names;
}

}  // namespace rw
