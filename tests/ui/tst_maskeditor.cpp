// The mask editor on the Working pane, driven as an examiner would: mouse strokes at known
// image coordinates (mapped through the pane's view transform), undo/redo, lasso, clear,
// invert, and masks saved and loaded as PNG.
#include "ComparisonView.h"
#include "EvidenceModel.h"
#include "ImageView.h"
#include "MainWindow.h"
#include "MaskDocument.h"
#include "MaskEditor.h"
#include "MaskToolBar.h"

#include "TestFiles.h"

#include <ridgeworks/image/ImageWriter.h>

#include <QAction>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <memory>

namespace {

constexpr int kLoadTimeoutMs = 120000;
// Small enough that the fitted pane shows it at more than one screen pixel per image pixel:
// every image pixel then has a screen position of its own.
constexpr int kWidth = 160;
constexpr int kHeight = 200;

cv::Mat testPrint()
{
    return rw::test::stripedRegion(cv::Size(kWidth, kHeight), cv::Rect(20, 25, 120, 150));
}

// Distance from pixel (x, y) to the segment a–b.
double distanceToSegment(cv::Point2d p, cv::Point2d a, cv::Point2d b)
{
    const cv::Point2d ab = b - a;
    const double length2 = ab.dot(ab);
    const double t = length2 > 0.0 ? std::clamp((p - a).dot(ab) / length2, 0.0, 1.0) : 0.0;
    const cv::Point2d nearest = a + t * ab;
    return std::hypot(p.x - nearest.x, p.y - nearest.y);
}

}  // namespace

