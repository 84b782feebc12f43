#!/usr/bin/env bash
# Package test: build the Debian package and the tarball from a built tree, check the .deb
# with lintian (no errors), install it with apt into this machine, use the installed programs
# as a lab would (version, a synth -> damage -> reconstruct round with the installed models,
# the workbench's offscreen start), then remove it and check nothing is left behind.
#
#   installer/package-test.sh BUILD_DIR
#
# Exit 0: passed. 1: failed (the step is named). 77: skipped, with the reason (no packaging
# tools, no root, or a Ridgeworks package already installed that this test must not replace).
# CTest runs it as `package_install` (tests/installer).
set -euo pipefail

build_dir=${1:?usage: installer/package-test.sh BUILD_DIR}
build_dir=$(cd "$build_dir" && pwd)

say() { printf '==> %s\n' "$*"; }
fail() { printf 'package-test: FAILED: %s\n' "$*" >&2; exit 1; }
skip() { printf 'package-test: skipped: %s\n' "$*"; exit 77; }

# --- can this machine run the test? ---------------------------------------------------------
for tool in cpack dpkg-deb dpkg-shlibdeps file lintian apt-get appstreamcli desktop-file-validate; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed (installer/debian-packages.txt lists the packaging tools)"
done
if [ "$(id -u)" -eq 0 ]; then
  as_root() { "$@"; }
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root() { sudo -n "$@"; }
else
  skip "installing a package needs root or password-less sudo"
fi
if dpkg-query -W -f='${Status}' ridgeworks 2>/dev/null | grep -q 'install ok installed'; then
  skip "a ridgeworks package is already installed; this test installs and removes its own"
fi
[ -f "$build_dir/CPackConfig.cmake" ] || fail "$build_dir has no CPackConfig.cmake: configure and build it first"

work=$(mktemp -d "${TMPDIR:-/tmp}/ridgeworks-package-test.XXXXXX")
work=$(cd "$work" && pwd -P)  # the programs report model paths with symlinks resolved
installed=0
cleanup() {
  if [ "$installed" = 1 ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq ridgeworks >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build_dir/CPackConfig.cmake")
[ -n "$version" ] || fail "no CPACK_PACKAGE_VERSION in $build_dir/CPackConfig.cmake"
arch=$(dpkg --print-architecture)

# --- build the packages ---------------------------------------------------------------------
say "building ridgeworks $version (DEB and TGZ)"
(cd "$build_dir" && cpack --config CPackConfig.cmake -G "DEB;TGZ" -B "$work/out") > "$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack could not build the packages"; }
deb="$work/out/ridgeworks_${version}_${arch}.deb"
tgz="$work/out/ridgeworks-${version}-Linux.tar.gz"
[ -f "$deb" ] || fail "cpack did not write $deb"
[ -f "$tgz" ] || fail "cpack did not write $tgz"
say "$(du -h "$deb" | cut -f1) $deb"

# --- what the package holds -----------------------------------------------------------------
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' > "$work/contents"
expect_file() { grep -qx "$1" "$work/contents" || fail "the package lacks $1"; }
for f in /usr/bin/ridgeworks /usr/bin/ridgeworks-cli \
         /usr/share/ridgeworks/models/seed-autoencoder.rwm \
         /usr/share/ridgeworks/models/unet-inpaint.rwm \
         /usr/share/ridgeworks/models/damage-detector.rwm \
         /usr/share/applications/org.ridgeworks.Ridgeworks.desktop \
         /usr/share/metainfo/org.ridgeworks.Ridgeworks.metainfo.xml \
         /usr/share/mime/packages/org.ridgeworks.Ridgeworks.xml \
         /usr/share/icons/hicolor/scalable/apps/org.ridgeworks.Ridgeworks.svg \
         /usr/share/man/man1/ridgeworks-cli.1.gz /usr/share/man/man1/ridgeworks.1.gz \
         /usr/share/doc/ridgeworks/copyright /usr/share/doc/ridgeworks/changelog.gz; do
  expect_file "$f"
done
for size in 16 32 48 64 128 256; do
  expect_file "/usr/share/icons/hicolor/${size}x${size}/apps/org.ridgeworks.Ridgeworks.png"
done
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libtorch libqt6widgets6 libopencv-core; do
  case "$depends" in *"$lib"*) ;; *) fail "Depends does not name $lib (dpkg-shlibdeps): $depends" ;; esac
