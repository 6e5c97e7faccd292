"""Owners: the parties an item names and gives a duty.

A party is a name ending in an organisation or post word (…局, …党委（党组）, …书记) that
opens a clause and is followed by a duty word (要, 负责, 牵头, 每月…), or is directed by
督促/指导, joined by 会同, or listed after 牵头单位：. Those only educated or organised
("组织党员干部参观…") are not owners: a name never starts with a verb.
"""

import re

from .spans import MASK, clauses, mask

SUFFIX = (
    r"(?:党工委|党委|党组|党组织|党支部|党总支|支部|工委|常委会(?:会议)?|委员会|书记|成员|班子|"
    r"机关|机构|部门|单位|地区|政府|局|办|委|厅|室|所|站|中心|院|队|乡镇|街道|社区|企业|学校|"
    r"医院|公司|领导|负责人|同志|干部|党员|主任|部长|局长|县长|部|组|专班|股|股长|委员|科|科长)"
)
ALTERNATIVE = r"(?:[（(][\u4e00-\u9fff]{1,6}[）)])?"  # 党组（党委）
NAME = rf"[\u4e00-\u9fff“”（）(){MASK}]{{0,24}}?{SUFFIX}{ALTERNATIVE}"
# What follows a party that is being given a duty.
DUTY = (
    r"(?:要|必须|应当|应|务必|需要|需|负责|牵头|配合|带头|自觉|切实|作为|是第一责任人|"
    r"是[\u4e00-\u9fff]{0,12}责任人|是责任主体|于|每|结合|按照|对照|统筹|会同|亲自|认真|及时|"
    r"定期|严格|全面|主动|积极|全年|第一时间|以[^，。；]{0,10}身份|制定|组织(?=验收|实施|召开|开展|评选)|"
    r"对[^，。；]{1,40}?(?:负|承担|履行)[^，。；]{0,4}责任)"
)
AFTER_NAME = (r"(?:制定|统筹|研究|做好|抓好|开展|建立|落实|推进|组织|对|等|，|。|共同|及时|认真|"
              r"切实|负责|做|抓|按|于|在)")
# "组织、宣传部门": bare words sharing the suffix of the name they are listed before.
SHARED = r"(?:[\u4e00-\u9fff]{1,4}、)*"
NAMES = rf"{SHARED}{NAME}(?:、{SHARED}{NAME})*"  # a name holds no 、: lists split one way only
SUBJECT = re.compile(rf"(?P<name>{NAMES}){DUTY}")
DIRECTED = re.compile(
    rf"(?:督促指导|督促|指导|推动|要求|责成|动员)(?P<name>{NAMES})"
    r"(?:切实|自觉|认真|积极|主动|按时)?"
    r"(?:履行|落实|开展|做好|抓好|完成|到|建立|建设|制定|参加|推进|实施)"
)
ROLE_OF = re.compile(rf"发挥(?P<name>{NAME})的")
JOINT = re.compile(rf"会同(?P<name>{NAMES})(?={AFTER_NAME})")
ROLE_LIST = re.compile(
    r"(?:牵头单位|责任单位|配合单位|协办单位|牵头部门|责任部门|配合部门|责任领导|牵头领导|"
    r"责任人|责任主体)"
    r"[:：](?P<names>[^；;）)。\n]+)"
)
# A name never starts with a verb or preposition: "组织党员干部…" names no duty-bearer.
NOT_A_NAME = re.compile(
    r"^(?:带头|深入|加强|加大|推进|推动|组织|引导|教育|督促|指导|开展|建立|健全|完善|落实|坚持|深化|"
    r"强化|提升|提高|把|将|对|在(?!职|编|岗)|为|以|按照|通过|围绕|结合|根据|针对|确保|依托|利用|聚焦|发挥|"
    r"抓好|做好|持续|全面|进一步|认真|积极|主动|严格|切实|不断|大力|充分|让|使|向|与|从|关于|"
    r"重点|注重|实现|完成|参加|参与|举办|召开|报|凡是|坚决|及时|定期|用好|规范|优化|配强|扎实|每)"
)
NAME_ONLY = re.compile(rf"{NAME}$")


def is_name(text: str) -> bool:
    return bool(NAME_ONLY.fullmatch(text)) and not NOT_A_NAME.match(text)


def listed_names(name: str) -> list[str]:
    """"甲局、乙局" → two names; "组织、宣传部门" → one, the bare word sharing the suffix."""
    names: list[str] = []
    bare: list[str] = []
    for part in (p for p in name.split("、") if p):
        if NAME_ONLY.fullmatch(part):
            names.append("、".join([*bare, part]))
            bare = []
        else:
            bare.append(part)
    return names + (["、".join(bare)] if bare else [])


def split_names(name: str) -> list[str]:
    """"甲局、乙局" and "党组织和在职党员" are two parties each; "县粮食和物资储备中心" is one."""
    names: list[str] = []
    for listed in listed_names(name):
        parts = [p for p in re.split(r"以及|和|及|与", listed) if p]
        names.extend(parts if len(parts) > 1 and all(map(is_name, parts)) else [listed])
    return names


def acceptable(name: str) -> bool:
    """A party's name: no verb-led fragment ("应按规定与对方…"), except a bare word listed before
    a shared suffix ("组织、宣传部门")."""
    lead = name.split("、", 1)[0]
    verb_led = NOT_A_NAME.match(name) and (lead == name or NAME_ONLY.fullmatch(lead))
    return len(name) >= 2 and "的" not in name and MASK not in name and not verb_led


def owner_hits(text: str) -> list[tuple[int, str]]:
    hits: list[tuple[int, str]] = []
    for offset, clause in clauses(text):
        subject = SUBJECT.match(clause)
        if subject and acceptable(subject.group("name")):
            hits.append((offset, subject.group("name")))
    for pattern in (DIRECTED, ROLE_OF, JOINT):
        for found in pattern.finditer(text):
            if acceptable(found.group("name")):
                hits.append((found.start("name"), found.group("name")))
    for found in ROLE_LIST.finditer(text):
        position = found.start("names")
        for name in re.split(r"[、，,]", found.group("names")):
            if name.strip():
                hits.append((position, name.strip()))
            position += len(name) + 1
    return hits


def extract_owners(text: str) -> tuple[str, ...]:
    """Parties named in the text and given a duty, in order of appearance, each once."""
    names: list[str] = []
    for _, name in sorted(owner_hits(mask(text))):
        for part in split_names(name):
            if part not in names:
                names.append(part)
    return tuple(names)
