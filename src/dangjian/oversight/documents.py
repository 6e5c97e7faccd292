"""The 监督工作提示单 as a GB/T 9704-2012 Word document (documents.gbt9704 renders it)."""

from django.conf import settings
from django.core.exceptions import ValidationError

from dangjian.documents.gbt9704 import OfficialDocument, render_docx

from .models import Notice

ISSUER = getattr(settings, "DANGJIAN_INSPECTION_ISSUER", "中共示范县纪委监委派驻纪检监察组")
CHINESE_NUMERALS = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    return CHINESE_NUMERALS[n - 1] if n <= 10 else str(n)


def notice_document(notice: Notice) -> OfficialDocument:
    if not notice.number:
        raise ValidationError("提示单签发后才有文号，才能生成正式公文")
    body = [
        "在日常监督、巡察反馈和派驻监督中，发现您分管领域存在以下问题，现予以提示，"
        "请督促相关单位举一反三、抓好整改落实：",
    ]
    for n, finding in enumerate(notice.findings.select_related("organization", "category"), 1):
        body.append(f"{_numeral(n)}、{finding.organization.name}（{finding.category.name}）")
        body.append(finding.description)
    body.append(
        f"请于{notice.reply_due.year}年{notice.reply_due.month}月{notice.reply_due.day}日前"
        "将整改落实情况（约谈提醒、批评教育、组织处理、纪律处分建议等）书面回复。"
    )
    return OfficialDocument(
        issuer=ISSUER,
        number=notice.number,
        title=notice.title,
        recipient=f"{notice.recipient.name}同志：",
        body=body,
        signer=ISSUER,
        date=notice.issued_on,
    )


def notice_docx(notice: Notice) -> bytes:
    return render_docx(notice_document(notice))
