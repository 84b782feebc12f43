#include "ReconstructionView.h"

#include "ComparisonImages.h"
#include "ImageView.h"
#include "MatImage.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QSlider>
#include <QStringList>
#include <QTimer>
#include <QVBoxLayout>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <utility>

namespace rw {

namespace {

const QString kDetailStart = QStringLiteral("<br><span style=\"color:#6b7480\">");
const QString kDetailEnd = QStringLiteral("</span>");
// The heat map's outline: cyan stands out on the black-to-yellow colour map.
const cv::Vec3b kHeatOutlineBgr(0xff, 0xff, 0x00);

QLabel* makeCaption(QWidget* parent, const QString& objectName)
{
    auto* caption = new QLabel(parent);
    caption->setObjectName(objectName);
    caption->setTextFormat(Qt::RichText);
    caption->setWordWrap(true);
    caption->setContentsMargins(6, 4, 6, 4);
    return caption;
}

QPixmap legendPixmap(const cv::Mat& bgr)
{
    return QPixmap::fromImage(colourImage(bgr));
}

cv::Mat confidenceLegend(int width, int height)
{
    cv::Mat legend(height, width, CV_8UC3);
    for (int x = 0; x < width; ++x)
        legend.col(x).setTo(confidenceColour(static_cast<double>(x) / std::max(1, width - 1)));
    return legend;
}

int grayAt(const QImage& image, QPoint pixel)
{
    return image.isNull() || !image.rect().contains(pixel) ? -1 : qGray(image.pixel(pixel));
}

}  // namespace

QString ReconstructionView::modeTitle(Mode mode)
{
    switch (mode) {
    case Mode::SideBySide: return QStringLiteral("Side by Side");
    case Mode::Swipe: return QStringLiteral("Swipe");
    case Mode::Difference: return QStringLiteral("Difference Heat Map");
    case Mode::Overlay: return QStringLiteral("Confidence Overlay");
    case Mode::Minutiae: return QStringLiteral("Minutiae");
    }
    return {};
}

ReconstructionView::ReconstructionView(QWidget* parent)
    : QWidget(parent)
    , m_cleanView(new ImageView(this))
    , m_damagedView(new ImageView(this))
    , m_estimateView(new ImageView(this))
    , m_cleanCaption(makeCaption(this, QStringLiteral("cleanCaption")))
    , m_damagedCaption(makeCaption(this, QStringLiteral("damagedCaption")))
    , m_estimateCaption(makeCaption(this, QStringLiteral("estimateCaption")))
    , m_legend(new QWidget(this))
    , m_legendTitle(new QLabel(m_legend))
    , m_legendBar(new QLabel(m_legend))
    , m_legendLow(new QLabel(m_legend))
    , m_legendHigh(new QLabel(m_legend))
    , m_swipeRow(new QWidget(this))
    , m_swipeSlider(new QSlider(Qt::Horizontal, m_swipeRow))
{
    setObjectName(QStringLiteral("reconstructionView"));
    m_cleanView->setObjectName(QStringLiteral("cleanView"));
    m_damagedView->setObjectName(QStringLiteral("damagedView"));
    m_estimateView->setObjectName(QStringLiteral("estimateView"));
    m_legend->setObjectName(QStringLiteral("comparisonLegend"));
    m_legendBar->setObjectName(QStringLiteral("comparisonLegendBar"));
    m_swipeSlider->setObjectName(QStringLiteral("swipeSlider"));
    m_legendTitle->setObjectName(QStringLiteral("comparisonLegendTitle"));
    m_legendTitle->setTextFormat(Qt::RichText);  // the minutiae legend's coloured swatches

    // Captions in one row, panes in the next: visible panes share one height and (equal
    // stretch) one width, so one zoom and centre show the same pixels in each.
    m_panes = new QGridLayout;
    m_panes->setContentsMargins(0, 0, 0, 0);
    m_panes->setHorizontalSpacing(4);
    m_panes->setVerticalSpacing(0);
    int column = 0;
    for (auto [caption, view] :
         {std::pair{m_cleanCaption, m_cleanView}, std::pair{m_damagedCaption, m_damagedView},
          std::pair{m_estimateCaption, m_estimateView}}) {
        m_panes->addWidget(caption, 0, column);
        m_panes->addWidget(view, 1, column);
        m_panes->setColumnStretch(column, 1);
        ++column;
    }
    m_panes->setRowStretch(1, 1);

    auto* legendLayout = new QHBoxLayout(m_legend);
    legendLayout->setContentsMargins(6, 2, 6, 2);
    legendLayout->addWidget(m_legendTitle);
    legendLayout->addSpacing(8);
    legendLayout->addWidget(m_legendLow);
    legendLayout->addWidget(m_legendBar);
    legendLayout->addWidget(m_legendHigh);
    legendLayout->addStretch(1);

    auto* swipeLayout = new QHBoxLayout(m_swipeRow);
    swipeLayout->setContentsMargins(6, 2, 6, 2);
    auto* swipeLabel = new QLabel(
        QStringLiteral("Divider (or drag it on the pane): estimate at the left, reference at "
                       "the right"),
        m_swipeRow);
    swipeLayout->addWidget(swipeLabel);
    swipeLayout->addWidget(m_swipeSlider, 1);
    m_swipeSlider->setRange(0, 0);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(m_panes, 1);
    layout->addWidget(m_legend);
    layout->addWidget(m_swipeRow);

    for (ImageView* view : {m_cleanView, m_damagedView, m_estimateView}) {
        connect(view, &ImageView::viewChanged, this, [this, view] { syncFrom(view); });
        connect(view, &ImageView::pixelLeft, this, &ReconstructionView::pixelLeft);
    }
    connect(m_cleanView, &ImageView::pixelHovered, this, [this](QPoint pixel) {
        const int gray = grayAt(m_cleanView->image(), pixel);
        if (gray >= 0)
            Q_EMIT pixelHovered(Pane::Clean, pixel, gray);
    });
    connect(m_damagedView, &ImageView::pixelHovered, this, [this](QPoint pixel) {
        const int gray = grayAt(m_damagedView->image(), pixel);
        if (gray >= 0)
            Q_EMIT pixelHovered(Pane::Damaged, pixel, gray);
    });
    connect(m_estimateView, &ImageView::pixelHovered, this, [this](QPoint pixel) {
        // The estimate's own gray value, whatever colours the mode paints over it.
        const cv::Mat& estimate = m_images.estimate;
        if (estimate.empty() || pixel.x() >= estimate.cols || pixel.y() >= estimate.rows)
            return;
        Q_EMIT pixelHovered(Pane::Estimate, pixel, estimate.at<std::uint8_t>(pixel.y(), pixel.x()));
    });
    connect(m_estimateView, &ImageView::dividerDragged, this,
            [this](double x) { setSwipeColumn(static_cast<int>(x + 0.5)); });
    connect(m_swipeSlider, &QSlider::valueChanged, this, &ReconstructionView::setSwipeColumn);
    render();
}

void ReconstructionView::setImages(Images images)
{
    m_images = std::move(images);
    m_marks.reset();
    m_marksUnavailable.clear();
    if (!hasClean())
        m_reference = Reference::Damaged;
    m_swipeColumn = m_images.estimate.cols / 2;
    {
        const QSignalBlocker block(m_swipeSlider);
        m_swipeSlider->setRange(0, m_images.estimate.cols);
        m_swipeSlider->setValue(m_swipeColumn);
    }
    m_syncing = true;  // every pane fits itself; no echo
    m_cleanView->setImage(grayImage(m_images.clean));
    m_damagedView->setImage(grayImage(m_images.damaged));
    m_estimateView->setImage(QImage());
    m_syncing = false;
    render();
    m_estimateView->fitToWindow();
    askForMarksIfNeeded();
}

void ReconstructionView::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    render();
    Q_EMIT modeChanged(mode);
    askForMarksIfNeeded();
}

