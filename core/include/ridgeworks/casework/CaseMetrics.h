#pragma once
// Metrics inside a case: a reconstruction of a damaged evidence print measured against the
// clean original inside the damage, next to the classical baselines on the same input, and
// recorded as a "metrics" item that a replay can check like any other.
#include "ridgeworks/casefile/Case.h"

#include <string>
#include <vector>

namespace rw {

// One method's figures inside the damage mask, against the clean original.
struct MethodMetrics {
    std::string method;  // the model's name, "telea", "navier-stokes", "identity"
    double psnrInside = 0.0;
    double ssimInside = 0.0;
    double orientationDegInside = 0.0;
    double spuriousMinutiaeInside = 0.0;
};

// The model and Telea, Navier–Stokes and identity for `reconstruction`, when its parent is a
// damage of an evidence print; empty otherwise.
std::vector<MethodMetrics> measureAgainstOriginal(const Case& c, const DerivedItem& reconstruction);

// The rows as the metrics item stores them: JSON, fixed key order and number form.
std::string metricsJson(const std::vector<MethodMetrics>& rows);

// Measures a reconstruction item and records the result as a "metrics" item (metrics.json).
// Throws rw::Error(InvalidArgument) when the item has no clean original in the case.
const DerivedItem& measureInCase(Case& c, const std::string& reconstructionId,
                                 const std::string& examiner);

}  // namespace rw
