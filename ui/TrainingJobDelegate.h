#pragma once
// Draws a row of the training job list: the job's name, a progress bar, and one status line
// (state, epoch, images/s, ETA — or why it failed).
#include <QStyledItemDelegate>

namespace rw {

class TrainingJobDelegate : public QStyledItemDelegate {
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

}  // namespace rw