void ReconstructionView::askForMarksIfNeeded()
{
    if (m_mode == Mode::Minutiae && !m_marks && m_marksUnavailable.isEmpty() &&
        !m_images.estimate.empty() && !m_images.itemKey.isEmpty())
        Q_EMIT minutiaeMarksWanted(m_images.itemKey);
}

void ReconstructionView::setMinutiaeMarks(MinutiaeMarks marks)
{
    if (marks.itemKey != m_images.itemKey || m_images.itemKey.isEmpty())
        return;
    m_marks = std::move(marks);
    m_marksUnavailable.clear();
    if (m_mode == Mode::Minutiae)
        render();
}

void ReconstructionView::setMinutiaeUnavailable(const QString& itemKey, const QString& why)
{
    if (itemKey != m_images.itemKey || m_marks)
        return;
    m_marksUnavailable = why;
    if (m_mode == Mode::Minutiae)
        render();
}

void ReconstructionView::setReference(Reference reference)
{
    if (reference == Reference::Clean && !hasClean())
        reference = Reference::Damaged;
    if (reference == m_reference)
        return;
    m_reference = reference;
    render();
}

void ReconstructionView::setConfidenceFill(bool fill)
{
    if (fill == m_fill)
        return;
    m_fill = fill;
    render();
}

