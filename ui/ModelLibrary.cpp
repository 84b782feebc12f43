#include "ModelLibrary.h"

#include "FilePaths.h"

#include <QColor>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

namespace rw {

namespace {

QString dataSource(const ModelCard& card)
{
    const QJsonDocument json = QJsonDocument::fromJson(QByteArray::fromStdString(card.dataJson));
    const QString source = json.object().value(QStringLiteral("source")).toString();
    return source.isEmpty() ? QStringLiteral("unknown") : source;
}

}  // namespace

ModelLibrary::ModelLibrary(QObject* parent)
    : QAbstractListModel(parent)
    , m_userDir(defaultUserModelsDir())
    , m_shippedDir(
          fromFsPath(rw::shippedModelsDir(toFsPath(QCoreApplication::applicationDirPath()))))
{
    refresh();
}

QString ModelLibrary::defaultUserModelsDir()
{
    const QString fromEnv = qEnvironmentVariable("RIDGEWORKS_USER_MODELS_DIR");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/models");
}

void ModelLibrary::setUserModelsDir(const QString& dir)
{
    m_userDir = dir;
    refresh();
}

void ModelLibrary::setShippedModelsDir(const QString& dir)
{
    m_shippedDir = dir;
    refresh();
}

void ModelLibrary::refresh()
{
    std::vector<std::filesystem::path> shipped;
    std::vector<std::filesystem::path> user;
    if (!m_shippedDir.isEmpty())
        shipped.push_back(toFsPath(m_shippedDir));
    // The same folder twice would list every model twice.
    if (!m_userDir.isEmpty() &&
        QFileInfo(m_userDir).canonicalFilePath() != QFileInfo(m_shippedDir).canonicalFilePath())
        user.push_back(toFsPath(m_userDir));
    beginResetModel();
    m_listing = listModels(shipped, user);
    endResetModel();
    Q_EMIT refreshed();
}

int ModelLibrary::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : modelCount() + unreadableCount();
}

int ModelLibrary::rowOfPath(const QString& path) const
{
    const QString wanted = QFileInfo(path).absoluteFilePath();
    for (int row = 0; row < rowCount(); ++row)
        if (QFileInfo(data(index(row), PathRole).toString()).absoluteFilePath() == wanted)
            return row;
    return -1;
}

QString ModelLibrary::cardText(const ModelEntry& entry)
{
    const ModelCard& card = entry.card;
    QString text = QString::fromStdString(card.name) +
                   (entry.shipped ? QStringLiteral(" (shipped)") : QString()) +
                   QStringLiteral("\nArchitecture: ") +
                   QString::fromUtf8(toString(card.spec.architecture)) + QStringLiteral(", ") +
                   (card.spec.effectiveLevels() > 0
                        ? QString::number(card.spec.effectiveLevels()) + QStringLiteral(" levels, ")
                        : QString()) +
                   QString::number(card.spec.inputSize) + u'×' +
                   QString::number(card.spec.inputSize) + QStringLiteral(" px, loss ") +
                   QString::fromUtf8(toString(card.loss));
    if (card.spec.architecture == Architecture::SeedAutoencoder)
        text += QStringLiteral(", ") + QString::fromUtf8(toString(card.pairMode));
    text += QStringLiteral("\nEpochs: ") + QString::number(card.epochsCompleted) +
            QStringLiteral(" of ") + QString::number(card.epochsRequested) +
            (card.stoppedEarly ? QStringLiteral(" (stopped early)") : QString());
    if (card.bestEpoch > 0 && card.bestEpoch <= static_cast<int>(card.history.size())) {
        const EpochMetrics& best = card.history[static_cast<std::size_t>(card.bestEpoch - 1)];
        text += QStringLiteral("\nBest validation (epoch ") + QString::number(card.bestEpoch) +
                QStringLiteral("): PSNR ") + QString::number(best.validationPsnr, 'f', 2) +
                QStringLiteral(" dB, SSIM ") + QString::number(best.validationSsim, 'f', 3);
    } else {
        text += QStringLiteral("\nBest validation: —");
    }
    text +=
        QStringLiteral("\nData: ") + dataSource(card) + QStringLiteral("\nCreated: ") +
        (card.createdUtc.empty() ? QStringLiteral("—") : QString::fromStdString(card.createdUtc)) +
        QStringLiteral("\nFile: ") + QDir::toNativeSeparators(fromFsPath(entry.path));
    return text;
}

QVariant ModelLibrary::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int row = index.row();
    if (row < modelCount()) {
        const ModelEntry& entry = m_listing.models[static_cast<std::size_t>(row)];
        switch (role) {
        case Qt::DisplayRole:
            return QString(QString::fromStdString(entry.card.name) +
                           (entry.shipped ? QStringLiteral("  (shipped)") : QString()));
        case Qt::ToolTipRole: return cardText(entry);
        case PathRole: return fromFsPath(entry.path);
        case ShippedRole: return entry.shipped;
        case UnreadableRole: return false;
        case CardNameRole: return QString::fromStdString(entry.card.name);
        case ArchitectureRole: return QString::fromUtf8(toString(entry.card.spec.architecture));
        default: return {};
        }
    }
    const UnreadableModel& bad = m_listing.unreadable[static_cast<std::size_t>(row - modelCount())];
    const QString name = fromFsPath(bad.path.filename());
    const QString reason = QString::fromStdString(bad.reason);
    switch (role) {
    case Qt::DisplayRole: return QString(name + QStringLiteral(" — unreadable: ") + reason);
    case Qt::ToolTipRole:
        return QString(QDir::toNativeSeparators(fromFsPath(bad.path)) +
                       QStringLiteral("\nThis file cannot be used as a model: ") + reason);
    case Qt::ForegroundRole: return QColor(0xa0, 0x30, 0x30);
    case PathRole: return fromFsPath(bad.path);
    case ShippedRole: return false;
    case UnreadableRole: return true;
    case ReasonRole: return reason;
    default: return {};
    }
}

}  // namespace rw
