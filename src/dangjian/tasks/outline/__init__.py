"""Speech and plan outline parser: a Chinese speech, 工作要点 or 实施方案 → proposed task items.

Pure Python, no Django: the API and pages call it, and it is tested on its own.

    items = parse_outline(read_docx_text(upload.read()))
    [item.as_dict() for item in items]

Field conventions (path, title, text, owners, deadline, targets) follow the seeds' README.
"""

from .errors import OutlineError
from .item import Cut, CutKind, OutlineItem
from .parser import parse_outline
from .readers import read_docx_text, read_pdf_text, read_text_file

__all__ = ["Cut", "CutKind", "OutlineError", "OutlineItem", "parse_outline", "read_docx_text",
           "read_pdf_text", "read_text_file"]
