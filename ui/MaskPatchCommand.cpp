#include "MaskPatchCommand.h"

#include "MaskDocument.h"
#include "UndoCommandId.h"

namespace rw {

MaskPatchCommand::MaskPatchCommand(MaskDocument* document, cv::Rect rect, cv::Mat before,
                                   cv::Mat after, const QString& text, int strokeId)
    : QUndoCommand(text)
    , m_document(document)
    , m_rect(rect)
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_strokeId(strokeId)
{
}

int MaskPatchCommand::id() const
{
    return m_strokeId != 0 ? MaskStrokeCommandId : -1;
}

bool MaskPatchCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = static_cast<const MaskPatchCommand*>(other);
    if (next->m_strokeId != m_strokeId || next->m_document != m_document)
        return false;
    // QUndoStack merges right after `next` was applied, so the mask now holds the state after
    // both. Before both: this command's `before` where it touched, `next`'s `before` where only
    // it touched, and the present pixels where neither did.
    const cv::Rect united = m_rect | next->m_rect;
    const cv::Mat& mask = m_document->mask();
    cv::Mat before = mask(united).clone();
    next->m_before.copyTo(before(next->m_rect - united.tl()));
    m_before.copyTo(before(m_rect - united.tl()));
    m_before = std::move(before);
    m_after = mask(united).clone();
    m_rect = united;
    return true;
}

void MaskPatchCommand::undo()
{
    m_document->setPatch(m_rect, m_before);
}

void MaskPatchCommand::redo()
{
    m_document->setPatch(m_rect, m_after);
}

}  // namespace rw
