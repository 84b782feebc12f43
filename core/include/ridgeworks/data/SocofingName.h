#pragma once
// SOCOFing's file naming, as the dataset is downloaded:
//   Real/1__M_Left_index_finger.BMP
//   Altered/Altered-Easy/1__M_Left_index_finger_CR.BMP   (_CR, _Obl, _Zcut)
// The subject number identifies the person; gender, hand and finger the print.
#include "ridgeworks/damage/Damage.h"

#include <optional>
#include <string>

namespace rw {

struct SocofingName {
    int subject = 0;
    char gender = '?';                     // 'M' or 'F'
    std::string hand;                      // "Left" or "Right"
    std::string finger;                    // "thumb", "index", "middle", "ring", "little"
    std::optional<DamageKind> alteration;  // Rotation (_CR), Obliteration (_Obl), ZCut (_Zcut)
    std::optional<DamageLevel> level;      // from the Altered-Easy|Medium|Hard folder, if known

    // "1__M_Left_index_finger": the key shared by a real print and its altered versions.
    std::string fingerKey() const;
};

// Parses a file name (with or without folders and extension; case of the extension and of
// the alteration suffix ignored). Returns nothing for names that do not follow the layout.
std::optional<SocofingName> parseSocofingName(const std::string& fileName);

// "Altered-Easy" → Easy, ... ; nothing for other folder names.
std::optional<DamageLevel> socofingLevelFromFolder(const std::string& folderName);

}  // namespace rw
