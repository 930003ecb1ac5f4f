"""The curated knowledge file of frequent actors in conflict reporting, and its loader.

``data/actors.toml`` lists states (with demonyms, aliases and capitals), institutions that every
state has (a defence ministry, a general staff: written once, generated per state so that the
Russian and Ukrainian ones are mirror images by construction), and named actors (people,
organisations, media, armed groups) with aliases, a canonical name, a kind, dated roles and a side.

Users extend or override it with their own TOML files of the same shape: ``load_actors(path)``,
or the ``FOGOFWAR_ACTORS`` environment variable (several paths joined by ``os.pathsep``). An
actor of a later file replaces an earlier one with the same ``canonical`` name.
"""

from __future__ import annotations

import functools
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fogofwar.schema import SIDES

DEFAULT_PATH = Path(__file__).parent / "data" / "actors.toml"
ENV_VAR = "FOGOFWAR_ACTORS"
KINDS = ("person", "organization", "media", "group")
LABELS = ("PERSON", "ORG", "MILITARY_UNIT", "GPE", "NORP", "FAC", "LOC")


class ActorsFileError(ValueError):
    """A knowledge file that does not have the documented shape."""


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    since: str | None = None  # "YYYY-MM-DD", inclusive
    until: str | None = None  # "YYYY-MM-DD", exclusive


@dataclass(frozen=True, slots=True)
class Actor:
    canonical: str
    kind: str  # one of KINDS
    label: str  # the entity label its mentions get
    side: str  # one of schema.SIDES
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()

    def role_at(self, date: str | None) -> str | None:
        """The role held on ``date`` (YYYY-MM-DD); without a date, the current (open-ended) one."""
        if not self.roles:
            return None
        if date is None:
            current = [r for r in self.roles if r.until is None]
            return (current or list(self.roles))[-1].title
        for role in self.roles:
            if (role.since is None or role.since <= date) and (role.until is None or date < role.until):
                return role.title
        return None


@dataclass(frozen=True, slots=True)
class State:
    name: str
    side: str
    aliases: tuple[str, ...] = ()  # other names of the state itself ("Russian Federation")
    demonyms: tuple[str, ...] = ()  # adjectives ("Russian")
    capitals: tuple[str, ...] = ()  # metonyms that stand for its government ("Moscow")

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def display(self) -> str:
        """The name as it reads after "of": "the United States", "Russia"."""
        plural = self.name.startswith(("United ", "Netherlands", "Czech Republic", "Philippines"))
        return f"the {self.name}" if plural else self.name


@dataclass(frozen=True, slots=True)
class Institution:
    """An organisation every state has; ``canonical`` holds ``{state}``."""

    canonical: str
    names: tuple[str, ...]
    label: str = "ORG"
    kind: str = "organization"

    def for_state(self, state: State) -> Actor:
        aliases: list[str] = []
        for name in self.names:
            for demonym in state.demonyms:
                aliases.append(f"{demonym} {name}")
            for sname in state.names:
                aliases.append(f"{sname}'s {name}")
                aliases.append(f"{name} of {sname}")
                aliases.append(f"{name} of the {sname}")
        return Actor(
            canonical=self.canonical.format(state=state.display),
            kind=self.kind,
            label=self.label,
            side=state.side,
            aliases=tuple(aliases),
        )


@dataclass(frozen=True, eq=False)
class ActorBook:
    actors: tuple[Actor, ...]
    states: tuple[State, ...]
    institutions: tuple[Institution, ...]
    _index: dict[str, State] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        index: dict[str, State] = {}
        for state in self.states:
            for word in (*state.names, *state.demonyms, *state.capitals):
                index.setdefault(word.lower(), state)
        object.__setattr__(self, "_index", index)

    def all_actors(self) -> tuple[Actor, ...]:
        """Named actors plus every institution generated for every state; named ones win."""
        named = {a.canonical for a in self.actors}
        generated = [
            inst.for_state(state)
            for inst in self.institutions
            for state in self.states
            if inst.canonical.format(state=state.display) not in named
        ]
        return (*generated, *self.actors)

    def state_of(self, word: str) -> State | None:
        """The state a name, alias, demonym or capital stands for (case-insensitive)."""
        return self._index.get(word.lower().replace("\u2019", "'"))


