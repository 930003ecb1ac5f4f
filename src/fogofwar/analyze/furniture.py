"""Page furniture: the lines of a saved page that are not the article.

Menus and navigation, other articles' headlines and teasers ("Read more", "Most read"), share
and save buttons, sign-up and cookie forms (their country lists included), tag lists, photo
captions and credits, bylines and time stamps. ``find_furniture`` marks them by line, on plain
text, Markdown and text extracted from HTML alike; the pipeline blanks them (offsets kept) before
any stage reads the text, so nothing found only in furniture becomes a place, claim or event.

The rules are line shapes, not outlets: a line that names a button or a section ("Share",
"Advertisement"), a credit ("Photograph: ...", "AP Photo/..."), a time stamp, a link-dense line,
a run of short unpunctuated lines (a menu, a list of headlines, a form's country list), a
Title-Case headline in the middle of the page, and the headlines that follow a "Read more" or
"Most read" marker.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from fogofwar.schema import Furniture

# A whole line that is a button, a section label or a form field.
_LABEL = re.compile(
    r"^(?:[\W_]*)(?:"
    r"advertisement|sponsored(?: content)?|skip to (?:main )?content|menu|main menu|search|home|sections?|"
    r"share(?: this)?(?: article| story| page| on \w+)?|save|save to read later|saved|print|email|e-mail|copy link|"
    r"link copied|gift(?:outline)?(?: gift)? article|listen(?: to (?:this )?article)?|comments?|show comments|"
    r"facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest|flipboard|messenger|x|"
    r"loading|image|photos?:?|video|watch|play video|hide caption|image caption,?|expand|close|"
    r"sign up|sign in|log in|subscribe|register|email address|newsletter|"
    r"follow us|get in touch|about the writer|keep reading|read more|read next|related:?|also read:?|"
    r"most read|most popular|trending|latest|latest video|top stories|more stories|more from \w+|"
    r"tags:?|topics:?|filed under:?|back to top|next|previous|continue reading|"
    r"sport|business|news|world|politics|opinion|culture|lifestyle|tech|science|the papers|currency|"
    r"placeholder while article actions load|download the app|subscribe to push notifications|"
    r"cookie settings|accept(?: all)?(?: cookies)?|manage preferences|privacy policy|terms of (?:use|service)|"
    r"\*\s*\*\s*\*|_{3,}|-{3,}|—{2,}"
    r")(?:[\W_]*)$",
    re.IGNORECASE,
)
# A line that starts a list of other articles: what follows it, up to body text, is headlines.
_RELATED_MARKER = re.compile(
    r"^\W*(?:read more|read next|related(?: articles| stories| coverage| content)?|also read|see also|"
    r"more on this|more from|most read|most popular|recommended|you may also like|you might also like|"
    r"trending|top stories|latest (?:news|stories|video)|more stories|in other news|"
    r"what to read next|further reading)\b.{0,60}$",
    re.IGNORECASE,
)
# A line that begins with a teaser or form label ("Read more: ...", "Sign up to ...").
_PREFIX = re.compile(
    r"^\W*(?:(?:read more|read also|also read|see also|click here|sign up (?:to|for)|subscribe (?:to|for)|"
    r"follow (?:us|\w+ on)|download (?:our|the)|get our|for more news|translations? by|with inputs from|"
    r"reporting by|editing by|writing by|additional reporting|copyright|©|"
    r"(?:this|the) (?:article|story|post) (?:was|has been|first) (?:originally )?(?:published|appeared|updated))"
    r"\b|(?:related|more|watch|listen|disclaimer|tags|topics|filed under|photo|photos|photograph|picture|image|"
    r"illustration|composite|video|graphic|credit|updated|published|last updated|first published|posted)"
    r"\s*[:|])",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"(?:\b(?:AP|AFP|Reuters|EPA|Getty|Alamy|Shutterstock|Bloomberg|Xinhua|TASS|Sputnik|Anadolu|UPI)"
    r"(?: Photo| Images| via Getty Images| Photo/[^\n]*)?\s*\)?\s*$)|"
    r"(?:\b(?:for|/) (?:The New York Times|The Washington Post|The Guardian|The Observer)\s*$)|"
    r"(?:^\(?(?:AP|AFP|EPA|REUTERS) ?(?:Photo)?/)|(?:\bvia Getty Images\b)|(?:/\s*(?:AFP|AP|EPA|REUTERS)\b)|"
    r"(?:^[A-Z][A-Z .'-]{3,} ?/ ?[A-Z][A-Z .'-]{3,}$)",
)
# A photo agency's credit line on its own: "Felipe Dana - staff, AP", "Uncredited - hogp, ...".
_AGENCY_CREDIT = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} - (?:staff|stringer|freelance|hogp|pool|"
                            r"contributor|handout)\b[^.]{0,60}$")
# A caption ending in its credit (the Guardian's "Smoke rises over Kharkiv. Photograph: X/AFP").
_CAPTION_CREDIT = re.compile(r"[.!?”’\"]\s*(?:Photograph|Photo|Picture|Image|Illustration|Composite|Credit)s?\s*:"
                             r"\s*[^.:]{2,90}$")
# Where a credit starts inside a line, and the credit itself ("Photograph: ed ram/The Guardian").
_CREDIT_MARK = re.compile(r"\b(?:Photograph|Photo|Picture|Image|Illustration|Composite|Credit)s?:")
_CREDIT_TEXT = re.compile(
    r"(?:Photograph|Photo|Picture|Image|Illustration|Composite|Credit)s?:\s*[^.:/\n]{1,40}?"
    r"(?:/(?:The (?:Guardian|Observer|New York Times|Washington Post|Times|Independent)|[^\s/]+"
    r"(?: (?:Images|Photos?|Pictures|Agency|Press|News))?))+"
    r"|(?:Photograph|Photo|Picture|Image|Illustration|Composite|Credit)s?:\s*[^.:/\n]{1,40}$"
)
_SENTENCE_END = re.compile(r"(?:[.!?][\"”’)]?|:)\s+(?=[A-Z“\"‘])")
# AP's caption style: "... in Kharkiv, Ukraine, Monday, April 18, 2022."
_CAPTION_DATE = re.compile(r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, )?(?:Jan|Feb|March|April|May|June|July|"
                           r"Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\.")
_TIMESTAMP = re.compile(
    r"^\W*(?:(?:updated|published|posted|last updated)(?: at| on)?\s*:?\s*)?"
    r"(?:\d{1,2}[.:]\d{2}\s*(?:a\.?m\.?|p\.?m\.?)?\s*(?:[A-Z]{2,4})?|"
    r"(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+\d{1,2}\s+\w+\s+\d{4}(?:\s+\d{1,2}[.:]\d{2}\s*\w*)?|"
    r"\w+ \d{1,2}, \d{4},?(?:\s+\d{1,2}:\d{2}\s*[ap]\.?m\.?\s*\w*)?)\W*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\W*(?:by|authored by|written by)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,4}\W*.{0,60}$")
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_URL = re.compile(r"https?://\S+|www\.\S+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SMALL = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from",
          "as", "is", "vs", "via", "over", "into", "after", "amid"}
_END = re.compile(r"[.!?:;…\"”’»)]\s*$")

SHORT_LINE = 70  # characters: a menu item, a headline, a country in a form's list
RUN = 3  # that many short unpunctuated lines in a row are a list, not prose


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, stripped line) for every non-blank line; start/end cover the stripped text."""
    pos = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            yield pos + lead, pos + lead + len(stripped), stripped
        pos += len(raw)


