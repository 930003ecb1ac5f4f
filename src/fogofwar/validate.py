"""The JSON Schema of one article's analysis, made from fogofwar.schema's enums (one source of truth).

``docs/analysis.schema.json`` is this schema written out (``python -m fogofwar.validate``); a test
keeps the two equal. ``validate`` checks an output against it and checks every span's offsets.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from fogofwar import schema as s


def _nullable(t: str) -> dict[str, Any]:
    return {"type": [t, "null"]}


@lru_cache(maxsize=1)
def analysis_schema() -> dict[str, Any]:
    span = {
        "start": {"type": "integer", "minimum": 0},
        "end": {"type": "integer", "minimum": 0},
        "text": {"type": "string"},
    }
    side = {"enum": list(s.SIDES)}
    date_value = {"type": ["string", "null"], "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"}
    place_props = {
        "geonameid": _nullable("integer"),
        "name": _nullable("string"),
        "lat": {"type": ["number", "null"], "minimum": -90, "maximum": 90},
        "lon": {"type": ["number", "null"], "minimum": -180, "maximum": 180},
        "country_code": _nullable("string"),
        "admin1": _nullable("string"),
        "feature_code": _nullable("string"),
        "precision": {"enum": [1, 2, 3, None]},
        "radius_km": {"type": ["number", "null"], "minimum": 0},
        "score": {"type": "number", "minimum": 0, "maximum": 1},
        "relation": _nullable("string"),
        "distance_km": {"type": ["number", "null"], "minimum": 0},
    }
    place_req = [
        "start",
        "end",
        "text",
        "geonameid",
        "name",
        "lat",
        "lon",
        "country_code",
        "admin1",
        "feature_code",
        "precision",
        "radius_km",
        "score",
    ]
    date_props = {"value": date_value, "precision": {"enum": list(s.DATE_PRECISIONS)}}
    defs = {
        "span": {"type": "object", "required": ["start", "end", "text"], "properties": span},
        "entity": {
            "type": "object",
            "required": ["id", "start", "end", "text", "label", "canonical", "role"],
            "properties": {
                "id": {"type": "string"},
                **span,
                "label": {"type": "string", "minLength": 1},
                "canonical": _nullable("string"),
                "role": _nullable("string"),
                "side": {"enum": list(s.SIDES) + [None]},
            },
        },
        "place": {"type": "object", "required": place_req, "properties": {**span, **place_props}},
        "date": {
            "type": "object",
            "required": ["start", "end", "text", "value", "precision"],
            "properties": {**span, **date_props},
        },
        "uncertainty_cue": {
            "type": "object",
            "required": ["start", "end", "text", "type"],
            "properties": {**span, "type": {"enum": list(s.CUE_TYPES)}},
        },
        "source": {
            "type": "object",
            "required": ["start", "end", "text", "kind", "role", "side", "canonical"],
            "properties": {
                **span,
                "kind": {"enum": list(s.SOURCE_KINDS)},
                "role": _nullable("string"),
                "side": side,
                "canonical": _nullable("string"),
            },
        },
        "content": {
            "type": "object",
            "required": ["start", "end", "text", "parts"],
            "properties": {
                **span,
                "parts": {
                    "anyOf": [
                        {"type": "null"},
                        {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["start", "end"],
                                "properties": {
                                    "start": {"type": "integer", "minimum": 0},
                                    "end": {"type": "integer", "minimum": 0},
                                },
                            },
                        },
                    ]
                },
            },
        },
        "claim": {
            "type": "object",
            "required": ["id", "source", "cue", "content", "type", "status", "score"],
            "properties": {
                "id": {"type": "string"},
                "source": {"anyOf": [{"$ref": "#/$defs/source"}, {"type": "null"}]},
                "cue": {"anyOf": [{"$ref": "#/$defs/span"}, {"type": "null"}]},
                "content": {"$ref": "#/$defs/content"},
                "type": {"enum": list(s.CLAIM_TYPES)},
                "status": {"enum": list(s.CLAIM_STATUSES)},
                "score": {"type": "number", "minimum": 0, "maximum": 1},
            },
        },
        "actor": {
            "type": "object",
            "required": ["text", "canonical", "side"],
            "properties": {
                "text": {"type": "string"},
                "canonical": _nullable("string"),
                "side": side,
                "inter": {"enum": [1, 2, 3, 4, 5, 6, 7, 8, None]},
            },
        },
        "plover": {
            "type": "object",
            "required": ["event_type", "mode"],
            "properties": {
                "event_type": {"enum": list(s.PLOVER_TYPES)},
                "mode": {"enum": list(s.PLOVER_MODES) + [None]},
            },
        },
        "territory_change": {
            "type": "object",
            "required": ["place", "controller_before", "controller_after", "status"],
            "properties": {
                "place": _nullable("string"),
                "controller_before": {"enum": list(s.SIDES) + [None]},
                "controller_after": {"enum": list(s.SIDES) + [None]},
                "status": {"enum": list(s.TERRITORY_STATUSES)},
            },
        },
        "event": {
            "type": "object",
            "required": [
                "id",
                "event_type",
                "sub_event_type",
                "actors",
                "place",
                "date",
                "fatalities",
                "context",
                "claim_ids",
                "mentions",
                "score",
            ],
            "properties": {
                "id": {"type": "string"},
                "event_type": {"enum": list(s.EVENT_TYPES)},
                "sub_event_type": {"enum": list(s.SUB_EVENT_TYPES)},
                "actors": {"type": "array", "items": {"$ref": "#/$defs/actor"}},
                "place": {"anyOf": [{"$ref": "#/$defs/place"}, {"type": "null"}]},
                "date": {"anyOf": [{"$ref": "#/$defs/date"}, {"type": "null"}]},
                "fatalities": {"type": ["integer", "null"], "minimum": 0},
                "context": {"enum": list(s.EVENT_CONTEXTS)},
                "claim_ids": {"type": "array", "items": {"type": "string"}},
                "mentions": {"type": "array", "items": {"$ref": "#/$defs/span"}, "minItems": 1},
                "score": {"type": "number", "minimum": 0, "maximum": 1},
                "territory_change": {"anyOf": [{"$ref": "#/$defs/territory_change"}, {"type": "null"}]},
                "plover": {"anyOf": [{"$ref": "#/$defs/plover"}, {"type": "null"}]},
                "background": {"type": "boolean"},
                "evidence": {"anyOf": [{"$ref": "#/$defs/span"}, {"type": "null"}]},
            },
        },
        "furniture": {
            "type": "object",
            "required": ["start", "end", "kind"],
            "properties": {
                "start": {"type": "integer", "minimum": 0},
                "end": {"type": "integer", "minimum": 0},
                "kind": {"enum": list(s.FURNITURE_KINDS)},
            },
        },
    }
    doc = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://fogofwar.invalid/analysis.schema.json",
        "title": "fogofwar analysis of one article (schema_version 1)",
        "description": (
            "See docs/contract.md. Offsets are Python str indices into `text`, end exclusive. "
            "Fields beyond the contract's may be added; none is removed or renamed without a "
            "schema_version bump."
        ),
        "type": "object",
        "required": [
            "schema_version",
            "id",
            "text",
            "published",
            "language",
            "title",
            "outlet",
            "entities",
            "places",
            "dates",
            "uncertainty_cues",
            "claims",
            "events",
        ],
        "properties": {
            "schema_version": {"const": s.SCHEMA_VERSION},
            "id": {"type": "string", "minLength": 1},
            "text": {"type": "string"},
            "published": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"},
            "language": {"type": "string"},
            "title": _nullable("string"),
            "outlet": _nullable("string"),
            "url": _nullable("string"),
            "page_date": {"type": ["string", "null"], "pattern": r"^\d{4}-\d{2}-\d{2}$"},
            "warnings": {"type": "array", "items": {"type": "string"}},
            "entities": _arr("entity"),
            "places": _arr("place"),
            "dates": _arr("date"),
            "uncertainty_cues": _arr("uncertainty_cue"),
            "claims": _arr("claim"),
            "events": _arr("event"),
            "furniture": _arr("furniture"),
        },
        "$defs": defs,
    }
    return doc


def _arr(ref: str) -> dict[str, Any]:
    return {"type": "array", "items": {"$ref": f"#/$defs/{ref}"}}


SCHEMA_DOC = "docs/analysis.schema.json"


def schema_json() -> str:
    """The schema as written to docs/analysis.schema.json."""
    return json.dumps(analysis_schema(), indent=1, ensure_ascii=False) + "\n"


def _spans(obj: Any, path: str) -> list[tuple[str, dict[str, Any]]]:
    """Every object with start/end (and text) inside an analysis, with its JSON path."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(obj, dict):
        if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int):
            found.append((path, obj))
        for key, value in obj.items():
            found.extend(_spans(value, f"{path}.{key}"))
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            found.extend(_spans(value, f"{path}[{i}]"))
    return found


def validate(analysis: dict[str, Any]) -> list[str]:
    """Every problem with one analysis: schema violations, then offsets that do not match the text."""
    import jsonschema
    from jsonschema.exceptions import best_match

    validator = jsonschema.Draft202012Validator(analysis_schema())
    problems = []
    for err in validator.iter_errors(analysis):
        leaf = best_match([err])  # the most specific error inside anyOf/oneOf
        where = "/".join(str(p) for p in leaf.absolute_path) or "(root)"
        problems.append(f"{where}: {leaf.message}")
    text = analysis.get("text")
    if not isinstance(text, str):
        return problems
    for path, span in _spans({k: v for k, v in analysis.items() if k != "text"}, "$"):
        start, end = span["start"], span["end"]
        if not 0 <= start <= end <= len(text):
            problems.append(f"{path}: offsets {start}:{end} outside the text (length {len(text)})")
        elif "text" in span and text[start:end] != span["text"]:
            problems.append(f"{path}: text[{start}:{end}] is {text[start:end]!r}, not {span['text']!r}")
    return problems


if __name__ == "__main__":
    import sys

    sys.stdout.write(schema_json())
