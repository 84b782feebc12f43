#!/usr/bin/env bash
# The man page must not drift from the program: every subcommand and every long option that
# `ridgeworks-cli ... --help` offers is described in resources/man/ridgeworks-cli.1, and both
# pages format without groff warnings.
#   check-man-pages.sh RIDGEWORKS_CLI MAN_DIR
set -euo pipefail
cli=${1:?usage: check-man-pages.sh RIDGEWORKS_CLI MAN_DIR}
man_dir=${2:?usage: check-man-pages.sh RIDGEWORKS_CLI MAN_DIR}
page="$man_dir/ridgeworks-cli.1"
[ -f "$page" ] || { echo "no man page at $page" >&2; exit 1; }

# The page's text with troff escapes removed: \- is -, \fB..\fR are font changes.
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\&//g' "$page")
missing=0
need() {  # need WHAT PATTERN
  if ! grep -Eq -- "$2" <<<"$text"; then
    echo "ridgeworks-cli.1 does not describe $1" >&2
    missing=1
  fi
}
subcommands_of() { "$cli" "$@" --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && /^  [a-z]/ {print $1}'; }
long_options_of() {
  "$cli" "$@" --help | sed -n '/^Options:/,/^Subcommands:/p' | grep -oE -- '--[a-z][a-z0-9-]*' |
    grep -vx -- '--help' | sort -u
}

for sub in $(subcommands_of); do
  need "the subcommand '$sub'" "^\.SS $sub( |$)"
  for opt in $(long_options_of "$sub"); do
    need "'$sub $opt'" "(^|[^a-z-])$opt([^a-z-]|$)"
  done
  for nested in $(subcommands_of "$sub"); do
    need "'$sub $nested'" "$sub $nested( |$)"
    for opt in $(long_options_of "$sub" "$nested"); do
      need "'$sub $nested $opt'" "(^|[^a-z-])$opt([^a-z-]|$)"
    done
  done
done

if command -v groff >/dev/null 2>&1; then
  for p in "$man_dir"/*.1; do
    warnings=$(groff -man -ww -z "$p" 2>&1)
    if [ -n "$warnings" ]; then echo "$p: $warnings" >&2; missing=1; fi
  done
fi
[ "$missing" -eq 0 ] && echo "man pages describe every subcommand and option"
exit "$missing"