done
say "Depends (from the linked libraries): $depends"
tar -tzf "$tgz" > "$work/tgz-contents"
grep -q "^ridgeworks-${version}-Linux/bin/ridgeworks-cli$" "$work/tgz-contents" || fail "the tarball lacks bin/ridgeworks-cli"
grep -q "^ridgeworks-${version}-Linux/share/ridgeworks/models/unet-inpaint.rwm$" "$work/tgz-contents" ||
  fail "the tarball lacks share/ridgeworks/models/unet-inpaint.rwm"

# --- the tarball runs where it is unpacked, with its own models -----------------------------
say "the unpacked tarball"
mkdir -p "$work/unpacked" "$work/round"
tar -xzf "$tgz" -C "$work/unpacked"
tgz_cli="$work/unpacked/ridgeworks-${version}-Linux/bin/ridgeworks-cli"
(
  cd "$work/round"
  unset RIDGEWORKS_MODELS_DIR
  "$tgz_cli" synth -n 2 --size 192 --seed 41 -o prints > synth.log 2>&1 || { cat synth.log; exit 1; }
  "$tgz_cli" damage -i prints -k zcut -l medium -o damaged > damage.log 2>&1 || { cat damage.log; exit 1; }
  "$tgz_cli" reconstruct --model unet-inpaint -i damaged -m damaged -o from-tarball > tarball.json 2> tarball.log
) || fail "the unpacked tarball's ridgeworks-cli could not run a synth -> damage -> reconstruct round"
grep -q "\"model\": \"$work/unpacked/ridgeworks-${version}-Linux/share/ridgeworks/models/unet-inpaint.rwm\"" \
  "$work/round/tarball.json" || { cat "$work/round/tarball.json"; fail "the tarball's CLI did not use the tarball's models"; }

# --- lintian: no errors ---------------------------------------------------------------------
say "lintian"
# lintian says "running with root privileges is not recommended"; it only reads the package.
lintian --fail-on error "$deb" > "$work/lintian.log" 2>&1 ||
  { grep -v 'root privileges' "$work/lintian.log" >&2; fail "lintian found errors in $deb"; }
grep -v 'root privileges' "$work/lintian.log" || true

# --- install with apt -----------------------------------------------------------------------
say "apt-get install $deb"
installed=1
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$deb" \
  > "$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt could not install $deb"; }

appstreamcli validate --no-net /usr/share/metainfo/org.ridgeworks.Ridgeworks.metainfo.xml ||
  fail "appstreamcli rejects the installed metainfo"
desktop-file-validate /usr/share/applications/org.ridgeworks.Ridgeworks.desktop ||
  fail "desktop-file-validate rejects the installed desktop entry"
if command -v update-mime-database >/dev/null 2>&1; then
  # shared-mime-info's trigger compiles the MIME database after the install.
  [ -f /usr/share/mime/application/x-ridgeworks-case.xml ] ||
    fail "the case MIME type is not in the MIME database after install"
fi

# --- the installed programs, from a folder that is not the source tree ----------------------
cd "$work"
unset RIDGEWORKS_MODELS_DIR RIDGEWORKS_USER_MODELS_DIR
[ "$(command -v ridgeworks-cli)" = /usr/bin/ridgeworks-cli ] || fail "ridgeworks-cli is not on PATH as /usr/bin/ridgeworks-cli"
got=$(ridgeworks-cli --version) || fail "ridgeworks-cli --version failed"
[ "$got" = "ridgeworks-cli $version" ] || fail "ridgeworks-cli --version said '$got', expected 'ridgeworks-cli $version'"
say "$got"

