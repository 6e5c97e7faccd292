"""Resident identity numbers (公民身份号码), GB 11643-1999, check character per ISO 7064 MOD 11-2.

Pure functions with no Django imports, so that the demo generator and tests can use them too.
"""

import re
import unicodedata
from datetime import date

# W_i = 2^(17-i) mod 11 for positions 1..17 (GB 11643-1999 §8.2)
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
_SHAPE = re.compile(r"^[0-9]{17}[0-9X]$")  # ASCII only: \d would take full-width digits
_PHONE = re.compile(r"^[0-9]{7,15}$")


class IdNumberError(ValueError):
    """Raised with a Chinese message that the user can act on."""


def check_char(first17: str) -> str:
    total = sum(int(digit) * weight for digit, weight in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def canonical_text(raw: str) -> str:
    """NFKC (full-width digits and letters become ASCII), no white space, upper case: the one
    form that is validated, hashed and stored, so that one number has one look-up hash."""
    return "".join(unicodedata.normalize("NFKC", raw or "").split()).upper()


def normalise(raw: str) -> str:
    """Validate and return the canonical form (upper-case X); raise IdNumberError otherwise."""
    value = canonical_text(raw)
    if not _SHAPE.match(value):
        raise IdNumberError("身份证号应为18位：前17位是数字，最后一位是数字或X")
    try:
        birth = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError as exc:
        raise IdNumberError("身份证号中的出生日期不是有效日期") from exc
    if birth > date.today() or birth.year < 1900:
        raise IdNumberError("身份证号中的出生日期不合理")
    if check_char(value[:17]) != value[17]:
        raise IdNumberError("身份证号校验位不正确，请核对后重新输入")
    return value


def normalise_phone(raw: str) -> str:
    """The phone number in ASCII digits without spaces ("" when empty); IdNumberError if bad."""
    value = canonical_text(raw)
    if value and not _PHONE.match(value):
        raise IdNumberError("手机号只能包含7到15位数字")
    return value


def birth_date(value: str) -> date:
    return date(int(value[6:10]), int(value[10:12]), int(value[12:14]))


def is_male(value: str) -> bool:
    """The 17th digit (sequence code) is odd for men, even for women."""
    return int(value[16]) % 2 == 1


def mask(value: str) -> str:
    """First 6 and last 4 characters: 110105********002X."""
    return f"{value[:6]}{'*' * 8}{value[-4:]}"


def mask_phone(value: str) -> str:
    """138****1234 for mobile numbers; other lengths keep only the last 4 digits."""
    digits = value.strip()
    if len(digits) == 11:
        return f"{digits[:3]}****{digits[-4:]}"
    return f"{'*' * max(len(digits) - 4, 0)}{digits[-4:]}"


def synthesise(area: str, birth: date, sequence: int) -> str:
    """A valid-checksum number for demo data: 6-digit area, birth date, 3-digit sequence."""
    first17 = f"{area}{birth:%Y%m%d}{sequence:03d}"
    return first17 + check_char(first17)
