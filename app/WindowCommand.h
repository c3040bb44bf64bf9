#pragma once

#include "explain/BounceExplainer.h"

#include <QStringList>

#include <optional>

namespace bouncelens {

// `bouncelens [--lang en|ja] [FILE...]`: the window. main() checks its arguments and the display
// with a plain QCoreApplication, before any GUI object exists, so that a mistyped command or
// option, or a machine without a display, ends in a message and exit status 2 instead of
// Qt's platform-plugin abort.
struct WindowArguments
{
    std::optional<Language> language; // --lang: for this run only
    QString screenshot; // hidden --screenshot PNG: load the files, save a picture, quit
    QString screenshotView; // hidden --screenshot-view message|summary|reply: what the picture shows
    QStringList paths;
    QString error; // translated; usage() follows it. Empty when the arguments are fine.

    // `arguments` as QCoreApplication::arguments() gives them (program name first). Qt's own
    // window options (-platform, -style, ...) are left for QApplication. A first FILE that is a
    // bare word naming nothing on disk ("sumary") is taken for a mistyped command.
    [[nodiscard]] static WindowArguments parse(const QStringList &arguments);
};

// Empty when a window can be opened here; else one translated sentence saying there is no
// display and suggesting `bouncelens explain`. On X11/Wayland systems a display is DISPLAY or
// WAYLAND_DISPLAY, unless QT_QPA_PLATFORM or -platform names the platform explicitly.
[[nodiscard]] QString missingDisplayMessage(const QStringList &arguments);

// Opens the window with these arguments and runs the event loop (needs the QApplication).
[[nodiscard]] int runWindow(const WindowArguments &arguments);

} // namespace bouncelens
