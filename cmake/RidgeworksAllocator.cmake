# The allocator our programs run on. Measured on these machines: with glibc malloc every
# large tensor is a fresh mmap/munmap each training step (~40k page faults/s); tcmalloc
# (Debian's gperftools) keeps them pooled and trained plain PyTorch 1.25-1.5x faster.
# RIDGEWORKS_ALLOCATOR=tcmalloc (default when found) or glibc (sanitizer builds: ASan
# replaces malloc itself). With glibc, core raises malloc's mmap/trim thresholds at the
# start of training instead (rw::tuneGlibcMallocForTensors).
set(RIDGEWORKS_ALLOCATOR "tcmalloc" CACHE STRING "Allocator linked into the programs: tcmalloc or glibc")
set_property(CACHE RIDGEWORKS_ALLOCATOR PROPERTY STRINGS tcmalloc glibc)

if(RIDGEWORKS_ALLOCATOR STREQUAL "tcmalloc")
  find_library(RIDGEWORKS_TCMALLOC_LIBRARY NAMES tcmalloc_minimal)
  if(NOT RIDGEWORKS_TCMALLOC_LIBRARY)
    message(WARNING "tcmalloc_minimal not found (Debian: libgoogle-perftools-dev); "
                    "falling back to glibc malloc with raised thresholds")
    set(RIDGEWORKS_ALLOCATOR "glibc" CACHE STRING "" FORCE)
  endif()
endif()

# Links the chosen allocator into an executable. --no-as-needed: nothing calls tcmalloc by
# name, it replaces malloc/free by being loaded.
function(ridgeworks_use_allocator target)
  if(RIDGEWORKS_ALLOCATOR STREQUAL "tcmalloc")
    target_link_libraries(${target} PRIVATE
      -Wl,--push-state,--no-as-needed ${RIDGEWORKS_TCMALLOC_LIBRARY} -Wl,--pop-state)
  endif()
endfunction()
