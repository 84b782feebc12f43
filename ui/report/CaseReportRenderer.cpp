#include "report/CaseReportRenderer.h"

#include "report/MinutiaColours.h"

#include "ridgeworks/common/AtomicFile.h"
#include "ridgeworks/common/Error.h"
#include "ridgeworks/image/ImageLoader.h"

#include <opencv2/imgproc.hpp>

#include <QBuffer>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QTextDocument>
#include <QUrl>

#include <algorithm>
#include <array>
#include <cmath>

namespace rw::reporting {
namespace {

namespace fs = std::filesystem;

// Width of an image in the report, in CSS pixels (two fit side by side on A4).
constexpr int kShownWidth = 300;
// Narrower prints are enlarged to about this width before outlines and marks are drawn.
constexpr int kDrawnWidth = 600;

QString text(const std::string& s)
{
    return QString::fromStdString(s).toHtmlEscaped();
}

QImage grayImage(const cv::Mat& gray)
{
    QImage image(gray.data, gray.cols, gray.rows, int(gray.step), QImage::Format_Grayscale8);
    return image.convertToFormat(QImage::Format_RGB32);  // a deep copy, in colour for marks
}

// Minutiae as examiners plot them: an ending a circle, a bifurcation a square, each with a
// stroke along its direction; a lost one a cross. `size`: the mark's radius in pixels.
void drawMinutiae(QPainter& painter, const std::vector<MinutiaMark>& marks, double size,
                  double lineWidth)
{
    for (const MinutiaMark& mark : marks) {
        const std::array<std::uint8_t, 3> rgb = minutiaRgb(mark.standing);
        painter.setPen(QPen(QColor(rgb[0], rgb[1], rgb[2]), lineWidth));
        painter.setBrush(Qt::NoBrush);
        const QPointF centre(mark.minutia.position.x + 0.5, mark.minutia.position.y + 0.5);
        if (mark.standing == MinutiaStanding::Lost) {
            const double d = 0.7 * size;
            painter.drawLine(centre + QPointF(-d, -d), centre + QPointF(d, d));
            painter.drawLine(centre + QPointF(-d, d), centre + QPointF(d, -d));
            continue;
        }
        if (mark.minutia.type == Minutia::Type::Ending)
            painter.drawEllipse(centre, size, size);
        else
            painter.drawRect(QRectF(centre - QPointF(size, size), QSizeF(2 * size, 2 * size)));
        const QPointF direction(std::cos(mark.minutia.angle), std::sin(mark.minutia.angle));
        painter.drawLine(centre + size * direction, centre + 2.4 * size * direction);
    }
}

// The image as shown: estimated pixels outlined in magenta, the minutiae drawn from them
// marked, and a 2 mm scale bar.
QImage renderedImage(const ReportImage& shown)
{
    const Print print = loadPrint(shown.file);
    // Small prints (SOCOFing's are 96 px wide) are enlarged before anything is drawn on them,
    // so that outlines and minutiae marks stay thin against the ridges when the report shows
    // every image at the same width.
    const int enlarge = std::max(1, kDrawnWidth / std::max(1, print.pixels.cols));
    QImage image = grayImage(print.pixels);
    if (enlarge > 1)
        image = image.scaled(image.width() * enlarge, image.height() * enlarge,
                             Qt::IgnoreAspectRatio, Qt::FastTransformation);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const double lineWidth = std::max(1.0, image.width() / 200.0);  // in the image's pixels
    painter.scale(enlarge, enlarge);  // from here on, in the print's pixels
    const double penWidth = lineWidth / enlarge;
    if (!shown.estimatedPixels.empty()) {
        const cv::Mat mask = loadPrint(shown.estimatedPixels).pixels != 0;
        std::vector<std::vector<cv::Point>> contours;
        cv::findContours(mask, contours, cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
        QPainterPath path;
        for (const auto& contour : contours) {
            path.moveTo(contour.front().x + 0.5, contour.front().y + 0.5);
            for (const cv::Point& p : contour)
                path.lineTo(p.x + 0.5, p.y + 0.5);
            path.closeSubpath();
        }
        painter.setPen(QPen(QColor(230, 0, 200), penWidth));
        painter.drawPath(path);
    }
    drawMinutiae(painter, shown.minutiae,
                 std::max(3.0, std::min(image.width(), image.height()) / 64.0) / enlarge, penWidth);
    const double barPixels = 2.0 * shown.ppi / 25.4;
    const double margin = print.pixels.rows * 0.04;
    const QPointF start(margin, print.pixels.rows - margin);
    painter.setPen(QPen(QColor(0, 110, 255), 2.0 * penWidth));
    painter.drawLine(start, start + QPointF(barPixels, 0.0));
    painter.resetTransform();  // the label in the image's pixels: a font of whole pixels
    QFont font = painter.font();
    font.setPixelSize(std::max(8, image.height() / 24));
    painter.setFont(font);
    painter.drawText(start * enlarge + QPointF(0.0, -lineWidth * 3), QStringLiteral("2 mm"));
    return image;
}

QString factsTable(const ReportItem& item)
{
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='2' width='100%'>");
    for (const auto& [label, value] : item.facts)
        html += QStringLiteral("<tr><td width='22%'><i>") + text(label) +
                QStringLiteral("</i></td><td><code style='font-size: 7pt'>") + text(value) +
                QStringLiteral("</code></td></tr>");
    return html + QStringLiteral("</table>");
}

QString metricsTable(const ReportItem& item)
{
    if (item.metrics.empty())
        return {};
    QString html = QStringLiteral(
        "<p><b>Inside the damage, against the clean original</b> (the model next to classical "
        "baselines on the same input, each filling the mask the model filled with its "
        "feather)</p><table border='1' cellspacing='0' cellpadding='3'>"
        "<tr><th>method</th><th>spurious minutiae</th><th>orientation error (°)</th>"
        "<th>SSIM</th><th>PSNR (dB)</th></tr>");
    // Invented minutiae first, as in the Metrics dock (docs/metrics.md: read them first).
    for (const MethodMetrics& row : item.metrics)
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                    .arg(text(row.method))
                    .arg(row.spuriousMinutiaeInside, 0, 'f', 0)
                    .arg(row.orientationDegInside, 0, 'f', 1)
                    .arg(row.ssimInside, 0, 'f', 3)
                    .arg(row.psnrInside, 0, 'f', 2);
    return html + QStringLiteral("</table>");
}

// The whole report as HTML; each image is named by `imageName(item, index)`.
template <typename ImageName> QString reportHtml(const CaseReportData& r, ImageName imageName)
{
    QString html = QStringLiteral("<html><head><meta charset='utf-8'><title>") + text(r.title) +
                   QStringLiteral("</title></head><body style='font-family: DejaVu Sans'>");
    html += QStringLiteral("<h1>") + text(r.title) + QStringLiteral("</h1>");
    html += QStringLiteral("<p>Case <code>") + text(r.caseId) +
            QStringLiteral("</code>, examiner ") + text(r.examiner) + QStringLiteral(", opened ") +
            text(r.createdAt) + QStringLiteral(". Report made ") + text(r.generatedAt) +
            QStringLiteral(" by ") + text(r.software) + QStringLiteral(".</p>");
    html += QStringLiteral("<p style='border: 1px solid #c00; padding: 4px'><b>") +
            text(r.statement) + QStringLiteral("</b></p>");
    if (r.problems.empty()) {
        html += QStringLiteral("<p>Case verification: the manifest and the audit log are intact "
                               "and match.</p>");
    } else {
        html += QStringLiteral("<p><b>Case verification FAILED:</b></p><ul>");
        for (const std::string& p : r.problems)
            html += QStringLiteral("<li>") + text(p) + QStringLiteral("</li>");
        html += QStringLiteral("</ul>");
    }
    for (const ReportItem& item : r.items) {
        html += QStringLiteral("<h2>") + text(item.heading) + QStringLiteral("</h2>");
        html += factsTable(item);
        html +=
            QStringLiteral("<p>Verification: ") + text(item.verification) + QStringLiteral("</p>");
        if (!item.images.empty()) {
            html += QStringLiteral("<table cellspacing='6'><tr>");
            for (std::size_t i = 0; i < item.images.size(); ++i)
                html += QStringLiteral("<td><img src='%1' width='%2'><br><small>%3</small></td>")
                            .arg(imageName(item, i))
                            .arg(kShownWidth)
                            .arg(text(item.images[i].caption));
            html += QStringLiteral("</tr></table>");
        }
        html += metricsTable(item);
    }
    if (!r.models.empty()) {
        html += QStringLiteral("<h2>Models used (model cards)</h2>");
        for (const ReportModel& model : r.models) {
            html += QStringLiteral("<h3>") + text(model.heading) + QStringLiteral("</h3>");
            ReportItem facts;
            facts.facts = model.facts;
            html += factsTable(facts);
        }
    }
    return html + QStringLiteral("</body></html>");
}

QString resourceName(const ReportItem& item, std::size_t index)
{
    return QStringLiteral("report://%1/%2").arg(QString::fromStdString(item.id)).arg(index);
}

fs::path temporarySibling(const fs::path& target)
{
    fs::path temp = target;
    temp += ".part";
    return temp;
}

}  // namespace

void writeCaseReportPdf(const CaseReportData& report, const fs::path& pdf)
{
    QTextDocument document;
    for (const ReportItem& item : report.items)
        for (std::size_t i = 0; i < item.images.size(); ++i) {
            QImage image;
            try {
                image = renderedImage(item.images[i]);
            } catch (const Error&) {  // an unreadable file is reported as failed verification
                continue;
            }
            document.addResource(QTextDocument::ImageResource, QUrl(resourceName(item, i)), image);
        }
    document.setHtml(reportHtml(report, resourceName));

    const fs::path temp = temporarySibling(pdf);
    {
        QPdfWriter writer(QString::fromStdString(temp.string()));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setTitle(QString::fromStdString(report.title));
        writer.setCreator(QString::fromStdString(report.software));
        document.print(&writer);
    }
    std::error_code ec;
    if (!fs::exists(temp, ec) || fs::file_size(temp, ec) == 0)
        throw Error(ErrorKind::WriteFailed, "the PDF could not be written", pdf);
    fs::rename(temp, pdf, ec);
    if (ec) {
        fs::remove(temp, ec);
        throw Error(ErrorKind::WriteFailed, "cannot replace the file: " + ec.message(), pdf);
    }
}

void writeCaseReportHtml(const CaseReportData& report, const fs::path& html)
{
    const fs::path folder = html.parent_path() / (html.stem().string() + "_files");
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        throw Error(ErrorKind::WriteFailed, "cannot create the folder: " + ec.message(), folder);
    auto fileName = [](const ReportItem& item, std::size_t index) {
        return item.id + "-" + std::to_string(index) + ".png";
    };
    for (const ReportItem& item : report.items)
        for (std::size_t i = 0; i < item.images.size(); ++i) {
            QImage image;
            try {
                image = renderedImage(item.images[i]);
            } catch (const Error&) {
                continue;
            }
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            image.save(&buffer, "PNG");
            writeFileAtomically(folder / fileName(item, i),
                                std::string_view(bytes.constData(), std::size_t(bytes.size())));
        }
    const QString relative = QString::fromStdString(folder.filename().string());
    // An explicit QString: with QStringBuilder a deduced type would hold dangling temporaries.
    const QString page = reportHtml(report, [&](const ReportItem& item, std::size_t i) -> QString {
        return relative + QLatin1Char('/') + QString::fromStdString(fileName(item, i));
    });
    const QByteArray utf8 = page.toUtf8();
    writeFileAtomically(html, std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

}  // namespace rw::reporting
