# Sources of ridgeworks_ml (paths relative to core/): the only files that include libtorch.
set(RIDGEWORKS_ML_SOURCES
  src/model/Networks.cpp
  src/model/Model.cpp
  src/model/TensorImages.cpp
  src/model/WeightsIo.cpp
  src/model/NetworkGrowth.cpp
  src/model/ComputeSettings.cpp
  src/train/Losses.cpp
  src/train/ResumeState.cpp
  src/train/Trainer.cpp
  src/train/Benchmark.cpp
)
