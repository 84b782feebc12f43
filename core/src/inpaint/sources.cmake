# Sources of core/inpaint (classical ridge continuation), added to ridgeworks_core. No libtorch.
set(RIDGEWORKS_INPAINT_SOURCES
  src/inpaint/FieldInterpolation.cpp
  src/inpaint/HoleFill.cpp
  src/inpaint/OrientationFill.cpp
  src/inpaint/OrientedFilterPass.cpp
  src/inpaint/RidgeContinuation.cpp
  src/inpaint/RidgeSettling.cpp
  src/inpaint/SmoothFill.cpp
)
