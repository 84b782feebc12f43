# Sources of core/metrics, added to ridgeworks_core (paths relative to core/). No libtorch.
set(RIDGEWORKS_METRICS_SOURCES
  src/metrics/Baselines.cpp
  src/metrics/ImageQuality.cpp
  src/metrics/LocalRidgePeriod.cpp
  src/metrics/MaskAgreement.cpp
  src/metrics/MeanInterval.cpp
  src/metrics/MetricTable.cpp
  src/metrics/MetricsInput.cpp
  src/metrics/MinutiaeExtraction.cpp
  src/metrics/MinutiaeMatching.cpp
  src/metrics/MinutiaeStanding.cpp
  src/metrics/PrintMetrics.cpp
  src/metrics/RidgeBinarisation.cpp
  src/metrics/RidgeStructure.cpp
  src/metrics/SkeletonTrace.cpp
  src/metrics/Thinning.cpp
)
