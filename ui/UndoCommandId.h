#pragma once
// Every QUndoCommand::id() in the workbench, in one enum so two kinds of command can never
// share an id by accident and merge into each other (Tiled's habit).
namespace rw {

enum UndoCommandId : int {
    MaskStrokeCommandId = 1,  // the segments of one brush or eraser stroke merge into one step
};

}  // namespace rw
