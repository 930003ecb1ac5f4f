"""Name normalisation shared by the compiler, the index and the places stage.

Reporters write the same town as "Kup'yansk", "Kupiansk" and "Kupyansk"; matching is on a
folded key: casefold, diacritics stripped, apostrophes dropped, hyphens as spaces.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = re.compile(r"['’ʼ`´ʹʻ‘\"”“]")
_SEPARATORS = re.compile(r"[-‐‑–—_/.,]+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# The folded key of a name we index: Latin letters, digits and single spaces only.
_LATIN_KEY = re.compile(r"^[a-z0-9]+(?: [a-z0-9]+)*$")
# Letters that NFKD does not decompose into ASCII.
_FOLD = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe",
                       "þ": "th", "ħ": "h"})


@lru_cache(maxsize=200_000)
def normalize(name: str) -> str:
    """The lookup key of a name: ``"Kup’yansk"`` -> ``"kupyansk"``, ``"Chasiv-Yar"`` -> ``"chasiv yar"``."""
    text = name.casefold()
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_FOLD)))
    text = _SEPARATORS.sub(" ", _APOSTROPHES.sub("", text))
    return " ".join(text.split())


def is_latin_key(key: str) -> bool:
    """Whether a normalised key is plain Latin (the only keys English text can hit)."""
    return bool(_LATIN_KEY.match(key))


def is_latin_or_cyrillic(name: str) -> bool:
    """Whether a name is written in Latin or Cyrillic letters (the alternate names we keep)."""
    has_letter = False
    for ch in name:
        if ch.isalpha():
            has_letter = True
            script = unicodedata.name(ch, "")
            if not (script.startswith("LATIN") or script.startswith("CYRILLIC")):
                return False
    return has_letter


# Russian/Ukrainian Cyrillic to the Latin spellings English-language reporting uses
# (BGN/PCGN-like, without diacritics: "Суджа" -> "Sudzha", "Теткино" -> "Tetkino").
_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}


def transliterate_ru(name: str) -> str:
    """A Latin spelling of a Russian Cyrillic name, keeping capitals: "Большое Солдатское" ->
    "Bolshoye Soldatskoye" (adjective endings -ое/-ий/-ый as reporters spell them)."""
    words = []
    for word in name.split(" "):
        low = word.lower()
        for ending, latin in (("ое", "oye"), ("ий", "iy"), ("ый", "yy"), ("ая", "aya"), ("ые", "yye")):
            if low.endswith(ending) and len(low) > 3:
                low = low[: -len(ending)] + "\0" + latin
                break
        out = []
        for i, ch in enumerate(low):
            if ch == "\0":
                out.append(low[i + 1 :])
                break
            # "е" after a vowel or at the start of a word is written "ye" ("Ельск" -> "Yelsk").
            if ch == "е" and (i == 0 or low[i - 1] in "аеёиоуыэюяіїєьъ"):
                out.append("ye")
            else:
                out.append(_CYR.get(ch, ch))
        latin_word = "".join(out)
        if word[:1].isupper():
            latin_word = latin_word[:1].upper() + latin_word[1:]
        words.append(latin_word)
    return " ".join(words)
