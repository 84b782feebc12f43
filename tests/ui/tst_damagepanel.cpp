// The damage panel end to end on the offscreen platform: Apply adds a derived item under the
// original and leaves the original's pixels and hash alone; the derived image differs only
// inside its mask; kind "mask" uses the mask drawn in the editor; the live preview follows
// the latest settings and goes away when switched off.
#include "ComparisonView.h"
#include "DamagePanel.h"
#include "DamagedEvidence.h"
#include "EvidenceModel.h"
#include "ImageView.h"
#include "MainWindow.h"
#include "MaskDocument.h"
#include "MaskEditor.h"

#include "TestFiles.h"

#include <ridgeworks/common/Sha256.h>
#include <ridgeworks/image/ImageWriter.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace {

constexpr int kTimeoutMs = 120000;

cv::Mat testPrint()
{
    return rw::test::stripedRegion(cv::Size(200, 240), cv::Rect(30, 30, 140, 180));
}

cv::Mat toMat(const QImage& image)
{
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    cv::Mat mat(gray.height(), gray.width(), CV_8UC1);
    for (int y = 0; y < gray.height(); ++y)
        std::memcpy(mat.ptr(y), gray.constScanLine(y), static_cast<std::size_t>(gray.width()));
    return mat;
}

}  // namespace

