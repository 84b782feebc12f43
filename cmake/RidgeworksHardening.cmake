# Hardening as Debian builds its own packages (dpkg-buildflags): the workbench opens files
# from outside the lab, so buffer overflows in libc calls are caught (_FORTIFY_SOURCE) and
# the relocation tables are read-only after start (RELRO with immediate binding).
# Global on purpose: every object in the programs should get it. lintian checks the result.
add_compile_definitions($<$<CONFIG:Release,RelWithDebInfo,MinSizeRel>:_FORTIFY_SOURCE=2>)
add_link_options(LINKER:-z,relro LINKER:-z,now)
