#include "ridgeworks/casework/CaseDamage.h"
#include "casework/CaseRecords.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/image/ImageLoader.h"
#include "ridgeworks/image/ImageWriter.h"

namespace rw {

const DerivedItem& damageInCase(Case& c, const std::string& itemId, const DamageSpec& spec,
                                const std::string& examiner)
{
    if (spec.kind == DamageKind::Mask)
        throw Error(ErrorKind::InvalidArgument,
                    "an examiner's mask is recorded as a mask item, not as damage", c.folder);
    const Print print = loadPrint(itemImageFile(c, itemId));
    DamageSpec used = spec;
    used.ppi = print.ppi;
    const DamagedPrint damaged = applyDamage(print.pixels, {}, used);

    DerivedItem item;
    item.kind = "damage";
    item.operation = casework::kDamageOperation;
    item.parents = {itemId};
    item.parameters = casework::damageParameters(used, damaged.applied);
    item.examiner = examiner;
    return addDerivedItem(c, item,
                          {{"damaged.png", encodePng(damaged.image, print.ppi)},
                           {"mask.png", encodePng(damaged.mask, print.ppi)}});
}

}  // namespace rw
