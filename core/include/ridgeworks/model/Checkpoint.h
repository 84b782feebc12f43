#pragma once
// The checkpoint file (.rwm): one file holding the model card, the best weights and the
// state needed to resume training exactly (last weights, optimizer moments, counters).
// Layout: magic "RIDGEWORKS-MODEL", format version, then three length-prefixed sections
// (card JSON, weights, resume state), then the SHA-256 of everything before it — so a
// truncated, foreign or edited file is refused before any byte is used.
// No libtorch here: weights travel as serialized bytes.
#include "ridgeworks/model/ModelCard.h"

#include <filesystem>
#include <string>

namespace rw {

inline constexpr const char* kCheckpointExtension = ".rwm";

struct CheckpointFile {
    ModelCard card;
    std::string weights;      // torch archive of the model's parameters and buffers
    std::string resumeState;  // torch archive of the trainer state; empty = not resumable
};

// Atomic (temp file + rename): a failed write leaves the previous checkpoint intact.
// Throws rw::Error(WriteFailed) naming the file.
void writeCheckpoint(const std::filesystem::path& path, const CheckpointFile& checkpoint);

// Throws rw::Error naming the file: Missing, Unreadable, ZeroSize, WrongFormat (not a
// checkpoint), Incompatible (a newer format version), Truncated (short, checksum mismatch,
// bad card).
CheckpointFile readCheckpoint(const std::filesystem::path& path);

// Reads only the card (still verifies the checksum). Same errors as readCheckpoint.
ModelCard readModelCard(const std::filesystem::path& path);

// Reads the header and the card only — no hashing of the weights — for model lists that must
// stay fast on the GUI thread (the shipped models are ~30 MB together). Checks the magic, the
// version, the section lengths against the file size and the card; a damaged weights section
// is only found by readCheckpoint / Model::load. Same error kinds as readCheckpoint.
ModelCard peekModelCard(const std::filesystem::path& path);

// SHA-256 of the whole file, the identity recorded by derived items.
std::string checkpointSha256(const std::filesystem::path& path);

}  // namespace rw
