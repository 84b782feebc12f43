#pragma once
// What the central area shows while nothing is open: a newcomer gets the workbench running
// with one click on the demo prints, or opens their own files.
#include <QWidget>

class QPushButton;

namespace rw {

class WelcomePage : public QWidget {
    Q_OBJECT

public:
    explicit WelcomePage(QWidget* parent = nullptr);

    QPushButton* demoButton() const { return m_demoButton; }

Q_SIGNALS:
    void loadDemoRequested();
    void openFilesRequested();
    void openFolderRequested();

private:
    QPushButton* m_demoButton = nullptr;
};

}  // namespace rw