def _strs(value: Any, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ActorsFileError(f"{where}: {key!r} must be a list of strings")
    return tuple(value)


def _side(value: Any, where: str) -> str:
    if value not in SIDES:
        raise ActorsFileError(f"{where}: side {value!r} is not one of {', '.join(SIDES)}")
    return str(value)


def _parse(data: dict[str, Any], path: Path) -> tuple[list[Actor], list[State], list[Institution]]:
    actors: list[Actor] = []
    states: list[State] = []
    institutions: list[Institution] = []
    for i, raw in enumerate(data.get("state", [])):
        where = f"{path} [[state]] #{i + 1}"
        if "name" not in raw:
            raise ActorsFileError(f"{where}: 'name' is required")
        states.append(
            State(
                name=raw["name"],
                side=_side(raw.get("side", "other_state"), where),
                aliases=_strs(raw.get("aliases"), where, "aliases"),
                demonyms=_strs(raw.get("demonyms"), where, "demonyms"),
                capitals=_strs(raw.get("capitals"), where, "capitals"),
            )
        )
    for i, raw in enumerate(data.get("institution", [])):
        where = f"{path} [[institution]] #{i + 1}"
        if "{state}" not in raw.get("canonical", ""):
            raise ActorsFileError(f"{where}: 'canonical' must contain {{state}}")
        label = raw.get("label", "ORG")
        if label not in LABELS:
            raise ActorsFileError(f"{where}: label {label!r} is not one of {', '.join(LABELS)}")
        institutions.append(
            Institution(
                canonical=raw["canonical"],
                names=_strs(raw.get("names"), where, "names"),
                label=label,
                kind=raw.get("kind", "organization"),
            )
        )
    for i, raw in enumerate(data.get("actor", [])):
        where = f"{path} [[actor]] #{i + 1} ({raw.get('canonical', '?')})"
        if "canonical" not in raw:
            raise ActorsFileError(f"{where}: 'canonical' is required")
        kind = raw.get("kind", "organization")
        if kind not in KINDS:
            raise ActorsFileError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
        label = raw.get("label", "PERSON" if kind == "person" else "ORG")
        if label not in LABELS:
            raise ActorsFileError(f"{where}: label {label!r} is not one of {', '.join(LABELS)}")
        roles: list[Role] = []
        if "role" in raw:
            roles.append(Role(str(raw["role"])))
        for r in raw.get("roles", []):
            if not isinstance(r, dict) or "title" not in r:
                raise ActorsFileError(f"{where}: each of 'roles' needs a 'title'")
            roles.append(Role(r["title"], r.get("since"), r.get("until")))
        actors.append(
            Actor(
                canonical=raw["canonical"],
                kind=kind,
                label=label,
                side=_side(raw.get("side", "unknown"), where),
                aliases=_strs(raw.get("aliases"), where, "aliases"),
                roles=tuple(roles),
            )
        )
    return actors, states, institutions


def _paths(extra_path: str | Path | None) -> tuple[Path, ...]:
    paths = [DEFAULT_PATH]
    env = os.environ.get(ENV_VAR)
    if env:
        paths.extend(Path(p) for p in env.split(os.pathsep) if p)
    if extra_path:
        paths.append(Path(extra_path))
    return tuple(paths)


def load_actors(extra_path: str | Path | None = None) -> ActorBook:
    """The knowledge file, extended by ``$FOGOFWAR_ACTORS`` and ``extra_path``; loaded once."""
    return _load(_paths(extra_path))


@functools.lru_cache(maxsize=8)
def _load(paths: tuple[Path, ...]) -> ActorBook:
    actors: dict[str, Actor] = {}
    states: dict[str, State] = {}
    institutions: dict[str, Institution] = {}
    for path in paths:
        try:
            with open(path, "rb") as f:
                data = tomllib.load(f)
        except FileNotFoundError as exc:
            raise ActorsFileError(f"actors file {path} does not exist (check ${ENV_VAR})") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ActorsFileError(f"actors file {path} is not valid TOML: {exc}") from exc
        new_actors, new_states, new_insts = _parse(data, path)
        actors.update((a.canonical, a) for a in new_actors)
        states.update((s.name, s) for s in new_states)
        institutions.update((i.canonical, i) for i in new_insts)
    return ActorBook(tuple(actors.values()), tuple(states.values()), tuple(institutions.values()))
