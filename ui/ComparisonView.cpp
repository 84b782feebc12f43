#include "ComparisonView.h"

#include "ImageView.h"

#include <QGridLayout>
#include <QLabel>
#include <QStackedLayout>

namespace rw {

namespace {

QLabel* makeCaption(QWidget* parent)
{
    auto* caption = new QLabel(parent);
    caption->setTextFormat(Qt::RichText);
    caption->setWordWrap(true);
    caption->setContentsMargins(6, 4, 6, 4);
    return caption;
}

// Second caption line: the details, quieter than the title.
const QString kDetailStart = QStringLiteral("<br><span style=\"color:#6b7480\">");
const QString kDetailEnd = QStringLiteral("</span>");

QString formatScale(double scaleX, double scaleY)
{
    const QString x = QString::number(scaleX, 'f', 2);
    const QString y = QString::number(scaleY, 'f', 2);
    // The experiment stretches to 100×100, so the two axes usually differ: say so.
    return x == y ? QString(x + QStringLiteral("× scale"))
                  : QString(x + QStringLiteral("× / ") + y + QStringLiteral("× scale (x / y)"));
}

}  // namespace

QString ComparisonView::paneName(Pane pane)
{
    switch (pane) {
    case Pane::Original: return QStringLiteral("Original");
    case Pane::Working: return QStringLiteral("Working");
    case Pane::Clean: return QStringLiteral("Clean original");
    case Pane::Damaged: return QStringLiteral("Damaged");
    case Pane::Estimate: return QStringLiteral("Estimate");
    }
    return {};
}

ComparisonView::ComparisonView(QWidget* parent)
    : QWidget(parent)
    , m_pages(new QStackedLayout(this))
    , m_pairPage(new QWidget(this))
    , m_reconstructionView(new ReconstructionView(this))
    , m_originalView(new ImageView(m_pairPage))
    , m_workingView(new ImageView(m_pairPage))
    , m_originalCaption(makeCaption(m_pairPage))
    , m_workingCaption(makeCaption(m_pairPage))
{
    m_pages->addWidget(m_pairPage);
    m_pages->addWidget(m_reconstructionView);
    connect(m_reconstructionView, &ReconstructionView::pixelHovered, this,
            [this](ReconstructionView::Pane pane, QPoint pixel, int gray) {
                const Pane which = pane == ReconstructionView::Pane::Clean     ? Pane::Clean
                                   : pane == ReconstructionView::Pane::Damaged ? Pane::Damaged
                                                                               : Pane::Estimate;
                Q_EMIT pixelHovered(which, pixel, gray);
            });
    connect(m_reconstructionView, &ReconstructionView::pixelLeft, this, &ComparisonView::pixelLeft);

    m_originalView->setObjectName(QStringLiteral("originalView"));
    m_workingView->setObjectName(QStringLiteral("workingView"));
    m_originalCaption->setObjectName(QStringLiteral("originalCaption"));
    m_workingCaption->setObjectName(QStringLiteral("workingCaption"));

    // A grid with equal columns: both panes always have the same size, so the same zoom
    // and centre show the same pixels.
    auto* grid = new QGridLayout(m_pairPage);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(4);
    grid->setVerticalSpacing(0);
    grid->addWidget(m_originalCaption, 0, 0);
    grid->addWidget(m_workingCaption, 0, 1);
    grid->addWidget(m_originalView, 1, 0);
    grid->addWidget(m_workingView, 1, 1);
    grid->setColumnStretch(0, 1);
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(1, 1);

    connect(m_originalView, &ImageView::viewChanged, this,
            [this] { syncFrom(m_originalView, m_workingView); });
    connect(m_workingView, &ImageView::viewChanged, this,
            [this] { syncFrom(m_workingView, m_originalView); });
    connect(m_originalView, &ImageView::pixelHovered, this,
            [this](QPoint pixel) { onPixelHovered(Pane::Original, pixel); });
    connect(m_workingView, &ImageView::pixelHovered, this,
            [this](QPoint pixel) { onPixelHovered(Pane::Working, pixel); });
    connect(m_originalView, &ImageView::pixelLeft, this, &ComparisonView::pixelLeft);
    connect(m_workingView, &ImageView::pixelLeft, this, &ComparisonView::pixelLeft);
}

void ComparisonView::showReconstruction(const EvidenceItem& item, ReconstructionView::Images images)
{
    showItem(item);
    m_pages->setCurrentWidget(m_reconstructionView);
    m_reconstructionView->setImages(std::move(images));
}

bool ComparisonView::isShowingReconstruction() const
{
    return m_pages->currentWidget() == m_reconstructionView;
}

void ComparisonView::showItem(const EvidenceItem& item)
{
    m_pages->setCurrentWidget(m_pairPage);
    m_showingPreview = false;
    m_syncing = true;  // both panes fit themselves; no need to echo
    m_originalView->setImage(item.original);
    if (item.preprocessed && !item.working.isNull()) {
        m_workingView->setImage(item.working);
        const cv::Rect crop = item.preprocessed->transform.crop;
        m_workingView->setOutline(QRect(crop.x, crop.y, crop.width, crop.height));
    } else {
        m_workingView->setMessage(
            QStringLiteral("No model input could be made from this print:\n") +
            item.preprocessError);
    }
    m_syncing = false;
    updateCaptions(item);
    syncFrom(m_originalView, m_workingView);
}

void ComparisonView::showPreview(const QImage& preview, const QString& title, const QString& detail)
{
    m_showingPreview = true;
    m_workingView->replaceImage(preview);
    m_workingView->setOutline(QRect());
    m_workingCaption->setText(QStringLiteral("<b>Working — damage preview</b> ") +
                              title.toHtmlEscaped() + kDetailStart + detail.toHtmlEscaped() +
                              kDetailEnd);
}

void ComparisonView::showWorking(const EvidenceItem& item)
{
    if (!m_showingPreview)
        return;
    m_showingPreview = false;
    if (item.preprocessed && !item.working.isNull()) {
        m_workingView->replaceImage(item.working);
        const cv::Rect crop = item.preprocessed->transform.crop;
        m_workingView->setOutline(QRect(crop.x, crop.y, crop.width, crop.height));
    }
    updateCaptions(item);
}

void ComparisonView::updateCaptions(const EvidenceItem& item)
{
    // A derived print is shown where an original would be, and says so.
    const QString title = item.derivation ? QStringLiteral("<b>Derived print</b> — ")
                                          : QStringLiteral("<b>Original</b> — ");
    const QString origin = item.derivation
                               ? QString((item.derivation->isReconstruction()
                                              ? QStringLiteral("ESTIMATE reconstructed from ")
                                              : QStringLiteral("damaged copy of ")) +
                                         item.derivation->parentName.toHtmlEscaped() +
                                         QStringLiteral(", which stays unaltered"))
                               : QString(sourceFormatText(item.print).toHtmlEscaped() +
                                         QStringLiteral(" · as loaded, never altered"));
    m_originalCaption->setText(title + QString::number(item.print.width()) + u'×' +
                               QString::number(item.print.height()) + QStringLiteral(" px") +
                               kDetailStart + resolutionText(item).toHtmlEscaped() +
                               QStringLiteral(" · ") + origin + kDetailEnd);

    if (m_showingPreview)
        return;  // the preview keeps its own caption
    if (!item.preprocessed) {
        m_workingCaption->setText(QStringLiteral("<b>Working</b> — no model input") + kDetailStart +
                                  QStringLiteral("preprocessing failed") + kDetailEnd);
        return;
    }
    const Preprocessed& pre = *item.preprocessed;
    const cv::Rect crop = pre.transform.crop;
    m_workingCaption->setText(
        QStringLiteral("<b>Working</b> — model input ") + QString::number(pre.image.cols) + u'×' +
        QString::number(pre.image.rows) + QStringLiteral(", ") +
        formatScale(pre.transform.scaleX, pre.transform.scaleY) + kDetailStart +
        QStringLiteral("the boxed ") + QString::number(crop.width) + u'×' +
        QString::number(crop.height) +
        QStringLiteral(" px print as the model sees it, mapped back to original size; "
                       "faded outside the box") +
        kDetailEnd);
}

void ComparisonView::zoomIn()
{
    if (isShowingReconstruction())
        m_reconstructionView->zoomIn();
    else
        m_originalView->zoomIn();
}

void ComparisonView::zoomOut()
{
    if (isShowingReconstruction())
        m_reconstructionView->zoomOut();
    else
        m_originalView->zoomOut();
}

void ComparisonView::fitToWindow()
{
    if (isShowingReconstruction())
        m_reconstructionView->fitToWindow();
    else
        m_originalView->fitToWindow();
}

void ComparisonView::actualSize()
{
    if (isShowingReconstruction())
        m_reconstructionView->actualSize();
    else
        m_originalView->actualSize();
}

void ComparisonView::syncFrom(ImageView* source, ImageView* other)
{
    if (m_syncing)
        return;
    m_syncing = true;
    other->setViewState(source->zoom(), source->sceneCentre(), source->isFitMode());
    m_syncing = false;
}

void ComparisonView::onPixelHovered(Pane pane, QPoint pixel)
{
    const QImage& image = pane == Pane::Original ? m_originalView->image() : m_workingView->image();
    if (image.isNull() || !image.rect().contains(pixel))
        return;
    Q_EMIT pixelHovered(pane, pixel, qGray(image.pixel(pixel)));
}

}  // namespace rw
