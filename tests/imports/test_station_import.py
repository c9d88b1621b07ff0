"""导入监测站 (services/monitoring/importing.py, views/monitoring/station_import.py):
UTF-8, GBK and Excel files become stations with their thresholds and rules;
every problem is listed by row and field in the form's words and nothing is
imported; a zip bomb is refused before openpyxl; importing the corrected file
again updates the stations known by their code instead of duplicating them."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from offline_cache.schema import OutboxRow
from services.events import EventBus
from services.monitoring.importing import import_stations
from services.monitoring.station_editor import StationEditor
from services.monitoring.store import StationStore
from tests.helpers import wait_until
from tests.imports.hostile import xlsx_bomb

HEADER = "名称,类型,站码,所属单位,地点,纬度,经度,蓝色,黄色,橙色,红色,警戒水位,保证水位,回差,最短持续秒,上涨速率"
GOOD = "\n".join([
    HEADER,
    "井口,河道水位站,60105450,重庆市水文监测总站,沙坪坝区井口,29.6462,106.4526,,,,,183.5,186.0,0.3,300,0.5",
    "歌乐山,雨量站,60112450,重庆市水文监测总站,沙坪坝区歌乐山,29.5600,106.4300,20,30,50,100,,,,,",
    "园区 5 号罐区,气体监测点,,长寿经开区安监站,长寿区,29.8100,107.0700,10,20,25,40,,,,60,",
])
BAD = "\n".join([
    HEADER,
    "井口,河道水位站,60105450,水文,井口,29.6462,106.4526,,,,,183.5,186.0,,,",  # 2: good, yet not imported
    "寸滩,河道水位站,60105400,水文,寸滩,29.6155,106.6005,,,,,186.0,183.5,,,",  # 3: 保证 below 警戒
    ",雨量站,,水文,,29.56,106.43,,,,,,,,,",  # 4: no name
    "火山口,火山站,,,,29.56,106.43,,,,,,,,,",  # 5: unknown kind
    "北碚,河道水位站,60105300,水文,,95,106.43,,,,3,,,,,",  # 6: latitude, a colour level on a river
    "化工,气体监测点,,安监,,29.81,east,10,20,25,150,,,-1,90000,",  # 7: longitude, range, margin, duration
    "井口二,河道水位站,60105450,水文,井口,29.6462,106.4526,,,,,183.5,186.0,,,",  # 8: the code of row 2 again
])


def write(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_utf8_gbk_and_excel_files_become_stations(tmp_path, mirror, clock):
    for name, encoding in (("stations.csv", "utf-8"), ("stations_gbk.csv", "gbk")):
        result = import_stations(write(tmp_path, name, GOOD, encoding))
        assert result.ok, (result.file_error, result.errors)
        assert [r["name"] for r in result.records] == ["井口", "歌乐山", "园区 5 号罐区"]
    book = Workbook()
    for line in GOOD.splitlines():
        book.active.append(line.split(","))
    out = io.BytesIO()
    book.save(out)
    excel = tmp_path / "stations.xlsx"
    excel.write_bytes(out.getvalue())
    result = import_stations(excel)
    assert result.ok, (result.file_error, result.errors)
    jingkou = result.records[0]
    assert jingkou["kind"] == "river" and jingkou["thresholds"] == {"alert": 183.5, "guarantee": 186.0}
    assert jingkou["rules"] == {"margin": 0.3, "min_duration_s": 300.0, "rate_per_h": 0.5, "rate_level": "alert"}
    editor = StationEditor(mirror, EventBus(), clock)
    assert editor.import_records(result.records) == (3, 0)
    assert editor.import_records(result.records) == (0, 0)  # the same file again changes nothing
    corrected = GOOD.replace("183.5,186.0", "184.0,186.0")
    assert editor.import_records(import_stations(write(tmp_path, "again.csv", corrected)).records) == (0, 1)
    stations = {s.name: s for s in StationStore(mirror).stations()}
    assert len(stations) == 3 and stations["井口"].thresholds == {"alert": 184.0, "guarantee": 186.0}
    with mirror.read() as s:
        ops = [(r.op, json.loads(r.payload)) for r in s.scalars(select(OutboxRow).where(OutboxRow.entity == "station"))]
    assert [op for op, _ in ops] == ["create"] * 3 + ["update"]
    assert ops[-1][1] == {"fields": {"thresholds": {"alert": 184.0, "guarantee": 186.0}}}


def test_every_problem_is_listed_by_row_and_nothing_is_imported(tmp_path):
    result = import_stations(write(tmp_path, "bad.csv", BAD))
    assert not result.ok and result.records == []
    assert {(e.row, e.field, e.code) for e in result.errors} == {
        (3, "guarantee", "not_rising"), (4, "name", "required"), (5, "kind", "unknown_kind"),
        (6, "lat", "out_of_range"), (6, "red", "unknown"), (7, "lon", "not_number"), (7, "red", "physical_range"),
        (7, "margin", "negative"), (7, "min_duration_s", "too_big"), (8, "code", "duplicate")}
    assert next(e for e in result.errors if e.code == "duplicate").value == "2"


@pytest.mark.parametrize(("text", "code"), [
    ("", "empty"), (HEADER + "\n", "empty"), ("名称,类型\n井口,河道水位站\n", "no_columns"),
])
def test_files_that_are_no_station_list_are_refused(tmp_path, text, code):
    assert import_stations(write(tmp_path, "x.csv", text)).file_error == code


def test_a_zip_bomb_is_refused_before_openpyxl(tmp_path):
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(xlsx_bomb(60))
    assert import_stations(path).file_error == "zip_bomb"


@pytest.mark.gui
def test_the_dialog_lists_the_problems_then_imports_the_corrected_file(tmp_path, qtbot, qapp, mirror, clock):
    from app.i18n import install_language
    from app.i18n_build import build
    from views.common.task_runner import TaskRunner
    from views.monitoring.station_import import ImportStationsDialog

    build()
    translators = install_language(qapp, "zh_CN")  # the screenshot in the officer's language
    runner = TaskRunner()
    try:
        dialog = ImportStationsDialog(StationEditor(mirror, EventBus(), clock), runner)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.path_edit.setText(str(write(tmp_path, "bad.csv", BAD, "gbk")))
        dialog.on_import()
        assert wait_until(lambda: dialog.errors.isVisible(), timeout=30)
        assert dialog.errors.rowCount() == 10 and StationStore(mirror).stations() == []
        texts = [dialog.errors.item(r, 2).text() for r in range(dialog.errors.rowCount())]
        assert all(texts) and not any(t in ("not_rising", "unknown_kind", "required") for t in texts)
        shots = Path(os.environ.get("WATCHROOM_SHOTS", "/tmp/station-editor-shots"))
        shots.mkdir(parents=True, exist_ok=True)
        dialog.resize(900, 480)
        dialog.grab().save(str(shots / "station_import_problems.png"))
        dialog.path_edit.setText(str(write(tmp_path, "good.csv", GOOD)))
        with qtbot.waitSignal(dialog.sig_imported, timeout=30_000) as imported:
            dialog.on_import()
        assert imported.args == [3, 0] and len(StationStore(mirror).stations()) == 3
    finally:
        runner.shutdown()
        for tr in translators:
            qapp.removeTranslator(tr)
