"""履责记实: a record of what was done against an item, with evidence files."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.files.storage import stored_uploads
from dangjian.core.permissions import require
from dangjian.tasks.services.uploads import checked_evidence

from ..models import Fulfilment, FulfilmentEvidence, ResponsibilityItem

MAX_FILES = 10


def fulfilment_record(
    *, actor: User, item: ResponsibilityItem, done_on: date, description: str,
    files: list[UploadedFile] | None = None,
) -> Fulfilment:
    rlist = item.list
    require(actor, "duties.record", rlist)
    files = files or []
    if not description.strip():
        raise ValidationError({"description": "履责情况不能为空"})
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": "履责日期不能晚于今天"})
    if done_on.year != rlist.year:
        raise ValidationError({"done_on": f"履责日期应在{rlist.year}年内"})
    if not item.active:
        raise ValidationError("该责任事项已停用")
    if len(files) > MAX_FILES:
        raise ValidationError({"files": f"一次最多上传{MAX_FILES}个佐证材料"})
    checked = [(upload, checked_evidence(upload, actor=actor)) for upload in files]
    with stored_uploads() as uploads, transaction.atomic():
        fulfilment = Fulfilment.objects.create(item=item, done_on=done_on,
                                               description=description.strip(),
                                               recorded_by=actor)
        for upload, fields in checked:
            uploads.store(FulfilmentEvidence(fulfilment=fulfilment, uploaded_by=actor, **fields),
                          upload)
        record(actor=actor, action="duties.fulfilment", target=fulfilment,
               after={"item": item.pk, "done_on": done_on,
                      "evidence": [e.sha256 for e in uploads.stored]})
    return fulfilment
