"""Uploads the earlier checks missed (issue 10): Office files that reach out when opened, OFD
packages that are zip bombs or carry a DOCTYPE, PDFs that run scripts. Each hostile file is
built here, in a temporary folder, and refused with a Chinese message and an audit event;
the harmless variant of each is still accepted."""

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from dangjian.access.models import User
from dangjian.audit.models import AuditEvent
from dangjian.core.files.checks import checked_upload
from tests.security_data.test_office_uploads import DOCUMENT, _part, rebuild, word_file

pytestmark = pytest.mark.django_db
MiB = 1024 * 1024
RELS = "word/_rels/document.xml.rels"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"


def _with_relationship(kind: str, target: str) -> bytes:
    data = word_file()
    rels = _part(data, RELS).replace(
        "</Relationships>", f'<Relationship Id="rId99" Type="{kind}" Target="{target}" '
                            'TargetMode="External"/></Relationships>')
    return rebuild(data, replace={RELS: rels.encode()})


def _with_body(xml: str, part: str = DOCUMENT) -> bytes:
    """A .docx whose ``part`` gets ``xml`` (paragraphs) at the start of its body."""
    data = word_file()
    if part != DOCUMENT:
        return rebuild(data, add={part: f'<w:hdr {W}>{xml}</w:hdr>'.encode()})
    document = _part(data, DOCUMENT).replace("<w:body>", "<w:body>" + xml, 1)
    return rebuild(data, replace={DOCUMENT: document.encode()})


