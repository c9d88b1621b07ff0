"""Paginates a report document onto A4 pages, for a PDF file or a real printer.

We paint the pages ourselves instead of calling QTextDocument.print() so every
page carries the 演练 mark of an exercise and an official-style page number, and
so the margins are the same on paper and in the PDF.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QRawFont,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from views.common import labels
from views.incident_log.report_document import BODY_FONT, HEADING_FONT, exercise_prefix

# Margins in millimetres after GB/T 9704 (党政机关公文格式): top 37, bottom 35, left 28, right 26.
MARGINS_MM = (28.0, 37.0, 26.0, 35.0)  # left, top, right, bottom
PAGE_NUMBER_GAP_MM = 7.0
PDF_RESOLUTION = 300
FALLBACK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "SimSun")


class RenderError(OSError):
    """The paint device could not be opened (bad printer, unwritable output)."""


def pick_family(preferred: str) -> str:
    """The preferred CJK family if installed, else the first installed fallback,
    else the application default (Qt then finds glyphs wherever it can)."""
    families = set(QFontDatabase.families())
    for family in (preferred, *FALLBACK_FONTS):
        if family in families:
            return family
    return QFont().family()


def report_fonts() -> tuple[str, str]:
    """(body, heading) families for build_html."""
    return pick_family(BODY_FONT), pick_family(HEADING_FONT)


def make_document(html: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultFont(QFont(pick_family(BODY_FONT), 12))
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    return doc


def render(doc: QTextDocument, device: QPagedPaintDevice, *, exercise: bool, marking: str = "") -> int:
    """Paints `doc` on A4 pages of `device` (origin at the paper's corner); returns
    the number of pages. `marking`: the report's highest 密级 ("内部", "秘密"), on
    every page's top left corner, so no page taken from the stack goes unmarked."""
    dpi = device.logicalDpiY()
    mm = dpi / 25.4
    full = device.pageLayout().fullRectPixels(dpi)
    left, top, right, bottom = (m * mm for m in MARGINS_MM)
    body = QRectF(left, top, full.width() - left - right, full.height() - top - bottom)
    doc.documentLayout().setPaintDevice(device)
    doc.setPageSize(QSizeF(body.width(), body.height()))
    pages = max(1, doc.pageCount())
    painter = QPainter()
    if not painter.begin(device):
        raise RenderError("cannot paint on the output device")
    try:
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(body.left(), body.top() - page * body.height())
            doc.drawContents(painter, QRectF(0, page * body.height(), body.width(), body.height()))
            painter.restore()
            if exercise:  # over the text, so no shaded table cell can hide it
                _watermark(painter, QRectF(full))
            _page_furniture(painter, body, page + 1, exercise, mm)
            if marking:
                _marking(painter, body, marking, mm)
    finally:
        painter.end()
    return pages


def _watermark(painter: QPainter, page: QRectF) -> None:
    painter.save()
    font = QFont(pick_family(BODY_FONT))
    font.setPointSizeF(96)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(192, 0, 0, 34))
    painter.translate(page.center())
    painter.rotate(-35)
    box = QRectF(-page.width(), -page.height() / 4, 2 * page.width(), page.height() / 2)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, labels.exercise_mark())
    painter.restore()


def _page_furniture(
    painter: QPainter, body: QRectF, number: int, exercise: bool, mm: float
) -> None:
    """Page number "— N —" below the text block; the exercise mark above it."""
    painter.save()
    font = QFont(pick_family(BODY_FONT))
    font.setPointSizeF(12)
    painter.setFont(font)
    painter.setPen(QColor(0, 0, 0))
    gap = PAGE_NUMBER_GAP_MM * mm
    line = QRectF(body.left(), body.bottom() + gap, body.width(), 10 * mm)
    painter.drawText(
        line, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, f"— {number} —"
    )
    if exercise:
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(192, 0, 0))
        mark = QRectF(body.left(), body.top() - gap - 10 * mm, body.width(), 10 * mm)
        painter.drawText(
            mark, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, exercise_prefix()
        )
    painter.restore()


