"""Readers: every kind of bad input gets a clear one-line error and loses nothing else."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fogofwar.ingest import MAX_BYTES, InputError, read_file, read_inputs, read_jsonl
from fogofwar.schema import AnalysisError, Article

ARTICLE = "Russian forces shelled Kharkiv on Monday, the regional governor said."
HTML = f"""<html><head><title>Strike on Kharkiv</title></head><body>
<nav><a href="/">Home</a></nav><article><h1>Strike on Kharkiv</h1><p>{ARTICLE}</p>
<p>Two people were wounded, according to local officials, and emergency crews worked overnight.</p>
</article><footer>(c) Example</footer></body></html>"""


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_text_file_id_is_the_file_name(tmp_path: Path) -> None:
    article = read_file(_write(tmp_path, "kharkiv.txt", ARTICLE.encode()), published="2025-03-04")
    assert article == Article(id="kharkiv", text=ARTICLE, published="2025-03-04")


def test_id_option_overrides_the_file_name(tmp_path: Path) -> None:
    assert read_file(_write(tmp_path, "a.txt", ARTICLE.encode()), article_id="x1").id == "x1"


def test_utf8_bom_and_utf16_are_read(tmp_path: Path) -> None:
    assert read_file(_write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + ARTICLE.encode())).text == ARTICLE
    assert read_file(_write(tmp_path, "u16.txt", ARTICLE.encode("utf-16"))).text == ARTICLE


def test_html_article_is_extracted(tmp_path: Path) -> None:
    article = read_file(_write(tmp_path, "page.html", HTML.encode()))
    assert "Russian forces shelled Kharkiv" in article.text
    assert "Home" not in article.text
    assert article.title == "Strike on Kharkiv"


def test_json_file(tmp_path: Path) -> None:
    obj = {"id": "j1", "text": ARTICLE, "published": "2025-01-02", "outlet": "Example", "url": None}
    article = read_file(_write(tmp_path, "a.json", json.dumps(obj).encode()))
    assert (article.id, article.published, article.outlet) == ("j1", "2025-01-02", "Example")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b" \n\n\t ", "is empty"),
        ("binary.txt", bytes(range(256)) * 10, "looks binary"),
        ("latin1.txt", "Charkiw, Stra\xdfe der Einheit".encode("latin-1"), "not valid UTF-8"),
        ("nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
        ("broken.json", b'{"text": "abc"', "not valid JSON"),
        ("notext.json", b'{"id": "q"}', "has no 'text'"),
        ("badtext.json", b'{"text": 5}', "type int"),
    ],
)
def test_bad_files_get_a_clear_error(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_file(_write(tmp_path, name, data))


def test_an_unreadable_date_is_a_warning_not_a_refusal(tmp_path: Path) -> None:
    data = json.dumps({"text": ARTICLE, "published": "last Tuesday"}).encode()
    article = read_file(_write(tmp_path, "baddate.json", data))
    assert article.published is None
    assert len(article.warnings) == 1 and "'published' 'last Tuesday'" in article.warnings[0]


def test_jsonl_as_a_single_file_points_to_jsonl(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="use `fogofwar analyze --jsonl"):
        read_file(_write(tmp_path, "many.jsonl", b'{"text": "a"}\n'))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_file(tmp_path / "nope.txt")


def test_article_over_10_mb_is_refused(tmp_path: Path) -> None:
    big = ("Russian forces shelled the town. " * (MAX_BYTES // 30)).encode()
    assert len(big) > MAX_BYTES
    with pytest.raises(InputError, match="refused"):
        read_file(_write(tmp_path, "big.txt", big))


def test_jsonl_broken_lines_each_get_an_error_and_the_rest_carry_on() -> None:
    lines = [
        json.dumps({"id": "ok1", "text": ARTICLE}),
        "{not json",
        json.dumps({"id": "notext"}),
        json.dumps(["a", "list"]),
        "",
        b"\xff\xfe broken utf8".decode("latin-1"),
        json.dumps({"text": "No id here, so the line number is the id."}),
        json.dumps({"id": "big", "text": "x" * (MAX_BYTES + 1)}),
    ]
    data = "\n".join(lines).encode("utf-8")
    data = data.replace("\xff\xfe broken utf8".encode(), b"\xff\xfe broken utf8")
    records = list(read_jsonl(io.BytesIO(data)))
    kinds = [(type(r).__name__, r.id) for r in records]
    assert kinds == [
        ("Article", "ok1"),
        ("AnalysisError", "2"),
        ("AnalysisError", "notext"),
        ("AnalysisError", "4"),
        ("AnalysisError", "6"),
        ("Article", "7"),
        ("AnalysisError", "big"),
    ]
    errors = [r for r in records if isinstance(r, AnalysisError)]
    assert all("\n" not in e.error and e.error for e in errors)
    assert "not valid JSON" in errors[0].error
    assert "refused" in errors[-1].error


def test_read_inputs_walks_directories_in_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    _write(tmp_path, "b.txt", ARTICLE.encode())
    _write(tmp_path / "sub", "a.txt", ARTICLE.encode())
    _write(tmp_path, "c.bin", b"\x00\x01")  # unknown suffix: not an input
    _write(tmp_path, "d.txt", b"")
    ids = [(type(r).__name__, r.id) for r in read_inputs([str(tmp_path)])]
    assert ids == [("Article", "b"), ("AnalysisError", "d"), ("Article", "a")]


@given(st.text(min_size=1).filter(lambda t: t.strip() and "\x00" not in t))
def test_any_text_line_round_trips(text: str) -> None:
    line = json.dumps({"id": "h", "text": text}).encode()
    records = list(read_jsonl(io.BytesIO(line)))
    assert len(records) == 1
    assert isinstance(records[0], Article)
    assert records[0].text == text
