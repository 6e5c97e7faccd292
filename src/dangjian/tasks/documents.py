"""Task supervision's files: the 督查通报 (GB/T 9704) and the 任务分解表 (.xlsx).

Rendering lives in ``documents``; this module only says what goes in.
"""

from collections.abc import Iterable

from dangjian.documents.gbt9704 import OfficialDocument, render_docx
from dangjian.documents.spreadsheets import render_xlsx

from .models import Bulletin, Task
from .services.imports import HEADERS


def bulletin_document(bulletin: Bulletin) -> OfficialDocument:
    issuer = bulletin.organization.name
    return OfficialDocument(
        issuer=issuer, number=bulletin.number, title=bulletin.title,
        recipient="各牵头单位、配合单位", body=bulletin.body, signer=issuer,
        date=bulletin.issued_on,
    )


def bulletin_docx(bulletin: Bulletin) -> bytes:
    return render_docx(bulletin_document(bulletin))


def breakdown_xlsx(title: str, tasks: Iterable[Task]) -> bytes:
    """The 任务分解表, in the columns the import reads back (序号 … 进展)."""
    rows = [
        [task.number, task.title, task.lead_unit.name,
         "、".join(u.name for u in task.co_units.all()), task.leader.name, task.due_on,
         getattr(task, "latest_progress", None) or ""]
        for task in tasks
    ]
    return render_xlsx(title=title, headers=HEADERS, rows=rows, sheet_name="任务分解表")
