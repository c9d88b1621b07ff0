"""The workspace: the main window, a window per extra screen that holds panels
moved there, and (on a duty workstation wired to the big display) the wall.
Panels are dock widgets, so each can also be tabbed, split and floated.

Saved per machine and profile (layout_store); restored onto the screens that
exist: a window whose screen is missing goes to another one and returns when
its screen comes back, also while the program runs."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabWidget, QWidget

from app.workspace.layout_store import (
    LAYOUT_VERSION,
    SavedLayout,
    SavedWindow,
    layout_path,
    load_layout,
    save_layout,
)
from app.workspace.profiles import placements
from app.workspace.screens import (
    fallback_screen,
    fit_rect,
    largest_screen,
    screen_named,
    screen_showing,
    screens_in_order,
)

log = logging.getLogger(__name__)
LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
DOCK_OPTIONS = (QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowNestedDocks
                | QMainWindow.DockOption.AllowTabbedDocks | QMainWindow.DockOption.GroupedDragging)
SIDE_WIDTH = 380


def prepare_dock_window(window: QMainWindow) -> None:
    window.setDockOptions(DOCK_OPTIONS)
    window.setDockNestingEnabled(True)
    window.setTabPosition(Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North)


class ScreenWindow(QMainWindow):
    """Panels on another screen. Closing it brings its panels back to the main window."""

    def __init__(self, workspace: Workspace, number: int):
        super().__init__()
        self.workspace = workspace
        self.setObjectName(f"screen_window_{number}")
        self.setWindowTitle(self.tr("Watchroom — screen %1").replace("%1", str(number + 1)))
        prepare_dock_window(self)

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.workspace.closing:
            self.workspace.bring_back(self)
        super().closeEvent(event)


class Workspace(QObject):
    def __init__(self, main: QMainWindow, docks: dict[str, QDockWidget], profile: str, folder: Path,
                 wall: QWidget | None = None, display_screen: QScreen | None = None):
        """`wall`: the commander's display when it is a window of a duty workstation;
        in the commander profile `main` is the display. `display_screen`: the screen
        chosen for the display in the config or on the command line (it wins over
        a saved layout)."""
        super().__init__(main)
        self.main, self.docks, self.profile = main, docks, profile
        self.path = layout_path(folder, profile)
        self.wall = wall
        self.display = main if profile == "commander" else wall
        self.display_screen = display_screen
        self.screen_windows: list[ScreenWindow] = []
        self._windows_made = 0
        self.home: dict[str, str] = {}  # window object name -> the screen it belongs on
        self.closing = False
        app = QGuiApplication.instance()
        app.screenAdded.connect(self._on_screen_added)
        app.screenRemoved.connect(self._on_screen_removed)

    # ---- windows and panels ----------------------------------------------------------

    def windows(self) -> list[QWidget]:
        found: list[QWidget] = [self.main, *self.screen_windows]
        return found + ([self.wall] if self.wall is not None else [])

    def window_of(self, name: str) -> QMainWindow:
        return self.docks[name].parent()

    def _screen_window(self, index: int) -> ScreenWindow:
        while len(self.screen_windows) < index:
            self._windows_made += 1  # names stay unique: they key `home`
            self.screen_windows.append(ScreenWindow(self, self._windows_made))
        return self.screen_windows[index - 1]

    def put(self, name: str, window: QMainWindow, area: Qt.DockWidgetArea = LEFT) -> QDockWidget:
        dock = self.docks[name]
        source = dock.parent()
        if source is not window and isinstance(source, QMainWindow):
            source.removeDockWidget(dock)
        dock.setFloating(False)
        window.addDockWidget(area, dock)
        dock.show()
        return dock

    def move_panel(self, name: str, screen: QScreen) -> None:
        """The officer's choice: the panel as a tab of whatever is on that screen."""
        window = self._window_on(screen)
        if window is None:
            window = self._screen_window(len(self.screen_windows) + 1)
            self.place(window, screen, maximized=True)
        self.add_tab(name, window).raise_()
        self._drop_empty()

    def add_tab(self, name: str, window: QMainWindow) -> QDockWidget:
        """The panel as a tab of the first panel on the left of `window`, or alone there."""
        others = [d for n, d in self.docks.items() if n != name and d.parent() is window and d.isVisible()
                  and not d.isFloating() and window.dockWidgetArea(d) == LEFT]
        dock = self.put(name, window)
        if others:
            window.tabifyDockWidget(others[0], dock)
        return dock

    def _window_on(self, screen: QScreen) -> QMainWindow | None:
        for window in (self.main, *self.screen_windows):
            if window.isVisible() and window.screen() is screen:
                return window
        return None

    def bring_back(self, window: ScreenWindow) -> None:
        for name, dock in self.docks.items():
            if dock.parent() is window:
                self.add_tab(name, self.main)
        if window in self.screen_windows:
            self.screen_windows.remove(window)
        window.deleteLater()

    def _drop_empty(self) -> None:
        for window in list(self.screen_windows):
            if not any(d.parent() is window for d in self.docks.values()):
                self.screen_windows.remove(window)
                window.hide()
                window.deleteLater()

    def take_all(self) -> None:
        """Every panel out of its window before a new arrangement, which is then
        built afresh. Qt hides a tab bar it no longer needs only if the bar was
        there at its last layout pass: moving panels between tab groups one by one
        makes and drops bars in between, and those stay painted over the layout."""
        for dock in self.docks.values():
            source = dock.parent()
            if isinstance(source, QMainWindow):
                source.removeDockWidget(dock)

    def arrange(self, window: QMainWindow, groups, side) -> None:
        leads = []
        for group in groups:
            lead = self.put(group[0], window)
            if leads:
                window.splitDockWidget(leads[-1], lead, Qt.Orientation.Horizontal)
            for name in group[1:]:
                window.tabifyDockWidget(lead, self.put(name, window))
            leads.append(lead)
        if side:
            first = self.put(side[0], window, RIGHT)
            for name in side[1:]:
                window.tabifyDockWidget(first, self.put(name, window, RIGHT))
            first.raise_()
        for lead in leads:
            lead.raise_()
        columns = leads + ([self.docks[side[0]]] if side else [])
        # Sized once the window has its screen's size (after it is shown).
        QTimer.singleShot(0, lambda: self._size_columns(window, columns, bool(side)))

    def _size_columns(self, window: QMainWindow, columns: list[QDockWidget], has_side: bool) -> None:
        if not columns:
            return
        main_count = len(columns) - (1 if has_side else 0)
        side = min(SIDE_WIDTH, window.width() // 4) if has_side else 0
        rest = max(1, window.width() - side)
        sizes = [rest // max(1, main_count)] * main_count + ([side] if has_side else [])
        window.resizeDocks(columns, sizes, Qt.Orientation.Horizontal)

    # ---- placing windows on screens --------------------------------------------------

    def place(self, window: QWidget, screen: QScreen, rect: QRect | None = None, old_area: QRect | None = None,
              *, maximized: bool = False, full_screen: bool = False, keep_home: bool = False) -> None:
        if not keep_home:
            self.home[window.objectName()] = screen.name()
        if window.isMaximized() or window.isFullScreen():
            window.showNormal()
        area = screen.availableGeometry()
        target = fit_rect(rect, area, old_area) if rect is not None else area
        window.setGeometry(target)
        if window.windowHandle() is not None:
            window.windowHandle().setScreen(screen)
        window.setGeometry(target)
        if full_screen:
            window.showFullScreen()
        elif maximized:
            window.showMaximized()
        else:
            window.show()

    def apply_profile(self) -> None:
        if self.display is not None:
            screen = self.display_screen or largest_screen()
            self.place(self.display, screen, full_screen=True)
            if self.display is self.main:
                return
        screens = [s for s in screens_in_order() if self.display is None or s is not self.display_screen]
        plans = [(self.main if plan.screen_index == 0 else self._screen_window(plan.screen_index), plan)
                 for plan in placements(self.profile, len(screens))]
        # Windows onto their screens first, panels after (see take_all).
        for window, plan in plans:
            self.place(window, screens[plan.screen_index], maximized=True)
        self.take_all()
        for window, plan in plans:
            self.arrange(window, plan.groups, plan.side)
        self._drop_empty()

    def start(self) -> None:
        saved = load_layout(self.path)
        if saved is not None and self.restore(saved):
            log.info("layout restored from %s", self.path)
            return
        self.apply_profile()

    # ---- saving and restoring --------------------------------------------------------

    def snapshot(self) -> SavedLayout:
        windows = []
        for window in self.windows():
            if not window.isVisible():
                continue
            role = "main" if window is self.main else "wall" if window is self.wall else "screen"
            screen = window.screen()
            geo = window.normalGeometry() if window.isMaximized() or window.isFullScreen() else window.geometry()
            if geo.isEmpty():
                geo = window.geometry()
            state = bytes(window.saveState(LAYOUT_VERSION).data()) if isinstance(window, QMainWindow) else b""
            panels = [n for n, d in self.docks.items() if d.parent() is window]
            sg = screen.geometry()
            windows.append(SavedWindow(role, screen.name(), (sg.x(), sg.y(), sg.width(), sg.height()),
                                       (geo.x(), geo.y(), geo.width(), geo.height()), panels, state,
                                       window.isMaximized(), window.isFullScreen()))
        return SavedLayout(self.profile, windows)

    def save(self) -> bool:
        try:
            save_layout(self.path, self.snapshot())
        except OSError as exc:  # a full disk must not stop the program closing
            log.warning("layout not saved to %s: %s", self.path, exc)
            return False
        return True

    def restore(self, saved: SavedLayout) -> bool:
        if saved.profile != self.profile:
            return False
        pairs: list[tuple[QWidget, SavedWindow]] = []
        for entry in saved.windows:
            if entry.role == "main":
                window = self.main
            elif entry.role == "wall":
                if self.wall is None:
                    continue
                window = self.wall
            else:
                window = self._screen_window(len(self.screen_windows) + 1)
            pairs.append((window, entry))
        self._place_saved(pairs)
        self.take_all()
        for window, entry in pairs:
            names = [n for n in entry.panels if n in self.docks]
            if not isinstance(window, QMainWindow) or not names:
                continue
            for name in names:  # restoreState finds its panels among the window's children
                self.docks[name].setParent(window)
            if not entry.state or not window.restoreState(QByteArray(entry.state), LAYOUT_VERSION):
                log.warning("saved state of %s not usable: its panels as tabs", window.objectName())
                self.arrange(window, (tuple(names),), ())
        placed = {n for window, entry in pairs for n in entry.panels if isinstance(window, QMainWindow)}
        for name in self.docks:  # a panel the saved layout does not know (saved by an older version)
            if name not in placed:
                self.add_tab(name, self.main)
        if self.wall is not None and all(w is not self.wall for w, _ in pairs):
            self.place(self.wall, self.display_screen or largest_screen(), full_screen=True)
        self._drop_empty()
        self.keep_docks_on_screen()
        return True

    def _place_saved(self, pairs: list[tuple[QWidget, SavedWindow]]) -> None:
        """Each window on its saved screen, or on a free one when that is missing."""
        taken = {entry.screen for _, entry in pairs if screen_named(entry.screen) is not None}
        for window, entry in pairs:
            screen = screen_named(entry.screen)
            if window is self.display and self.display_screen is not None:
                screen = self.display_screen
            old_area = None
            if screen is None:
                screen = fallback_screen(taken)
                taken.add(screen.name())
                old_area = QRect(*entry.screen_rect)
                log.info("screen %s is missing: %s goes to %s", entry.screen, window.objectName(), screen.name())
            self.place(window, screen, QRect(*entry.rect), old_area, maximized=entry.maximized,
                       full_screen=entry.full_screen, keep_home=True)
            self.home[window.objectName()] = entry.screen if screen_named(entry.screen) is None else screen.name()

    # ---- screens coming and going ----------------------------------------------------

    def _on_screen_removed(self, screen: QScreen) -> None:
        log.info("screen %s removed", screen.name())
        QTimer.singleShot(0, self.rehome)

    def _on_screen_added(self, screen: QScreen) -> None:
        log.info("screen %s added", screen.name())
        name = screen.name()
        QTimer.singleShot(0, lambda: self.return_home(name))

    def rehome(self) -> None:
        """Windows whose screen is gone go to one that exists (their home is kept)."""
        present = {s.name() for s in QGuiApplication.screens()}
        taken = {self.home.get(w.objectName(), "") for w in self.windows()} & present
        for window in self.windows():
            home = self.home.get(window.objectName())
            if not window.isVisible() or home in present:
                continue
            target = fallback_screen(taken)
            taken.add(target.name())
            self.place(window, target, window.normalGeometry(), maximized=window.isMaximized(),
                       full_screen=window.isFullScreen(), keep_home=True)
        self.keep_docks_on_screen()

    def return_home(self, name: str) -> None:
        screen = screen_named(name)
        if screen is None:
            return
        for window in self.windows():
            if self.home.get(window.objectName()) == name and window.isVisible() and window.screen() is not screen:
                self.place(window, screen, maximized=window.isMaximized() or not window.isFullScreen(),
                           full_screen=window.isFullScreen())

    def keep_docks_on_screen(self) -> None:
        for dock in self.docks.values():
            if dock.isFloating() and dock.isVisible() and screen_showing(dock.geometry()) is None:
                area = dock.parent().screen().availableGeometry()
                dock.setGeometry(fit_rect(dock.geometry(), area))
