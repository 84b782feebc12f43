#pragma once
// The models the examiner can pick, as a list model: the shipped ones and the user's own
// trained checkpoints (core's listModels), shipped first. A file that cannot be read is listed
// by its name with the reason, never fatal. The user's folder is
// $RIDGEWORKS_USER_MODELS_DIR when set, else AppDataLocation/models; setUserModelsDir()
// overrides both (tests).
#include <ridgeworks/model/ModelCatalog.h>

#include <QAbstractListModel>
#include <QString>

#include <vector>

namespace rw {

class ModelLibrary : public QAbstractListModel {
    Q_OBJECT

public:
    enum Role {
        PathRole = Qt::UserRole + 1,  // QString
        ShippedRole,                  // bool
        UnreadableRole,               // bool
        ReasonRole,                   // QString, unreadable files only
        CardNameRole,                 // QString, readable models only
        ArchitectureRole,             // QString ("unet-inpaint", ...), readable models only
    };

    explicit ModelLibrary(QObject* parent = nullptr);

    static QString defaultUserModelsDir();
    QString userModelsDir() const { return m_userDir; }
    void setUserModelsDir(const QString& dir);
    QString shippedModelsDir() const { return m_shippedDir; }
    void setShippedModelsDir(const QString& dir);

    // Readable models first (as core sorts them), then the unreadable files.
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    int modelCount() const { return static_cast<int>(m_listing.models.size()); }
    int unreadableCount() const { return static_cast<int>(m_listing.unreadable.size()); }
    const ModelListing& listing() const { return m_listing; }
    // Row of the model stored at `path`, -1 when not listed.
    int rowOfPath(const QString& path) const;

    // The card as a tooltip: name, architecture, epochs, best validation PSNR/SSIM, data
    // source, created.
    static QString cardText(const ModelEntry& entry);

public Q_SLOTS:
    // Reads the folders again (cards only; fast).
    void refresh();

Q_SIGNALS:
    void refreshed();

private:
    QString m_userDir;
    QString m_shippedDir;
    ModelListing m_listing;
};

}  // namespace rw
