# Sources of core/casework (damage and reconstruction inside a case, and their replay),
# added to ridgeworks_inference: it runs models through rw::Model, above core/casefile.
set(RIDGEWORKS_CASEWORK_SOURCES
  src/casework/CaseDamage.cpp
  src/casework/CaseMetrics.cpp
  src/casework/CaseReconstruction.cpp
  src/casework/CaseRecords.cpp
  src/casework/CaseReplay.cpp
  src/casework/CaseReport.cpp
)