void ReconstructionView::setSwipeColumn(int column)
{
    column = std::clamp(column, 0, std::max(0, m_images.estimate.cols));
    if (column == m_swipeColumn)
        return;
    m_swipeColumn = column;
    {
        const QSignalBlocker block(m_swipeSlider);
        m_swipeSlider->setValue(column);
    }
    if (m_mode == Mode::Swipe)
        render();
}

cv::Mat ReconstructionView::referenceImage() const
{
    return m_reference == Reference::Clean && hasClean() ? m_images.clean : m_images.damaged;
}

QString ReconstructionView::referenceWord() const
{
    return m_reference == Reference::Clean && hasClean() ? QStringLiteral("ORIGINAL")
                                                         : QStringLiteral("DAMAGED");
}

void ReconstructionView::render()
{
    const bool sideBySide = m_mode == Mode::SideBySide;
    const bool showClean = sideBySide && hasClean();
    m_cleanCaption->setVisible(showClean);
    m_cleanView->setVisible(showClean);
    m_damagedCaption->setVisible(sideBySide);
    m_damagedView->setVisible(sideBySide);
    // A hidden column must not keep its share of the width.
    m_panes->setColumnStretch(0, showClean ? 1 : 0);
    m_panes->setColumnStretch(1, sideBySide ? 1 : 0);
    m_legend->setVisible(m_mode == Mode::Difference || m_mode == Mode::Overlay ||
                         m_mode == Mode::Minutiae);
    m_swipeRow->setVisible(m_mode == Mode::Swipe);

    const cv::Mat& estimate = m_images.estimate;
    if (estimate.empty()) {
        m_shown = cv::Mat();
        m_estimateView->setDivider(std::nullopt);
        m_estimateView->setBadge(QString());
        updateCaptions();
        return;
    }
    const cv::Mat& changed = m_images.changedMask;
    const cv::Mat reference = referenceImage();
    QString badge = QStringLiteral("ESTIMATE");
    switch (m_mode) {
    case Mode::SideBySide: m_shown = drawOutline(estimate, changed); break;
    case Mode::Swipe: {
        cv::Mat referenceBgr;
        cv::cvtColor(reference, referenceBgr, cv::COLOR_GRAY2BGR);
        m_shown = composeSwipe(drawOutline(estimate, changed), referenceBgr, m_swipeColumn);
        badge = QStringLiteral("ESTIMATE left of the divider");
        break;
    }
    case Mode::Difference:
        m_shown = drawOutline(heatMap(estimate, reference), changed, kHeatOutlineBgr);
        badge = QStringLiteral("|ESTIMATE − ") + referenceWord() + u'|';
        m_legendTitle->setText(QStringLiteral("|estimate − ") + referenceWord().toLower() +
                               QStringLiteral("|, gray levels; cyan outline = estimated pixels"));
        m_legendLow->setText(QStringLiteral("0"));
        m_legendHigh->setText(QStringLiteral("255"));
        m_legendBar->setPixmap(legendPixmap(heatLegend(256, 14)));
        break;
    case Mode::Overlay:
        m_shown = confidenceOverlay(estimate, changed, m_images.confidence, 0.45, m_fill);
        m_legendTitle->setText(m_fill ? QStringLiteral("Confidence of the estimated pixels")
                                      : QStringLiteral("Confidence fill hidden; amber outline = "
                                                       "estimated pixels"));
        m_legendLow->setText(m_fill ? QStringLiteral("low") : QString());
        m_legendHigh->setText(m_fill ? QStringLiteral("high") : QString());
        m_legendBar->setVisible(m_fill);
        m_legendBar->setPixmap(legendPixmap(confidenceLegend(160, 14)));
        break;
    case Mode::Minutiae:
        m_shown = m_marks ? drawMinutiaeMarks(estimate, changed, *m_marks)
                          : drawOutline(estimate, changed);
        badge = m_marks ? QStringLiteral("ESTIMATE — minutiae")
                        : QStringLiteral("ESTIMATE — finding minutiae…");
        if (!m_marksUnavailable.isEmpty())
            badge = QStringLiteral("ESTIMATE — no minutiae");
        m_legendTitle->setText(minutiaeLegendText());
        m_legendLow->setText(QString());
        m_legendHigh->setText(QString());
        m_legendBar->setVisible(false);
        break;
    }
    if (m_mode != Mode::Overlay && m_mode != Mode::Minutiae)
        m_legendBar->setVisible(true);
    m_estimateView->replaceImage(colourImage(m_shown));
    m_estimateView->setBadge(badge);
    if (m_mode == Mode::Swipe)
        m_estimateView->setDivider(m_swipeColumn, QStringLiteral("◀ ESTIMATE"),
                                   referenceWord() + QStringLiteral(" ▶"));
    else
        m_estimateView->setDivider(std::nullopt);
    updateCaptions();
    if (sideBySide) {
        syncFrom(m_estimateView);
        // Panes shown again get their size only when the layout runs: follow the estimate then.
        QTimer::singleShot(0, this, [this] { syncFrom(m_estimateView); });
    }
}

