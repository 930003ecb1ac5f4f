"""Coreference of event mentions: one group per real-world happening in an article.

Mentions of the same kind of happening (territory changes form one kind) merge when their places
agree (one may be missing: "its capture"; a village agrees with its region), their dates agree and
the acting sides do not conflict; "another strike" always starts a new event; "the attack" joins the
violent event just reported; a toll in the next sentence ("Two people were killed") is that event's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from fogofwar.analyze.events.lexicon import words
from fogofwar.analyze.events.mentions import Mention
from fogofwar.analyze.events.syntax import coarseness
from fogofwar.schema import ACLED_TAXONOMY, EVENT_TYPE_OF, DateRef, Place

TERRITORY_SUBS = frozenset(
    {
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Non-violent transfer of territory",
    }
)
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


@dataclass(slots=True)
class Group:
    mentions: list[Mention] = field(default_factory=list)
    fatalities: int | None = None  # a toll reported in a later sentence

    @property
    def first(self) -> Mention:
        return self.mentions[0]

    def family(self) -> str:
        return _family_of(self.first.sub_event_type)

    def place(self) -> Place | None:
        """The finest place named by a mention (a village over its region), else an anaphor's."""
        named = [m.place for m in self.mentions if m.place is not None and not m.place_anaphoric]
        if named:
            return min(named, key=coarseness)
        return next((m.place for m in self.mentions if m.place is not None), None)

    def date(self) -> DateRef | None:
        return next((m.date for m in self.mentions if m.date is not None), None)

    def sides(self) -> set[str]:
        return set().union(*(mention_sides(m) for m in self.mentions))


_OTHER_SIDE = {"russia": "ukraine", "ukraine": "russia"}


def mention_sides(m: Mention) -> set[str]:
    """The side a mention's happening favours: who acts, or who holds the place afterwards. A
    withdrawal favours the other side of the war ("Ukrainian troops withdrew from X" and "Russian
    forces captured X" are one change of control)."""
    sides = {a.actor.side for a in m.agents[:1] if a.actor.side != "unknown"}
    if m.cls.name == "territory_transfer" and m.head.lemma_.lower() in words()["withdraw_words"]:
        sides = {_OTHER_SIDE.get(side, side) for side in sides}
    return sides | ({m.after_side} if m.after_side else set())


PROTEST_SUBS = frozenset(ACLED_TAXONOMY["Protests"]) | frozenset(ACLED_TAXONOMY["Riots"])


def _family(m: Mention) -> str:
    return _family_of(m.sub_event_type)


def _family_of(sub: str) -> str:
    """Mentions of one family can be one happening: a capture and a fall; a rally that turns violent."""
    if sub in TERRITORY_SUBS:
        return "territory"
    return "protest" if sub in PROTEST_SUBS else sub


def _same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    fine, coarse = sorted((a, b), key=coarseness)
    if coarse.name and fine.admin1 and coarseness(coarse) >= 2 and fine.admin1 == coarse.name:
        return True  # Robotyne lies in the Zaporizhzhia region
    if a.geonameid is not None and b.geonameid is not None:
        return a.geonameid == b.geonameid
    return (a.name or a.text).lower() == (b.name or b.text).lower()


def kind(m: Mention) -> str:
    """What an agreement is about ("ceasefire", "exchange", ...), from events_words.toml; "" when
    general ("the deal", "talks"), which fits any kind."""
    if m.sub_event_type != "Agreement" or m.cls.name == "agreement_weak":
        return ""
    kinds = words()
    for tok in m.span:
        for name in ("ceasefire", "exchange", "surrender"):
            if tok.lemma_.lower() in kinds[f"agreement_{name}"] or tok.lower_ in kinds[f"agreement_{name}"]:
                return name
    return ""


_REAL = frozenset({"happened", "denied"})


def _same_reality(g: Group, m: Mention) -> bool:
    """Whether a mention and a group speak of the same kind of reality: what happened (or is denied)
    and what only might happen ("could attempt to encircle X") are two things. A nominal subject of a
    modal verb ("the fall of X could isolate ...") presupposes the happening and joins either."""
    if m.presupposed or all(x.presupposed for x in g.mentions):
        return True
    real = m.context in _REAL
    return any((x.context in _REAL) == real for x in g.mentions if not x.presupposed)


