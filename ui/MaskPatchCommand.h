#pragma once
// One undoable change of a damage mask, stored as the changed rectangle before and after —
// not the whole mask, so a stroke on a large print costs only what it touched.
// Commands of the same stroke merge (as in Qt's undoframework example): the brush pushes one
// per mouse move, the undo stack holds one step per stroke.
#include <QString>
#include <QUndoCommand>

#include <opencv2/core.hpp>

namespace rw {

class MaskDocument;

class MaskPatchCommand : public QUndoCommand {
public:
    // `before` and `after` are the pixels of `rect` before and after the change. A nonzero
    // `strokeId` lets the following commands of the same stroke merge into this one.
    MaskPatchCommand(MaskDocument* document, cv::Rect rect, cv::Mat before, cv::Mat after,
                     const QString& text, int strokeId = 0);

    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;
    void undo() override;
    void redo() override;

private:
    MaskDocument* m_document;
    cv::Rect m_rect;
    cv::Mat m_before;
    cv::Mat m_after;
    int m_strokeId;
};

}  // namespace rw
