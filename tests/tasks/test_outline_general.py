"""Issue 17: the parser on documents nobody here wrote — punctuation of either width, plain
prose read as directive sentences, label lines as levels, owners named as subjects, one numeral
function, unique paths and no 5xx (property tests), and robust file input."""

import random
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.test import APIClient

from dangjian.tasks.models import Plan
from dangjian.tasks.outline import CutKind, OutlineError, parse_outline, read_pdf_text
from dangjian.tasks.outline import errors as messages
from dangjian.tasks.outline.numerals import numeral_value
from dangjian.tasks.outline.parser import normalise

from .conftest import SPEECH, speech_text
from .documents import auto_numbered_docx, text_pdf

HALF = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?"})
MEETING_REPORT = (
    "青石县召开党建工作推进会\n"
    "12月1日，县委召开全县党建工作推进会。会议传达学习了上级会议精神。\n"
    "会议强调,要提高政治站位,切实把党建责任扛在肩上。要压实主体责任,各乡镇党委书记要亲自抓、"
    "负总责。要加强督促检查,县委组织部要每季度通报1次。\n"
    "县委常委、组织部长出席会议。"
)


def paths(text: str) -> list[tuple[str, ...]]:
    return [item.path for item in parse_outline(text)]


# ---------------------------------------------------------------- punctuation of either width


def test_half_width_punctuation_reads_as_full_width_and_the_text_stays_as_written() -> None:
    full = speech_text(SPEECH)
    half = full.translate(HALF)
    assert normalise(half) != half and len(normalise(half)) == len(half)
    got_full, got_half = parse_outline(full), parse_outline(half)
    assert [i.path for i in got_half] == [i.path for i in got_full]
    assert [i.title for i in got_half] == [i.title.translate(HALF) for i in got_full]
    assert [i.owners for i in got_half] == [tuple(o.translate(HALF) for o in i.owners)
                                            for i in got_full]  # as written
    assert all(i.text in half.replace("\n", "") or "\n" in i.text for i in got_half)
    assert any("," in i.text for i in got_half)  # verbatim: the commas are the writer's


# ---------------------------------------------------------------- directive sentences


def test_plain_prose_falls_back_to_directive_sentences_flagged_for_review() -> None:
    items = parse_outline(MEETING_REPORT)
    assert [i.path for i in items] == [("#1",), ("#2",), ("#3",)]
    assert items[0].title == "提高政治站位,切实把党建责任扛在肩上"
    assert items[1].owners == ("各乡镇党委书记",)
    assert items[2].owners == ("县委组织部",) and items[2].targets == ("每季度通报1次",)
    assert all(i.reason.kind == CutKind.DIRECTIVE and i.reason.needs_review for i in items)
    assert "工作要求句" in items[0].reason.note and "请核对" in items[0].reason.note
    assert all("出席会议" not in i.text for i in items)  # a paragraph directing nothing ends it


def test_run_on_yao_clauses_are_cut_at_each_clause() -> None:
    items = parse_outline("会议要求，要强化学习，要严肃纪律，要狠抓落实。")
    assert [i.title for i in items] == ["强化学习", "严肃纪律", "狠抓落实"]


@pytest.mark.parametrize("text", [
    "县融媒体中心讯 昨天，县第三届农民运动会开幕，800名运动员参加比赛。",
    "今年以来，全县新发展党员126名，整顿软弱涣散村党组织9个。",
])
def test_a_news_item_without_any_directive_is_refused_by_name(text: str) -> None:
    with pytest.raises(OutlineError) as raised:
        parse_outline(text)
    assert str(raised.value) == messages.NO_OUTLINE and "工作要求句" in str(raised.value)


# ---------------------------------------------------------------- label lines


def test_label_lines_are_a_level_and_paths_stay_unique() -> None:
    text = ("青石县机关党建工作清单\n主要任务:\n1、各支部每月开展1次主题党日。\n2、加强党员教育。\n"
            "保障措施:\n1、加强组织领导。\n2、强化督导考核，县委组织部负责年底前考核。")
    items = parse_outline(text)
    assert [i.path for i in items] == [("主要任务", "1"), ("主要任务", "2"),
                                       ("保障措施", "1"), ("保障措施", "2")]
    assert items[0].reason.kind == CutKind.MARKER and items[0].reason.label == "主要任务"
    assert "标签行“主要任务：”" in items[0].reason.note and "“1、”" in items[0].reason.note
    assert items[3].owners == ("县委组织部",)


