"""The year-end report of a list as a GB/T 9704 Word draft: for a body, its written report to
the higher party committee; for a leader, the 述责述廉. Every figure comes from the list."""

from django.db.models import Q
from django.utils import timezone

from dangjian.core.contributions import lines
from dangjian.documents.gbt9704 import OfficialDocument, chinese_date, render_docx
from dangjian.orgs.models import Organization

from .kinds import Holder, State
from .models import ResponsibilityList
from .rules import local_settings
from .selectors import ListView, list_view
from .services.lists import PARTY_BODIES

DIGITS = "零一二三四五六七八九"
# The event upper apps contribute report paragraphs to (core.contributions).
REPORT_EVENT = "duties.report"


def numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (the outline numbers of 7.3.3)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else f"{DIGITS[tens]}十")
    return head + (DIGITS[ones] if ones else "") if n >= 10 else DIGITS[n]


def report_number(rlist: ResponsibilityList) -> str:
    """述责〔2026〕3号: the list's place among the year's lists, stable without a counter."""
    place = ResponsibilityList.objects.filter(Q(year=rlist.year), Q(pk__lte=rlist.pk)).count()
    return f"{local_settings().report_prefix}〔{rlist.year}〕{place}号"


def _title(rlist: ResponsibilityList) -> str:
    if rlist.person is None:
        return f"关于{rlist.year}年度落实全面从严治党\n主体责任情况的报告"
    return f"{rlist.person.name}同志{rlist.year}年度\n述责述廉报告"


def _recipient(rlist: ResponsibilityList) -> str:
    """A body reports to the nearest party body above it; a leader accounts to their own."""
    body = rlist.organization
    if rlist.person is not None:
        return body.name
    above = (Organization.objects.filter(path__in=body.ancestor_paths()[:-1],
                                         kind__in=PARTY_BODIES).order_by("-depth").first())
    return above.name if above else body.name


def report_body(view: ListView) -> list[str]:
    rlist, counts = view.rlist, view.counts
    role = "书记（第一责任人）" if rlist.holder == Holder.SECRETARY else "班子成员"
    who = (rlist.organization.name if rlist.person is None
           else f"本人作为{rlist.organization.name}{role}")
    body = [
        f"{rlist.year}年，{who}对照《党委（党组）落实全面从严治党主体责任规定》和责任清单，"
        f"共承担责任事项{len(view.items)}项，已完成{counts[State.DONE]}项，"
        f"待完成{counts[State.DUE]}项，逾期{counts[State.OVERDUE]}项；"
        f"形成履责记实{view.records}条，佐证材料{view.evidence_files}份。现将有关情况报告如下。",
        "一、履行责任情况",
    ]
    for n, item in enumerate(view.items, 1):
        progress = item.progress
        count = (f"完成{progress.done}次（应{progress.required}次）" if progress.required
                 else f"办理{progress.done}件")
        body.append(f"（{numeral(n)}）{item.item.text}。{item.item.period}，{count}，"
                    f"{progress.state}。")
        for fact in item.facts:
            body.append(f"{chinese_date(fact.on)}，{fact.text}（{fact.source}）。")
        for record in item.fulfilments:
            files = len(record.evidence.all())
            body.append(f"{chinese_date(record.done_on)}，{record.description}"
                        f"{f'（佐证材料{files}份）' if files else ''}。")
    # Figures other modules hold about this body or leader (the 党建考核 result): duties cannot
    # import them (layers), they contribute through core.contributions.
    body += lines(REPORT_EVENT, organization=rlist.organization, person=rlist.person,
                  year=rlist.year)
    body.append("二、存在的问题")
    body += problems(view)
    late = counts[State.OVERDUE] > 0
    body += ["三、下一步打算",
             "对照责任清单，逐项补齐短板，" + ("逾期事项明确整改时限，" if late else "")
             + "确保全面从严治党各项责任落到实处。"]
    return body


def problems(view: ListView) -> list[str]:
    """The second part follows the figures: overdue items first, then those not yet done;
    "no overdue item" only when there is none, "all done" only when all are."""
    late = [v for v in view.items if v.progress.state == State.OVERDUE]
    undone = [v for v in view.items if v.progress.state == State.DUE]
    lines = [f"{n}.{v.item.text}逾期未完成"
             + (f"（{'；'.join(f.text for f in v.late)}）" if v.late else "") + "。"
             for n, v in enumerate(late, 1)]
    lines += [f"{n}.{v.item.text}尚未完成（{v.progress.state}）。"
              for n, v in enumerate(undone, len(late) + 1)]
    if not lines:
        return ["责任清单各事项均已完成，未发现逾期事项。"]
    total = len(view.items)
    summary = (f"责任清单{total}项中，逾期{len(late)}项，尚未完成{len(undone)}项" if late
               else f"暂无逾期事项，但责任清单{total}项中尚有{len(undone)}项未完成")
    return [summary + "：", *lines]


def report_document(rlist: ResponsibilityList, viewer: object) -> OfficialDocument:
    view = list_view(rlist, viewer)
    signer = rlist.organization.name if rlist.person is None else rlist.person.name
    return OfficialDocument(
        issuer=rlist.organization.name, number=report_number(rlist), title=_title(rlist),
        recipient=_recipient(rlist), body=report_body(view), signer=signer,
        date=timezone.localdate(),
    )


def report_docx(rlist: ResponsibilityList, viewer: object) -> bytes:
    return render_docx(report_document(rlist, viewer))
