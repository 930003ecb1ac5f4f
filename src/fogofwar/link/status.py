"""A story's status from its evidence so far (docs/stories.md sets it against ISW's vocabulary).

- claimed: one side's sources only (however many of them), or a single origin.
- corroborated: at least two independent origins support it, one of a known side other than the
  claimant's (the side of the first supporting origin whose side is known).
- contested: a contradiction stands: a denial, the other side claiming control, tolls that differ.
- confirmed: the other side concedes it (an origin of the side opposed to the claimant supports
  it), or independent visual evidence is reported (an open-source origin supports it, or a
  supporting claim reports geolocated footage or satellite images), with a claim that is neither
  hedged ("analysts suggest the fall of X could ...") nor unverified; never on one article (its
  syndicated copies and relays of one wire count as that one).
- refuted: the claimant's own side denies or retracts it, or an open-source or analyst origin of
  no party (independent, international) denies it or shows the other side in control.

Precedence when several hold: refuted, confirmed, contested, corroborated, claimed.
"""

from __future__ import annotations

from fogofwar.link.evidence import OPPOSITE, Evidence
from fogofwar.link.voices import Origin

NEUTRAL = ("independent", "international")


def claimant_side(origins: list[Origin]) -> str:
    for o in origins:
        if o.supports and o.side != "unknown":
            return o.side
    return "unknown"


def status(evidence: Evidence) -> str:
    origins = evidence.origins()
    claimant = claimant_side(origins)
    supporters = [o for o in origins if o.supports]
    if _refuted(origins, claimant):
        return "refuted"
    # a confirmation never rests on one article (counted only when something would confirm)
    if any((o.type == "osint" or o.visual) and o.firm for o in supporters) and evidence.independent_reports() >= 2:
        return "confirmed"
    other = OPPOSITE.get(claimant)
    conceding = [o for o in supporters if o.side == other]
    if conceding and evidence.independent_reports() >= 2:
        # A concession confirms when the conceding source disputes nothing (a brigade that reports
        # the strike on it but not the toll concedes nothing).
        disputed = {c for pair in evidence.contradiction_pairs() for c in pair}
        if any(disputed.isdisjoint(o.claims) for o in conceding):
            return "confirmed"
    if evidence.contested():
        return "contested"
    if len(supporters) >= 2 and any(o.side not in ("unknown", claimant) for o in supporters):
        return "corroborated"
    return "claimed"


def _refuted(origins: list[Origin], claimant: str) -> bool:
    for o in origins:
        if not (o.denies or o.opposes):
            continue
        if claimant != "unknown" and o.side == claimant and (o.denies or not o.supports):
            return True  # the claimant's side takes it back
        if o.side in NEUTRAL and o.type in ("osint", "analyst"):
            return True
    return False