def test_salutations_and_lead_ins_are_no_label() -> None:
    text = "同志们：\n一、要提高认识。\n二、要压实责任。"
    assert paths(text) == [("一",), ("二",)]
    assert paths("具体安排如下：\n1.报名。各支部要按时报名。\n2.比赛。") == [("1",), ("2",)]


MARKERS = ["一、", "二、", "三、", "（一）", "（二）", "(1)", "(2)", "1.", "2.", "3、", "①", "②",
           "一是", "二是", "第一,", "第二，", "Ⅰ、", "Ⅱ.", "１．", "２．", "٣.", "⑴"]
PUNCT = ["，", ",", "。", ".", "：", ":", "；", ";", "、", "！", "?", "\n", "\n\n", " ", "\u3000"]
WORDS = ["加强组织领导", "各乡镇要", "县委组织部负责", "工作目标", "保障措施", "要压实责任",
         "每月1次", "6月底前", "①", "²", "Ⅻ", "十二", "〔2026〕5号", "同志们"]


@st.composite
def outlines(draw: Any) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 25))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            parts.append("\n" + draw(st.sampled_from(MARKERS)))
        elif kind == 1:
            parts.append("\n" + draw(st.sampled_from(WORDS)) + draw(st.sampled_from(["：", ":"])))
        elif kind == 2:
            parts.append(draw(st.sampled_from(WORDS)) + draw(st.sampled_from(PUNCT)))
        else:
            parts.append(draw(st.text(alphabet=st.characters(
                categories=["Nd", "No", "Nl", "Lo", "Po"]), max_size=6)))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(outlines())
def test_any_outline_gives_unique_paths_or_a_chinese_refusal(text: str) -> None:
    try:
        items = parse_outline(text)
    except OutlineError as error:
        assert re.search(r"[\u4e00-\u9fff]", str(error))
        return
    found = [i.path for i in items]
    assert len(found) == len(set(found)), found
    assert all(i.title is not None and i.reason.note for i in items)


def test_restarted_numbering_without_a_label_still_gives_unique_paths() -> None:
    text = "1.加强学习。\n2.严肃纪律。\n\n县直部门\n1.落实责任。\n2.强化考核。"
    found = paths(text)
    assert len(found) == len(set(found)) == 4


# ---------------------------------------------------------------- owners


@pytest.mark.parametrize(("text", "owners"), [
    ("班子成员要履行“一岗双责”。", ("班子成员",)),
    ("各乡镇、各部门要密切配合。", ("各乡镇", "各部门")),
    ("县直有关单位负责具体落实。", ("县直有关单位",)),
    ("分管领导对分管领域党风廉政建设负直接责任。", ("分管领导",)),
    ("组织、宣传部门要加强指导。", ("组织、宣传部门",)),
    ("县委组织部、县委宣传部、县财政局要各司其职。", ("县委组织部", "县委宣传部", "县财政局")),
    ("应按规定与对方单位沟通。", ()),
    ("组织党员干部参观革命遗址。", ()),
])
def test_owners_are_the_subjects_given_a_duty(text: str, owners: tuple[str, ...]) -> None:
    from dangjian.tasks.outline.fields import extract_owners

    assert extract_owners(text) == owners


# ---------------------------------------------------------------- numerals


@pytest.mark.parametrize(("label", "value"), [
    ("1", 1), ("12", 12), ("１２", 12), ("٣", 3), ("①", 1), ("⑳", 20), ("Ⅳ", 4), ("XII", 12),
    ("一", 1), ("十二", 12), ("二十", 20), ("²", None), ("IIII", None), ("", None), ("甲", None),
])
def test_one_numeral_function_knows_every_script(label: str, value: int | None) -> None:
    assert numeral_value(label) == value


