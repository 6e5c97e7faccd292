"""Uploaded files to plain text: Word documents and text files in the encodings offices use."""

import io
from typing import Any

from .errors import CORRUPT_DOCX, UNKNOWN_ENCODING, OutlineError


def read_docx_text(data: bytes, *, actor: Any = None, name: str = "") -> str:
    """The paragraphs of a .docx, one per line, then the paragraphs of its tables. The package
    is checked first (zip bomb, XML entities, macros); a refusal is audited with ``actor``."""
    import docx  # python-docx; imported here so that text-only callers never load lxml

    # Imported here too: the check audits, and the parser benchmark runs without Django.
    from dangjian.core.ooxml import WORD, PackageError, check_package

    try:
        check_package(data, kind=WORD, actor=actor, name=name)
    except PackageError as error:
        raise OutlineError(str(error)) from error
    try:
        document = docx.Document(io.BytesIO(data))
        lines = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                lines.extend(p.text for cell in row.cells for p in cell.paragraphs)
    except Exception as error:  # a broken upload fails in zip, XML or package code alike
        raise OutlineError(CORRUPT_DOCX) from error
    return "\n".join(lines)


def read_text_file(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM first, then GB18030 (covers GBK)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig", "gb18030"]
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise OutlineError(UNKNOWN_ENCODING)
