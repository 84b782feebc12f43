#include "EvidenceItem.h"

#include <ridgeworks/common/Sha256.h>
#include <ridgeworks/image/ImageWriter.h>

#include <cmath>

namespace rw {

QString ppiText(double ppi)
{
    // PNG states pixels per metre as an integer, so 1000 ppi reads back as 999.998: a tenth
    // of a ppi is far below any capture device's accuracy and keeps such numbers round.
    const double tenths = std::round(ppi * 10.0) / 10.0;
    return QString::number(tenths, 'f', tenths == std::round(tenths) ? 0 : 1) +
           QStringLiteral(" ppi");
}

QString resolutionText(const EvidenceItem& item)
{
    const QString ppi = ppiText(item.print.ppi);
    switch (item.ppiOrigin) {
    case PpiOrigin::File: return ppi + QStringLiteral(" (from file)");
    case PpiOrigin::Default: return ppi + QStringLiteral(" (default)");
    case PpiOrigin::User: return ppi + QStringLiteral(" (set by user)");
    case PpiOrigin::Synthetic: return ppi + QStringLiteral(" (synthetic)");
    }
    return ppi;
}

QString sourceFormatText(const Print& print)
{
    const SourceFormat& source = print.source;
    const QString format = QString::fromStdString(source.format);
    if (source.format == "synthetic")
        return format;
    QString channels;
    switch (source.channels) {
    case 1: channels = QStringLiteral("gray"); break;
    case 2: channels = QStringLiteral("gray + alpha"); break;
    case 3: channels = QStringLiteral("colour"); break;
    case 4: channels = QStringLiteral("colour + alpha"); break;
    default: channels = QString::number(source.channels) + QStringLiteral(" channels"); break;
    }
    return format + QStringLiteral(", ") + QString::number(source.bitDepth) +
           QStringLiteral("-bit ") + channels;
}

Print derivedPrint(const EvidenceItem& parent, const cv::Mat& pixels)
{
    Print print;
    print.pixels = pixels;
    print.ppi = parent.print.ppi;
    print.ppiFromFile = false;
    print.statedPpi = parent.print.statedPpi;
    // The hash of the PNG the derived image is saved as, as for synthesized prints.
    print.sha256 = sha256Hex(encodePng(pixels, parent.print.ppi));
    print.source = SourceFormat{"derived", 8, 1};
    return print;
}

Derivation derivationFrom(const EvidenceItem& parent, const QString& operation,
                          const QString& label)
{
    Derivation derivation;
    derivation.parentKey = parent.key;
    derivation.parentName = parent.name;
    derivation.parentSha256 = QString::fromStdString(parent.print.sha256);
    derivation.operation = operation;
    derivation.label = label;
    return derivation;
}

}  // namespace rw