def _marking(painter: QPainter, body: QRectF, marking: str, mm: float) -> None:
    """The classification mark above the text block's top left corner, bold, in a box (密级标志)."""
    painter.save()
    font = QFont(pick_family(HEADING_FONT))
    font.setPointSizeF(14)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor(192, 0, 0))
    gap = PAGE_NUMBER_GAP_MM * mm
    width = painter.fontMetrics().horizontalAdvance(marking) + 6 * mm
    box = QRectF(body.left(), body.top() - gap - 9 * mm, width, 8 * mm)
    painter.drawRect(box)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, marking)
    painter.restore()


def _a4_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )


def pdf_bytes(html: str, *, exercise: bool, title: str = "", marking: str = "") -> tuple[bytes, int]:
    """The PDF in memory (rendering is quick; the file is written elsewhere, off
    the GUI thread) and its page count."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(_a4_layout())
    writer.setTitle(title)
    writer.setCreator("Watchroom")
    doc = make_document(html)
    pages = render(doc, writer, exercise=exercise, marking=marking)
    del writer
    buffer.close()
    return repair_text_mapping(bytes(data.data())), pages


_TOUNICODE = re.compile(rb"/CIDInit /ProcSet findresource begin.*?endcmap", re.S)
_DEST_ARRAY = re.compile(rb"\[[^\]]*\]")
_RADICAL = re.compile(rb"<(2[EF][0-9A-F]{2})>")


@functools.cache
def _radical_targets(family: str) -> dict[bytes, bytes]:
    """Radical code point -> the ideograph drawn with the same glyph, as the hex
    of a ToUnicode entry. Kangxi radicals fold by NFKC; the simplified radicals
    (U+2E80 block) have no decomposition, so the font itself tells us."""
    raw = QRawFont.fromFont(QFont(family))
    ideographs = "".join(map(chr, range(0x4E00, 0xA000)))
    first_with_glyph: dict[int, str] = {}
    for ch, glyph in zip(ideographs, raw.glyphIndexesForString(ideographs), strict=False):
        if glyph:
            first_with_glyph.setdefault(glyph, ch)
    radicals = "".join(map(chr, range(0x2E80, 0x2FE0)))
    targets: dict[bytes, bytes] = {}
    for ch, glyph in zip(radicals, raw.glyphIndexesForString(radicals), strict=False):
        folded = unicodedata.normalize("NFKC", ch)
        target = first_with_glyph.get(glyph) if glyph else None
        target = target or (folded if folded != ch and len(folded) == 1 else None)
        if target and ord(target) <= 0xFFFF:
            targets[f"{ord(ch):04X}".encode()] = f"{ord(target):04X}".encode()
    return targets


def repair_text_mapping(pdf: bytes) -> bytes:
    """Qt maps each glyph back to the lowest code point that uses it, and CJK
    fonts draw 火 and the radical ⽕ with one glyph: copied or searched text
    would hold radicals. Rewrites those entries in the ToUnicode maps; every
    entry keeps its length, so no offset in the file moves."""
    targets = _radical_targets(pick_family(BODY_FONT))

    def fix_entry(m: re.Match) -> bytes:
        return b"<" + targets.get(m.group(1), m.group(1)) + b">"

    def fix_array(m: re.Match) -> bytes:
        return _RADICAL.sub(fix_entry, m.group(0))

    def fix_cmap(m: re.Match) -> bytes:
        return _DEST_ARRAY.sub(fix_array, m.group(0))  # only destinations, never glyph ids

    fixed = _TOUNICODE.sub(fix_cmap, pdf)
    assert len(fixed) == len(pdf)
    return fixed


def write_pdf(path: str, html: str, *, exercise: bool, title: str = "", marking: str = "") -> int:
    """Blocking convenience for scripts and tests; the GUI uses pdf_bytes."""
    data, pages = pdf_bytes(html, exercise=exercise, title=title, marking=marking)
    with open(path, "wb") as fh:
        fh.write(data)
    return pages


def print_report(parent: QWidget | None, html: str, *, exercise: bool, title: str = "", marking: str = "") -> bool:
    """Asks for a printer (QPrintDialog) and prints; False when the officer cancels."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(_a4_layout())
    printer.setFullPage(True)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("ReportPdf", "Print report"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    render(make_document(html), printer, exercise=exercise, marking=marking)
    return True
