"""Ads and boilerplate removal: what a material shop wraps around a speech.

Shops paste subscription offers, QQ numbers and "预览阅读已结束…" around the text. Whole
sentences carrying such a signal are dropped; the signals are specific enough that ordinary
government prose (which may well mention 微信 groups or 订阅 of party papers) survives.
"""

import re
from dataclasses import dataclass

# Everything after these lines is the shop's paywall, never the speech.
TRUNCATION = re.compile(
    r"预览阅读已结束|试读已结束|阅读已结束|剩余\d*页?未读|以下内容需(?:付费|购买)"
)

AD_SIGNALS = re.compile(
    r"[QＱqｑ]{2}\s*群|[QＱqｑ]{2}\s*[:：号]?\s*\d{5,}|微信号|加微信|微信公众号|公众号|"
    r"立享|订阅立|会员群|会员资料|开通会员|成为会员|倒卖|免费领取|免费下载|免费赠送|"
    r"仅供学习|禁止外传|仅供参考|下载后|可编辑|侵权|版权所有|文库|淘宝|联系老师|代笔|"
    r"需要全文|获取全文|全文下载|点击|扫码|https?://|www\.|👉|👈|"
    r"更多[^。，]{0,8}(?:材料|资料|范文)"
)

# 红头 (the red masthead of an official document) and its file-number and issue lines: they
# head a 通知 or 实施方案 pasted from a Word file and are never part of its outline.
MASTHEAD = re.compile(
    r"^(?:[\u4e00-\u9fff（）()]{2,30}文件|[\u4e00-\u9fff]{1,12}[〔［\[]\d{4}[〕］\]]\s*\d{1,4}\s*号|"
    r"签发人[：:].{0,12}|(?:特急|加急|平急|机密|秘密|绝密)(?:[★\s].{0,10})?|[—─━_\-]{5,}.*)$"
)

SENTENCE = re.compile(r"[^。！？!?]*[。！？!?]+|[^。！？!?]+$")


@dataclass(frozen=True)
class Paragraph:
    """One non-empty line of the document, and whether a blank line stood before it."""

    text: str
    blank_before: bool


def strip_ads(line: str) -> str:
    """The line without its ad sentences; empty when the whole line is an ad."""
    if not AD_SIGNALS.search(line):
        return line
    kept = [s for s in SENTENCE.findall(line) if not AD_SIGNALS.search(s)]
    return "".join(kept).strip()


def paragraphs_with_text(paragraphs: list["Paragraph"]) -> bool:
    """Whether the document's body has begun: a masthead only stands above it."""
    return any(len(p.text) > 40 for p in paragraphs)


def clean_paragraphs(text: str) -> list[Paragraph]:
    """Normalised, ad-free, non-empty paragraphs in document order."""
    lines = re.split(r"\r\n|\r|\n|\u2028|\u2029", text)
    paragraphs: list[Paragraph] = []
    blank = False
    for raw in lines:
        line = raw.strip().replace("\u00a0", " ")
        if TRUNCATION.search(line):
            break
        if not line:
            blank = True
            continue
        line = strip_ads(line)
        if MASTHEAD.match(line) and not paragraphs_with_text(paragraphs):
            continue
        if line:
            paragraphs.append(Paragraph(line, blank))
            blank = False
    return paragraphs