def test_circled_items_inside_a_paragraph_and_roman_headings_parse() -> None:
    text = ("Ⅰ、重点任务\n各支部要做好：①学习教育；②组织生活；③发展党员。\nⅡ、保障\n各单位要落实，"
            "在２０２６年６月底前完成。")
    items = parse_outline(text)
    assert [i.path for i in items] == [("Ⅰ", "①"), ("Ⅰ", "②"), ("Ⅰ", "③"), ("Ⅱ",)]
    assert items[-1].deadline == "２０２６年６月底前"


# ---------------------------------------------------------------- the endpoint never answers 5xx


@pytest.mark.django_db
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=outlines())
def test_the_parse_endpoint_never_answers_5xx(api_as: Callable[[str], APIClient], text: str
                                             ) -> None:
    response = api_as("finance_clerk").post("/api/v1/plans/parse/", {"text": text},
                                            format="json")
    assert response.status_code in (200, 400), (response.status_code, text)
    if response.status_code == 200:
        got = [tuple(i["path"]) for i in response.json()["items"]]
        assert len(got) == len(set(got))
    else:
        assert re.search(r"[\u4e00-\u9fff]", str(response.json()))


@pytest.mark.django_db
def test_the_endpoint_reads_circled_numbers_that_used_to_crash(
    api_as: Callable[[str], APIClient],
) -> None:
    text = "一、任务\n各支部要：①学习；②实践；③总结。\n二、保障\n各单位要落实。"
    response = api_as("finance_clerk").post("/api/v1/plans/parse/", {"text": text},
                                            format="json")
    assert response.status_code == 200
    assert [i["path"] for i in response.json()["items"]][:3] == [["一", "①"], ["一", "②"],
                                                                 ["一", "③"]]
    assert response.json()["items"][0]["reason"]["cue"] == "①"


# ---------------------------------------------------------------- files


OUTLINE_LINES: list[tuple[int | None, str]] = [
    (None, "2026年机关党建工作要点"),
    (0, "加强政治建设"),
    (1, "抓好理论学习。各级党组织要每季度开展1次专题研讨。"),
    (1, "严肃组织生活。各支部要在6月底前召开组织生活会。"),
    (0, "夯实基层基础"),
    (1, "整顿软弱涣散村党组织。县委组织部要牵头推进。"),
]


@pytest.mark.django_db
def test_word_automatic_numbering_masthead_and_table(api_as: Callable[[str], APIClient]) -> None:
    data = auto_numbered_docx(
        OUTLINE_LINES, masthead=["中共青石县委办公室文件", "青委办发〔2026〕12号"],
        table=[["序号", "任务", "牵头单位"], ["1", "建强支部", "县委组织部"]])
    upload = SimpleUploadedFile("要点.docx", data)
    response = api_as("finance_clerk").post("/api/v1/plans/parse/", {"file": upload},
                                            format="multipart")
    assert response.status_code == 200, response.content
    items = response.json()["items"]
    assert [i["path"] for i in items] == [["一", "一"], ["一", "二"], ["二", "一"]]
    assert items[0]["owners"] == ["各级党组织"] and items[1]["deadline"] == "6月底前"
    assert items[2]["reason"]["cue"] == "（一）"


@pytest.mark.django_db
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_text_files_in_utf8_and_gb18030(api_as: Callable[[str], APIClient], encoding: str
                                        ) -> None:
    text = MEETING_REPORT + "\n𠀀字库外的字也要读得出。"
    upload = SimpleUploadedFile("报道.txt", text.encode(encoding))
    response = api_as("finance_clerk").post("/api/v1/plans/parse/", {"file": upload},
                                            format="multipart")
    assert response.status_code == 200, response.content
    assert len(response.json()["items"]) == 3


