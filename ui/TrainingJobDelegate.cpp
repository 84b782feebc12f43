#include "TrainingJobDelegate.h"

#include "TrainingJob.h"
#include "TrainingQueue.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionProgressBar>

#include <algorithm>
#include <cmath>

namespace rw {

namespace {

constexpr int kMargin = 4;
constexpr int kBarHeight = 12;

QColor stateColor(TrainingJob::State state, const QPalette& palette)
{
    switch (state) {
    case TrainingJob::State::Failed: return QColor(0xb0, 0x28, 0x28);
    case TrainingJob::State::Finished: return QColor(0x2a, 0x7a, 0x3a);
    case TrainingJob::State::Cancelled: return QColor(0x80, 0x80, 0x80);
    default: return palette.color(QPalette::Text);
    }
}

}  // namespace

void TrainingJobDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                const QModelIndex& index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    QStyle* style = option.widget ? option.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, option.widget);

    const auto state =
        static_cast<TrainingJob::State>(index.data(TrainingQueue::StateRole).toInt());
    const bool selected = option.state & QStyle::State_Selected;
    const QRect area = option.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QFontMetrics metrics(option.font);
    const int line = metrics.height();

    painter->save();
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const QRect titleRect(area.left(), area.top(), area.width(), line);
    painter->drawText(
        titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(bold).elidedText(index.data().toString(), Qt::ElideRight, area.width()));

    QStyleOptionProgressBar bar;
    bar.rect = QRect(area.left(), titleRect.bottom() + 3, area.width(), kBarHeight);
    bar.minimum = 0;
    bar.maximum = 1000;
    const double fraction = index.data(TrainingQueue::FractionRole).toDouble();
    bar.progress = state == TrainingJob::State::Preparing
                       ? 0
                       : static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * 1000));
    bar.textVisible = false;
    bar.state = QStyle::State_Enabled | QStyle::State_Horizontal;
    bar.palette = option.palette;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, option.widget);

    painter->setFont(option.font);
    painter->setPen(selected ? option.palette.color(QPalette::HighlightedText)
                             : stateColor(state, option.palette));
    const QRect statusRect(area.left(), bar.rect.bottom() + 3, area.width(), line);
    painter->drawText(statusRect, Qt::AlignLeft | Qt::AlignVCenter,
                      metrics.elidedText(index.data(TrainingQueue::StatusRole).toString(),
                                         Qt::ElideRight, area.width()));
    painter->restore();
}

QSize TrainingJobDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    const int line = QFontMetrics(option.font).height();
    return {200, 2 * kMargin + 2 * line + kBarHeight + 6};
}

}  // namespace rw
