"""The 民主生活会 report to the higher level (召开情况的报告) as a GB/T 9704-2012 Word document
(``documents.gbt9704`` lays it out), once the report is recorded with its 文号."""

from django.core.exceptions import ValidationError

from dangjian.documents.gbt9704 import OfficialDocument, chinese_date, render_docx

from .models import LifeMeeting, LifeMeetingStage

NUMERALS = "一二三四五六七八九十"


def _numeral(n: int) -> str:
    return NUMERALS[n - 1] if n <= 10 else str(n)


def _formed(meeting: LifeMeeting) -> str:
    return f"（{chinese_date(meeting.materials_on)}形成）" if meeting.materials_on else ""


def life_meeting_document(meeting: LifeMeeting) -> OfficialDocument:
    if meeting.stage != LifeMeetingStage.REPORTED or meeting.reported_on is None:
        raise ValidationError("登记向上级报告（文号、报送单位、日期）后才能生成正式报告")
    org = meeting.organization.name
    held = meeting.meeting
    talks = meeting.talks.count()
    body = [f"根据民主生活会有关规定，{org}于"
            f"{chinese_date(held.held_on) if held else '—'}召开{meeting.year}年度民主生活会，"
            f"主题为“{meeting.topic}”。现将有关情况报告如下："]
    body.append("一、会前准备")
    body.append(f"会前制定工作方案，广泛征求意见建议{meeting.opinions_count or 0}条；"
                f"班子成员之间开展谈心谈话{talks}人次；认真撰写对照检查材料"
                f"{_formed(meeting)}。")
    if meeting.opinions:
        body.append(meeting.opinions)
    body.append("二、会议召开情况")
    if held is not None:
        present = held.attendance.filter(present=True).count()
        body.append(f"会议应到{held.attendance.count()}人，实到{present}人。"
                    "班子成员逐一对照检查，开展批评和自我批评。")
        if held.minutes:
            body.append(held.minutes)
    body.append("三、查摆问题及整改措施")
    for item in meeting.items.select_related("owner"):
        body.append(f"（{_numeral(item.number)}）{item.problem}")
        body.append(f"整改措施：{item.measure}。责任人：{item.owner.name}；完成时限："
                    f"{chinese_date(item.due_on)}；完成标准：{item.criterion}。")
    body.append("下一步，领导班子将逐项抓好整改落实，整改情况纳入问题台账跟踪销号。")
    body.append("特此报告。")
    return OfficialDocument(
        issuer=org, number=meeting.report_number,
        title=f"关于{org}{meeting.year}年度民主生活会召开情况的报告",
        recipient=meeting.reported_to, body=body, signer=org, date=meeting.reported_on)


def life_meeting_docx(meeting: LifeMeeting) -> bytes:
    return render_docx(life_meeting_document(meeting))
