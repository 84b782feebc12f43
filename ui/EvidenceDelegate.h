#pragma once
// Draws the evidence list with derived items indented under the print they came from, so
// the list reads as a family tree: original, then "↳" each damaged version of it.
#include <QStyledItemDelegate>

namespace rw {

class EvidenceDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static constexpr int kIndent = 22;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
};

}  // namespace rw
