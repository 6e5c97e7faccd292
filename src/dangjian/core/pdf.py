"""PDF uploads checked for active content before anyone downloads and opens them (等保 2.0
入侵防范: validate input).

A PDF can run JavaScript (``/JS``, ``/JavaScript``) or start a program (``/Launch``) when it
is opened (``/OpenAction``) or a page is shown (``/AA``). Evidence files are opened by other
users, so a PDF carrying any such action is refused. Every object is read through pypdf,
so names spelt with escapes (``/J#61vaScript``) and objects packed into compressed object
streams are seen as a reader sees them. The raw bytes are searched as well, for the long names
only (``/JS`` turns up by chance in compressed picture data): a file pypdf cannot read is
judged by that search alone and otherwise accepted, as a damaged scan is. Bottom layer: pypdf
and the standard library.
"""

import re
from typing import IO, Any

from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

ACTIVE_KEYS = {"/JS", "/JavaScript", "/Launch"}
ACTIVE_ACTIONS = {"/JavaScript", "/Launch"}  # the /S (subtype) of an action dictionary
RAW_ACTIVE = re.compile(rb"/(?:JavaScript|Launch)")
ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
READ_ERRORS = (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError,
               RecursionError, OSError)
MAX_OBJECTS = 200_000  # far above a scanned report's few thousand
REFUSED = "PDF 文件含有脚本（JavaScript）或启动程序的动作，打开时可能执行恶意代码，已拒绝"


class PdfError(ValueError):
    """A PDF that cannot be accepted; the message is for the user, in Chinese."""


def check_pdf(stream: IO[bytes]) -> None:
    """Refuse (PdfError) a PDF with JavaScript or a launch action. Leaves ``stream`` rewound."""
    try:
        stream.seek(0)
        if RAW_ACTIVE.search(ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), stream.read())):
            raise PdfError(REFUSED)
        stream.seek(0)
        reader = _reader(stream)
        if reader is not None:
            _check_objects(reader)
    finally:
        stream.seek(0)


def _reader(stream: IO[bytes]) -> PdfReader | None:
    try:
        reader = PdfReader(stream, strict=False)
        reader.trailer  # noqa: B018 - reading the cross-reference table may fail here
        return reader
    except READ_ERRORS:
        return None


def _check_objects(reader: PdfReader) -> None:
    numbers = {(num, gen) for gen, entries in reader.xref.items() for num in entries}
    numbers |= {(num, 0) for num in reader.xref_objStm}
    if len(numbers) > MAX_OBJECTS:
        raise PdfError("PDF 文件的对象数量异常，已拒绝")
    _check_value(reader.trailer, set())
    for num, gen in numbers:
        try:
            value = reader.get_object(IndirectObject(num, gen, reader))
        except READ_ERRORS:  # a damaged object: the raw search has seen its bytes
            continue
        _check_value(value, set())


def _check_value(value: Any, seen: set[int]) -> None:
    """Walk the direct values inside one object; indirect ones are checked on their own."""
    if isinstance(value, IndirectObject) or id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, DictionaryObject):
        if ACTIVE_KEYS & set(value.keys()):
            raise PdfError(REFUSED)
        subtype = value.get("/S")
        if isinstance(subtype, NameObject) and subtype in ACTIVE_ACTIONS:
            raise PdfError(REFUSED)
        for item in value.values():
            _check_value(item, seen)
    elif isinstance(value, ArrayObject):
        for item in value:
            _check_value(item, seen)
