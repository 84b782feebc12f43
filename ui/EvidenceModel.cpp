#include "EvidenceModel.h"

#include <QDir>

namespace rw {

EvidenceModel::EvidenceModel(QObject* parent)
    : QAbstractListModel(parent)
{
}

int EvidenceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant EvidenceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EvidenceItem& it = item(index.row());
    switch (role) {
    case Qt::DisplayRole:
        // Two lines: the name, then the facts an examiner checks first. A derived item says
        // what was done to its parent, marked "↳" under it.
        if (it.derivation)
            return QString(QStringLiteral("↳ ") + it.derivation->label + u'\n' +
                           QString::number(it.print.width()) + u'×' +
                           QString::number(it.print.height()) + QStringLiteral(" · derived"));
        return QString(it.name + u'\n' + QString::number(it.print.width()) + u'×' +
                       QString::number(it.print.height()) + QStringLiteral(" · ") +
                       resolutionText(it));
    case Qt::DecorationRole: return it.thumbnail;
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>") + it.name.toHtmlEscaped() + QStringLiteral("</b><br>");
        if (!it.print.sourcePath.empty())
            tip += QDir::toNativeSeparators(QString::fromStdString(it.print.sourcePath))
                       .toHtmlEscaped() +
                   QStringLiteral("<br>");
        tip += QString::number(it.print.width()) + u'×' + QString::number(it.print.height()) +
               QStringLiteral(" px · ") + sourceFormatText(it.print).toHtmlEscaped() +
               QStringLiteral("<br>") + resolutionText(it);
        if (it.ppiOrigin == PpiOrigin::User && it.statedPpi)
            tip += QStringLiteral("; the file stated ") + ppiText(*it.statedPpi);
        if (it.derivation)
            tip += QStringLiteral("<br>Derived from <b>") +
                   it.derivation->parentName.toHtmlEscaped() +
                   QStringLiteral("</b> (SHA-256 <tt>") + it.derivation->parentSha256 +
                   QStringLiteral("</tt>)<br>") + it.derivation->summary.toHtmlEscaped();
        tip += QStringLiteral("<br>SHA-256 <tt>") + QString::fromStdString(it.print.sha256) +
               QStringLiteral("</tt>");
        return tip;
    }
    case NameRole: return it.name;
    case PpiRole: return it.print.ppi;
    case PpiOriginRole: return static_cast<int>(it.ppiOrigin);
    case Sha256Role: return QString::fromStdString(it.print.sha256);
    case PathRole: return QString::fromStdString(it.print.sourcePath);
    case ParentKeyRole: return it.derivation ? it.derivation->parentKey : QString();
    default: return {};
    }
}

int EvidenceModel::append(std::vector<EvidenceItem> items)
{
    if (items.empty())
        return -1;
    const int first = count();
    beginInsertRows({}, first, first + static_cast<int>(items.size()) - 1);
    for (EvidenceItem& it : items)
        m_items.push_back(std::move(it));
    endInsertRows();
    return first;
}

int EvidenceModel::insertDerived(EvidenceItem item)
{
    const QString parentKey = item.derivation ? item.derivation->parentKey : QString();
    int row = rowOfKey(parentKey);
    if (row < 0) {
        row = count();
    } else {
        ++row;
        while (row < count() && m_items[static_cast<std::size_t>(row)].derivation &&
               m_items[static_cast<std::size_t>(row)].derivation->parentKey == parentKey)
            ++row;
    }
    beginInsertRows({}, row, row);
    m_items.insert(m_items.begin() + row, std::move(item));
    endInsertRows();
    return row;
}

int EvidenceModel::rowOfKey(const QString& key) const
{
    for (int row = 0; row < count(); ++row) {
        if (m_items[static_cast<std::size_t>(row)].key == key)
            return row;
    }
    return -1;
}

void EvidenceModel::remove(int row)
{
    if (row < 0 || row >= count())
        return;
    beginRemoveRows({}, row, row);
    m_items.erase(m_items.begin() + row);
    endRemoveRows();
}

void EvidenceModel::setPpi(int row, double ppi)
{
    if (row < 0 || row >= count() || !(ppi > 0.0))
        return;
    EvidenceItem& it = m_items[static_cast<std::size_t>(row)];
    it.print.ppi = ppi;
    // The print's own flag means "this number came from the file": no longer true.
    it.print.ppiFromFile = false;
    it.ppiOrigin = PpiOrigin::User;
    if (it.preprocessed) {
        it.preprocessed->ppiX = ppi * it.preprocessed->transform.scaleX;
        it.preprocessed->ppiY = ppi * it.preprocessed->transform.scaleY;
    }
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed);
}

QSet<QString> EvidenceModel::keys() const
{
    QSet<QString> result;
    for (const EvidenceItem& it : m_items)
        result.insert(it.key);
    return result;
}

QStringList EvidenceModel::names() const
{
    QStringList result;
    for (const EvidenceItem& it : m_items)
        result.append(it.name);
    return result;
}

}  // namespace rw
