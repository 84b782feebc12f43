# Sources of ridgeworks_inference (paths relative to core/): runs trained models on prints.
# Torch-free itself; it reaches the networks through rw::Model (ridgeworks_ml).
set(RIDGEWORKS_INFERENCE_SOURCES
  src/reconstruct/ReconstructionNames.cpp
  src/reconstruct/NetworkPasses.cpp
  src/reconstruct/TileGrid.cpp
  src/reconstruct/TiledInference.cpp
  src/reconstruct/SelectiveBlend.cpp
  src/reconstruct/RidgeRegrowth.cpp
  src/reconstruct/BlendedBaseline.cpp
  src/reconstruct/NetworkGeometry.cpp
  src/reconstruct/Confidence.cpp
  src/reconstruct/RidgeReach.cpp
  src/reconstruct/RimAgreement.cpp
  src/reconstruct/PatchTurn.cpp
  src/reconstruct/ZCutOutline.cpp
  src/reconstruct/FlapSlide.cpp
  src/reconstruct/FlapSwap.cpp
  src/reconstruct/DamageMask.cpp
  src/reconstruct/Reconstruction.cpp
  src/reconstruct/ClassicalReconstruction.cpp
  src/reconstruct/BatchReconstruction.cpp
  src/reconstruct/EvaluationCases.cpp
  src/reconstruct/EvaluationMontage.cpp
  src/reconstruct/Evaluation.cpp
  src/reconstruct/EvaluationReport.cpp
  src/reconstruct/ReconstructionBench.cpp
)
