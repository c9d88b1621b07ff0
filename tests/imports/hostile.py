"""Hostile files, made here rather than kept as fixtures: each is built the way
an attacker (or a broken exporter) would build it."""

from __future__ import annotations

import base64
import io
import sqlite3
import zipfile
from pathlib import Path

from openpyxl import Workbook

from offline_cache.tiles import SCHEMA, TileStore

MiB = 1024 * 1024
CONTACTS_HEADER = ["类型", "名称", "上级单位", "职务", "值班电话", "手机", "成员", "备注"]
RESOURCES_HEADER = "名称,类型,纬度,经度,联系人,电话\n"
CAMERAS_HEADER = "编号,名称,纬度,经度,主码流\n"


def xlsx(rows: list[list[str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(CONTACTS_HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xlsx_bomb(padding_mib: int = 150, *, entries: int = 0) -> bytes:
    """A workbook openpyxl reads as sound, whose first sheet unpacks to
    `padding_mib` MiB of whitespace inside <sheetData> (ratio ~1000:1), and
    optionally `entries` extra tiny entries."""
    sound = zipfile.ZipFile(io.BytesIO(xlsx([["人员", "王建国", "应急局", "", "", "13900001111", "", ""]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for info in sound.infolist():
            data = sound.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                head, tail = data.split(b"<sheetData>", 1)
                with bomb.open(info.filename, "w", force_zip64=True) as fh:
                    fh.write(head + b"<sheetData>")
                    chunk = b" " * MiB
                    for _ in range(padding_mib):
                        fh.write(chunk)
                    fh.write(tail)
            else:
                bomb.writestr(info.filename, data)
        for n in range(entries):
            bomb.writestr(f"xl/media/pad{n}.bin", b"")
    return out.getvalue()


def utf7_hidden(text: str) -> bytes:
    """UTF-7 with every markup character written in base64 form ("<" as "+ADw-"),
    so no "<!DOCTYPE" appears in the bytes, while a UTF-7 decoder restores it."""
    out = []
    for ch in text:
        if ch in '<>!&;"[]=/?':
            out.append("+" + base64.b64encode(ch.encode("utf-16-be")).decode().rstrip("=") + "-")
        else:
            out.append(ch.encode("utf-7").decode("ascii"))
    return "".join(out).encode("ascii")


ENTITY_CATALOG = (
    '<!DOCTYPE Response [<!ENTITY a "哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
    "<Response><CmdType>Catalog</CmdType><DeviceList><Item><DeviceID>50010300001320000001</DeviceID>"
    "<Name>&c;</Name><Status>ON</Status></Item></DeviceList></Response>"
)


def utf7_catalog() -> bytes:
    return b'<?xml version="1.0" encoding="UTF-7"?>' + utf7_hidden(ENTITY_CATALOG)


def utf16_catalog(bom: bool = True) -> bytes:
    text = '<?xml version="1.0" encoding="UTF-16"?>' + ENTITY_CATALOG
    return text.encode("utf-16") if bom else text.encode("utf-16-le")


def mbtiles(path: Path, tiles=((3, 6, 2, b"png-bytes"),), name: str = "offered") -> Path:
    store = TileStore(path, writable=True, metadata={"name": name, "format": "png"})
    store.put_many(list(tiles))
    store.close()
    return path


NEVER_ENDING = ("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
                "SELECT 'name' AS name, n AS value FROM r WHERE n < 0")


def recursive_metadata(path: Path) -> Path:
    """tiles as they should be, metadata a view whose query never ends (and never yields a row)."""
    con = sqlite3.connect(path)
    con.execute(SCHEMA[1])
    con.execute("INSERT INTO tiles VALUES (3, 6, 5, x'89504e47')")
    con.execute(f"CREATE VIEW metadata AS {NEVER_ENDING}")
    con.commit()
    con.close()
    return path


def recursive_tiles(path: Path) -> Path:
    """Sound metadata, one quick tile, then a tiles view whose scan never ends."""
    con = sqlite3.connect(path)
    con.execute(SCHEMA[0])
    con.execute("INSERT INTO metadata VALUES ('name', 'x'), ('format', 'png')")
    con.execute("CREATE VIEW tiles AS SELECT 3 AS zoom_level, 6 AS tile_column, 5 AS tile_row, "
                "x'89504e47' AS tile_data UNION ALL SELECT * FROM (WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL "
                "SELECT n + 1 FROM r) SELECT 0, 0, 0, x'00' FROM r WHERE n < 0)")
    con.commit()
    con.close()
    return path


def sparse(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no room on the disk."""
    with path.open("wb") as fh:
        fh.truncate(size)
    return path