void ReconstructionView::updateCaptions()
{
    const int changed = m_images.changedMask.empty() ? 0 : cv::countNonZero(m_images.changedMask);
    const double percent = m_images.estimate.empty()
                               ? 0.0
                               : 100.0 * changed / static_cast<double>(m_images.estimate.total());
    QString what;
    switch (m_mode) {
    case Mode::SideBySide: what = QStringLiteral("amber outline = estimated pixels"); break;
    case Mode::Swipe:
        what = QStringLiteral("estimate left of the divider, ") + referenceWord().toLower() +
               QStringLiteral(" right of it");
        break;
    case Mode::Difference:
        what = QStringLiteral("|estimate − ") + referenceWord().toLower() +
               QStringLiteral("| as a heat map");
        break;
    case Mode::Overlay:
        what = m_fill ? QStringLiteral("estimated pixels tinted by confidence (red = low)")
                      : QStringLiteral("amber outline = estimated pixels");
        break;
    case Mode::Minutiae: what = minutiaeCaptionText(); break;
    }
    m_estimateCaption->setText(
        QStringLiteral("<b><span style=\"color:#b03a2e\">ESTIMATE</span></b> — ") +
        m_images.estimateName.toHtmlEscaped() + kDetailStart + what + QStringLiteral(" · ") +
        QString::number(changed) + QStringLiteral(" px (") + QString::number(percent, 'f', 1) +
        QStringLiteral(" %) estimated, not evidence") + kDetailEnd);
    m_damagedCaption->setText(
        QStringLiteral("<b>Damaged</b> — ") + m_images.damagedName.toHtmlEscaped() + kDetailStart +
        QStringLiteral("the print the model was given (the parent)") + kDetailEnd);
    m_cleanCaption->setText(
        QStringLiteral("<b>Original</b> — ") + m_images.cleanName.toHtmlEscaped() + kDetailStart +
        QStringLiteral("the clean print the damaged copy was made from") + kDetailEnd);
}

