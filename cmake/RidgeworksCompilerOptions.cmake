# One place for warning flags; applied per target (no global flags).
function(ridgeworks_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic)
  if(RIDGEWORKS_WARNINGS_AS_ERRORS)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# Qt house habits (ARCHITECTURE.md): no keywords (libtorch's `slots` clash),
# no implicit ASCII casts, QStringBuilder for concatenation.
function(ridgeworks_qt_habits target)
  target_compile_definitions(${target} PRIVATE
    QT_NO_KEYWORDS QT_NO_CAST_FROM_ASCII QT_USE_QSTRINGBUILDER)
endfunction()
