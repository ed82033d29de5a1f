"""Writing and rewriting xlsx packages by hand, for files no spreadsheet program would write:
a member's content replaced, members reordered or left out, a sheet's XML written directly, a
workbook whose texts sit in ``xl/sharedStrings.xml`` as Excel stores them."""

from __future__ import annotations

import io
import zipfile

SHEET = "xl/worksheets/sheet1.xml"
MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def rezip(data: bytes, replace: dict[str, bytes], order: list[str] | None = None) -> bytes:
    """The zip ``data`` with some members' contents replaced (and optionally reordered)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    names = order or source.namelist()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            target.writestr(
                name, replace.get(name, source.read(name) if name in source.namelist() else b"")
            )
    return out.getvalue()


def sheet_xml(rows: str, after: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet {MAIN}><sheetData>{rows}</sheetData>'
        f"{after}</worksheet>"
    ).encode()


def inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def list_with_shared_strings(header: list[str]) -> bytes:
    """A small list as Excel stores it: its texts in ``xl/sharedStrings.xml``, the cells
    pointing at them by number."""
    rows = [header, ["Atayev", "Sergey", "m", "KZ", "Border Service", "Officer", "s@mail.kz"]]
    texts = [text for row in rows for text in row]
    cells = "".join(
        f'<row r="{r + 1}">'
        + "".join(
            f'<c r="{chr(65 + c)}{r + 1}" t="s"><v>{r * len(row) + c}</v></c>'
            for c in range(len(row))
        )
        + "</row>"
        for r, row in enumerate(rows)
    )
    strings = "".join(f"<si><t>{text}</t></si>" for text in texts)
    ns = "http://schemas.openxmlformats.org"
    members = {
        "[Content_Types].xml": f'<?xml version="1.0"?><Types xmlns="{ns}/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        "</Types>",
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="{ns}/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>",
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook {MAIN} xmlns:r="{ns}/officeDocument/2006/relationships">'
        '<sheets><sheet name="List" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="{ns}/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{ns}/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>",
        SHEET: sheet_xml(cells).decode(),
        "xl/sharedStrings.xml": f'<?xml version="1.0"?><sst {MAIN} count="{len(texts)}" uniqueCount="{len(texts)}">{strings}</sst>',
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return out.getvalue()
