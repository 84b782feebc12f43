#!/bin/sh
# Regenerates docs/images/damage-*.png with ridgeworks-cli: one synthetic print, damaged once
# per kind at the medium level, the damaged image and its mask side by side in the docs.
#   docs/images/make-damage-images.sh [path/to/ridgeworks-cli]
# Deterministic: the same CLI gives the same bytes.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
cli=${1:-$here/../../build/release/app/cli/ridgeworks-cli}
[ -x "$cli" ] || { echo "ridgeworks-cli not found at $cli (pass its path)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$cli" synth --count 1 --size 256 --seed 14 --class right-loop --out "$work/in" >/dev/null
print="$work/in/synth-right-loop-seed14.png"
cp "$print" "$here/damage-original.png"

# Every kind at medium, seed 3.
for kind in obliteration rotation zcut zplasty blur contrast elastic scratch occlusion background; do
    "$cli" damage --in "$print" --kind "$kind" --level medium --seed 3 --out "$work/out" >/dev/null
    cp "$work/out/synth-right-loop-seed14_$kind.png" "$here/damage-$kind.png"
    cp "$work/out/synth-right-loop-seed14_${kind}_mask.png" "$here/damage-$kind-mask.png"
done

# The examiner's mask: a stand-in drawn by the CLI itself (the mask of a hard scratch run,
# as if the examiner had traced scratches), then blanked with --kind mask.
"$cli" damage --in "$print" --kind scratch --level hard --seed 11 --out "$work/drawn" >/dev/null
"$cli" damage --in "$print" --kind mask --mask "$work/drawn/synth-right-loop-seed14_scratch_mask.png" \
    --out "$work/out" >/dev/null
cp "$work/out/synth-right-loop-seed14_mask.png" "$here/damage-mask.png"
cp "$work/out/synth-right-loop-seed14_mask_mask.png" "$here/damage-mask-mask.png"

# The SOCOFing-style alterations at every level, for the levels figure.
for kind in obliteration rotation zcut zplasty; do
    for level in easy hard; do
        "$cli" damage --in "$print" --kind "$kind" --level "$level" --seed 3 --out "$work/$level" >/dev/null
        cp "$work/$level/synth-right-loop-seed14_$kind.png" "$here/damage-$kind-$level.png"
    done
done
echo "wrote $(ls "$here"/damage-*.png | wc -l) pictures to $here"
