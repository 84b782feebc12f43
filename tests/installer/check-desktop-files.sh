#!/usr/bin/env bash
# The desktop integration as a lab's desktop reads it: the desktop entry passes
# desktop-file-validate, the AppStream metainfo (as configured for this version) passes
# `appstreamcli validate`, and the MIME type compiles and claims case folders' manifests.
#   check-desktop-files.sh SOURCE_DIR BUILD_DIR
# Exit 77 (skipped) when the validators are not installed.
set -euo pipefail
src=${1:?usage: check-desktop-files.sh SOURCE_DIR BUILD_DIR}
build=${2:?usage: check-desktop-files.sh SOURCE_DIR BUILD_DIR}
id=org.ridgeworks.Ridgeworks
for tool in desktop-file-validate appstreamcli update-mime-database; do
  command -v "$tool" >/dev/null 2>&1 || { echo "skipped: $tool is not installed"; exit 77; }
done

desktop-file-validate "$src/resources/desktop/$id.desktop"
# --no-net: these machines have no internet; URLs are not fetched.
appstreamcli validate --no-net "$build/resources/$id.metainfo.xml"
grep -q "<release version=\"$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build/CMakeCache.txt")\"" \
  "$build/resources/$id.metainfo.xml" || { echo "the metainfo's release is not this version" >&2; exit 1; }

# The desktop entry's icon and the metainfo's id are the one reverse-DNS id.
grep -qx "Icon=$id" "$src/resources/desktop/$id.desktop" || { echo "Icon is not $id" >&2; exit 1; }
grep -q "^MimeType=.*application/x-ridgeworks-case;" "$src/resources/desktop/$id.desktop" ||
  { echo "the desktop entry does not open case manifests" >&2; exit 1; }

mime=$(mktemp -d)
trap 'rm -rf "$mime"' EXIT
mkdir -p "$mime/packages"
cp "$src/resources/desktop/$id.mime.xml" "$mime/packages/$id.xml"
# (it warns that the temporary folder is not on XDG_DATA_DIRS: true, and beside the point)
update-mime-database "$mime" 2>/dev/null
[ -f "$mime/application/x-ridgeworks-case.xml" ] || { echo "the MIME type did not compile" >&2; exit 1; }
grep -q 'application/x-ridgeworks-case:case.json' "$mime/globs2" ||
  { echo "the MIME database does not map case.json to the case type" >&2; exit 1; }
echo "desktop entry, metainfo and MIME type are valid"