def title_case(line: str) -> bool:
    """A headline's capitals: every word but the small ones capitalised."""
    words = [w for w in _WORD.findall(line) if w.lower() not in _SMALL]
    if len(words) < 4:
        return False
    capital = sum(1 for w in words if w[0].isupper())
    return capital == len(words) or (len(words) >= 6 and capital / len(words) >= 0.85)


def _link_dense(line: str) -> bool:
    linked = sum(len(m.group(0)) for m in _MD_LINK.finditer(line)) + sum(len(m.group(0)) for m in _URL.finditer(line))
    return linked > 0 and linked >= 0.5 * len(line)


def _short(line: str) -> bool:
    return len(line) <= SHORT_LINE and not _END.search(line)


def line_kind(line: str) -> str | None:
    """The furniture kind of one line on its own, or None when it may be article text."""
    if _LABEL.match(line):
        return "button"
    if _link_dense(line):
        return "related"
    if _TIMESTAMP.match(line) or (_BYLINE.match(line) and len(line) < 90):
        return "credit"
    if len(line) < 160 and _CREDIT.search(line) or _AGENCY_CREDIT.match(line):
        return "credit"
    if len(line) <= 300 and _CAPTION_CREDIT.search(line) and len(_CREDIT_MARK.findall(line)) == 1:
        return "caption"
    if _PREFIX.match(line) and (len(line) < 200 or line.lower().startswith(("read more", "sign up", "subscribe"))):
        return "signup" if re.match(r"^\W*(?:sign up|subscribe|join|get our|download)", line, re.I) else "related"
    return None


