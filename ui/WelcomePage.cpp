#include "WelcomePage.h"

#include "AppIcon.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace rw {

WelcomePage::WelcomePage(QWidget* parent)
    : QWidget(parent)
{
    auto* icon = new QLabel(this);
    icon->setPixmap(applicationIcon().pixmap(128, 128));
    icon->setAlignment(Qt::AlignCenter);

    auto* title = new QLabel(QStringLiteral("<h1>Ridgeworks</h1>"), this);
    title->setAlignment(Qt::AlignCenter);

    // Lines broken by hand: a word-wrapped label in a centred layout gets too little height.
    auto* text = new QLabel(
        QStringLiteral("Compare each fingerprint with what the reconstruction model sees:<br>"
                       "the print is found, cropped and scaled to the model's 100×100 input,<br>"
                       "then shown next to the original, pixel for pixel.<br><br>"
                       "Start with the demo prints — five synthetic fingerprints, one of each "
                       "class —<br>or open your own images. You can also drop files or folders "
                       "anywhere on this window."),
        this);
    text->setTextFormat(Qt::RichText);
    text->setAlignment(Qt::AlignCenter);

    m_demoButton = new QPushButton(QStringLiteral("Load demo prints"), this);
    m_demoButton->setObjectName(QStringLiteral("loadDemoButton"));
    m_demoButton->setDefault(true);
    auto* filesButton = new QPushButton(QStringLiteral("Open files…"), this);
    filesButton->setObjectName(QStringLiteral("openFilesButton"));
    auto* folderButton = new QPushButton(QStringLiteral("Open folder…"), this);
    folderButton->setObjectName(QStringLiteral("openFolderButton"));
    connect(m_demoButton, &QPushButton::clicked, this, &WelcomePage::loadDemoRequested);
    connect(filesButton, &QPushButton::clicked, this, &WelcomePage::openFilesRequested);
    connect(folderButton, &QPushButton::clicked, this, &WelcomePage::openFolderRequested);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_demoButton);
    buttons->addWidget(filesButton);
    buttons->addWidget(folderButton);
    buttons->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addSpacing(16);
    layout->addLayout(buttons);
    layout->addStretch(3);
}

}  // namespace rw
