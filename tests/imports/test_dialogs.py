"""What the officer sees of a hostile file: the import dialogs show a sentence
in Chinese (never a traceback, never a bare code) and nothing is imported."""

from __future__ import annotations

import re

import pytest

from services.cameras.store import CameraStore
from services.contacts.store import ContactStore
from services.imports.bounded import Budget
from services.resources.importing import import_file
from services.resources.store import ResourceStore
from tests.imports.hostile import RESOURCES_HEADER, utf7_catalog, xlsx_bomb
from tests.map.helpers import wait_until
from views.common.checked_import import common_file_problem, common_row_problem
from views.common.task_runner import TaskRunner

pytestmark = pytest.mark.gui
CJK = re.compile(r"[\u4e00-\u9fff]")
NEW_FILE_CODES = ("timeout", "too_large", "unreadable", "zip_bomb", "too_deep", "number_too_long", "hostile_xml",
                  "encoding", "not_found")
NEW_ROW_CODES = ("control_character", "field_too_long", "bad_csv", "not_text", "out_of_range", "too_long")


@pytest.fixture
def chinese(qapp):
    from app.i18n import install_language

    translators = install_language(qapp, "zh_CN")
    yield
    for tr in translators:
        qapp.removeTranslator(tr)


@pytest.fixture
def runner():
    runner = TaskRunner()
    yield runner
    runner.shutdown()


def sentence(text: str) -> bool:
    return bool(CJK.search(text)) and "Traceback" not in text and "Error" not in text


def run_import(dialog, path) -> str:
    dialog.path_edit.setText(str(path))
    dialog.on_import()
    assert wait_until(lambda: dialog.import_button.isEnabled() and "未导入" in dialog.message.text(), 60), \
        dialog.message.text()
    return dialog.message.text()


def test_every_new_code_has_chinese_words(chinese):
    for code in NEW_FILE_CODES:
        words = common_file_problem(code)
        assert sentence(words) and code not in words, code
    for code in NEW_ROW_CODES:
        words = common_row_problem(code)
        assert sentence(words) and code not in words, code


def test_tile_problems_have_chinese_words(chinese):
    from views.map.import_dialog import tile_problem

    for code in ("timeout", "too_large", "unreadable"):
        assert sentence(tile_problem(code)) and code not in tile_problem(code)


def test_resource_dialog(qtbot, chinese, runner, mirror, tmp_path):
    from views.map.import_dialog import ImportResourcesDialog

    store = ResourceStore(mirror)
    dialog = ImportResourcesDialog(store, runner)
    qtbot.addWidget(dialog)
    deep = tmp_path / "deep.geojson"
    deep.write_text('{"type": "FeatureCollection", "features": ' + "[" * 100_000 + "]" * 100_000 + "}")
    assert "嵌套" in run_import(dialog, deep)
    control = tmp_path / "control.csv"
    control.write_text(RESOURCES_HEADER + "甲\x00乙,队伍,29.5,106.5,,\n", encoding="utf-8")
    run_import(dialog, control)
    problem = dialog.errors.item(0, 2).text()
    assert "控制字符" in problem and "\x00" not in dialog.errors.item(0, 3).text()
    slow = tmp_path / "slow.csv"
    slow.write_text(RESOURCES_HEADER + "渝中区消防救援站,队伍,29.557,106.577,,\n" * 150_000, encoding="utf-8")
    dialog.reader = lambda: (lambda path: import_file(path, budget=Budget(seconds=0.3)))
    assert sentence(run_import(dialog, slow)) and "中止" in dialog.message.text()
    assert store.points() == []


def test_camera_dialog(qtbot, chinese, runner, mirror, tmp_path):
    from views.video.import_dialog import ImportCamerasDialog

    store = CameraStore(mirror)
    dialog = ImportCamerasDialog(store, runner)
    qtbot.addWidget(dialog)
    hidden = tmp_path / "utf7.xml"
    hidden.write_bytes(utf7_catalog())
    text = run_import(dialog, hidden)
    assert sentence(text) and "UTF-7" in text
    assert store.all() == []


def test_contact_dialog(qtbot, chinese, runner, mirror, tmp_path):
    from views.contacts.panel import ImportContactsDialog

    store = ContactStore(mirror)
    dialog = ImportContactsDialog(store, runner)
    qtbot.addWidget(dialog)
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(xlsx_bomb(150))
    assert "压缩炸弹" in run_import(dialog, bomb)
    assert store.all() == []


def test_a_reader_that_raises_shows_a_sentence(qtbot, chinese, runner, mirror):
    from views.contacts.panel import ImportContactsDialog

    dialog = ImportContactsDialog(ContactStore(mirror), runner)
    qtbot.addWidget(dialog)

    def broken(path):
        raise RuntimeError("internal detail the officer should not read")

    dialog.reader = lambda: broken
    text = run_import(dialog, "x.csv")
    assert sentence(text) and "internal detail" not in text
