#pragma once
// The small grey explanatory line the docks put under their controls ("why is this off").
#include <QLabel>

namespace rw {

inline QLabel* makePanelNote(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(QStringLiteral("color: #6b7480"));
    return label;
}

}  // namespace rw
