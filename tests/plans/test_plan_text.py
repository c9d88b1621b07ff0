"""A plan's text from DOCX and PDF, in the bounded child: the paragraphs of a
Word document, the text of a PDF; a zip bomb, a 100 MB file, a DOCX that is no
Word document and a PDF that is not a PDF refused with a code, nothing read."""

from __future__ import annotations

import io
import zipfile

from services.plans.text_import import import_plan_text, read_plan_text

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_bytes(paragraphs: list[str], extra: dict[str, bytes] | None = None) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    xml = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml.encode("utf-8"))
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def pdf_bytes(text: str) -> bytes:
    """A one-page PDF showing `text` in Helvetica (ASCII), with a correct xref."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("ascii")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_the_paragraphs_of_a_word_document(tmp_path):
    path = tmp_path / "预案.docx"
    path.write_bytes(docx_bytes(["1 总则", "1.1 编制目的：最大限度减轻城市内涝灾害损失。", "", "2 组织指挥体系"]))
    result = import_plan_text(path)
    assert result.file_error == "" and result.text == "1 总则\n1.1 编制目的：最大限度减轻城市内涝灾害损失。\n\n2 组织指挥体系"


def test_the_text_of_a_pdf(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf_bytes("Flood plan level IV"))
    result = import_plan_text(path)
    assert result.file_error == "" and "Flood plan level IV" in result.text


def test_hostile_and_wrong_files_are_refused(tmp_path):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<a>" + b"0" * (60 * 1024 * 1024) + b"</a>")
    (tmp_path / "bomb.docx").write_bytes(bomb.getvalue())
    assert import_plan_text(tmp_path / "bomb.docx").file_error == "zip_bomb"
    huge = tmp_path / "huge.docx"
    with huge.open("wb") as fh:
        fh.truncate(100 * 1024 * 1024)
    assert import_plan_text(huge).file_error == "too_large"
    (tmp_path / "fake.pdf").write_bytes(b"PK\x03\x04 this is a zip, not a PDF")
    assert import_plan_text(tmp_path / "fake.pdf").file_error == "not_pdf"
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n garbage without objects")
    assert import_plan_text(tmp_path / "broken.pdf").file_error in ("unreadable_pdf", "no_text")
    (tmp_path / "text.docx").write_text("not a zip", encoding="utf-8")
    assert import_plan_text(tmp_path / "text.docx").file_error == "not_docx"
    (tmp_path / "no_body.docx").write_bytes(_zip({"other.xml": b"<x/>"}))
    assert import_plan_text(tmp_path / "no_body.docx").file_error == "not_docx"
    entity = _zip({"word/document.xml": b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x "y">]><d>&x;</d>'})
    (tmp_path / "entity.docx").write_bytes(entity)
    assert import_plan_text(tmp_path / "entity.docx").file_error == "hostile_xml"
    assert read_plan_text(tmp_path / "plan.doc").file_error == "unsupported"
    assert import_plan_text(tmp_path / "missing.pdf").file_error == "not_found"


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()
