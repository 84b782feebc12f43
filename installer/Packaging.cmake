# Installers through CPack. In the build tree:
#   cpack -G DEB    ridgeworks_VERSION_ARCH.deb (Debian 12; dependencies from dpkg-shlibdeps)
#   cpack -G TGZ    ridgeworks-VERSION-Linux.tar.gz (the same tree, relocatable)
# Windows (NSIS, WiX) and macOS (DragNDrop) generators are configured below for builds on
# those systems; they cannot be built or tested on this project's Debian machines
# (docs/packaging.md says what a port still needs).

set(RIDGEWORKS_PACKAGE_CONTACT
  "Ridgeworks maintainers <maintainers@users.noreply.r-seed-79a003a5.example>"
  CACHE STRING "Maintainer of the packages (name <address>); a lab repackaging sets its own")

# Debian wants the copyright and changelog under /usr/share/doc/<package>, the changelog
# compressed without a timestamp.
set(ridgeworks_doc_dir ${CMAKE_INSTALL_DATADIR}/doc/ridgeworks)
set(ridgeworks_changelog_gz ${CMAKE_CURRENT_BINARY_DIR}/installer/changelog.gz)
add_custom_command(
  OUTPUT ${ridgeworks_changelog_gz}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/installer
  COMMAND ${RIDGEWORKS_GZIP} -9n < ${CMAKE_CURRENT_SOURCE_DIR}/installer/changelog
          > ${ridgeworks_changelog_gz}
  DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/installer/changelog
  COMMENT "Compressing the package changelog")
add_custom_target(ridgeworks_package_changelog ALL DEPENDS ${ridgeworks_changelog_gz})
install(FILES installer/copyright ${ridgeworks_changelog_gz} DESTINATION ${ridgeworks_doc_dir})

# WiX wants the licence as .txt or .rtf.
configure_file(installer/copyright ${CMAKE_CURRENT_BINARY_DIR}/installer/LICENSE.txt COPYONLY)

set(CPACK_PACKAGE_NAME ridgeworks)
set(CPACK_PACKAGE_VENDOR "Ridgeworks developers")
set(CPACK_PACKAGE_CONTACT "${RIDGEWORKS_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "forensic workbench for fingerprint reconstruction")
# Lines under 80 columns (Debian policy 3.4.1).
set(CPACK_PACKAGE_DESCRIPTION
  "Ridgeworks lets a fingerprint examiner load damaged prints, mark the damaged
area or have a detection network find it, and reconstruct only that area with
a convolutional inpainting network, leaving every other pixel as it was.
Reconstructions are shown next to the originals with every estimated pixel
marked, and measured against the clean print and classical inpainting. Case
folders keep read-only evidence, a hash-chained audit log, replayable
processing steps and PDF reports.
.
The package holds the Qt workbench (ridgeworks), the command-line tool
(ridgeworks-cli) and the trained seed-autoencoder, unet-inpaint and
damage-detector models.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Ridgeworks")
set(CPACK_PACKAGE_EXECUTABLES "ridgeworks;Ridgeworks")
set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_CURRENT_BINARY_DIR}/installer/LICENSE.txt)
set(CPACK_STRIP_FILES ON)
# Debian policy: directories 0755 whatever the builder's umask.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

if(UNIX AND NOT APPLE)
  set(CPACK_GENERATOR "DEB;TGZ")
  # The .deb installs under /usr (the DEB generator's default prefix); the tarball has bin/, share/.
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
  set(CPACK_DEBIAN_PACKAGE_SECTION science)
  set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
  # Dependencies come from the shared libraries the programs link (dpkg-shlibdeps), not
  # from a hand-kept list. Fonts are only recommended: Qt draws text without them, badly.
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-dejavu-core")
  set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
  # The tarball unpacks to ridgeworks-VERSION-Linux/{bin,share}; it runs from anywhere, on
  # a machine that has the runtime libraries (docs/packaging.md).
elseif(WIN32)
  set(CPACK_GENERATOR "NSIS;WIX")
  set(CPACK_NSIS_DISPLAY_NAME "Ridgeworks ${PROJECT_VERSION}")
  set(CPACK_NSIS_PACKAGE_NAME "Ridgeworks")
  set(CPACK_NSIS_MODIFY_PATH ON)  # offers to put ridgeworks-cli on PATH
  set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
  # Fixed forever: Windows upgrades an installed Ridgeworks in place only with the same code.
  set(CPACK_WIX_UPGRADE_GUID "feea9b59-8d57-4bd1-82a8-024f27c48ce6")
  set(CPACK_WIX_PROGRAM_MENU_FOLDER "Ridgeworks")
elseif(APPLE)
  set(CPACK_GENERATOR "DragNDrop")
  set(CPACK_DMG_VOLUME_NAME "Ridgeworks ${PROJECT_VERSION}")
  set(CPACK_DMG_FORMAT "UDBZ")
endif()

include(CPack)
