"""Fatality figures stated in an event's clause.

"killing six civilians" -> 6, "left at least 12 dead" -> 12. Vague quantities ("dozens dead",
"scores killed") and "casualties unknown" give None: ACLED-style lower bounds are not guessed.
"""

from __future__ import annotations

import re

_NUM_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "a dozen": 12,
    "dozen": 12,
}
_NUM = r"(\d[\d,]*|" + "|".join(sorted(_NUM_WORDS, key=len, reverse=True)) + r")"
_QUAL = r"(?:at least |some |about |around |nearly |almost |more than |over |up to |as many as )?"
# Verbs of killing someone: "killed", "executed", "beheaded", "shot dead", "lynched".
_KILL = (
    r"kill(?:s|ed|ing)?|execut(?:es|ed|ing)|behead(?:s|ed|ing)|murder(?:s|ed|ing)?|lynch(?:es|ed|ing)"
    r"|assassinat(?:es|ed|ing)|(?:shot|shoots|shooting)\s+dead|(?:gunned|guns|gunning)\s+down"
    r"|beat(?:s|en|ing)?\s+to\s+death"
)
# Fatality figures. Vague quantities ("dozens dead", "scores killed") give no figure: null, not a guess.
_ONE = (
    r"(?:a|an|one|the)\s+(?:[\w-]+\s+){0,2}?(?:woman|man|child|girl|boy|person|civilian|resident|soldier|teenager|"
    r"pensioner|driver|farmer|worker|passenger|journalist|volunteer|officer|policeman|medic|doctor|official|"
    r"mayor|commander|deputy|activist|priest|teacher|student|police officer|suspect|thief|prisoner|captive)"
)
_FATALITY_RES = (
    re.compile(r"\b(?:" + _KILL + r"|left|leaving)\s+" + _QUAL + _NUM + r"\b(?!\s*(?:%|percent|km|kilomet))", re.I),
    re.compile(
        r"\b" + _QUAL + _NUM + r"\s+(?:[\w-]+\s+){0,3}?(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+|are\s+)?"
        r"(?:killed|dead|died|dying|slain|perished)\b",
        re.I,
    ),
    re.compile(r"\bdeath\s+toll\s+(?:[\w-]+\s+){0,3}?(?:to|of|at|is|was|stands\s+at)\s+" + _QUAL + _NUM + r"\b", re.I),
    re.compile(
        r"\b(?:killing|deaths?\s+of)\s+" + _QUAL + _NUM + r"\b", re.I
    ),  # "killed a 71-year-old woman", "a man was killed": one
    re.compile(r"\b(?:" + _KILL + r")\s+" + _ONE + r"\b()", re.I),
    re.compile(r"\b" + _ONE + r"\s+(?:was|has\s+been|had\s+been)\s+killed\b()", re.I),
)


def parse_number(text: str) -> int | None:
    low = text.lower().replace(",", "")
    if low.isdigit():
        return int(low)
    return _NUM_WORDS.get(low)


def fatalities_in(text: str) -> int | None:
    """The number killed stated in a clause's text, or None when none (or only a vague one) is."""
    for rx in _FATALITY_RES:
        m = rx.search(text)
        if m is not None:
            n = parse_number(m.group(1)) if m.group(1) else 1
            if n is not None and n < 100_000:
                return n
    return None