class TestDamagePanel : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<rw::MainWindow> m_window;
    QTemporaryDir m_dir;
    QString m_file;

    rw::EvidenceModel* model() const { return m_window->evidenceModel(); }
    rw::DamagePanel* panel() const { return m_window->damagePanel(); }

    bool applyAndWait()
    {
        QSignalSpy applied(m_window.get(), &rw::MainWindow::damageApplied);
        if (!panel()->applyButton()->isEnabled())
            return false;
        QTest::mouseClick(panel()->applyButton(), Qt::LeftButton);
        return applied.size() == 1 || applied.wait(kTimeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RidgeworksTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_damagepanel"));
        QVERIFY(m_dir.isValid());
        m_file = m_dir.filePath(QStringLiteral("print.png"));
        rw::saveImage(m_file.toStdString(), testPrint(), 500.0);
    }

    void init()
    {
        QSettings().clear();
        m_window = std::make_unique<rw::MainWindow>();
        m_window->resize(1300, 850);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy finished(m_window.get(), &rw::MainWindow::loadFinished);
        m_window->loadPaths({m_file});
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(model()->count(), 1);
        QVERIFY(panel()->isVisible());
    }

    void cleanup() { m_window.reset(); }

    void applyAddsDerivedItemAndKeepsOriginal_data()
    {
        QTest::addColumn<rw::DamageKind>("kind");
        QTest::addColumn<rw::DamageLevel>("level");
        QTest::newRow("obliteration hard") << rw::DamageKind::Obliteration << rw::DamageLevel::Hard;
        QTest::newRow("rotation medium") << rw::DamageKind::Rotation << rw::DamageLevel::Medium;
        QTest::newRow("zcut easy") << rw::DamageKind::ZCut << rw::DamageLevel::Easy;
        QTest::newRow("zplasty hard") << rw::DamageKind::ZPlasty << rw::DamageLevel::Hard;
    }

    void applyAddsDerivedItemAndKeepsOriginal()
    {
        QFETCH(rw::DamageKind, kind);
        QFETCH(rw::DamageLevel, level);
        const rw::EvidenceItem& loaded = model()->item(0);
        const cv::Mat pixelsBefore = loaded.print.pixels.clone();
        const std::string hashBefore = loaded.print.sha256;
        QCOMPARE(hashBefore, rw::sha256OfFile(m_file.toStdString()));
        const QString originalKey = loaded.key;

        panel()->setSpec(kind, level, 7);
        QVERIFY(applyAndWait());

        QCOMPARE(model()->count(), 2);
        // The original: same row, same pixels, same hash (still the file's).
        const rw::EvidenceItem& original = model()->item(0);
        QCOMPARE(original.key, originalKey);
        QVERIFY(!original.derivation);
        QCOMPARE(cv::countNonZero(original.print.pixels != pixelsBefore), 0);
        QCOMPARE(original.print.sha256, hashBefore);
        QCOMPARE(rw::sha256OfFile(m_file.toStdString()), hashBefore);

        // The derived item, under its parent, selected, recording how it was made.
        const rw::EvidenceItem& derived = model()->item(1);
        QCOMPARE(m_window->currentRow(), 1);
        QVERIFY(derived.derivation);
        const rw::Derivation& how = *derived.derivation;
        QCOMPARE(how.parentKey, originalKey);
        QCOMPARE(how.parentSha256, QString::fromStdString(hashBefore));
        QCOMPARE(how.operation, QStringLiteral("damage"));
        QCOMPARE(how.kind, kind);
        QCOMPARE(how.level, level);
        QCOMPARE(how.seed, std::uint64_t(7));
        QVERIFY(!how.parameters.values.empty());
        QVERIFY2(how.summary.contains(QStringLiteral("seed 7")), qPrintable(how.summary));
        QCOMPARE(model()->index(1).data(rw::EvidenceModel::ParentKeyRole).toString(), originalKey);
        QVERIFY(model()->index(1).data().toString().startsWith(QStringLiteral("↳ ")));

        // Its own hash: of its PNG encoding, not the parent's.
        QCOMPARE(derived.print.sha256,
                 rw::sha256Hex(rw::encodePng(derived.print.pixels, derived.print.ppi)));
        QVERIFY(derived.print.sha256 != hashBefore);
        QCOMPARE(derived.print.ppi, original.print.ppi);

        // Damaged only inside its mask, and really damaged there.
        QCOMPARE(how.mask.size(), pixelsBefore.size());
        QCOMPARE(how.mask.type(), CV_8UC1);
        const cv::Mat changed = derived.print.pixels != pixelsBefore;
        cv::Mat outside;
        cv::bitwise_and(changed, how.mask == 0, outside);
        QCOMPARE(cv::countNonZero(outside), 0);
        QVERIFY(cv::countNonZero(changed) > 100);

        // The panes show the derived print; the caption says where it came from.
        QVERIFY(m_window->comparisonView()->originalCaption()->text().contains(
            QStringLiteral("damaged copy of print.png")));
        QCOMPARE(cv::countNonZero(toMat(m_window->comparisonView()->originalView()->image()) !=
                                  derived.print.pixels),
                 0);
        // Its mask editor starts from the damage mask.
        QVERIFY(m_window->currentMask());
        QCOMPARE(cv::countNonZero(m_window->currentMask()->mask() != how.mask), 0);

        // The same damage again opens nothing new.
        m_window->selectRow(0);
        QVERIFY(applyAndWait());
        QCOMPARE(model()->count(), 2);
        QCOMPARE(m_window->currentRow(), 1);
    }

    void derivedItemsStayUnderTheirParent()
    {
        QTemporaryDir dir;
        const QString second = dir.filePath(QStringLiteral("second.png"));
        rw::saveImage(second.toStdString(), testPrint(), 500.0);
        QSignalSpy finished(m_window.get(), &rw::MainWindow::loadFinished);
        m_window->loadPaths({second});
        QVERIFY(finished.wait(kTimeoutMs));
        QCOMPARE(model()->count(), 2);

        m_window->selectRow(0);
        panel()->setSpec(rw::DamageKind::Obliteration, rw::DamageLevel::Easy, 3);
        QVERIFY(applyAndWait());
        m_window->selectRow(0);
        panel()->setSpec(rw::DamageKind::Obliteration, rw::DamageLevel::Easy, 4);
        QVERIFY(applyAndWait());
        QCOMPARE(model()->count(), 4);
        QCOMPARE(model()->item(0).name, QStringLiteral("print.png"));
        QVERIFY(model()->item(1).derivation);
        QVERIFY(model()->item(2).derivation);
        QCOMPARE(model()->item(2).derivation->seed, std::uint64_t(4));
        QCOMPARE(model()->item(3).name, QStringLiteral("second.png"));

        // Removing the parent removes what was derived from it, and nothing else.
        m_window->selectRow(0);
        QAction* remove = nullptr;
        for (QAction* action : m_window->findChildren<QAction*>()) {
            if (action->text() == QStringLiteral("Re&move from List"))
                remove = action;
        }
        QVERIFY(remove);
        remove->trigger();
        QCOMPARE(model()->names(), QStringList{QStringLiteral("second.png")});
    }

    void maskKindUsesTheDrawnMask()
    {
        panel()->kindBox()->setCurrentIndex(
            panel()->kindBox()->findData(static_cast<int>(rw::DamageKind::Mask)));
        // Nothing drawn yet: Apply is off and says why.
        QVERIFY(!panel()->applyButton()->isEnabled());
        auto* hint = panel()->findChild<QLabel*>(QStringLiteral("damageApplyHint"));
        QVERIFY(hint);
        QVERIFY2(hint->text().contains(QStringLiteral("Draw")), qPrintable(hint->text()));

        rw::MaskDocument* mask = m_window->currentMask();
        QVERIFY(mask);
        mask->fillPolygon(QPolygonF{{60, 70}, {140, 70}, {140, 150}, {60, 150}});
        const cv::Mat drawn = mask->mask().clone();
        QVERIFY(panel()->applyButton()->isEnabled());

        const cv::Mat pixels = model()->item(0).print.pixels.clone();
        QVERIFY(applyAndWait());
        QCOMPARE(model()->count(), 2);
        const rw::EvidenceItem& derived = model()->item(1);
        QCOMPARE(derived.derivation->kind, rw::DamageKind::Mask);
        // What changed lies inside what was drawn (and inside the print).
        cv::Mat outsideDrawn;
        cv::bitwise_and(derived.derivation->mask, drawn == 0, outsideDrawn);
        QCOMPARE(cv::countNonZero(outsideDrawn), 0);
        QVERIFY(cv::countNonZero(derived.derivation->mask) > 80 * 80 / 2);
        cv::Mat changedOutside;
        cv::bitwise_and(derived.print.pixels != pixels, drawn == 0, changedOutside);
        QCOMPARE(cv::countNonZero(changedOutside), 0);
        QCOMPARE(cv::countNonZero(model()->item(0).print.pixels != pixels), 0);
    }

    void previewFollowsTheLatestSettings()
    {
        rw::ComparisonView* comparison = m_window->comparisonView();
        const QImage working = model()->item(0).working;
        QCOMPARE(comparison->workingView()->image(), working);

        QSignalSpy shown(m_window.get(), &rw::MainWindow::damagePreviewShown);
        panel()->setSpec(rw::DamageKind::Rotation, rw::DamageLevel::Hard, 11);
        panel()->previewBox()->setChecked(true);
        // Several changes in a row: only the last one may end up on screen.
        for (int seed = 12; seed <= 16; ++seed)
            panel()->seedBox()->setValue(seed);
        QTRY_VERIFY_WITH_TIMEOUT(
            !shown.isEmpty() && shown.last().at(0).toString().endsWith(QStringLiteral("seed 16")),
            kTimeoutMs);
        // Wait out any stale job still running, then check what is shown.
        QTest::qWait(200);
        QVERIFY(shown.last().at(0).toString().endsWith(QStringLiteral("seed 16")));
        for (const QList<QVariant>& args : shown)
            QVERIFY2(args.at(0).toString().endsWith(QStringLiteral("seed 16")) ||
                         args.at(0).toString().endsWith(QStringLiteral("seed 11")),
                     qPrintable(args.at(0).toString()));

        QVERIFY(comparison->isShowingPreview());
        rw::DamageSpec spec;
        spec.kind = rw::DamageKind::Rotation;
        spec.level = rw::DamageLevel::Hard;
        spec.seed = 16;
        spec.ppi = model()->item(0).print.ppi;
        const rw::DamagePreview expected = rw::previewDamage(model()->item(0).print.pixels, spec);
        QCOMPARE(cv::countNonZero(toMat(comparison->workingView()->image()) != expected.image), 0);
        QVERIFY(comparison->workingCaption()->text().contains(QStringLiteral("preview")));
        // A preview changes nothing in the list.
        QCOMPARE(model()->count(), 1);

        // Switched off: the model input is back.
        panel()->previewBox()->setChecked(false);
        QVERIFY(!comparison->isShowingPreview());
        QCOMPARE(comparison->workingView()->image(), working);
    }

    void newSeedPicksAnotherSeed()
    {
        panel()->seedBox()->setValue(5);
        QTest::mouseClick(panel()->newSeedButton(), Qt::LeftButton);
        const int first = panel()->seedBox()->value();
        QTest::mouseClick(panel()->newSeedButton(), Qt::LeftButton);
        // Two draws from a million can coincide, three in a row essentially never.
        QVERIFY(first != 5 || panel()->seedBox()->value() != 5);
        QVERIFY(panel()->seedBox()->value() >= 1);
    }
};

QTEST_MAIN(TestDamagePanel)
#include "tst_damagepanel.moc"