def _compatible(g: Group, m: Mention, near: bool = False) -> bool:
    if not _same_reality(g, m):
        return False
    general = all(x.cls.name == "agreement_weak" for x in g.mentions)  # "talks" that reached it
    if (m.fresh and not general) or _family(m) != g.family():
        return False
    if m.habitual != any(x.habitual for x in g.mentions):
        return False  # "almost daily strikes on X, Y and Z" and "Friday's shelling of Z" are two things
    g_kinds = {kind(x) for x in g.mentions} - {""}
    if kind(m) and g_kinds and kind(m) not in g_kinds:
        return False  # a prisoner exchange and a ceasefire are two agreements
    gd, md = g.date(), m.date
    if gd is not None and md is not None and gd.value != md.value:
        return False
    gp, mp = g.place(), m.place
    if not _same_place(gp, mp):
        # an unresolved district of a resolved city ("the city's Kyivskyi district") on the same day
        unresolved = gp is not None and mp is not None and (gp.geonameid is None or mp.geonameid is None)
        if not (unresolved and ((gd is not None and md is not None) or near)):
            return False
    m_sides = mention_sides(m)
    if g.sides() and m_sides and not (g.sides() & m_sides):
        return False
    if (
        m.sub_event_type != "Agreement"
        and m.place is None
        and g.place() is not None
        and not (m.anaphoric or m.place_anaphoric)
        and m.nominal is False
    ):
        return bool(m_sides & g.sides()) or near
    if (
        m.sub_event_type != "Agreement"
        and m.place is not None
        and g.place() is None
        and not any(x.anaphoric or x.place_anaphoric or x.nominal for x in g.mentions)
    ):
        # the same the other way round: "attempts at seizing cities" does not take in Mariupol's fall
        return bool(m_sides & g.sides()) or near
    return True


def group_mentions(mentions: list[Mention], sent_of: dict[int, int]) -> list[Group]:
    groups: list[Group] = []
    for m in mentions:
        last = groups[-1] if groups else None
        if (
            last is not None
            and m.cls.name == "kill"
            and not m.agents
            and m.place is None
            and EVENT_TYPE_OF[last.first.sub_event_type] in VIOLENT_TYPES
            and sent_of[id(m)] - sent_of[id(last.mentions[-1])] <= 3
        ):
            # "A missile hit X. Two people were killed": the toll of the event just reported
            last.fatalities = last.fatalities if last.fatalities is not None else m.fatalities
            # and its victims: "1 civilian was killed" names the strike's civilian target
            last.first.patients += [p for p in m.patients if p.kind in ("civilians", "captive")]
            continue
        protest = next(
            (g for g in reversed(groups) if EVENT_TYPE_OF[g.first.sub_event_type] in ("Protests", "Riots")),
            None,
        )
        if (
            m.cls.name == "arrest"
            and protest is not None
            and 0 <= sent_of[id(m)] - sent_of[id(protest.mentions[-1])] <= 1
            and {t.lemma_.lower() for t in m.span.sent} & {"disperse", "crowd", "protester", "demonstrator", "rally"}
        ):
            # "Police dispersed the crowd and detained 20 people": the protest's intervention
            protest.mentions.append(m)
            continue
        if m.generic_anaphor:
            agreement = m.sub_event_type == "Agreement"
            # "the strike" looks back to a strike, "the attack" to any violent event
            remote = m.head.lemma_.lower() in words()["anaphoric_strikes"]
            antecedent = next(
                (
                    g
                    for g in reversed(groups)
                    if (
                        g.first.sub_event_type == "Agreement" and any(x.context == "happened" for x in g.mentions)
                        if agreement
                        else (
                            EVENT_TYPE_OF[g.first.sub_event_type] == "Explosions/Remote violence"
                            if remote
                            else EVENT_TYPE_OF[g.first.sub_event_type] in VIOLENT_TYPES
                        )
                    )
                    and g.first.sub_event_type not in TERRITORY_SUBS
                    # "the agreement" may look back further than "the attack"
                    and sent_of[id(m)] - sent_of[id(g.mentions[-1])] <= (6 if agreement else 3)
                ),
                None,
            )
            if antecedent is not None and not m.fresh:
                antecedent.mentions.append(m)
            continue  # with nothing to refer to, "the attack" is no event of its own
        target = _weapon_antecedent(m, groups, sent_of) or next(
            (g for g in reversed(groups) if _compatible(g, m, sent_of[id(m)] - sent_of[id(g.mentions[-1])] <= 1)),
            None,
        )
        if target is None:
            groups.append(Group([m]))
        else:
            target.mentions.append(m)
    return _tolls_at_strikes(_tolls_of_strikes(_same_settlement(groups), sent_of))