say "synth -> damage -> reconstruct with the installed models"
ridgeworks-cli synth -n 2 --size 192 --seed 41 -o prints > synth.log 2>&1 || { cat synth.log; fail "synth"; }
ridgeworks-cli damage -i prints -k zcut -l medium -o damaged > damage.log 2>&1 || { cat damage.log; fail "damage"; }
[ "$(find damaged -name '*_mask.png' | wc -l)" -eq 2 ] || fail "damage did not write two masks"
# The installed programs and the tarball's compute the same prints, byte for byte.
for f in prints/*.png damaged/*.png; do
  cmp -s "$f" "$work/round/$f" || fail "$f differs between the installed CLI and the tarball's"
done
ridgeworks-cli reconstruct --model unet-inpaint -i damaged -m damaged -o restored \
  > reconstruct.json 2> reconstruct.log || { cat reconstruct.log; fail "reconstruct"; }
grep -q '"model": "/usr/share/ridgeworks/models/unet-inpaint.rwm"' reconstruct.json ||
  { cat reconstruct.json; fail "reconstruct did not use the installed unet-inpaint model"; }
model_sha=$(sha256sum /usr/share/ridgeworks/models/unet-inpaint.rwm | cut -d' ' -f1)
grep -q "\"modelSha256\": \"$model_sha\"" reconstruct.json || fail "the recorded model hash is not the installed model's"
grep -q '"failed": \[\]' reconstruct.json || { cat reconstruct.json; fail "reconstruct failed on some prints"; }
[ "$(find restored -name '*.reconstructed.png' -size +1k | wc -l)" -eq 2 ] || fail "reconstruct did not write two reconstructions"
grep -Eq '[1-9][0-9.]*% of pixels estimated' reconstruct.json || fail "the reconstruction estimated no pixels"
ridgeworks-cli models > models.json || { cat models.json; fail "ridgeworks-cli models"; }
grep -q '"shippedDir": "/usr/share/ridgeworks/models"' models.json || { cat models.json; fail "models did not find /usr/share/ridgeworks/models"; }
[ "$(grep -c '"shipped": true' models.json)" -eq 3 ] || { cat models.json; fail "models did not list the three shipped models"; }
ridgeworks-cli model-card damage-detector > card.json || fail "model-card damage-detector"
grep -q '"architecture": "damage-detector"' card.json || fail "model-card did not read the installed detector"

say "the workbench's offscreen start (15 s with the demo prints)"
mkdir -p home
mkdir -m 700 runtime
status=0
HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" \
  XDG_RUNTIME_DIR="$work/runtime" QT_QPA_PLATFORM=offscreen timeout 15 ridgeworks --demo > gui.log 2>&1 || status=$?
# 124: still running when the timeout stopped it, which is what a started workbench does.
[ "$status" -eq 124 ] || { cat gui.log; fail "ridgeworks --demo exited with $status before 15 s"; }
got=$(XDG_RUNTIME_DIR="$work/runtime" QT_QPA_PLATFORM=offscreen ridgeworks --version) || fail "ridgeworks --version"
case "$got" in *"$version"*) ;; *) fail "ridgeworks --version said '$got'" ;; esac

# --- remove it cleanly ----------------------------------------------------------------------
say "apt-get purge ridgeworks"
as_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq ridgeworks > "$work/remove.log" 2>&1 ||
  { cat "$work/remove.log" >&2; fail "apt could not remove ridgeworks"; }
installed=0
if dpkg-query -W -f='${Status}' ridgeworks 2>/dev/null | grep -q 'install ok installed'; then
  fail "ridgeworks is still installed"
fi
while read -r f; do
  case "$f" in */) continue ;; esac
  if [ -e "$f" ]; then fail "$f is still there after removal"; fi
done < "$work/contents"
if [ -d /usr/share/ridgeworks ]; then fail "/usr/share/ridgeworks is still there after removal"; fi
say "package test passed"
