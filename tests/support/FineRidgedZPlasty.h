#pragma once
// A medium Z-plasty on a small synthetic print at 190 ppi (ridges about 3.2 px apart, as on
// SOCOFing's scans): the rim's gray levels barely tell how the flaps were swapped, the ridge
// flow does (the swap is found only with its confirmation). Shared by the reconstruction and
// the batch record tests.
#include "ridgeworks/damage/Damage.h"
#include "ridgeworks/synth/SyntheticPrint.h"

namespace rw::test {

struct FineRidgedZPlasty {
    rw::SyntheticPrint print;  // the clean print, 96×104 px at 190 ppi
    rw::DamagedPrint damaged;  // with its Z-plasty and mask
    double ppi = 190.0;
};

inline FineRidgedZPlasty fineRidgedZPlasty()
{
    FineRidgedZPlasty z;
    rw::SynthOptions synth;
    synth.width = 96;
    synth.height = 104;
    synth.ppi = z.ppi;
    synth.seed = 2;
    z.print = rw::generateSyntheticPrint(synth);
    rw::DamageSpec spec;
    spec.kind = rw::DamageKind::ZPlasty;
    spec.level = rw::DamageLevel::Medium;
    spec.seed = 5;
    spec.ppi = z.ppi;
    z.damaged = rw::applyDamage(z.print.image, z.print.foreground, spec);
    return z;
}

}  // namespace rw::test
