// The workbench window end to end on the offscreen platform: loading by drop, the one
// report of bad files, synchronised panes, the pixel readout, the demo prints, resolution.
#include "ComparisonView.h"
#include "EvidenceModel.h"
#include "ImageView.h"
#include "MainWindow.h"
#include "ModelLibrary.h"
#include "WelcomePage.h"

#include "TestFiles.h"

#include <ridgeworks/image/ImageWriter.h>

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QTimer>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QWheelEvent>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

#include <memory>

namespace {

// Generous: sanitizer builds synthesize the demo prints many times slower than release.
constexpr int kLoadTimeoutMs = 120000;

// A print-like test image: ridges inside a box, paper around it.
cv::Mat testPrint(int width = 240, int height = 300)
{
    return rw::test::stripedRegion(cv::Size(width, height),
                                   cv::Rect(width / 6, height / 8, width * 2 / 3, height * 3 / 4));
}

void writePng(const QString& path, const cv::Mat& image, double ppi = 500.0)
{
    rw::saveImage(path.toStdString(), image, ppi);
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(bytes), bytes.size());
}

bool isNonBlank(const QImage& image)
{
    if (image.isNull())
        return false;
    const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
    int lo = 255, hi = 0;
    for (int y = 0; y < gray.height(); ++y) {
        const uchar* row = gray.constScanLine(y);
        for (int x = 0; x < gray.width(); ++x) {
            lo = std::min<int>(lo, row[x]);
            hi = std::max<int>(hi, row[x]);
        }
    }
    return hi - lo > 40;
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<rw::MainWindow> m_window;

    rw::EvidenceModel* model() const { return m_window->evidenceModel(); }
    rw::ImageView* originalView() const { return m_window->comparisonView()->originalView(); }
    rw::ImageView* workingView() const { return m_window->comparisonView()->workingView(); }

    // Drops `paths` on the window as a file manager would, and waits for the load.
    bool dropAndWait(const QStringList& paths)
    {
        QSignalSpy finished(m_window.get(), &rw::MainWindow::loadFinished);
        QMimeData mime;
        QList<QUrl> urls;
        for (const QString& path : paths)
            urls.append(QUrl::fromLocalFile(path));
        mime.setUrls(urls);
        const QPoint pos = m_window->rect().center();
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &enter);
        if (!enter.isAccepted())
            return false;
        QDropEvent drop(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &drop);
        return finished.wait(kLoadTimeoutMs);
    }

    bool showAndLoad(const QString& file)
    {
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            return false;
        return dropAndWait({file});
    }

    static void sendMouseMove(QWidget* viewport, QPoint pos,
                              Qt::MouseButtons buttons = Qt::NoButton)
    {
        QMouseEvent move(QEvent::MouseMove, QPointF(pos), QPointF(viewport->mapToGlobal(pos)),
                         Qt::NoButton, buttons, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &move);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Keep the developer's own settings (recent files, window state) out of the tests.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RidgeworksTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }

    void init()
    {
        QSettings().clear();
        m_window = std::make_unique<rw::MainWindow>();
        m_window->resize(1200, 800);
    }

    void cleanup() { m_window.reset(); }

    void startsOnTheWelcomePage()
    {
        auto* stack = m_window->findChild<QStackedWidget*>();
        QVERIFY(stack);
        QVERIFY(qobject_cast<rw::WelcomePage*>(stack->currentWidget()));
        QCOMPARE(model()->count(), 0);
    }

    void dropOfFolderAndFileLoadsAll()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("case/sub")));
        writePng(dir.filePath(QStringLiteral("case/a.png")), testPrint());
        writePng(dir.filePath(QStringLiteral("case/sub/b.png")), testPrint(200, 260), 1000.0);
        // Not an image: a folder scan skips it rather than reporting it.
        writeBytes(dir.filePath(QStringLiteral("case/sub/notes.txt")), "examiner notes");
        QVERIFY(cv::imwrite(dir.filePath(QStringLiteral("single.bmp")).toStdString(),
                            testPrint(180, 220)));

        QSignalSpy problems(m_window.get(), &rw::MainWindow::loadProblemsReported);
        QVERIFY(dropAndWait(
            {dir.filePath(QStringLiteral("case")), dir.filePath(QStringLiteral("single.bmp"))}));

        QCOMPARE(model()->count(), 3);
        QCOMPARE(model()->names(), (QStringList{QStringLiteral("a.png"), QStringLiteral("b.png"),
                                                QStringLiteral("single.bmp")}));
        QCOMPARE(problems.size(), 0);
        QVERIFY(!m_window->findChild<QMessageBox*>(QStringLiteral("loadProblemsMessage")));

        // Resolution: stated by the PNG files, assumed for the BMP (OpenCV writes none).
        QCOMPARE(model()->item(0).ppiOrigin, rw::PpiOrigin::File);
        // PNG stores pixels per metre: 1000 ppi comes back as 999.998.
        QVERIFY(std::abs(model()->item(1).print.ppi - 1000.0) < 0.01);
        QVERIFY(
            model()->index(1).data().toString().contains(QStringLiteral("1000 ppi (from file)")));
        QCOMPARE(model()->item(2).ppiOrigin, rw::PpiOrigin::Default);
        QVERIFY(model()->index(2).data().toString().contains(QStringLiteral("500 ppi (default)")));

        // The first new print is shown: both panes hold images of the same geometry.
        QCOMPARE(m_window->currentRow(), 0);
        QCOMPARE(originalView()->image().size(), QSize(240, 300));
        QCOMPARE(workingView()->image().size(), QSize(240, 300));
        const QString caption = m_window->comparisonView()->workingCaption()->text();
        QVERIFY2(caption.contains(QStringLiteral("model input 100×100")), qPrintable(caption));

        // Dropping the same files again opens nothing twice.
        QVERIFY(dropAndWait({dir.filePath(QStringLiteral("single.bmp"))}));
        QCOMPARE(model()->count(), 3);
    }

    void badFilesAreReportedInOneMessage()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString good = dir.filePath(QStringLiteral("good.png"));
        writePng(good, testPrint());
        const QString garbage = dir.filePath(QStringLiteral("garbage.png"));
        QByteArray noise(4096, '\0');
        for (int i = 0; i < noise.size(); ++i)
            noise[i] = static_cast<char>((i * 7919 + 13) % 256);
        writeBytes(garbage, noise);
        const QString empty = dir.filePath(QStringLiteral("empty.bmp"));
        writeBytes(empty, QByteArray());
        const QString text = dir.filePath(QStringLiteral("readme.txt"));
        writeBytes(text, "not a fingerprint\n");

        QSignalSpy problems(m_window.get(), &rw::MainWindow::loadProblemsReported);
        QSignalSpy finished(m_window.get(), &rw::MainWindow::loadFinished);
        QVERIFY(dropAndWait({garbage, good, empty, text}));

        QCOMPARE(model()->names(), QStringList{QStringLiteral("good.png")});
        QCOMPARE(finished.first().at(0).toInt(), 1);
        QCOMPARE(finished.first().at(1).toInt(), 3);
        QCOMPARE(problems.size(), 1);

        const QList<QMessageBox*> boxes =
            m_window->findChildren<QMessageBox*>(QStringLiteral("loadProblemsMessage"));
        QCOMPARE(boxes.size(), 1);
        QMessageBox* box = boxes.first();
        QVERIFY(box->isVisible());
        QVERIFY(!box->isModal() || box->windowModality() != Qt::ApplicationModal);
        const QString shown = box->text() + u'\n' + box->informativeText();
        for (const QString& bad : {garbage, empty, text})
            QVERIFY2(shown.contains(bad), qPrintable(shown));
        QVERIFY2(!shown.contains(good), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("3 items could not be loaded")), qPrintable(shown));
        // Each line says why, in core's words (rw::Error::what()).
        QVERIFY2(shown.contains(QStringLiteral("empty")), qPrintable(shown));
        QCOMPARE(problems.first().first().toString().count(u'\n'), 3);
    }

    void wheelZoomKeepsPanesInStep()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("print.png"));
        writePng(file, testPrint(400, 500));
        QVERIFY(showAndLoad(file));

        const double before = originalView()->zoom();
        QCOMPARE(workingView()->zoom(), before);

        QWidget* viewport = originalView()->viewport();
        const QPointF at(viewport->width() * 0.3, viewport->height() * 0.4);
        QWheelEvent wheel(at, viewport->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(viewport, &wheel);

        const double zoomed = originalView()->zoom();
        QVERIFY(zoomed > before * 1.3);
        QCOMPARE(workingView()->zoom(), zoomed);
        const double tolerance = 1.0 / zoomed;
        QVERIFY(std::abs(workingView()->sceneCentre().x() - originalView()->sceneCentre().x()) <=
                tolerance);
        QVERIFY(std::abs(workingView()->sceneCentre().y() - originalView()->sceneCentre().y()) <=
                tolerance);

        // And the other way round: zooming out on the Working pane.
        QWidget* workingViewport = workingView()->viewport();
        QWheelEvent back(at, workingViewport->mapToGlobal(at), QPoint(), QPoint(0, -120),
                         Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(workingViewport, &back);
        QVERIFY(workingView()->zoom() < zoomed);
        QCOMPARE(originalView()->zoom(), workingView()->zoom());
    }

    void panKeepsPanesOnTheSameCentre()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("print.png"));
        writePng(file, testPrint(400, 500));
        QVERIFY(showAndLoad(file));

        m_window->comparisonView()->actualSize();
        m_window->comparisonView()->zoomIn();
        m_window->comparisonView()->zoomIn();
        QScrollBar* hbar = originalView()->horizontalScrollBar();
        QVERIFY(hbar->maximum() > 100);

        const QPointF centreBefore = workingView()->sceneCentre();
        hbar->setValue(hbar->value() + 60);
        const double tolerance = 1.0 / originalView()->zoom() + 1e-9;
        QVERIFY(std::abs(workingView()->sceneCentre().x() - originalView()->sceneCentre().x()) <=
                tolerance);
        QVERIFY(std::abs(workingView()->sceneCentre().y() - originalView()->sceneCentre().y()) <=
                tolerance);
        QVERIFY(workingView()->sceneCentre().x() >
                centreBefore.x() + 30.0 / originalView()->zoom());

        // Dragging the Working pane moves the Original with it.
        QWidget* viewport = workingView()->viewport();
        const QPoint start = viewport->rect().center();
        const QPoint end = start + QPoint(80, 50);
        const QPointF originalBefore = originalView()->sceneCentre();
        QMouseEvent press(QEvent::MouseButtonPress, QPointF(start),
                          QPointF(viewport->mapToGlobal(start)), Qt::LeftButton, Qt::LeftButton,
                          Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &press);
        sendMouseMove(viewport, start + QPoint(40, 25), Qt::LeftButton);
        sendMouseMove(viewport, end, Qt::LeftButton);
        QMouseEvent release(QEvent::MouseButtonRelease, QPointF(end),
                            QPointF(viewport->mapToGlobal(end)), Qt::LeftButton, Qt::NoButton,
                            Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &release);

        const QPointF originalAfter = originalView()->sceneCentre();
        // Dragging right/down shows what lies left/up: the centre moves by drag / zoom.
        const double zoom = originalView()->zoom();
        QVERIFY2(std::abs((originalBefore.x() - originalAfter.x()) - 80.0 / zoom) <= 2.0 / zoom,
                 qPrintable(QString::number(originalBefore.x() - originalAfter.x())));
        QVERIFY2(std::abs((originalBefore.y() - originalAfter.y()) - 50.0 / zoom) <= 2.0 / zoom,
                 qPrintable(QString::number(originalBefore.y() - originalAfter.y())));
        QVERIFY(std::abs(workingView()->sceneCentre().x() - originalAfter.x()) <= tolerance);
        QVERIFY(std::abs(workingView()->sceneCentre().y() - originalAfter.y()) <= tolerance);
    }

    void statusBarShowsPixelAndGrayValue()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("print.png"));
        const cv::Mat image = testPrint(240, 300);
        writePng(file, image, 1000.0);
        QVERIFY(showAndLoad(file));
        m_window->comparisonView()->actualSize();
        m_window->comparisonView()->zoomIn();

        auto* readout = m_window->findChild<QLabel*>(QStringLiteral("pixelReadout"));
        QVERIFY(readout);
        const QPoint pixel(97, 123);
        const int gray = image.at<uchar>(pixel.y(), pixel.x());
        QVERIFY(gray != 250);  // inside the ridges, not paper

        QWidget* viewport = originalView()->viewport();
        sendMouseMove(viewport, originalView()->mapFromScene(QPointF(pixel) + QPointF(0.5, 0.5)));
        QString text = readout->text();
        QVERIFY2(text.startsWith(QStringLiteral("Original")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("x 97, y 123")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("gray ") + QString::number(gray)), qPrintable(text));
        // 1000 ppi: pixel 97's centre is 97.5 / 1000 inch = 2.48 mm from the edge.
        QVERIFY2(text.contains(QStringLiteral("(2.48, 3.14 mm)")), qPrintable(text));

        // The same pixel on the Working pane reads the Working image.
        const QImage working = workingView()->image();
        const int workingGray = qGray(working.pixel(pixel));
        QWidget* workingViewport = workingView()->viewport();
        sendMouseMove(workingViewport,
                      workingView()->mapFromScene(QPointF(pixel) + QPointF(0.5, 0.5)));
        text = readout->text();
        QVERIFY2(text.startsWith(QStringLiteral("Working")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("x 97, y 123")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("gray ") + QString::number(workingGray)),
                 qPrintable(text));

        auto* resolution = m_window->findChild<QLabel*>(QStringLiteral("resolutionReadout"));
        QVERIFY(resolution);
        QCOMPARE(resolution->text(), QStringLiteral("1000 ppi (from file)"));
    }

    void demoPrintsLoadFromTheWelcomePage()
    {
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        auto* welcome = m_window->findChild<rw::WelcomePage*>();
        QVERIFY(welcome);
        QSignalSpy finished(m_window.get(), &rw::MainWindow::loadFinished);
        QTest::mouseClick(welcome->demoButton(), Qt::LeftButton);
        // The work runs in the background, with progress and Cancel in the status bar.
        auto* progress = m_window->findChild<QWidget*>(QStringLiteral("jobProgress"));
        QVERIFY(progress);
        QVERIFY(progress->isVisible());
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QTRY_VERIFY(!progress->isVisible());

        QCOMPARE(model()->count(), 5);
        QCOMPARE(model()->names(), (QStringList{QStringLiteral("demo-arch-seed-1"),
                                                QStringLiteral("demo-tented-arch-seed-2"),
                                                QStringLiteral("demo-left-loop-seed-3"),
                                                QStringLiteral("demo-right-loop-seed-4"),
                                                QStringLiteral("demo-whorl-seed-5")}));
        for (int row = 0; row < model()->count(); ++row) {
            const rw::EvidenceItem& item = model()->item(row);
            const QImage thumbnail = model()->index(row).data(Qt::DecorationRole).value<QImage>();
            QVERIFY2(isNonBlank(thumbnail), qPrintable(item.name));
            QCOMPARE(item.print.ppi, 500.0);
            QCOMPARE(item.print.source.format, std::string("synthetic"));
            QCOMPARE(item.print.sha256.size(), std::size_t(64));
            QVERIFY(item.preprocessed.has_value());
        }
        // The first demo print is on show in both panes.
        QCOMPARE(m_window->currentRow(), 0);
        QVERIFY(isNonBlank(originalView()->image()));
        QVERIFY(isNonBlank(workingView()->image()));
        QVERIFY(m_window->windowTitle().startsWith(QStringLiteral("demo-arch-seed-1")));
    }

    void setResolutionMarksTheItem()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("print.bmp"));
        QVERIFY(cv::imwrite(file.toStdString(), testPrint()));
        QVERIFY(showAndLoad(file));
        QVERIFY(model()->index(0).data().toString().contains(QStringLiteral("500 ppi (default)")));

        m_window->setResolution(0, 1000.0);
        QCOMPARE(model()->item(0).print.ppi, 1000.0);
        QCOMPARE(model()->item(0).ppiOrigin, rw::PpiOrigin::User);
        QVERIFY(
            model()->index(0).data().toString().contains(QStringLiteral("1000 ppi (set by user)")));
        QCOMPARE(m_window->findChild<QLabel*>(QStringLiteral("resolutionReadout"))->text(),
                 QStringLiteral("1000 ppi (set by user)"));
        QVERIFY(m_window->comparisonView()->originalCaption()->text().contains(
            QStringLiteral("1000 ppi")));
        // The effective resolution of the model input follows.
        const rw::Preprocessed& pre = *model()->item(0).preprocessed;
        QCOMPARE(pre.ppiX, 1000.0 * pre.transform.scaleX);
    }

    void recentFilesRememberWhatWasOpened()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("recent.png"));
        writePng(file, testPrint());
        QVERIFY(showAndLoad(file));

        auto* recent = m_window->findChild<QMenu*>(QStringLiteral("recentMenu"));
        QVERIFY(recent);
        QVERIFY(recent->menuAction()->isEnabled());
        QCOMPARE(recent->actions().first()->toolTip(), file);
        QCOMPARE(QSettings().value(QStringLiteral("recentFiles")).toStringList(),
                 QStringList{file});

        // Reopening from the menu after removal loads the file again.
        m_window->selectRow(0);
        QSignalSpy finished(m_window.get(), &rw::MainWindow::loadFinished);
        model()->remove(0);
        QCOMPARE(model()->count(), 0);
        recent->actions().first()->trigger();
        QVERIFY(finished.wait(kLoadTimeoutMs));
        QCOMPARE(model()->names(), QStringList{QStringLiteral("recent.png")});

        // "Clear Recent Files" is the last entry.
        recent->actions().last()->trigger();
        QVERIFY(!recent->menuAction()->isEnabled());
        QVERIFY(QSettings().value(QStringLiteral("recentFiles")).toStringList().isEmpty());
    }

    // Help ▸ About says which version and which model folders this copy uses (lab IT checks
    // an installation there).
    void aboutNamesVersionAndModelFolders()
    {
        QAction* about = nullptr;
        for (QAction* action : m_window->findChildren<QAction*>())
            if (action->text() == QStringLiteral("&About Ridgeworks"))
                about = action;
        QVERIFY(about);
        QString text;
        QTimer::singleShot(0, this, [&text] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (box) {
                text = box->text();
                box->accept();
            }
        });
        about->trigger();
        const QString shipped = m_window->modelLibrary()->shippedModelsDir();
        QVERIFY(!shipped.isEmpty());
        QVERIFY2(text.contains(shipped.toHtmlEscaped()), qPrintable(text));
        QVERIFY(text.contains(m_window->modelLibrary()->userModelsDir().toHtmlEscaped()));
        QVERIFY(text.contains(QStringLiteral(RIDGEWORKS_VERSION)));
        QVERIFY(text.contains(QStringLiteral("libtorch 1.")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