def _repeated(g: Group) -> bool:
    """Whether a group tells of a new happening: "another strike", "was shelled again"."""
    return any(x.fresh for x in g.mentions)


def _same_settlement(groups: list[Group]) -> list[Group]:
    """Reports of one happening told paragraphs apart ("X was arrested in Miami on Thursday" ...
    "were arrested at a Miami airport"): a later group of the same kind at the same settlement, on
    the same day or an unnamed one, by no other side, is the earlier one told again."""
    out: list[Group] = []
    for g in groups:
        place, date = g.place(), g.date()
        target = None
        if place is not None and place.geonameid is not None and coarseness(place) == 0 and not _repeated(g):
            for h in reversed(out):
                hp, hd = h.place(), h.date()
                if (h.family() == g.family() and hp is not None and hp.geonameid == place.geonameid
                        and (hd is None or date is None or hd.value == date.value)
                        and all(_same_reality(h, m) for m in g.mentions)
                        and not (h.sides() and g.sides() and not h.sides() & g.sides())
                        and {kind(x) for x in h.mentions} - {""} == {kind(x) for x in g.mentions} - {""}):
                    target = h
                    break
        if target is None:
            out.append(g)
        else:
            target.mentions.extend(g.mentions)
    return out


_DEFINITE = frozenset({"the", "these", "those", "both", "this", "that"})


def _weapon_antecedent(m: Mention, groups: list[Group], sent_of: dict[int, int]) -> Group | None:
    """The strike that a definite weapon subject refers back to: "Russian aircraft dropped two
    glide bombs on X. One of the bombs hit a courtyard": one strike, told twice."""
    if m.fresh or m.place is not None or m.nominal:
        return None
    subj = next((c for c in m.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.pos_ in ("NUM", "PRON") or (subj is not None and subj.lower_ in ("some", "all")):
        # "one of the bombs", "two of the missiles"
        subj = next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children), None)
    if subj is None or not any(c.dep_ in ("det", "poss") and c.lower_ in _DEFINITE for c in subj.children):
        return None
    lemma = subj.lemma_.lower()
    for g in reversed(groups):
        if sent_of[id(m)] - sent_of[id(g.mentions[-1])] > 2:
            return None
        remote = EVENT_TYPE_OF[g.first.sub_event_type] == "Explosions/Remote violence"
        if remote and any(t.lemma_.lower() == lemma for x in g.mentions for t in (*x.span, *x.clause)):
            return g
    return None


def _toll_only(g: Group) -> bool:
    return all(m.cls.name == "kill" and not m.agents and m.place is None for m in g.mentions)


def _join_tolls(groups: list[Group], toll: Callable[[Group], bool],
                beside: Callable[[Group, Group], bool]) -> list[Group]:  # fmt: skip
    """Each group ``toll`` accepts joins the strike (an Explosions/Remote violence group) that
    ``beside`` finds for it, when there is exactly one."""
    out = list(groups)
    for g in groups:
        if not toll(g):
            continue
        strikes = [h for h in out if h is not g and beside(g, h)
                   and EVENT_TYPE_OF[h.first.sub_event_type] == "Explosions/Remote violence"]  # fmt: skip
        if len(strikes) == 1:
            strikes[0].mentions.extend(g.mentions)
            out.remove(g)
    return out


def _tolls_of_strikes(groups: list[Group], sent_of: dict[int, int]) -> list[Group]:
    """A killing with no actor or place of its own, told in the sentence of a strike ("four civilians
    were killed when glide bombs struck X"), is that strike's toll, even when told before it."""

    def same_sentence(g: Group, h: Group) -> bool:
        sents = {sent_of[id(m)] for m in g.mentions}
        return any(sent_of[id(x)] in sents for x in h.mentions)

    return _join_tolls(groups, _toll_only, same_sentence)


def _tolls_at_strikes(groups: list[Group]) -> list[Group]:
    """A killing with no actor and no day of its own at a settlement where the page reports one
    strike ("53 prisoners were killed in an explosion at a barracks in Olenivka" ... "the strikes on
    the prison in Olenivka, which took place on 29 July") is that strike's toll, told apart."""

    def placed_toll(g: Group) -> bool:
        place = g.place()
        return (place is not None and place.geonameid is not None and coarseness(place) == 0 and g.date() is None
                and all(m.cls.name == "kill" and not m.agents for m in g.mentions))  # fmt: skip

    def same_settlement(g: Group, h: Group) -> bool:
        place, hp = g.place(), h.place()
        return place is not None and hp is not None and hp.geonameid == place.geonameid

    return _join_tolls(groups, placed_toll, same_settlement)