QString ReconstructionView::minutiaeLegendText() const
{
    if (!m_marksUnavailable.isEmpty())
        return QStringLiteral("Minutiae not shown: ") + m_marksUnavailable.toHtmlEscaped();
    if (!m_marks)
        return QStringLiteral("Finding the minutiae…");
    // QString, not auto: with QStringBuilder a "+" is a lazy expression holding references.
    const auto swatch = [](MinutiaStanding standing, const QString& words) -> QString {
        const cv::Vec3b bgr = standingColour(standing);
        return QStringLiteral("<span style=\"color:rgb(%1,%2,%3)\">&#9679;</span> ")
                   .arg(bgr[2])
                   .arg(bgr[1])
                   .arg(bgr[0]) +
               words;
    };
    QStringList parts{swatch(MinutiaStanding::Evidence, QStringLiteral("the print's own"))};
    if (m_marks->comparedWithClean) {
        parts << swatch(MinutiaStanding::Invented, QStringLiteral("invented (not in the original)"))
              << swatch(MinutiaStanding::Agrees, QStringLiteral("estimated, also in the original"))
              << swatch(MinutiaStanding::Lost, QStringLiteral("original's, not reconstructed (×)"));
    } else {
        parts << swatch(MinutiaStanding::Estimated,
                        QStringLiteral("drawn from estimated pixels: not evidence"));
    }
    return QStringLiteral("○ ending, □ bifurcation, stroke = direction: ") +
           parts.join(QStringLiteral(" &nbsp; "));
}

QString ReconstructionView::minutiaeCaptionText() const
{
    if (!m_marksUnavailable.isEmpty())
        return QStringLiteral("minutiae not found: ") + m_marksUnavailable;
    if (!m_marks)
        return QStringLiteral("finding the minutiae…");
    const MinutiaeMarks& marks = *m_marks;
    if (!marks.comparedWithClean) {
        return QString::number(marks.count(MinutiaStanding::Estimated)) +
               QStringLiteral(" minutiae drawn from estimated pixels, ") +
               QString::number(marks.count(MinutiaStanding::Evidence)) +
               QStringLiteral(" the print's own");
    }
    const std::size_t invented = marks.count(MinutiaStanding::Invented);
    const std::size_t agrees = marks.count(MinutiaStanding::Agrees);
    return QString::number(invented + agrees) +
           QStringLiteral(" minutiae drawn from estimated pixels: ") + QString::number(invented) +
           QStringLiteral(" invented, ") + QString::number(agrees) +
           QStringLiteral(" also in the original; ") +
           QString::number(marks.count(MinutiaStanding::Lost)) +
           QStringLiteral(" of the original's not reconstructed");
}

void ReconstructionView::syncFrom(ImageView* source)
{
    // A hidden pane has no say: its size (and so its fitted zoom) is stale.
    if (m_syncing || source->image().isNull() || source->isHidden())
        return;
    m_syncing = true;
    for (ImageView* view : {m_cleanView, m_damagedView, m_estimateView}) {
        if (view != source && !view->image().isNull() && !view->isHidden())
            view->setViewState(source->zoom(), source->sceneCentre(), source->isFitMode());
    }
    m_syncing = false;
}

void ReconstructionView::zoomIn()
{
    m_estimateView->zoomIn();
}

void ReconstructionView::zoomOut()
{
    m_estimateView->zoomOut();
}

void ReconstructionView::fitToWindow()
{
    m_estimateView->fitToWindow();
}

void ReconstructionView::actualSize()
{
    m_estimateView->actualSize();
}

}  // namespace rw
