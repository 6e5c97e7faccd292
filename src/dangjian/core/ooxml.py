"""Zip-based document packages (.docx, .xlsx and the OFD 版式文档 of GB/T 33190) checked
before any parser opens them (等保 2.0 入侵防范: validate input).

A package is a zip of XML parts, so it can carry a zip bomb, XML entity declarations ("billion
laughs", external entities) or macros under a harmless name, and an Office file can make Word
or Excel reach out when it is opened: a picture or template linked from a UNC path or a URL
(leaking the user's Windows credentials), DDE and INCLUDE fields, links to other workbooks.
Every upload of these types passes here: evidence files
(``dangjian.core.files.checks.checked_upload``), the plan documents read by python-docx and
the spreadsheets read by openpyxl. A refusal is audited here, so each caller records it the
same way. Bottom layer: the standard library and the audit chain only.
"""

import io
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any
from xml.etree import ElementTree

from dangjian.audit.services import record

MiB = 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
MAX_ENTRIES = 1000  # a long report with many pictures has a few hundred parts
MAX_UNCOMPRESSED_BYTES = 100 * MiB
MAX_COMPRESSION_RATIO = 100
# A small part (styles, an empty sheet) can compress 100× without harm; the ratio is checked for
# the archive as a whole and for any part big enough to matter.
RATIO_CHECKED_FROM_BYTES = 1 * MiB
SCAN_CHUNK_BYTES = 1 * MiB
# XML entity declarations enable "billion laughs" and external-entity attacks; an Office file
# never needs them. Searched for in every part (a part's name says nothing about how a parser
# reads it) and in every encoding an XML parser would accept.
FORBIDDEN_XML = tuple(
    marker.encode(encoding)
    for marker in ("<!doctype", "<!entity")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)
LONGEST_FORBIDDEN = max(len(marker) for marker in FORBIDDEN_XML)
# ECMA-376 Part 2 allows XML parts only in UTF-8 or UTF-16, the encodings searched above; a part
# declaring another (UTF-7, EBCDIC …) could spell the markers so that the search misses them.
ALLOWED_ENCODINGS = {"utf-8", "utf8", "utf-16", "utf16"}
XML_DECLARATION = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
OTHER_SIGNATURES = (b"\x4c\x6f\xa7\x94",  # "<?xm" in EBCDIC
                    b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00",  # UTF-32 byte order marks
                    b"\x00\x00\x00\x3c", b"\x3c\x00\x00\x00")  # "<" in UCS-4
MAX_CONTENT_TYPES_BYTES = 1 * MiB  # a real [Content_Types].xml has a few kilobytes
# Relationships pointing outside the file make Word or Excel fetch (and for templates and OLE
# objects run) something from elsewhere when the file is opened: CVE-2017-0199, "Follina", a
# picture on \\host\share that hands the opener's NTLM hash to that host. Only a hyperlink,
# followed when clicked, may point outside. Evidence files are downloaded and opened by others.
RELS_NAMESPACE = "{http://schemas.openxmlformats.org/package/2006/relationships}"
EXTERNAL_ALLOWED = ("/hyperlink",)
# Field codes that fetch or run something: DDE/DDEAUTO start a program, INCLUDEPICTURE and
# INCLUDETEXT load a file or URL (UNC paths included), LINK and IMPORT embed another file.
WORD_NAMESPACE = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DANGEROUS_FIELDS = {"DDE", "DDEAUTO", "INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "LINK",
                    "IMPORT"}
MAX_RELS_BYTES = 1 * MiB
CONTENT_TYPES_PART = "[Content_Types].xml"
CT_NAMESPACE = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# Zip and inflate failures of a damaged or hand-made archive (CRC, truncated stream, an
# encrypted or unknown-method part).
CORRUPT = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
           ElementTree.ParseError)


class PackageError(ValueError):
    """A package that cannot be accepted; the message is for the user, in Chinese."""


@dataclass(frozen=True)
class Kind:
    label: str  # what users call the program's files
    extension: str
    noun: str
    main_type: str  # the content type of the main part: the document or the workbook


