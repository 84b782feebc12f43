#pragma once
// Metrics inside a case: a reconstruction of a damaged evidence print measured against the
// clean original inside the damage, next to the classical baselines on the same input, and
// recorded as a "metrics" item that a replay can check like any other.
#include "ridgeworks/casefile/Case.h"

#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace rw {

// One method's figures inside the damage mask, against the clean original.
struct MethodMetrics {
    std::string method;  // the model's name or a baseline's ("telea", "identity", ...)
    double psnrInside = 0.0;
    double ssimInside = 0.0;
    double orientationDegInside = 0.0;
    double spuriousMinutiaeInside = 0.0;
};

// How the baselines fill the damaged print they are compared on.
enum class BaselineFill {
    // As the reconstruction filled it: the mask it filled (the damage's, a drawn one or the
    // detector's) with its feather, as `eval` and the Metrics dock compare, so the methods
    // differ only in their fill; every classical baseline, the ridge continuation included.
    // Metrics items record it (parameter "baselineFill") since 0.9.0.
    AsReconstruction,
    // Telea, Navier–Stokes and identity over the damage mask itself, unblended: how metrics
    // items recorded before 0.9.0 were measured, kept so that they still replay. It gives a
    // baseline the true damage mask even where the model had only a detected one.
    DamageMaskUnblended,
};

// The model and the baselines for `reconstruction`, when its parent is a damage of an
// evidence print; empty otherwise. Figures are inside the damage mask whatever was filled.
std::vector<MethodMetrics>
measureAgainstOriginal(const Case& c, const DerivedItem& reconstruction,
                       BaselineFill fill = BaselineFill::AsReconstruction);

// The clean original of `reconstruction` — the evidence print its parent damage was made from —
// or an empty Mat when its parent is not such a damage (real evidence has none).
cv::Mat cleanOriginalOf(const Case& c, const DerivedItem& reconstruction);

// How a recorded metrics item's baselines filled: AsReconstruction when it says so, else
// DamageMaskUnblended (the items recorded before 0.9.0). Throws rw::Error(WrongFormat) on a
// rule this version does not know.
BaselineFill baselineFillOf(const DerivedItem& metricsItem);

// The rows as the metrics item stores them: JSON, fixed key order and number form.
std::string metricsJson(const std::vector<MethodMetrics>& rows);

// Measures a reconstruction item and records the result as a "metrics" item (metrics.json).
// Throws rw::Error(InvalidArgument) when the item has no clean original in the case.
const DerivedItem& measureInCase(Case& c, const std::string& reconstructionId,
                                 const std::string& examiner);

}  // namespace rw
