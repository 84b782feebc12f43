#!/usr/bin/env bash
# Ridgeworks set-up on Debian 12: install what is missing, build, then run or test.
#
#   installer/setup.sh run     install + build + start the workbench on demo prints
#   installer/setup.sh test    install + build + run the whole test suite
#   installer/setup.sh deps    only install the missing Debian packages
#   installer/setup.sh build   install + build
#
# Idempotent: packages already present are not touched; a second build only recompiles
# what changed (ccache keeps rebuilds cheap). Set RIDGEWORKS_BUILD_DIR to build elsewhere.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
build_dir=${RIDGEWORKS_BUILD_DIR:-$root/build/release}
jobs=$(nproc 2>/dev/null || echo 2)

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "setup: installing packages needs root; run as root or install sudo" >&2
    exit 1
  fi
}

missing_packages() {
  local pkg
  grep -vE '^\s*(#|$)' "$here/debian-packages.txt" | while read -r pkg; do
    if [ "$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null)" != "install ok installed" ]; then
      echo "$pkg"
    fi
  done
}

install_deps() {
  local missing
  missing=$(missing_packages | tr '\n' ' ')
  if [ -z "${missing// /}" ]; then
    say "all Debian packages present"
    return
  fi
  say "installing: $missing"
  as_root apt-get update -qq
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

build() {
  local extra=()
  # CI builds with warnings as errors; a newcomer's build should not stop on a new warning.
  if [ "${CI:-}" = "true" ]; then extra+=(-DRIDGEWORKS_WARNINGS_AS_ERRORS=ON); fi
  say "configuring in $build_dir"
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "${extra[@]}" >/dev/null
  say "building with $jobs jobs"
  local start=$SECONDS
  cmake --build "$build_dir" -j "$jobs"
  say "built in $((SECONDS - start)) s"
}

run_tests() {
  say "running the test suite"
  local start=$SECONDS
  QT_QPA_PLATFORM=offscreen ctest --test-dir "$build_dir" --output-on-failure -j "$jobs"
  say "tests took $((SECONDS - start)) s"
}

run_workbench() {
  local app="$build_dir/app/gui/ridgeworks"
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    cat >&2 <<MSG
setup: built, but this machine has no display to show the workbench on.
  On a desktop, run:        $app --demo
  Headless, for a look:     xvfb-run -a $app --demo
MSG
    exit 2
  fi
  say "starting the workbench with demo prints"
  exec "$app" --demo
}

case "${1:-}" in
  deps) install_deps ;;
  build) install_deps; build ;;
  test) install_deps; build; run_tests ;;
  run) install_deps; build; run_workbench ;;
  *) sed -n '2,12p' "$0" >&2; exit 64 ;;
esac
