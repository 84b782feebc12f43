#include "MaskToolBar.h"

#include "MaskDocument.h"

#include <QAction>
#include <QActionGroup>
#include <QLabel>
#include <QSlider>
#include <QSpinBox>

namespace rw {

MaskToolBar::MaskToolBar(MaskEditor* editor, QWidget* parent)
    : QToolBar(QStringLiteral("Mask"), parent)
    , m_editor(editor)
    , m_tools(new QActionGroup(this))
{
    setObjectName(QStringLiteral("maskToolBar"));
    setMovable(false);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_tools->setExclusive(true);

    addWidget(new QLabel(QStringLiteral(" Damage mask: "), this));
    addTool(MaskEditor::Tool::Pan, QStringLiteral("&Pan"), QKeySequence(Qt::Key_P),
            QStringLiteral("Drag moves the image (P)"))
        ->setChecked(true);
    addTool(MaskEditor::Tool::Brush, QStringLiteral("&Brush"), QKeySequence(Qt::Key_B),
            QStringLiteral("Drag on the Working pane marks damaged pixels (B)"));
    addTool(MaskEditor::Tool::Eraser, QStringLiteral("&Eraser"), QKeySequence(Qt::Key_E),
            QStringLiteral("Drag on the Working pane unmarks pixels (E)"));
    addTool(MaskEditor::Tool::Lasso, QStringLiteral("&Lasso"), QKeySequence(Qt::Key_L),
            QStringLiteral("Draw a closed outline on the Working pane; its inside is marked (L)"));
    connect(editor, &MaskEditor::toolChanged, this,
            [this](MaskEditor::Tool tool) { toolAction(tool)->setChecked(true); });

    addWidget(new QLabel(QStringLiteral("  Size "), this));
    m_size = new QSpinBox(this);
    m_size->setObjectName(QStringLiteral("brushSize"));
    m_size->setRange(MaskEditor::kMinBrushSize, MaskEditor::kMaxBrushSize);
    m_size->setSuffix(QStringLiteral(" px"));
    m_size->setValue(editor->brushSize());
    m_size->setToolTip(QStringLiteral("Brush and eraser diameter in image pixels"));
    connect(m_size, &QSpinBox::valueChanged, editor, &MaskEditor::setBrushSize);
    connect(editor, &MaskEditor::brushSizeChanged, m_size, &QSpinBox::setValue);
    addWidget(m_size);
    addSeparator();

    m_clear = addAction(QStringLiteral("&Clear"));
    m_clear->setObjectName(QStringLiteral("clearMaskAction"));
    m_clear->setStatusTip(QStringLiteral("Unmark every pixel (undoable)"));
    connect(m_clear, &QAction::triggered, this, [this] {
        if (m_editor->document())
            m_editor->document()->clear();
    });
    m_invert = addAction(QStringLiteral("&Invert"));
    m_invert->setObjectName(QStringLiteral("invertMaskAction"));
    m_invert->setStatusTip(QStringLiteral("Swap marked and unmarked pixels (undoable)"));
    connect(m_invert, &QAction::triggered, this, [this] {
        if (m_editor->document())
            m_editor->document()->invert();
    });
    addSeparator();

    m_show = addAction(QStringLiteral("&Show Mask"));
    m_show->setObjectName(QStringLiteral("showMaskAction"));
    m_show->setCheckable(true);
    m_show->setChecked(editor->isOverlayVisible());
    m_show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_show->setStatusTip(QStringLiteral("Show the mask in red over the Working pane"));
    connect(m_show, &QAction::toggled, editor, &MaskEditor::setOverlayVisible);
    connect(editor, &MaskEditor::overlayVisibleChanged, m_show, &QAction::setChecked);

    addWidget(new QLabel(QStringLiteral(" Opacity "), this));
    m_opacity = new QSlider(Qt::Horizontal, this);
    m_opacity->setObjectName(QStringLiteral("maskOpacity"));
    m_opacity->setRange(10, 100);
    m_opacity->setValue(static_cast<int>(editor->overlayOpacity() * 100.0));
    m_opacity->setMaximumWidth(110);
    m_opacity->setToolTip(QStringLiteral("Opacity of the mask overlay"));
    connect(m_opacity, &QSlider::valueChanged, editor,
            [editor](int percent) { editor->setOverlayOpacity(percent / 100.0); });
    connect(m_show, &QAction::toggled, m_opacity, &QWidget::setEnabled);
    addWidget(m_opacity);
}

QAction* MaskToolBar::addTool(MaskEditor::Tool tool, const QString& text, const QKeySequence& key,
                              const QString& tip)
{
    QAction* action = addAction(text);
    action->setCheckable(true);
    action->setShortcut(key);
    action->setStatusTip(tip);
    action->setToolTip(tip);
    action->setData(static_cast<int>(tool));
    m_tools->addAction(action);
    connect(action, &QAction::triggered, m_editor, [this, tool] { m_editor->setTool(tool); });
    return action;
}

QAction* MaskToolBar::toolAction(MaskEditor::Tool tool) const
{
    const QList<QAction*> actions = m_tools->actions();
    for (QAction* action : actions) {
        if (action->data().toInt() == static_cast<int>(tool))
            return action;
    }
    return nullptr;
}

void MaskToolBar::setEditable(bool editable)
{
    for (QAction* action : m_tools->actions())
        action->setEnabled(editable);
    m_clear->setEnabled(editable);
    m_invert->setEnabled(editable);
    m_size->setEnabled(editable);
}

}  // namespace rw
