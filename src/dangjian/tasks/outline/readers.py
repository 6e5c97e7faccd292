"""Uploaded files to plain text: Word documents, PDF text and text files in office encodings.

Word: paragraphs and table rows in document order, each paragraph prefixed with the number Word
draws for it from its list style (自动编号: numbering.xml holds the "一、", the text does not).
Files are sniffed by their leading bytes, so a renamed file or an encrypted Word document gets a
message naming what it really is. Every message is Chinese and names what was wrong.
"""

import io
from typing import Any

from .errors import (
    CORRUPT_DOCX,
    ENCRYPTED_DOCX,
    ENCRYPTED_PDF,
    NOT_A_DOCX,
    NOT_A_PDF,
    NOT_TEXT,
    OLD_DOC,
    PDF_WITHOUT_TEXT,
    UNKNOWN_ENCODING,
    OutlineError,
)
from .numbering import numbered_lines

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: legacy .doc, or encrypted OOXML
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
ZIP_MAGIC = b"PK\x03\x04"
PDF_MAGIC = b"%PDF-"
BINARY_MAGICS = (ZIP_MAGIC, OLE_MAGIC, PDF_MAGIC, b"MZ", b"\x7fELF", b"\x89PNG", b"\xff\xd8\xff",
                 b"GIF8", b"Rar!", b"7z\xbc\xaf")
MAX_PDF_PAGES = 200


def read_docx_text(data: bytes, *, actor: Any = None, name: str = "") -> str:
    """The paragraphs and table rows of a .docx in document order, one per line, with Word's
    automatic numbering written out. The package is checked first (zip bomb, XML entities,
    macros); a refusal is audited with ``actor``."""
    import docx  # python-docx; imported here so that text-only callers never load lxml

    # Imported here too: the check audits, and the parser benchmark runs without Django.
    from dangjian.core.ooxml import WORD, PackageError, check_package

    if data.startswith(OLE_MAGIC):
        raise OutlineError(ENCRYPTED_DOCX if ENCRYPTION_STREAM in data else OLD_DOC)
    if not data.startswith(ZIP_MAGIC):
        raise OutlineError(NOT_A_DOCX)
    try:
        check_package(data, kind=WORD, actor=actor, name=name)
    except PackageError as error:
        raise OutlineError(str(error)) from error
    try:
        lines = numbered_lines(docx.Document(io.BytesIO(data)))
    except Exception as error:  # a broken upload fails in zip, XML or package code alike
        raise OutlineError(CORRUPT_DOCX) from error
    return "\n".join(lines)


def read_pdf_text(data: bytes) -> str:
    """The text layer of a PDF, page by page, in lines (pypdf's layout-free extraction). The
    caller has checked it for scripts (``dangjian.core.pdf``)."""
    from pypdf import PdfReader

    if not data.startswith(PDF_MAGIC):
        raise OutlineError(NOT_A_PDF)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise OutlineError(ENCRYPTED_PDF)
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES]]
    except OutlineError:
        raise
    except Exception as error:  # pypdf fails in its parser, zlib or font code alike
        raise OutlineError(NOT_A_PDF + "，或已损坏") from error
    text = "\n".join(pages)
    if not text.strip():
        raise OutlineError(PDF_WITHOUT_TEXT)
    return text


def read_text_file(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM first, then GB18030 (covers GBK)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        if data.startswith(BINARY_MAGICS) or b"\x00" in data[:4096]:
            raise OutlineError(NOT_TEXT)
        encodings = ["utf-8-sig", "gb18030"]
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise OutlineError(UNKNOWN_ENCODING)