def _field(*instructions: str) -> str:
    """One complex field whose instruction is split over runs, as Word writes long ones."""
    runs = "".join(f'<w:r><w:instrText xml:space="preserve">{text}</w:instrText></w:r>'
                   for text in instructions)
    return (f'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>{runs}'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')


def _simple(instruction: str) -> str:
    return f'<w:p><w:fldSimple w:instr="{instruction}"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>'


UNC = "\\\\files.example\\share\\logo.png"
HOSTILE_WORD: dict[str, tuple[Callable[[], bytes], str]] = {
    "image from a UNC path": (lambda: _with_relationship(IMAGE, UNC), "指向外部的图片"),
    "image from a URL": (lambda: _with_relationship(IMAGE, "http://x.example/a.png"),
                         "指向外部的图片"),
    "DDEAUTO in fldSimple": (lambda: _with_body(_simple('DDEAUTO c:\\\\windows\\\\calc.exe')),
                             "DDEAUTO 域代码"),
    "DDE split over runs": (lambda: _with_body(_field("DD", "E cmd \"/c calc\"")), "DDE 域代码"),
    "INCLUDEPICTURE in instrText": (
        lambda: _with_body(_field(f' INCLUDEPICTURE "{UNC}" \\d ')), "INCLUDEPICTURE 域代码"),
    "INCLUDETEXT nested in IF": (
        lambda: _with_body('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>'
                           'IF 1 = 1 "</w:instrText></w:r>' + _field("includetext c:\\a.docx")
                           + '<w:r><w:instrText>"</w:instrText></w:r><w:r><w:fldChar '
                           'w:fldCharType="end"/></w:r></w:p>'), "INCLUDETEXT 域代码"),
    "INCLUDETEXT in a header": (lambda: _with_body(_simple("INCLUDETEXT x.docx"),
                                                   part="word/header9.xml"),
                                "INCLUDETEXT 域代码"),
}


def _upload(folder: Path, name: str, data: bytes) -> SimpleUploadedFile:
    """The hostile file written to the test's folder and read back as an upload would be."""
    path = folder / name
    path.write_bytes(data)
    return SimpleUploadedFile(name, path.read_bytes())


def _refused(upload: SimpleUploadedFile, clerk: User, allowed: str) -> str:
    with pytest.raises(ValidationError) as refused:
        checked_upload(upload, allowed_types=[allowed], max_bytes=20 * MiB, actor=clerk)
    message: str = refused.value.message_dict["file"][0]
    event = AuditEvent.objects.order_by("-pk").first()
    assert event is not None
    assert (event.action, event.success, event.username) == ("upload.refused", False,
                                                              clerk.username)
    assert event.after["reason"] == message and event.after["name"] == upload.name
    return message


def _accepted(upload: SimpleUploadedFile, clerk: User, allowed: str) -> None:
    fields = checked_upload(upload, allowed_types=[allowed], max_bytes=20 * MiB, actor=clerk)
    assert fields["extension"] == allowed
    assert not AuditEvent.objects.filter(action="upload.refused").exists()


@pytest.fixture
def clerk(user: Callable[[str], User]) -> User:
    return user("finance_clerk")


@pytest.mark.parametrize("case", HOSTILE_WORD)
def test_a_docx_that_reaches_out_when_opened_is_refused(
    case: str, clerk: User, tmp_path: Path,
) -> None:
    build, expected = HOSTILE_WORD[case]
    message = _refused(_upload(tmp_path, "佐证.docx", build()), clerk, "docx")
    assert expected in message and message.endswith("已拒绝")


@pytest.mark.parametrize("build", [
    lambda: _with_relationship(HYPERLINK, "https://www.gov.cn/"),
    lambda: _with_body(_field(" PAGE ") + _simple("NUMPAGES")),
    lambda: _with_body(_simple("HYPERLINK https://www.gov.cn/")),
], ids=["external hyperlink", "page fields", "hyperlink field"])
def test_ordinary_links_and_fields_are_still_accepted(
    build: Callable[[], bytes], clerk: User, tmp_path: Path,
) -> None:
    _accepted(_upload(tmp_path, "佐证.docx", build()), clerk, "docx")


def _workbook(external_link: bool) -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    if not external_link:
        return buffer.getvalue()
    link = ('<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<externalBook r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships"/></externalLink>')
    return rebuild(buffer.getvalue(), add={"xl/externalLinks/externalLink1.xml": link.encode()})


def test_an_xlsx_with_an_external_link_part_is_refused(clerk: User, tmp_path: Path) -> None:
    message = _refused(_upload(tmp_path, "台账.xlsx", _workbook(True)), clerk, "xlsx")
    assert message == "工作簿含有指向其他工作簿的外部链接，打开时会读取外部文件，已拒绝"
    fields = checked_upload(_upload(tmp_path, "台账2.xlsx", _workbook(False)),
                            allowed_types=["xlsx"], max_bytes=MiB, actor=clerk)
    assert fields["extension"] == "xlsx"


def _ofd(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


OFD_XML = (b'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/'
           b'2016" Version="1.0"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'
           b'</ofd:DocBody></ofd:OFD>')
DOC_XML = b'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="http://www.ofdspec.org/2016"/>'
HOSTILE_OFD: dict[str, tuple[Callable[[], bytes], str]] = {
    "zip bomb": (lambda: _ofd({"OFD.xml": OFD_XML, "Doc_0/Res/pad.bin": b"0" * (8 * MiB)}),
                 "文件压缩比异常，疑似压缩炸弹，已拒绝"),
    "DOCTYPE": (lambda: _ofd({"OFD.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a '
                                         b'SYSTEM "file:///etc/passwd">]>' + OFD_XML[38:]}),
                "文件包含不允许的 XML 实体声明（DOCTYPE/ENTITY），已拒绝"),
    "DOCTYPE in a page": (lambda: _ofd({"OFD.xml": OFD_XML, "Doc_0/Document.xml":
                                        b"<!DOCTYPE d>" + DOC_XML}),
                          "文件包含不允许的 XML 实体声明（DOCTYPE/ENTITY），已拒绝"),
    "no OFD.xml": (lambda: _ofd({"Doc_0/Document.xml": DOC_XML}), "文件不是 OFD（.ofd）格式"),
}


@pytest.mark.parametrize("case", HOSTILE_OFD)
def test_a_hostile_ofd_is_refused_like_an_office_package(
    case: str, clerk: User, tmp_path: Path,
) -> None:
    build, expected = HOSTILE_OFD[case]
    assert _refused(_upload(tmp_path, "报告.ofd", build()), clerk, "ofd") == expected


def test_the_ofd_bomb_is_small_on_the_wire_and_a_sound_ofd_is_accepted(
    clerk: User, tmp_path: Path,
) -> None:
    assert len(HOSTILE_OFD["zip bomb"][0]()) < 100 * 1024
    sound = _ofd({"OFD.xml": OFD_XML, "Doc_0/Document.xml": DOC_XML})
    _accepted(_upload(tmp_path, "报告.ofd", sound), clerk, "ofd")


def _pdf(change: Callable[[PdfWriter], None] | None = None, compress: bool = False) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if change is not None:
        change(writer)
    if compress:
        writer.compress_identical_objects()
        for page in writer.pages:
            page.compress_content_streams()
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _open_action(kind: str, **entries: str) -> Callable[[PdfWriter], None]:
    def change(writer: PdfWriter) -> None:
        action = DictionaryObject({NameObject("/S"): NameObject(kind)})
        for key, value in entries.items():
            action[NameObject(f"/{key}")] = TextStringObject(value)
        writer.root_object[NameObject("/OpenAction")] = action

    return change


def _page_action(writer: PdfWriter) -> None:
    action = DictionaryObject({NameObject("/S"): NameObject("/Launch"),
                               NameObject("/F"): TextStringObject("cmd.exe")})
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): action})


