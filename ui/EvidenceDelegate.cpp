#include "EvidenceDelegate.h"

#include "EvidenceModel.h"

namespace rw {

void EvidenceDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const
{
    if (index.data(EvidenceModel::ParentKeyRole).toString().isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem indented(option);
    indented.rect.adjust(kIndent, 0, 0, 0);
    QStyledItemDelegate::paint(painter, indented, index);
}

}  // namespace rw