def find_furniture(text: str, repeated: Iterable[str] = ()) -> list[Furniture]:
    """Furniture spans of a page, one per line (runs of lines merged). ``repeated`` are lines known
    to repeat across other pages of the same outlet (a site's own boilerplate)."""
    known = {r.strip() for r in repeated if r.strip()}
    lines = list(_lines(text))
    kinds: list[str | None] = [None] * len(lines)
    first_body = next((i for i, (_, _, ln) in enumerate(lines) if len(ln) > 2), 0)
    for i, (_, _, line) in enumerate(lines):
        kind = line_kind(line)
        if kind is None and line in known:
            kind = "repeated"
        if kind is None and i > first_body and _short(line) and title_case(line) and len(line) >= 20:
            kind = "related"  # another article's headline: Title Case, no full stop, mid-page
        kinds[i] = kind
    _mark_captions(lines, kinds, first_body)
    _mark_after_markers(lines, kinds)
    _mark_runs(lines, kinds, first_body)
    spans: list[Furniture] = []
    for (start, end, line), kind in zip(lines, kinds, strict=True):
        if kind is None:
            spans.extend(_inline_captions(text, start, line))
            continue
        if spans and spans[-1].kind == kind and not text[spans[-1].end : start].strip():
            spans[-1] = Furniture(spans[-1].start, end, kind)
        else:
            spans.append(Furniture(start, end, kind))
    return spans


def _inline_captions(text: str, start: int, line: str) -> Iterator[Furniture]:
    """Captions inside a longer line (a live blog's entry with its photos): for each credit, the
    sentence just before it and the credit ("... on Thursday. A satellite image shows smoke rising
    from Snake Island. Photograph: Planet Labs/Reuters A general view ...")."""
    done = 0
    for mark in _CREDIT_MARK.finditer(line):
        credit = _CREDIT_TEXT.match(line, mark.start())
        if credit is None or mark.start() < done:
            continue
        head = line[done : mark.start()].rstrip()
        if not head or head[-1] not in ".!?”’\"":
            continue
        ends = [m.end() for m in _SENTENCE_END.finditer(head[:-1])]
        begin = done + (ends[-1] if ends else 0)
        while begin < mark.start() and line[begin].isspace():
            begin += 1
        if mark.start() - begin > 400:
            continue
        done = credit.end()
        yield Furniture(start + begin, start + done, "caption")


def _bare_credit(line: str) -> bool:
    """A credit line with nothing else on it: its caption, if any, is the line before."""
    return len(line) <= 90 and (bool(_AGENCY_CREDIT.match(line)) or bool(_CREDIT.search(line))) and not (
        _TIMESTAMP.match(line) or _BYLINE.match(line) or re.search(r"[a-z]{2}[.!?] ", line)
        or re.match(r"^\W*(?:©|copyright|\(c\))", line, re.I))