def _document_script(writer: PdfWriter) -> None:
    script = DictionaryObject({NameObject("/S"): NameObject("/JavaScript"),
                               NameObject("/JS"): TextStringObject("app.alert(1)")})
    names = ArrayObject([TextStringObject("init"), script])
    writer.root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): DictionaryObject({NameObject("/Names"): names})})


def _escaped(data: bytes) -> bytes:
    """The same file with the action's names spelt with #-escapes, as some attacks do."""
    return data.replace(b"/JavaScript", b"/J#61vaScript").replace(b"/JS ", b"/J#53 ")


HOSTILE_PDF: dict[str, Callable[[], bytes]] = {
    "document JavaScript (/Names /JavaScript)": lambda: _pdf(_document_script),
    "/OpenAction running /JS": lambda: _pdf(_open_action("/JavaScript", JS="app.alert(1)")),
    "/OpenAction launching a program": lambda: _pdf(_open_action("/Launch", F="cmd.exe")),
    "/Launch on opening a page": lambda: _pdf(_page_action),
    "names spelt with escapes": lambda: _escaped(
        _pdf(_open_action("/JavaScript", JS="app.alert(1)"))),
}


@pytest.mark.parametrize("case", HOSTILE_PDF)
def test_a_pdf_with_scripts_or_launch_actions_is_refused(
    case: str, clerk: User, tmp_path: Path,
) -> None:
    message = _refused(_upload(tmp_path, "报告.pdf", HOSTILE_PDF[case]()), clerk, "pdf")
    assert message == ("PDF 文件含有脚本（JavaScript）或启动程序的动作，打开时可能执行恶意代码，"
                       "已拒绝")


def test_a_js_key_seen_only_by_reading_the_objects_is_refused(clerk: User, tmp_path: Path
                                                              ) -> None:
    """``/JS`` alone is not searched in the raw bytes (it turns up in picture data by chance);
    reading the objects finds it."""
    data = _pdf(_open_action("/GoTo", JS="app.alert(1)"))
    assert b"/JavaScript" not in data and b"/Launch" not in data and b"/JS" in data
    _refused(_upload(tmp_path, "报告.pdf", data), clerk, "pdf")


@pytest.mark.parametrize("data", [
    _pdf(), _pdf(_open_action("/GoTo")), _pdf(compress=True),
    b"%PDF-1.4\n% a scan pypdf cannot read\n" + bytes(range(256)) * 64,
], ids=["blank page", "opens at a page", "compressed", "unreadable"])
def test_ordinary_pdfs_are_still_accepted(data: bytes, clerk: User, tmp_path: Path) -> None:
    _accepted(_upload(tmp_path, "报告.pdf", data), clerk, "pdf")