WORD = Kind("Word", "docx", "文档",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")
EXCEL = Kind("Excel", "xlsx", "工作簿",
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
# OFD (GB/T 33190-2016) is a zip too, with no [Content_Types].xml: its entry is OFD.xml.
OFD = Kind("OFD", "ofd", "版式文档", "")
OFD_ENTRY = "OFD.xml"
KINDS = {kind.extension: kind for kind in (WORD, EXCEL, OFD)}


def check_package(
    source: bytes | IO[bytes], *, kind: Kind, actor: Any = None, name: str = ""
) -> None:
    """Refuse (PackageError, audited as ``upload.refused``) a file that is not a sound
    macro-free ``kind`` package. A file object is read from the start and left rewound."""
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    try:
        stream.seek(0)
        _check(stream, kind)
    except PackageError as error:
        record_refusal(actor=actor, name=name, reason=str(error))
        raise
    finally:
        stream.seek(0)


def record_refusal(*, actor: Any, name: str, reason: str) -> None:
    """The audit event of an upload refused as hostile or disguised."""
    record(actor=actor, action="upload.refused", success=False,
           after={"name": name[:200], "reason": reason})


def _check(stream: IO[bytes], kind: Kind) -> None:
    not_a_package = f"文件不是 {kind.label}（.{kind.extension}）格式"
    if stream.read(len(ZIP_MAGIC)) != ZIP_MAGIC:
        raise PackageError(not_a_package)
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            members = archive.infolist()
            _check_not_a_zip_bomb(members)
            for member in members:
                _check_no_entity_declarations(archive, member)
            if kind is OFD:
                if OFD_ENTRY not in {m.filename for m in members}:
                    raise PackageError(not_a_package)
                return
            if archive.getinfo(CONTENT_TYPES_PART).file_size > MAX_CONTENT_TYPES_BYTES:
                raise PackageError(not_a_package)
            _check_parts(kind, {m.filename for m in members}, archive.read(CONTENT_TYPES_PART))
            _check_no_active_content(archive, members)
            if kind is WORD:
                _check_no_dangerous_fields(archive, members)
    except KeyError as error:  # no [Content_Types].xml: not an Office file at all
        raise PackageError(not_a_package) from error
    except CORRUPT as error:
        raise PackageError(f"{not_a_package}，或已损坏") from error


def _check_not_a_zip_bomb(members: list[zipfile.ZipInfo]) -> None:
    """The declared sizes are enough: Python's zipfile stops reading a part at its file_size."""
    if len(members) > MAX_ENTRIES:
        raise PackageError(f"文件包含的部件过多（超过 {MAX_ENTRIES} 个），疑似压缩炸弹，已拒绝")
    uncompressed = sum(member.file_size for member in members)
    compressed = sum(member.compress_size for member in members)
    if uncompressed > MAX_UNCOMPRESSED_BYTES:
        raise PackageError("文件解压后过大，疑似压缩炸弹，已拒绝")
    suspicious = [
        member for member in members
        if member.file_size >= RATIO_CHECKED_FROM_BYTES
        and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1)
    ]
    if suspicious or uncompressed > MAX_COMPRESSION_RATIO * max(compressed, 1):
        raise PackageError("文件压缩比异常，疑似压缩炸弹，已拒绝")


def _check_no_entity_declarations(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> None:
    """Read in chunks, keeping an overlap so a marker split across two chunks is still seen."""
    tail = b""
    with archive.open(member) as stream:
        chunk = stream.read(SCAN_CHUNK_BYTES)
        _check_encoding(chunk[:200])
        while chunk:
            window = (tail + chunk).lower()
            if any(marker in window for marker in FORBIDDEN_XML):
                raise PackageError("文件包含不允许的 XML 实体声明（DOCTYPE/ENTITY），已拒绝")
            tail = window[-LONGEST_FORBIDDEN:]
            chunk = stream.read(SCAN_CHUNK_BYTES)


def _check_encoding(head: bytes) -> None:
    """Refuse a part in an encoding the Office format does not allow (binary parts, such as
    pictures, start with neither signature and pass)."""
    declared = XML_DECLARATION.match(head)
    if head.startswith(OTHER_SIGNATURES) or (
            declared and declared.group(1).decode().lower() not in ALLOWED_ENCODINGS):
        raise PackageError("文件中的 XML 使用了 Office 格式不允许的字符编码，已拒绝")


def _check_parts(kind: Kind, names: set[str], content_types: bytes) -> None:
    """No macro part, and a main part of the right type: a .docm or .dotx renamed .docx is not
    a .docx."""
    types = dict(_declared_types(content_types))
    if any(name.lower().endswith("vbaproject.bin") for name in names) or any(
            "macroenabled" in value.lower() or "vbaproject" in value.lower()
            for value in types.values()):
        raise PackageError(
            f"不接受含宏的{kind.noun}，请另存为不含宏的 .{kind.extension} 文件")
    main = [part for part, value in types.items() if value == kind.main_type]
    if not main or main[0].lstrip("/") not in names:
        raise PackageError(f"文件不是 {kind.label}（.{kind.extension}）格式")


def _check_no_active_content(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> None:
    """No ActiveX controls, no links to other workbooks, and no relationship other than a
    hyperlink that points outside the file."""
    if any("/activex/" in f"/{m.filename.lower()}" for m in members):
        raise PackageError("文件含有 ActiveX 控件，已拒绝")
    if any("/externallinks/" in f"/{m.filename.lower()}" for m in members):
        raise PackageError("工作簿含有指向其他工作簿的外部链接，打开时会读取外部文件，已拒绝")
    for member in members:
        if not member.filename.endswith(".rels"):
            continue
        if member.file_size > MAX_RELS_BYTES:
            raise PackageError("文件的关系部件异常庞大，已拒绝")
        # Entity declarations were refused above, so the parser meets no DTD to expand.
        root = ElementTree.fromstring(archive.read(member))  # noqa: S314
        for relation in root.iter(f"{RELS_NAMESPACE}Relationship"):
            if (relation.get("TargetMode", "").lower() == "external"
                    and not relation.get("Type", "").endswith(EXTERNAL_ALLOWED)):
                raise PackageError(
                    "文件含有指向外部的图片、模板或对象链接，打开时可能下载恶意内容或泄露"
                    "登录凭据，已拒绝")


def _check_no_dangerous_fields(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]
                               ) -> None:
    """No DDE, INCLUDEPICTURE, INCLUDETEXT … field in any Word part, whether written as
    ``w:fldSimple`` or as ``w:instrText`` runs between ``w:fldChar`` marks (split over as many
    runs as the writer likes, and nested)."""
    for member in members:
        if member.filename.startswith("word/") and member.filename.endswith(".xml"):
            for instruction in _field_instructions(archive, member):
                words = instruction.split()
                if words and words[0].upper() in DANGEROUS_FIELDS:
                    raise PackageError(
                        f"文档含有 {words[0].upper()} 域代码，打开时会读取外部文件或启动程序，"
                        "已拒绝")


def _field_instructions(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> Iterable[str]:
    # Entity declarations were refused above, so the parser meets no DTD to expand.
    open_fields: list[list[str]] = []  # the instruction text of each field begun, innermost last
    with archive.open(member) as stream:
        for _, element in ElementTree.iterparse(stream):  # noqa: S314
            tag = element.tag
            if tag == f"{WORD_NAMESPACE}fldSimple":
                yield element.get(f"{WORD_NAMESPACE}instr", "")
            elif tag == f"{WORD_NAMESPACE}instrText" and open_fields:
                open_fields[-1].append(element.text or "")
            elif tag == f"{WORD_NAMESPACE}instrText":  # outside any begun field: judge alone
                yield element.text or ""
            elif tag == f"{WORD_NAMESPACE}fldChar":
                mark = element.get(f"{WORD_NAMESPACE}fldCharType")
                if mark == "begin":
                    open_fields.append([])
                elif mark in ("separate", "end") and open_fields:
                    yield "".join(open_fields.pop() if mark == "end" else open_fields[-1])
                    if mark == "separate":
                        open_fields[-1] = []
            element.clear()
    for parts in open_fields:  # a field never ended is judged all the same
        yield "".join(parts)


def _declared_types(content_types: bytes) -> Iterable[tuple[str, str]]:
    # Entity declarations were refused above, so the parser meets no DTD to expand.
    root = ElementTree.fromstring(content_types)  # noqa: S314
    for element in root:
        key = element.get("PartName") or "." + element.get("Extension", "")
        if element.tag in (f"{CT_NAMESPACE}Override", f"{CT_NAMESPACE}Default"):
            yield key, element.get("ContentType", "")
