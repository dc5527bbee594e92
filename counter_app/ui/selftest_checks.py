"""The self-test's checks that need Qt: the translations load and install, the plugins load.

Called by ``counter_app.selftest`` (which imports no Qt itself); they share its state and failure type.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QPluginLoader, QTranslator
from PySide6.QtWidgets import QApplication

from counter_app.selftest import CheckFailed, CheckState
from counter_app.ui import i18n


def check_translations(state: CheckState) -> str:
    app = qt_app(state)
    files = sorted(i18n.TRANSLATIONS_DIR.glob("*.qm"))
    for file in files:
        translator = QTranslator()
        if not translator.load(str(file)) or translator.isEmpty():
            raise CheckFailed(f"không nạp được {file.name}")
    for language in i18n.LANGUAGES:
        installed = i18n.install_translators(app, language)
        try:
            if not installed:
                raise CheckFailed(f"không cài được bản dịch «{language}»")
        finally:
            i18n.remove_translators(app, installed)
    QCoreApplication.processEvents()
    return f"{len(files)} tệp .qm, ngôn ngữ {', '.join(i18n.LANGUAGES)}"


def check_qt(state: CheckState) -> str:
    app = qt_app(state)
    platform = app.platformName()
    root = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    loaded = []
    for folder, names in required_plugins().items():
        for name in names:
            candidates = sorted((root / folder).glob(f"*{name}*"))
            if not candidates:
                raise CheckFailed(f"thiếu plugin Qt {folder}/{name} trong {root}")
            loader = QPluginLoader(str(candidates[0]))
            if not loader.load():
                raise CheckFailed(f"không nạp được plugin Qt {candidates[0].name}: {loader.errorString()}")
            loaded.append(f"{folder}/{candidates[0].name}")
    return f"nền tảng «{platform}»; nạp được {', '.join(loaded)}"


def required_plugins() -> dict[str, tuple[str, ...]]:
    """The Qt plugins the app needs on this system: its window system, printing, images, styles."""
    if sys.platform == "win32":
        return {
            "platforms": ("qwindows",),
            "printsupport": ("windowsprintersupport",),
            "imageformats": ("qjpeg", "qico"),
            "styles": ("qmodernwindowsstyle",),
        }
    return {
        "platforms": ("qxcb", "qoffscreen"),
        "printsupport": ("cupsprintersupport",),
        "imageformats": ("qjpeg",),
    }


def qt_app(state: CheckState) -> QApplication:
    """The Qt application of the run (the process's own if it has one). A QApplication, as the
    desktop's: a process whose first application is a mere QGuiApplication aborts on its first
    widget. Without a display on Linux, the offscreen platform."""
    if state.qt_app is None:
        state.qt_app = QApplication.instance()
        if state.qt_app is None:
            if (
                sys.platform.startswith("linux")
                and not os.environ.get("DISPLAY")
                and not os.environ.get("WAYLAND_DISPLAY")
            ):
                os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            state.qt_app = QApplication(["counter-app-self-test"])
    return state.qt_app  # type: ignore[return-value]  # set just above
