"""Numbers as Vietnamese documents write them: decimal comma, thousands dot."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

NUMBER_PATTERN = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_NUMBER = re.compile(rf"^\s*-?(?:{NUMBER_PATTERN})\s*$")


def parse_number(text: str) -> Decimal | None:
    """"31,7" → 31.7, "5.500" → 5500, "2.200.000,5" → 2200000.5; "1.5" and "12.5" read
    as decimals too (a dot not followed by three digits is not a thousands dot)."""
    text = (text or "").strip().replace(" ", "")
    if not text:
        return None
    if not _NUMBER.match(text):
        if re.fullmatch(r"-?\d+\.\d+", text):  # typed with a decimal point
            return Decimal(text)
        return None
    try:
        return Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def format_number(value) -> str:
    """31.7 → "31,7", 5500 → "5.500"."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value)).normalize()
    if number == number.to_integral():
        number = number.quantize(Decimal(1))
    whole, _, fraction = f"{abs(number):f}".partition(".")
    groups = []
    while len(whole) > 3:
        whole, groups = whole[:-3], [whole[-3:], *groups]
    text = ".".join([whole, *groups]) + (f",{fraction}" if fraction else "")
    return f"-{text}" if number < 0 else text
