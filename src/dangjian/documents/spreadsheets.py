"""Excel (.xlsx) 台账 export and import.

Export escapes text that a spreadsheet would run as a formula. Import treats every upload as
hostile: it checks size, then the package (dangjian.core.ooxml: zip structure, macros, XML) before
openpyxl sees a byte.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from django.utils import timezone
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet.worksheet import Worksheet

from dangjian.core.ooxml import EXCEL, MiB, PackageError, check_package, record_refusal

# OWASP "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection): a cell that
# starts with one of these is run as a formula when a user opens or edits it, so text that does
# is written with a leading single quote.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
EXCEL_EXACT_DIGITS = 15  # Excel keeps 15 significant digits; longer integers go in as text
MAX_COLUMN_WIDTH = 60
MIN_COLUMN_WIDTH = 8

TIME_CODES = re.compile(r"[hs]", re.IGNORECASE)


class SpreadsheetError(ValueError):
    """An upload that cannot be accepted; the message is for the user, in Chinese."""


# --- export -----------------------------------------------------------------------------------


def render_xlsx(
    *,
    title: str,
    headers: list[str],
    rows: Iterable[Sequence[object]],
    sheet_name: str = "台账",
) -> bytes:
    """One sheet: a title row, a bold frozen header row, then ``rows``."""
    if not headers:
        raise ValueError("表头不能为空")
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = _safe_sheet_name(sheet_name)
    workbook.properties.title = title
    widths = [_display_width(header) for header in headers]
    _write_title(sheet, title, len(headers))
    _write_header(sheet, headers)
    for row in rows:
        values = [_excel_value(value) for value in row]
        sheet.append(values)
        for index, value in enumerate(values[: len(widths)]):
            widths[index] = max(widths[index], _display_width(value))
        _format_dates(sheet, sheet.max_row, values)
    _set_column_widths(sheet, widths)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _safe_sheet_name(name: str) -> str:
    """Excel forbids []:*?/\\ in sheet names and allows 31 characters."""
    cleaned = re.sub(r"[\[\]:*?/\\]", "", name).strip("'").strip()
    return cleaned[:31] or "台账"


def _write_title(sheet: Worksheet, title: str, columns: int) -> None:
    sheet.append([_escape_formula(title)])
    if columns > 1:
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    cell = sheet.cell(row=1, column=1)
    cell.font = Font(bold=True, size=14)
    cell.alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 24


def _write_header(sheet: Worksheet, headers: list[str]) -> None:
    sheet.append([_escape_formula(header) for header in headers])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.freeze_panes = "A3"  # title and header stay in view while scrolling
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(headers))}2"


def _excel_value(value: object) -> object:
    """What goes into a cell: numbers and dates as themselves, everything else as safe text."""
    if value is None or isinstance(value, bool | float | Decimal):
        return value
    if isinstance(value, int):
        return str(value) if len(str(abs(value))) > EXCEL_EXACT_DIGITS else value
    if isinstance(value, datetime.datetime):
        # Excel has no time zones: show the time as the platform's users read it.
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    if isinstance(value, datetime.date):
        return value
    return _escape_formula(ILLEGAL_CHARACTERS_RE.sub("", str(value)))


def _escape_formula(text: str) -> str:
    return QUOTE + text if text.startswith(FORMULA_TRIGGERS) else text


def _format_dates(sheet: Worksheet, row: int, values: list[object]) -> None:
    for column, value in enumerate(values, start=1):
        if isinstance(value, datetime.datetime):
            sheet.cell(row=row, column=column).number_format = DATETIME_FORMAT
        elif isinstance(value, datetime.date):
            sheet.cell(row=row, column=column).number_format = DATE_FORMAT


def _display_width(value: object) -> int:
    """Excel's width unit is one Latin digit; a Chinese character takes about two."""
    if value is None:
        return 0
    if isinstance(value, datetime.datetime):
        return len(DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return len(DATE_FORMAT)
    longest_line = max(str(value).splitlines() or [""], key=len)
    return sum(2 if ord(char) > 0x2E7F else 1 for char in longest_line)


def _set_column_widths(sheet: Worksheet, widths: list[int]) -> None:
    for index, width in enumerate(widths, start=1):
        letter = get_column_letter(index)
        padded = max(width + 2, MIN_COLUMN_WIDTH)
        sheet.column_dimensions[letter].width = min(padded, MAX_COLUMN_WIDTH)


# --- import -----------------------------------------------------------------------------------


def read_xlsx(
    data: bytes,
    *,
    expected_headers: list[str],
    optional_headers: Sequence[str] = (),
    max_rows: int = 10000,
    max_bytes: int = 10 * MiB,
    actor: Any = None,
    name: str = "",
) -> list[dict[str, object]]:
    """The rows of the first sheet as dicts keyed by header, fully empty rows skipped.
    ``optional_headers`` may be there or not (a row then has no such key).

    The header row is the first non-empty row, after one single-cell title row if there is one
    (as ``render_xlsx`` writes). Text that ``render_xlsx`` quoted comes back unquoted,
    as plain text; formula cells come back as the value Excel last showed. A refused package
    is audited with ``actor`` and the file's ``name``.
    """
    _check_upload(data, max_bytes=max_bytes, actor=actor, name=name)
    try:
        return _parse_first_sheet(data, expected_headers, max_rows=max_rows,
                                  optional=list(optional_headers))
    except SpreadsheetError:
        raise
    except Exception as error:  # openpyxl raises many types for a malformed file
        raise SpreadsheetError(UNREADABLE) from error


UNREADABLE = "无法读取该 Excel 文件，请用 Excel 或 WPS 重新保存为 .xlsx 后上传"


def _parse_first_sheet(
    data: bytes, expected_headers: list[str], *, max_rows: int, optional: list[str]
) -> list[dict[str, object]]:
    # read_only streams the sheet instead of building every cell; data_only gives each formula
    # cell its last shown value, never the formula.
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        if not workbook.worksheets:
            raise SpreadsheetError("Excel 文件中没有工作表")
        sheet = workbook.worksheets[0]
        # Read-only mode trusts the sheet's stated dimension, which some tools write wrongly.
        sheet.reset_dimensions()
        rows = _cell_rows(sheet)
        headers = _read_header(rows, expected_headers, optional)
        return _read_records(rows, headers, max_rows=max_rows)
    finally:
        workbook.close()


def _check_upload(data: bytes, *, max_bytes: int, actor: Any, name: str) -> None:
    if len(data) > max_bytes:
        reason = f"文件过大：不能超过 {max_bytes / MiB:g} MB"
        record_refusal(actor=actor, name=name, reason=reason)
        raise SpreadsheetError(reason)
    try:
        check_package(data, kind=EXCEL, actor=actor, name=name)
    except PackageError as error:
        raise SpreadsheetError(str(error)) from error


def _cell_rows(sheet: ReadOnlyWorksheet) -> Iterator[list[object]]:
    for row in sheet.iter_rows():
        yield [_python_value(cell) for cell in row]


def _python_value(cell: object) -> object:
    value = getattr(cell, "value", None)
    if isinstance(value, datetime.datetime) and getattr(cell, "is_date", False):
        number_format = str(getattr(cell, "number_format", ""))
        if not TIME_CODES.search(number_format.split(";")[0]):
            return value.date()  # a date-only cell: no midnight time the user never typed
    if isinstance(value, str):
        return _unescape_formula(value)
    return value


def _unescape_formula(text: str) -> str:
    """Undo ``_escape_formula``: the value comes back as the text the user typed."""
    if text.startswith(QUOTE) and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_header(rows: Iterator[list[object]], expected: list[str], optional: list[str]
                 ) -> list[str]:
    title_skipped = False
    for row in rows:
        filled = [value for value in row if not _is_empty(value)]
        if not filled:
            continue
        headers = _trim_trailing_empty([_header_text(value) for value in row])
        is_title = len(filled) == 1 and _header_text(filled[0]) not in expected + optional
        if is_title and not title_skipped:
            title_skipped = True  # the sheet's title above the header, as render_xlsx writes it
            continue
        _check_header(headers, expected, optional)
        return headers
    raise SpreadsheetError("表格为空：没有找到表头行")


def _header_text(value: object) -> str:
    return "" if _is_empty(value) else str(value).strip()


def _trim_trailing_empty(values: list[str]) -> list[str]:
    while values and not values[-1]:
        values.pop()
    return values


def _check_header(headers: list[str], expected: list[str], optional: list[str]) -> None:
    duplicated = sorted({name for name in headers if name and headers.count(name) > 1})
    if duplicated:
        raise SpreadsheetError(f"表头有重复的列：{'、'.join(duplicated)}")
    if "" in headers:
        column = get_column_letter(headers.index("") + 1)
        raise SpreadsheetError(f"表头第 {column} 列为空")
    missing = [name for name in expected if name not in headers]
    unknown = [name for name in headers if name not in expected and name not in optional]
    problems = []
    if missing:
        problems.append(f"缺少列：{'、'.join(missing)}")
    if unknown:
        problems.append(f"无法识别的列：{'、'.join(unknown)}")
    if problems:
        raise SpreadsheetError("表头与模板不一致，" + "；".join(problems))


def _read_records(
    rows: Iterator[list[object]], headers: list[str], *, max_rows: int
) -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    for row in rows:
        values = (row + [None] * len(headers))[: len(headers)]
        if all(_is_empty(value) for value in values):
            continue
        if len(records) >= max_rows:
            raise SpreadsheetError(f"数据行过多：最多 {max_rows} 行")
        records.append(dict(zip(headers, values, strict=True)))
    return records
