"""The outline parser on the tests' own speeches, the seeds (when ``../shared/seeds`` is there),
the benchmark corpus and bad input; only a refused Word file (audited) touches the database."""

import ast
import io
import json
from pathlib import Path
from typing import Any

import docx
import pytest

from dangjian.tasks.outline import (
    OutlineError,
    OutlineItem,
    parse_outline,
    read_docx_text,
    read_text_file,
)
from dangjian.tasks.outline import errors as messages
from dangjian.tasks.outline.fields import extract_deadline, extract_owners, extract_targets

from .conftest import PLAN_SPEECH, SEED_NAMES, SPEECH, SPEECHES, speech_text

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "bench" / "parser" / "corpus"
PACKAGE = REPO / "src" / "dangjian" / "tasks" / "outline"
CORPUS_DOCS = sorted(p.stem for p in CORPUS.glob("*.txt"))
MIN_F1 = 0.9


def labelled(folder: Path, stem: str) -> tuple[str, list[dict[str, Any]]]:
    text = (folder / f"{stem}.txt").read_text(encoding="utf-8")
    labels = json.loads((folder / f"{stem}.labels.json").read_text(encoding="utf-8"))
    return text, labels


def item_f1(expected: list[dict[str, Any]], found: list[dict[str, Any]]) -> float:
    """Item-level F1; an item matches when its path and title are equal."""
    wanted = {(tuple(i["path"]), i["title"]) for i in expected}
    got = {(tuple(i["path"]), i["title"]) for i in found}
    matched = len(wanted & got)
    if not matched:
        return 0.0
    precision, recall = matched / len(got), matched / len(wanted)
    return 2 * precision * recall / (precision + recall)


# ---------------------------------------------------------------- seeds, fixtures and corpus


@pytest.mark.parametrize("stem", SEED_NAMES)
def test_seed_gives_exactly_the_labelled_items(seeds: Path, stem: str) -> None:
    text, labels = labelled(seeds, stem)
    found = [item.as_dict() for item in parse_outline(text)]
    assert [i["path"] for i in found] == [i["path"] for i in labels]
    for got, want in zip(found, labels, strict=True):
        assert got == want, f"item {'/'.join(want['path'])}"


@pytest.mark.parametrize("stem", [SPEECH, PLAN_SPEECH])
def test_the_tests_own_speeches_give_exactly_their_labelled_items(stem: str) -> None:
    text, labels = labelled(SPEECHES, stem)
    found = [item.as_dict() for item in parse_outline(text)]
    assert [i["path"] for i in found] == [i["path"] for i in labels]
    for got, want in zip(found, labels, strict=True):
        assert got == want, f"item {'/'.join(want['path'])}"


def test_corpus_covers_the_required_genres() -> None:
    assert len(CORPUS_DOCS) >= 28  # issue 17: six genres, see bench/parser/README.md
    for stem in CORPUS_DOCS:
        assert (CORPUS / f"{stem}.labels.json").exists(), stem


@pytest.mark.parametrize("stem", CORPUS_DOCS)
def test_corpus_document_reaches_item_f1(stem: str) -> None:
    text, labels = labelled(CORPUS, stem)
    found = [item.as_dict() for item in parse_outline(text)]
    assert item_f1(labels, found) >= MIN_F1


def test_as_dict_has_the_labels_shape() -> None:
    item = OutlineItem(("一", "1"), "标题", "标题。正文", ("县委",), None, ("每月1次",))
    assert item.as_dict() == {
        "path": ["一", "1"],
        "title": "标题",
        "text": "标题。正文",
        "owners": ["县委"],
        "deadline": None,
        "targets": ["每月1次"],
    }


# ---------------------------------------------------------------- outline styles


def paths_and_titles(text: str) -> list[tuple[tuple[str, ...], str]]:
    return [(item.path, item.title) for item in parse_outline(text)]


def test_unmarked_yao_paragraphs_become_numbered_items() -> None:
    text = (
        "同志们：\n一、提高认识\n要提高站位。各单位要高度重视。\n要压实责任。县委组织部要每月通报1次。\n"
        "\n同志们，让我们共同努力！"
    )
    assert paths_and_titles(text) == [(("一", "#1"), "提高站位"), (("一", "#2"), "压实责任")]


def test_yao_sentences_inside_a_titled_item_stay_one_item() -> None:
    text = "一、总体。\n一是抓落实。要压实责任。要强化督导。\n二是抓保障。要落实经费。"
    assert paths_and_titles(text) == [(("一", "一"), "抓落实"), (("一", "二"), "抓保障")]


def test_four_levels_and_numbering_continued_across_sections() -> None:
    text = (
        "一、甲\n（一）乙\n1.丙\n（1）丁一。各单位要落实。\n（2）丁二。\n2.戊。\n"
        "二、己\n3.庚。\n4.辛。"
    )
    assert paths_and_titles(text) == [
        (("一", "一", "1", "1"), "丁一"),
        (("一", "一", "1", "2"), "丁二"),
        (("一", "一", "2"), "戊"),
        (("二", "3"), "庚"),
        (("二", "4"), "辛"),
    ]


def test_frame_sections_and_reported_achievements_are_not_tasks() -> None:
    text = (
        "一、指导思想\n坚持以习近平新时代中国特色社会主义思想为指导。\n"
        "二、认清形势\n去年取得明显成效：一是产业提速；二是收入增加。\n"
        "三、主要任务\n1.加强领导。各单位要落实。\n2.强化考核。"
    )
    assert paths_and_titles(text) == [(("三", "1"), "加强领导"), (("三", "2"), "强化考核")]