def _mark_captions(lines: list[tuple[int, int, str]], kinds: list[str | None], first_body: int) -> None:
    """The line just before a bare photo credit is the photo's caption when it reads like one: a
    short line, or AP's style with the day written out ("..., Ukraine, Monday, April 18, 2022.").
    A long paragraph before a credit stays text: scrapers often drop the caption and keep the credit."""
    for i in range(1, len(lines)):
        if kinds[i] != "credit" or not _bare_credit(lines[i][2]):
            continue
        j = i - 1
        if j == first_body or kinds[j] is not None:
            continue
        before = lines[j][2]
        if before[0] in "\"“‘'«":
            continue  # a quotation is the story's, not a photo's
        if len(before) <= 120 or (len(before) <= 700 and _CAPTION_DATE.search(before)):
            kinds[j] = "caption"


def _mark_after_markers(lines: list[tuple[int, int, str]], kinds: list[str | None]) -> None:
    """Headlines listed under "Read more" / "Most read": short lines up to the next prose line."""
    for i, (_, _, line) in enumerate(lines):
        if not _RELATED_MARKER.match(line) or _END.search(line.rstrip(":")):
            continue
        kinds[i] = kinds[i] or "related"
        for j in range(i + 1, min(len(lines), i + 12)):
            candidate = lines[j][2]
            if len(candidate) > 140 or (_END.search(candidate) and not candidate.endswith("?")):
                break  # prose: scrapers often drop the headlines and keep the marker
            kinds[j] = kinds[j] or "related"


def _mark_runs(lines: list[tuple[int, int, str]], kinds: list[str | None], first_body: int) -> None:
    """RUN or more short unpunctuated lines in a row (furniture lines between them included) are a
    menu or a list; the page's own first line (its title) is kept out of the run."""
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and (_short(lines[j][2]) or kinds[j] is not None):
            j += 1
        run = [k for k in range(i, j) if k != first_body or j - i > RUN + 1]
        if sum(1 for k in run if kinds[k] is None) >= RUN or (len(run) >= RUN + 1 and any(kinds[k] for k in run)):
            for k in run:
                kinds[k] = kinds[k] or "navigation"
        i = max(j, i + 1)


def mask(text: str, spans: Iterable[Furniture]) -> str:
    """The text with furniture blanked: every character but line breaks becomes a space, so that
    offsets into the result index the original text."""
    chars = list(text)
    for span in spans:
        for k in range(span.start, span.end):
            if chars[k] not in "\r\n":
                chars[k] = " "
    return "".join(chars)


class Boilerplate:
    """Lines that repeat across pages of one outlet: a site's menus, buttons and sign-up lines that
    no line-shape rule knows ("The Kyiv Independent", "Support independent journalism"). Learnt as
    pages stream by: a line (at most ``max_chars``) seen on ``pages`` distinct pages of an outlet is
    furniture on that outlet's later pages. Memory stays bounded: an outlet keeps at most
    ``max_lines`` lines, the ones seen once dropped first."""

    def __init__(self, pages: int = 3, max_chars: int = 120, max_lines: int = 20_000) -> None:
        self.pages = pages
        self.max_chars = max_chars
        self.max_lines = max_lines
        self._counts: dict[str, dict[str, int]] = {}
        self._known: dict[str, set[str]] = {}  # the lines that reached ``pages``, kept as they do

    def known(self, outlet: str | None) -> frozenset[str]:
        return frozenset(self._known.get(outlet, ())) if outlet else frozenset()

    def learn(self, outlet: str | None, text: str) -> None:
        if not outlet:
            return
        counts = self._counts.setdefault(outlet, {})
        for line in {ln.strip() for ln in text.splitlines()}:
            if 2 < len(line) <= self.max_chars:
                counts[line] = n = counts.get(line, 0) + 1
                if n == self.pages:
                    self._known.setdefault(outlet, set()).add(line)
        if len(counts) > self.max_lines:
            for line in [k for k, n in counts.items() if n < 2]:
                del counts[line]  # a known line stays known: ``_known`` keeps it