@pytest.mark.django_db
def test_pdf_text_is_read_in_lines(api_as: Callable[[str], APIClient]) -> None:
    lines = ["2026年党建工作要点", "一、加强政治建设",
             "（一）抓好理论学习。各级党组织要每季度开展1次专题研讨。",
             "（二）严肃组织生活。各支部要在6月底前召开组织生活会。"]
    assert read_pdf_text(text_pdf(lines)).splitlines() == lines
    upload = SimpleUploadedFile("要点.pdf", text_pdf(lines))
    response = api_as("finance_clerk").post("/api/v1/plans/parse/", {"file": upload},
                                            format="multipart")
    assert response.status_code == 200, response.content
    assert [i["path"] for i in response.json()["items"]] == [["一", "一"], ["一", "二"]]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "data", "message"), [
    ("空白.pdf", text_pdf([]), "没有可提取的文字"),
    ("伪装.pdf", b"\x89PNG\r\n\x1a\n", "不是PDF文档"),
    ("伪装.txt", b"%PDF-1.4\n", "不是纯文本"),
    ("伪装.docx", "一、要学习。".encode(), "内容不是Word文档"),
    ("旧版.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "旧版 .doc"),
    ("加密.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le"),
     "已加密"),
])
def test_bad_files_are_refused_by_name_and_nothing_is_saved(
    api_as: Callable[[str], APIClient], name: str, data: bytes, message: str,
    government: Any, today: Any,
) -> None:
    before = Plan.objects.count()
    client = api_as("county_head")
    parsed = client.post("/api/v1/plans/parse/", {"file": SimpleUploadedFile(name, data)},
                         format="multipart")
    created = client.post("/api/v1/plans/", {
        "organization": government.pk, "kind": "讲话", "year": today.year,
        "file": SimpleUploadedFile(name, data)}, format="multipart")
    for response in (parsed, created):
        assert response.status_code == 400 and message in str(response.json())
    assert Plan.objects.count() == before


# ---------------------------------------------------------------- the review page


@pytest.mark.django_db
def test_the_review_page_says_why_each_item_was_cut(
    api_as: Callable[[str], APIClient], government: Any, today: Any, user: Callable[[str], Any],
) -> None:
    from django.test import Client

    response = api_as("county_head").post("/api/v1/plans/", {
        "organization": government.pk, "kind": "讲话", "year": today.year,
        "text": MEETING_REPORT}, format="json")
    assert response.status_code == 201, response.content
    proposals = response.json()["revisions"][0]["proposals"]
    assert [p["reason"]["kind"] for p in proposals] == ["directive"] * 3
    client = Client()
    client.force_login(user("county_head"))
    page = client.get(f"/tasks/plans/{response.json()['id']}/review/").content.decode()
    for proposal in proposals:
        assert f'data-testid="reason-{proposal["id"]}"' in page
        assert f'data-testid="needs-review-{proposal["id"]}"' in page
    assert "按工作要求句" in page and "与下一条合并" in page and "拆分" in page
    first = proposals[0]["id"]
    client.post(f"/tasks/plans/{response.json()['id']}/proposals/{first}/merge/")
    page = client.get(f"/tasks/plans/{response.json()['id']}/review/").content.decode()
    assert "已与下一条合并" in page


def test_shuffled_markers_never_raise_anything_but_outline_errors() -> None:
    rng = random.Random(17)
    for _ in range(200):
        text = "".join(rng.choice(MARKERS + PUNCT + WORDS) for _ in range(rng.randint(1, 40)))
        try:
            found = paths(text)
        except OutlineError:
            continue
        assert len(found) == len(set(found))


def test_rule_sheet_articles_are_items_but_its_purpose_and_interpretation_are_not() -> None:
    text = ("第一条 为规范组织生活，制定本制度。\n第二条 支部委员会每月召开1次会议。\n"
            "第三条 支部书记每年至少讲1次党课。\n第四条 本制度由县直机关工委负责解释。")
    items = parse_outline(text)
    assert [i.path for i in items] == [("二",), ("三",)]
    assert items[1].owners == ("支部书记",) and items[1].reason.cue == "第三条"


def test_a_request_to_a_named_party_is_a_directive_and_problem_lists_are_frames() -> None:
    items = parse_outline("请各单位于6月25日前报送上半年党建工作总结。各乡镇党委要同时报送台账。")
    assert [(i.path, i.owners, i.deadline) for i in items] == [
        (("#1",), ("各单位",), "6月25日前"), (("#2",), ("各乡镇党委",), None)]
    text = ("存在问题:\n1、学习不系统。\n2、联系群众少。\n"
            "整改措施:\n1、支部每月学习1次。\n2、支部委员要走访。")
    assert paths(text) == [("整改措施", "1"), ("整改措施", "2")]
