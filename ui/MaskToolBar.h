#pragma once
// The controls of the mask editor: the tools (Pan, Brush, Eraser, Lasso), brush size,
// clear, invert, and the overlay's visibility and opacity. The actions are shared with the
// Mask menu, so menu and tool bar can never disagree.
#include "MaskEditor.h"

#include <QToolBar>

class QAction;
class QActionGroup;
class QSlider;
class QSpinBox;

namespace rw {

class MaskToolBar : public QToolBar {
    Q_OBJECT

public:
    MaskToolBar(MaskEditor* editor, QWidget* parent = nullptr);

    QAction* toolAction(MaskEditor::Tool tool) const;
    QAction* clearAction() const { return m_clear; }
    QAction* invertAction() const { return m_invert; }
    QAction* showAction() const { return m_show; }
    QSpinBox* brushSizeBox() const { return m_size; }
    QSlider* opacitySlider() const { return m_opacity; }

    // Editing actions need a mask (an open print with a Working image).
    void setEditable(bool editable);

private:
    QAction* addTool(MaskEditor::Tool tool, const QString& text, const QKeySequence& key,
                     const QString& tip);

    MaskEditor* m_editor;
    QActionGroup* m_tools;
    QAction* m_clear = nullptr;
    QAction* m_invert = nullptr;
    QAction* m_show = nullptr;
    QSpinBox* m_size = nullptr;
    QSlider* m_opacity = nullptr;
};

}  // namespace rw
