"""A plan's or a regulation's text from a Word document (.docx), a PDF or a
plain text file (.txt, UTF-8 or GBK), for an admin filling one in. Parsed in a bounded child process (services/imports/bounded.py): a
DOCX is opened only after its zip passed the size and ratio check (a zip bomb
is refused unopened) and its XML is read by defusedxml; a PDF must start like
one and is read by pypdf page by page. Files over 20 MB are refused unread."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from services.imports.bounded import Budget, OverBudget, run_bounded
from services.imports.formats import check_zip, parse_xml, read_limited
from services.plans.contract import MAX_TEXT
from services.text_match import decode_import

MAX_BYTES = 20 * 1024 * 1024
MAX_PAGES = 2000
BUDGET = Budget(seconds=60.0, memory_bytes=1536 * 1024 * 1024)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class PlanText:
    text: str = ""
    # not_found, too_large, not_docx, zip_bomb, hostile_xml, not_pdf, unreadable_pdf, no_text,
    # encoding, too_long (a regulation's only), unsupported, timeout, unreadable
    file_error: str = ""
    truncated: bool = False  # longer than a plan's text may be: cut at MAX_TEXT


def import_plan_text(path: Path, *, budget: Budget = BUDGET) -> PlanText:
    try:
        plain = run_bounded("services.plans.text_import:read_plain", str(path), budget=budget)
        return PlanText(str(plain["text"]), str(plain["file_error"]), bool(plain["truncated"]))
    except OverBudget as over:
        return PlanText(file_error=over.code)
    except (KeyError, TypeError):
        return PlanText(file_error="unreadable")


def import_regulation_text(path: Path, *, budget: Budget = BUDGET) -> PlanText:
    """A regulation's text: the same bounded read, but a text longer than a
    regulation may hold is refused whole rather than cut (a cut law misleads)."""
    result = import_plan_text(path, budget=budget)
    return PlanText(file_error="too_long") if result.truncated else result


def read_plain(path: str) -> dict:
    result = read_plan_text(Path(path))
    return {"text": result.text, "file_error": result.file_error, "truncated": result.truncated}


def read_plan_text(path: Path) -> PlanText:
    suffix = path.suffix.lower()
    if suffix not in (".docx", ".pdf", ".txt"):
        return PlanText(file_error="unsupported")
    raw = read_limited(path, MAX_BYTES)
    if isinstance(raw, str):
        return PlanText(file_error=raw)
    readers = {".docx": _docx, ".pdf": _pdf, ".txt": _txt}
    text, problem = readers[suffix](raw)
    if problem:
        return PlanText(file_error=problem)
    text = "\n".join(line.rstrip() for line in text.replace("\x00", "").splitlines()).strip()
    if not text:
        return PlanText(file_error="no_text")
    return PlanText(text[:MAX_TEXT], truncated=len(text) > MAX_TEXT)


def _docx(raw: bytes) -> tuple[str, str]:
    problem = check_zip(raw)
    if problem:
        return "", "zip_bomb" if problem == "zip_bomb" else "not_docx"
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            xml = archive.read("word/document.xml")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "", "not_docx"
    root, problem = parse_xml(xml)
    if root is None:
        return "", "hostile_xml" if problem == "hostile_xml" else "not_docx"
    lines = []
    for paragraph in root.iter(f"{_W}p"):
        parts = []
        for node in paragraph.iter():
            if node.tag == f"{_W}t" and node.text:
                parts.append(node.text)
            elif node.tag == f"{_W}tab":
                parts.append("\t")
        lines.append("".join(parts))
    return "\n".join(lines), ""


def _txt(raw: bytes) -> tuple[str, str]:
    decoded = decode_import(raw)
    return ("", "encoding") if decoded is None else (decoded, "")


def _pdf(raw: bytes) -> tuple[str, str]:
    if not raw.lstrip()[:5] == b"%PDF-":
        return "", "not_pdf"
    from pypdf import PdfReader  # noqa: PLC0415 - only in the child, only for PDFs
    from pypdf.errors import PdfReadError  # noqa: PLC0415

    try:
        reader = PdfReader(io.BytesIO(raw))
        pages = []
        for n, page in enumerate(reader.pages):
            if n >= MAX_PAGES:
                break
            pages.append(page.extract_text() or "")
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError):
        return "", "unreadable_pdf"
    return "\n".join(pages), ""
