# Finds the few OpenCV modules Ridgeworks uses (core, imgproc, imgcodecs, photo).
#
# Debian ships OpenCVConfig.cmake only in the umbrella libopencv-dev package, which drags in
# VTK, GDAL, Qt 5 and ~260 other packages. The per-module -dev packages hold the headers and
# libraries we need, so we look for those directly and fall back to OpenCVConfig when present.
# Defines the imported target RidgeworksOpenCV::OpenCV.
set(_rw_cv_modules core imgproc imgcodecs photo)

find_package(OpenCV 4 QUIET COMPONENTS ${_rw_cv_modules})
if(OpenCV_FOUND)
  add_library(RidgeworksOpenCV::OpenCV INTERFACE IMPORTED)
  target_link_libraries(RidgeworksOpenCV::OpenCV INTERFACE ${OpenCV_LIBS})
  target_include_directories(RidgeworksOpenCV::OpenCV INTERFACE ${OpenCV_INCLUDE_DIRS})
  set(RidgeworksOpenCV_FOUND TRUE)
  return()
endif()

find_path(RidgeworksOpenCV_INCLUDE_DIR opencv2/core.hpp PATH_SUFFIXES opencv4)
set(_rw_cv_libs)
set(_rw_cv_missing)
foreach(m IN LISTS _rw_cv_modules)
  find_library(RidgeworksOpenCV_${m}_LIBRARY opencv_${m})
  if(RidgeworksOpenCV_${m}_LIBRARY)
    list(APPEND _rw_cv_libs ${RidgeworksOpenCV_${m}_LIBRARY})
  else()
    list(APPEND _rw_cv_missing ${m})
  endif()
endforeach()

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(RidgeworksOpenCV
  REQUIRED_VARS RidgeworksOpenCV_INCLUDE_DIR _rw_cv_libs
  REASON_FAILURE_MESSAGE "missing OpenCV modules: ${_rw_cv_missing} (run installer/setup.sh)")

if(RidgeworksOpenCV_FOUND AND NOT TARGET RidgeworksOpenCV::OpenCV)
  add_library(RidgeworksOpenCV::OpenCV INTERFACE IMPORTED)
  target_include_directories(RidgeworksOpenCV::OpenCV INTERFACE ${RidgeworksOpenCV_INCLUDE_DIR})
  target_link_libraries(RidgeworksOpenCV::OpenCV INTERFACE ${_rw_cv_libs})
endif()
