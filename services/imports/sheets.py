"""The sheets watch rooms keep, read as rows of text: CSV (UTF-8 or GBK) or the
first sheet of an Excel workbook (.xlsx), an archive only after check_zip
passed it. Shared by the imports that read tables (通讯录, 排班); each then
reads its own columns from the rows."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from services.imports.formats import check_zip, csv_rows, read_limited
from services.text_match import decode_import


@dataclass(frozen=True)
class Sheet:
    rows: list[list[str]]
    file_error: str = ""  # the whole file refused: too_large, encoding, not_excel, zip_… (the imports' codes)
    problem: tuple[int, str] | None = None  # (row, code) of a CSV the reader could not go past


def read_sheet(path: Path, *, max_bytes: int, max_rows: int, max_columns: int) -> Sheet:
    """At most max_rows + 1 data rows besides the header, so the caller can say a sheet is too long."""
    raw = read_limited(path, max_bytes)
    if isinstance(raw, str):
        return Sheet([], file_error=raw)
    if raw[:2] == b"PK" or path.suffix.lower() in (".xlsx", ".xlsm"):
        refused = check_zip(raw)
        if refused:
            return Sheet([], file_error=refused)
        rows = _excel_rows(raw, max_rows, max_columns)
        return Sheet([], file_error="not_excel") if rows is None else Sheet(rows)
    text = decode_import(raw)
    if text is None:
        return Sheet([], file_error="encoding")
    rows, problem = csv_rows(text, max_rows + 1)
    return Sheet(rows, problem=problem)


def _cell(value) -> str:
    if value is None:
        return ""
    return value.date().isoformat() if isinstance(value, datetime) else str(value)


def _excel_rows(raw: bytes, max_rows: int, max_columns: int) -> list[list[str]] | None:
    """The first sheet's cells as text (a date cell as YYYY-MM-DD), whatever its dimension claims."""
    from openpyxl import load_workbook  # noqa: PLC0415 - only for Excel files
    from openpyxl.utils.exceptions import InvalidFileException  # noqa: PLC0415

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True, keep_links=False)
        rows = [[_cell(v) for v in row]
                for row in book.worksheets[0].iter_rows(max_row=max_rows + 2, max_col=max_columns, values_only=True)]
        book.close()
        return rows
    except (zipfile.BadZipFile, InvalidFileException, KeyError, IndexError, ValueError, TypeError, OSError,
            EOFError, SyntaxError):  # (ElementTree's ParseError is a SyntaxError)
        return None
