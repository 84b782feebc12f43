#include "AppIcon.h"

#include <QString>

// Resources compiled into a static library are dropped by the linker unless something
// references their initialiser; Q_INIT_RESOURCE must be called outside any namespace.
static void initRidgeworksResources()
{
    Q_INIT_RESOURCE(ridgeworks);
}

namespace rw {

QIcon applicationIcon()
{
    static const QIcon icon = [] {
        initRidgeworksResources();
        QIcon result;
        // PNG renders of resources/icons/ridgeworks.svg: this Qt has no SVG module.
        for (int size : {16, 32, 48, 64, 128, 256})
            result.addFile(QStringLiteral(":/ridgeworks/icons/ridgeworks-") +
                               QString::number(size) + QStringLiteral(".png"),
                           QSize(size, size));
        return result;
    }();
    return icon;
}

}  // namespace rw