def test_closing_and_signature_stay_out_of_the_last_item() -> None:
    text = (
        "（一）加强学习\n支部每月学习1次。\n（二）加强纪律\n支部书记要带头。\n"
        "\n局机关党支部\n2026年1月10日"
    )
    last = parse_outline(text)[-1]
    assert last.text == "加强纪律\n支部书记要带头。"


# ---------------------------------------------------------------- ads and noise


def test_qq_lines_never_reach_an_item() -> None:
    text = speech_text(PLAN_SPEECH)
    assert "QQ：318806427" in text and "下载后可编辑" in text  # the shop's lines are there
    for item in parse_outline(text):
        assert "QQ" not in item.text and "318806427" not in item.text
        assert "仅供" not in item.text and "下载后" not in item.text


def test_ads_between_paragraphs_and_after_the_paywall_are_dropped() -> None:
    text = (
        "一、重点任务\n1.加强学习。各单位要每月学习1次。\n更多精品范文请加QQ：809123456\n"
        "2.强化落实。县委组织部要督促。\n预览阅读已结束，若您需要全文或代笔。\n3.不应出现。"
    )
    items = parse_outline(text)
    assert [i.title for i in items] == ["加强学习", "强化落实"]
    assert all("QQ" not in i.text and "预览" not in i.text for i in items)


# ---------------------------------------------------------------- fields


def test_deadline_is_the_latest_bound_and_ignores_titles_of_documents() -> None:
    assert extract_deadline("6月底前完成排查，9月底前整改到位。") == "9月底前"
    assert extract_deadline("对照《2020年工作要点》抓好落实。") is None
    assert extract_deadline("于6月20日前报送名单，在“七一”前全部完成。") == "“七一”前"
    assert extract_deadline("按期完成，及时报送。") is None


def test_targets_skip_slogans_anniversaries_and_thresholds() -> None:
    assert extract_targets("推进“1367”工作机制，做到六个到位。") == ()
    assert extract_targets("今年是新中国成立71周年。") == ()
    assert extract_targets("党员人数3人以上的单位要成立支部。") == ()
    assert extract_targets("党组每月召开1次会议，参训率达到95%以上。") == (
        "每月召开1次会议",
        "参训率达到95%以上",
    )


def test_owners_are_those_given_a_duty_not_those_educated() -> None:
    text = "县委组织部要会同县财政局、县民政局统筹资金，教育引导党员干部树立正确观念。"
    assert extract_owners(text) == ("县委组织部", "县财政局", "县民政局")
    assert extract_owners("组织党员干部参观革命遗址。") == ()


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", messages.EMPTY),
        (" \n\u3000\n", messages.EMPTY),
        ("Work plan\n1. Train staff.\n2. Report monthly.", messages.NO_CHINESE),
        ("这是一段没有任何提纲层次的文字，只讲了一件事。", messages.NO_OUTLINE),
        ("仅供学习 禁止外传\n咨询QQ206157060", messages.NO_OUTLINE),
    ],
)
def test_bad_input_is_refused_with_a_chinese_message(text: str, message: str) -> None:
    with pytest.raises(OutlineError) as raised:
        parse_outline(text)
    assert str(raised.value) == message


def test_the_no_outline_message_names_the_markers() -> None:
    assert messages.NO_OUTLINE.startswith("未识别到提纲层次（如“一、”“（一）”“1.”）")
    assert "工作要求句" in messages.NO_OUTLINE


# ---------------------------------------------------------------- files


def test_docx_round_trip(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("2026年党建工作要点", level=1)
    for line in [
        "一、加强政治建设",
        "（一）抓好理论学习。各级党组织要每季度开展1次专题研讨。",
        "（二）严肃组织生活。各支部要在6月底前召开组织生活会。",
        "二、夯实基层基础",
        "（一）整顿软弱涣散村党组织。县委组织部要牵头推进。",
    ]:
        document.add_paragraph(line)
    path = tmp_path / "plan.docx"
    document.save(str(path))

    items = parse_outline(read_docx_text(path.read_bytes()))

    assert [(i.path, i.title) for i in items] == [
        (("一", "一"), "抓好理论学习"),
        (("一", "二"), "严肃组织生活"),
        (("二", "一"), "整顿软弱涣散村党组织"),
    ]
    assert items[0].owners == ("各级党组织",) and items[0].targets == ("每季度开展1次专题研讨",)
    assert items[1].deadline == "6月底前"


# A refused package is audited (dangjian.core.ooxml): these two tests write to the database.
@pytest.mark.django_db
@pytest.mark.parametrize(("data", "message"), [
    (b"", messages.NOT_A_DOCX), (b"not a word file", messages.NOT_A_DOCX),
    (b"PK\x03\x04broken zip", r"文件不是 Word（\.docx）格式")])
def test_corrupt_docx_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(OutlineError, match=message):
        read_docx_text(data)


@pytest.mark.django_db
def test_truncated_docx_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with pytest.raises(OutlineError):
        read_docx_text(buffer.getvalue()[: len(buffer.getvalue()) // 2])


def test_text_files_in_utf8_gbk_and_utf16() -> None:
    text = "一、加强领导\n1.成立专班。"
    assert read_text_file(text.encode("utf-8")) == text
    assert read_text_file(text.encode("utf-8-sig")) == text
    assert read_text_file(text.encode("gbk")) == text
    assert read_text_file(text.encode("utf-16")) == text


def test_undecodable_text_file_is_refused() -> None:
    with pytest.raises(OutlineError) as raised:
        read_text_file(b"\xd8\xff\xff\xff")  # 0xFF is no GB18030 byte, nor UTF-8
    assert str(raised.value) == messages.UNKNOWN_ENCODING


# ---------------------------------------------------------------- purity


def test_parser_imports_nothing_from_django() -> None:
    for source in PACKAGE.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.split(".")[0] in {"django", "rest_framework"} for n in names), source
