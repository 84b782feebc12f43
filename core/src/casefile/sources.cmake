# Sources of core/casefile (case folders, manifest, audit log), added to ridgeworks_core.
# No libtorch.
set(RIDGEWORKS_CASEFILE_SOURCES
  src/casefile/AuditLog.cpp
  src/casefile/Case.cpp
  src/casefile/CaseManifest.cpp
)
