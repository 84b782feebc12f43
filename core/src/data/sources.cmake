# Sources of core/data, added to ridgeworks_core (paths relative to core/).
set(RIDGEWORKS_DATA_SOURCES
  src/data/SocofingName.cpp
  src/data/SocofingScan.cpp
  src/data/DataSource.cpp
  src/data/SubjectSplit.cpp
  src/data/TrainingData.cpp
  src/data/BatchLoader.cpp
  src/data/Parallel.cpp
  src/data/PrintCache.cpp
  src/data/Examples.cpp
  src/data/Appearance.cpp
  src/data/FileData.cpp
  src/data/SyntheticData.cpp
  src/data/AlteredPairMask.cpp
)
