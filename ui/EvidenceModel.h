#pragma once
// The evidence list: every open item, in load order, for the side list and the panes.
#include "EvidenceItem.h"

#include <QAbstractListModel>
#include <QSet>
#include <QStringList>

#include <vector>

namespace rw {

class EvidenceModel : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        NameRole = Qt::UserRole + 1,  // QString
        PpiRole,                      // double
        PpiOriginRole,                // int (PpiOrigin)
        Sha256Role,                   // QString
        PathRole,                     // QString, empty for synthesized prints
        ParentKeyRole,                // QString, the key of the item it was derived from
    };

    explicit EvidenceModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // Appends in order; returns the row of the first new item (or -1 when `items` is empty).
    int append(std::vector<EvidenceItem> items);
    // Puts a derived item under its parent, after the parent's other derived items; returns
    // its row. Without its parent in the list it goes to the end.
    int insertDerived(EvidenceItem item);
    void remove(int row);
    int rowOfKey(const QString& key) const;  // -1 when not open
    // The examiner's correction of the resolution; marks the item's ppi as set by the user.
    void setPpi(int row, double ppi);

    int count() const { return static_cast<int>(m_items.size()); }
    const EvidenceItem& item(int row) const { return m_items.at(static_cast<std::size_t>(row)); }
    QSet<QString> keys() const;
    QStringList names() const;

private:
    std::vector<EvidenceItem> m_items;
};

}  // namespace rw
