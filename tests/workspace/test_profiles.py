"""Station profiles on virtual screens (the offscreen platform's configuration
file): two and three monitors, a 3840x2160 wall, a 1366x768 shelter laptop; a
saved layout restored with a screen missing; a screen unplugged and plugged back
while the program runs; wall commands pushed within one program.

Each scenario runs in a child process (tests/workspace/scenario.py): the screens
are fixed when the QApplication starts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.workspace.screens import DUTY_2, DUTY_3, LAPTOP, WALL_4K, write_config
from views.panels import PANELS

ROOT = Path(__file__).resolve().parents[2]


def run(folder: Path, screens, profile: str, *steps: str, wall_screen: str = "") -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    screens_file = folder / "screens.json"
    env = {**os.environ, "QT_QPA_PLATFORM": write_config(screens_file, screens), "QT_QPA_OFFSCREEN_NO_GLX": "1",
           "SCREENS_FILE": str(screens_file), "WALL_SCREEN": wall_screen,
           "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox"}
    done = subprocess.run([sys.executable, "-m", "tests.workspace.scenario", str(folder), profile, *steps],
                          env=env, cwd=ROOT, capture_output=True, text=True, timeout=180)
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert lines, f"scenario failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    out = json.loads(lines[-1][len("RESULT "):])
    for moment in [out["windows"], *out["steps"].values()]:  # no tab bar left over from an earlier layout
        assert {n: w["stale_tab_bars"] for n, w in moment.items() if w["stale_tab_bars"]} == {}
    return out


def inside(rect, screen) -> bool:
    x, y, w, h = rect
    sx, sy, sw, sh = screen
    return sx <= x and sy <= y and x + w <= sx + sw and y + h <= sy + sh


def test_duty_workstation_on_three_screens(tmp_path):
    out = run(tmp_path, DUTY_3, "duty")
    windows, screens = out["windows"], out["screens"]
    main, map_window, video_window = windows["MainWindow"], windows["screen_window_1"], windows["screen_window_2"]
    assert main["screen"] == "DP-1" and main["maximized"] and inside(main["rect"], screens["DP-1"])
    assert {"incidents", "dispatch", "conference", "overview", "contacts"} <= set(main["panels"])
    assert map_window["screen"] == "DP-2" and map_window["panels"] == ["map"]
    assert video_window["screen"] == "DP-3" and video_window["panels"] == ["dashboard", "video"]
    assert video_window["rect"] == screens["DP-3"]


def test_duty_workstation_on_two_screens(tmp_path):
    out = run(tmp_path, DUTY_2, "duty")
    windows = out["windows"]
    assert windows["MainWindow"]["screen"] == "DP-1" and "dashboard" in windows["MainWindow"]["panels"]
    assert windows["screen_window_1"]["screen"] == "DP-2" and windows["screen_window_1"]["panels"] == ["map", "video"]
    assert "screen_window_2" not in windows


def test_commander_display_fills_the_wall(tmp_path):
    out = run(tmp_path, WALL_4K, "commander")
    display = out["windows"]["commander_window"]
    assert display["screen"] == "WALL" and display["full_screen"]
    assert display["rect"] == [1920, 0, 3840, 2160]


def test_backup_laptop_fits_one_small_screen(tmp_path):
    out = run(tmp_path, LAPTOP, "backup")
    main = out["windows"]["MainWindow"]
    assert list(out["windows"]) == ["MainWindow"] and main["maximized"]
    assert main["rect"] == [0, 0, 1366, 768] and main["min_width"] <= 1366  # nothing forced off screen
    assert sorted(main["panels"]) == sorted(spec.name for spec in PANELS)  # every panel, as tabs


def test_a_saved_layout_comes_back_and_a_missing_screen_falls_back(tmp_path):
    first = run(tmp_path, DUTY_3, "duty", "save")
    assert first["windows"]["screen_window_2"]["screen"] == "DP-3"
    saved = json.loads((tmp_path / "layouts" / "duty.json").read_text(encoding="utf-8"))
    assert saved["version"] == 1 and [w["screen"] for w in saved["windows"]] == ["DP-1", "DP-2", "DP-3"]
    same = run(tmp_path, DUTY_3, "duty")  # restored as saved
    assert {n: w["screen"] for n, w in same["windows"].items()} == {
        "MainWindow": "DP-1", "screen_window_1": "DP-2", "screen_window_2": "DP-3"}
    fewer = run(tmp_path, DUTY_2, "duty")  # DP-3 unplugged since
    moved = fewer["windows"]["screen_window_2"]
    assert moved["visible"] and moved["screen"] in ("DP-1", "DP-2")
    assert inside(moved["rect"], fewer["screens"][moved["screen"]])
    assert moved["panels"] == ["dashboard", "video"]  # same panels, on a screen that exists


def test_panels_moved_to_another_screen_and_the_default_again(tmp_path):
    out = run(tmp_path, DUTY_3, "duty", "move:map:DP-1", "move:contacts:DP-3", "default")
    moved = out["steps"]["move:map:DP-1"]
    assert "map" in moved["MainWindow"]["panels"] and "screen_window_1" not in moved  # its window went empty
    assert "contacts" in out["steps"]["move:contacts:DP-3"]["screen_window_2"]["panels"]
    again = {w["screen"]: w["panels"] for w in out["steps"]["default"].values() if w["visible"]}
    assert again["DP-2"] == ["map"] and again["DP-3"] == ["dashboard", "video"] and "contacts" in again["DP-1"]
    assert len(out["steps"]["default"]) == 3


def test_a_damaged_layout_file_is_set_aside(tmp_path):
    (tmp_path / "layouts").mkdir(parents=True)
    (tmp_path / "layouts" / "duty.json").write_text('{"version": 1, "windows": [{"role": "main", "rect": "x"}]}')
    out = run(tmp_path, DUTY_2, "duty")
    assert out["windows"]["screen_window_1"]["panels"] == ["map", "video"]  # the profile's default
    assert (tmp_path / "layouts" / "duty.bad").exists()


def test_a_screen_unplugged_and_plugged_back_while_running(tmp_path):
    out = run(tmp_path, DUTY_3, "duty", "remove:DP-3", "add:DP-3")
    gone, back = out["steps"]["remove:DP-3"], out["steps"]["add:DP-3"]
    moved = gone["screen_window_2"]
    assert moved["visible"] and moved["screen"] in ("DP-1", "DP-2") and moved["panels"] == ["dashboard", "video"]
    assert back["screen_window_2"]["screen"] == "DP-3"  # home again
    assert gone["MainWindow"]["screen"] == "DP-1" and gone["screen_window_1"]["screen"] == "DP-2"


def test_the_wall_unplugged_keeps_the_display_on_screen(tmp_path):
    out = run(tmp_path, WALL_4K, "commander", "remove:WALL", "add:WALL")
    gone = out["steps"]["remove:WALL"]["commander_window"]
    assert gone["screen"] == "DP-1" and gone["full_screen"] and gone["rect"] == [0, 0, 1920, 1080]
    assert out["steps"]["add:WALL"]["commander_window"]["screen"] == "WALL"


@pytest.fixture
def scene(tmp_path, clock):
    """An incident with a position and a camera in the mirror the scenario opens."""
    from app.composition import build_context
    from app.config import AppConfig
    from tests.helpers import draft

    ctx = build_context(AppConfig(mirror_path=tmp_path / "mirror.db", log_file=tmp_path / "w.log"))
    incident = ctx.incidents.create_incident(draft(ctx.incidents.clock, title="解放碑商场火灾", exercise=True), "陈晓")
    ctx.cameras.save_many([{"id": "cam-1", "name": "解放碑步行街东", "group_path": "重庆市/渝中区", "lat": 29.557,
                            "lon": 106.577, "main_url": "http://127.0.0.1:9/none.ts", "sub_url": "", "ptz": False,
                            "platform": "测试", "online": True}], share=False)
    ctx.close()
    return incident


def test_a_push_from_the_workstation_shows_on_the_display_in_the_same_program(tmp_path, scene):
    out = run(tmp_path, WALL_4K, "duty", "push", "shoot", wall_screen="WALL")
    windows = out["windows"]
    assert windows["commander_window"]["screen"] == "WALL" and windows["commander_window"]["full_screen"]
    assert windows["MainWindow"]["screen"] == "DP-1"
    pushed = out["pushed"]
    assert pushed["card_visible"] and pushed["card_incident"] == scene.id
    assert pushed["wall_layout"] == "9"
    last = pushed["reports"][-1]["showing"]
    assert last["map_incident_id"] == scene.id and last["card_incident_id"] == scene.id
    assert last["layout"] == "值班" and last["tiles"]["1"] == "cam-1" and last["tiles"]["5"] == "cam-1"
    assert all(not r["problem"] for r in pushed["reports"])
    assert "值班" in pushed["label"]
