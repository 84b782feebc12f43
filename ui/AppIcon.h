#pragma once
// The application icon (resources/icons), for the window, the welcome page and About.
#include <QIcon>

namespace rw {

QIcon applicationIcon();

}  // namespace rw