class TestMaskEditor : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<rw::MainWindow> m_window;
    QTemporaryDir m_dir;

    rw::ImageView* workingView() const { return m_window->comparisonView()->workingView(); }
    rw::MaskEditor* editor() const { return m_window->maskEditor(); }
    rw::MaskDocument* mask() const { return m_window->currentMask(); }
    QWidget* viewport() const { return workingView()->viewport(); }

    // Where the centre of image pixel (x, y) is on the Working pane's viewport.
    QPoint at(int x, int y) const { return workingView()->mapFromScene(QPointF(x + 0.5, y + 0.5)); }

    // One drag on the Working pane through the given image pixels, as QTest mouse events.
    void drag(const std::vector<QPoint>& pixels)
    {
        QTest::mousePress(viewport(), Qt::LeftButton, Qt::NoModifier,
                          at(pixels.front().x(), pixels.front().y()));
        for (std::size_t i = 1; i < pixels.size(); ++i)
            QTest::mouseMove(viewport(), at(pixels[i].x(), pixels[i].y()));
        QTest::mouseRelease(viewport(), Qt::LeftButton, Qt::NoModifier,
                            at(pixels.back().x(), pixels.back().y()));
    }

    int marked(int x, int y) const { return mask()->mask().at<uchar>(y, x); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RidgeworksTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_maskeditor"));
        QVERIFY(m_dir.isValid());
        rw::saveImage(m_dir.filePath(QStringLiteral("print.png")).toStdString(), testPrint(),
                      500.0);
    }

    void init()
    {
        QSettings().clear();
        m_window = std::make_unique<rw::MainWindow>();
        m_window->resize(1200, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy finished(m_window.get(), &rw::MainWindow::loadFinished);
        m_window->loadPaths({m_dir.filePath(QStringLiteral("print.png"))});
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QVERIFY(mask());
        QCOMPARE(mask()->size(), cv::Size(kWidth, kHeight));
        QVERIFY2(workingView()->zoom() > 1.0, qPrintable(QString::number(workingView()->zoom())));
    }

    void cleanup() { m_window.reset(); }

    void brushStrokeMarksPixelsAndUndoRestores()
    {
        QCOMPARE(mask()->damagedPixelCount(), 0);
        m_window->maskToolBar()->toolAction(rw::MaskEditor::Tool::Brush)->trigger();
        QCOMPARE(editor()->tool(), rw::MaskEditor::Tool::Brush);
        editor()->setBrushSize(9);

        const QPointF centreBefore = workingView()->sceneCentre();
        drag({{40, 60}, {70, 60}, {100, 60}, {100, 90}});

        // Painting does not pan.
        QCOMPARE(workingView()->sceneCentre(), centreBefore);
        // Pixels within the brush radius (4.5 px) of the path are marked; none farther out.
        const std::vector<std::pair<cv::Point2d, cv::Point2d>> path = {{{40, 60}, {100, 60}},
                                                                       {{100, 60}, {100, 90}}};
        for (int y = 0; y < kHeight; ++y) {
            for (int x = 0; x < kWidth; ++x) {
                double d = 1e9;
                for (const auto& [a, b] : path)
                    d = std::min(d, distanceToSegment({double(x), double(y)}, a, b));
                if (d <= 3.5)
                    QVERIFY2(marked(x, y) == 255,
                             qPrintable(QStringLiteral("unmarked %1,%2").arg(x).arg(y)));
                else if (d >= 6.0)
                    QVERIFY2(marked(x, y) == 0,
                             qPrintable(QStringLiteral("marked %1,%2").arg(x).arg(y)));
            }
        }
        const cv::Mat afterStroke = mask()->mask().clone();

        // One stroke is one undo step, however many mouse moves it took.
        QUndoStack* stack = mask()->undoStack();
        QCOMPARE(stack->count(), 1);
        QAction* undo = m_window->findChild<QAction*>(QStringLiteral("undoAction"));
        QAction* redo = m_window->findChild<QAction*>(QStringLiteral("redoAction"));
        QVERIFY(undo && redo);
        QVERIFY(undo->isEnabled());
        QVERIFY(undo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Z)));
        QVERIFY(redo->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z)));
        undo->trigger();
        QCOMPARE(mask()->damagedPixelCount(), 0);
        redo->trigger();
        QCOMPARE(cv::countNonZero(mask()->mask() != afterStroke), 0);

        // A second stroke is a second step: undo takes back only it.
        drag({{20, 150}, {60, 150}});
        QCOMPARE(stack->count(), 2);
        QVERIFY(marked(40, 150) == 255);
        undo->trigger();
        QCOMPARE(cv::countNonZero(mask()->mask() != afterStroke), 0);
    }

    void eraserUnmarks()
    {
        editor()->setTool(rw::MaskEditor::Tool::Brush);
        editor()->setBrushSize(21);
        drag({{50, 100}, {110, 100}});
        QCOMPARE(marked(80, 100), 255);
        QCOMPARE(marked(80, 108), 255);

        editor()->setTool(rw::MaskEditor::Tool::Eraser);
        editor()->setBrushSize(5);
        drag({{80, 85}, {80, 115}});
        // The eraser's 5 px line cuts the band in two; the rest of the band stays.
        for (int y = 92; y <= 108; ++y) {
            QCOMPARE(marked(80, y), 0);
            QCOMPARE(marked(79, y), 0);
            QCOMPARE(marked(81, y), 0);
        }
        QCOMPARE(marked(70, 100), 255);
        QCOMPARE(marked(90, 100), 255);
        QCOMPARE(mask()->undoStack()->count(), 2);
        mask()->undoStack()->undo();
        QCOMPARE(marked(80, 100), 255);
    }

    void lassoFillsThePolygon()
    {
        editor()->setTool(rw::MaskEditor::Tool::Lasso);
        const std::vector<QPoint> outline = {{30, 40}, {120, 40}, {120, 140}, {30, 140}};
        drag(outline);
        // Inside the quadrilateral (and its outline) marked, outside not.
        QCOMPARE(marked(75, 90), 255);
        QCOMPARE(marked(31, 41), 255);
        QCOMPARE(marked(119, 139), 255);
        QCOMPARE(marked(29, 90), 0);
        QCOMPARE(marked(121, 90), 0);
        QCOMPARE(marked(75, 39), 0);
        QCOMPARE(marked(75, 141), 0);
        QCOMPARE(mask()->damagedPixelCount(), 91 * 101);
        QCOMPARE(mask()->undoStack()->count(), 1);

        // A triangle: half of its bounding box.
        mask()->undoStack()->undo();
        drag({{20, 20}, {140, 20}, {20, 180}});
        QCOMPARE(marked(30, 30), 255);
        QCOMPARE(marked(130, 170), 0);
        const int area = mask()->damagedPixelCount();
        QVERIFY2(std::abs(area - 121 * 161 / 2) < 300, qPrintable(QString::number(area)));
    }

    void panModeStillPans()
    {
        m_window->comparisonView()->zoomIn();
        m_window->comparisonView()->zoomIn();
        m_window->comparisonView()->zoomIn();
        editor()->setTool(rw::MaskEditor::Tool::Pan);
        const QPointF before = workingView()->sceneCentre();
        const QPoint start = viewport()->rect().center();
        QTest::mousePress(viewport(), Qt::LeftButton, Qt::NoModifier, start);
        QTest::mouseMove(viewport(), start + QPoint(30, 20));
        QTest::mouseMove(viewport(), start + QPoint(60, 40));
        QTest::mouseRelease(viewport(), Qt::LeftButton, Qt::NoModifier, start + QPoint(60, 40));
        QVERIFY(workingView()->sceneCentre() != before);
        QCOMPARE(mask()->damagedPixelCount(), 0);
        QCOMPARE(mask()->undoStack()->count(), 0);
    }

    void invertAndClear()
    {
        editor()->setTool(rw::MaskEditor::Tool::Lasso);
        drag({{10, 10}, {50, 10}, {50, 50}, {10, 50}});
        const int inside = mask()->damagedPixelCount();
        QCOMPARE(inside, 41 * 41);

        m_window->maskToolBar()->invertAction()->trigger();
        QCOMPARE(mask()->damagedPixelCount(), kWidth * kHeight - inside);
        QCOMPARE(marked(30, 30), 0);
        QCOMPARE(marked(100, 100), 255);

        m_window->maskToolBar()->clearAction()->trigger();
        QCOMPARE(mask()->damagedPixelCount(), 0);
        QCOMPARE(mask()->undoStack()->count(), 3);
        mask()->undoStack()->undo();
        QCOMPARE(mask()->damagedPixelCount(), kWidth * kHeight - inside);
        mask()->undoStack()->undo();
        QCOMPARE(mask()->damagedPixelCount(), inside);
        // Clearing an empty mask is not an undo step.
        mask()->undoStack()->undo();
        const int steps = mask()->undoStack()->index();
        m_window->maskToolBar()->clearAction()->trigger();
        QCOMPARE(mask()->undoStack()->index(), steps);
    }

    void overlayVisibilityAndOpacity()
    {
        QAction* show = m_window->maskToolBar()->showAction();
        QVERIFY(show->isChecked());
        show->trigger();
        QVERIFY(!editor()->isOverlayVisible());
        show->trigger();
        QVERIFY(editor()->isOverlayVisible());
        m_window->maskToolBar()->opacitySlider()->setValue(80);
        QCOMPARE(editor()->overlayOpacity(), 0.8);
    }

    void saveAndLoadRoundTrip()
    {
        editor()->setTool(rw::MaskEditor::Tool::Brush);
        editor()->setBrushSize(15);
        drag({{30, 30}, {130, 170}});
        const cv::Mat drawn = mask()->mask().clone();
        const QString file = m_dir.filePath(QStringLiteral("mask.png"));
        QVERIFY(m_window->saveMask(file));
        QVERIFY(QFileInfo::exists(file));

        m_window->maskToolBar()->clearAction()->trigger();
        QCOMPARE(mask()->damagedPixelCount(), 0);
        QVERIFY(m_window->loadMask(file));
        QCOMPARE(cv::countNonZero(mask()->mask() != drawn), 0);
        // Loading is one undo step too.
        mask()->undoStack()->undo();
        QCOMPARE(mask()->damagedPixelCount(), 0);
    }

    void loadOfWrongSizeOrBadFileNamesTheFile()
    {
        const QString small = m_dir.filePath(QStringLiteral("small-mask.png"));
        rw::saveImage(small.toStdString(), cv::Mat(50, 40, CV_8UC1, cv::Scalar(255)), 500.0);
        const QString broken = m_dir.filePath(QStringLiteral("broken-mask.png"));
        {
            QFile out(broken);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write("\x89PNG\r\n\x1a\n not really");
        }
        QSignalSpy problems(m_window.get(), &rw::MainWindow::maskProblemReported);

        QVERIFY(!m_window->loadMask(small));
        QCOMPARE(problems.size(), 1);
        QString text = problems.at(0).at(0).toString();
        QVERIFY2(text.contains(QStringLiteral("small-mask.png")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("40×50")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("160×200")), qPrintable(text));
        auto* box = m_window->findChild<QMessageBox*>(QStringLiteral("maskProblemMessage"));
        QVERIFY(box);
        QVERIFY(box->isVisible());
        box->close();

        QVERIFY(!m_window->loadMask(broken));
        QCOMPARE(problems.size(), 2);
        text = problems.at(1).at(0).toString();
        QVERIFY2(text.contains(QStringLiteral("broken-mask.png")), qPrintable(text));
        QCOMPARE(mask()->damagedPixelCount(), 0);
        QCOMPARE(mask()->undoStack()->count(), 0);
    }
};

QTEST_MAIN(TestMaskEditor)
#include "tst_maskeditor.moc"
