"""CSV and TSV exports as inputs."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from typer.testing import CliRunner

from dedupe.cli import app
from dedupe.config import FieldNames, ReadConfig
from dedupe.io.readers import read_inputs
from tests.conftest import FIXTURES

EXPORT = FIXTURES / "feeds" / "scraper-export.csv"


def test_csv_rows_become_documents() -> None:
    result = read_inputs([EXPORT], ReadConfig())
    assert result.errors == ()
    first, second = result.documents
    assert (first.id, first.record_id, first.outlet, first.published) == (
        "scraper-export.csv#0", "sc-1", "Delta Daily", None)  # scrape_time is not a publication date
    assert "board said.\r\n\r\nEngineers replaced" in first.text  # a quoted cell over several lines
    assert second.text.endswith('a fare of 2 euros, "for now", the council said.')


def test_columns_are_configurable() -> None:
    fields = FieldNames(published=("scrape_time",), outlet=("id",))
    result = read_inputs([EXPORT], ReadConfig(fields=fields))
    assert [(d.published, d.outlet) for d in result.documents] == [
        ("2026-02-09T10:02:11Z", "sc-1"), ("2026-02-10T12:40:00Z", "sc-2")]


def test_tsv_and_bad_rows(tmp_path: Path) -> None:
    (tmp_path / "a.tsv").write_text("headline\tbody\tsource\nFirst\tA story, with a comma.\tWire\n"
                                    "Second\t \tWire\nThird\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text("id,title\n1,No text column\n", encoding="utf-8")
    (tmp_path / "c.csv").write_text("id,text\n", encoding="utf-8")
    result = read_inputs([tmp_path], ReadConfig())
    assert [(d.id, d.title, d.text, d.outlet) for d in result.documents] == [
        ("a.tsv#0", "First", "A story, with a comma.", "Wire")]
    assert [(e.path, e.kind) for e in result.errors] == [
        ("a.tsv#1", "missing-field"), ("a.tsv#2", "missing-field"), ("b.csv", "missing-field"), ("c.csv", "empty")]


def test_an_unclosed_quote_is_an_error_not_a_cell_holding_the_rest_of_the_file(tmp_path: Path) -> None:
    (tmp_path / "odd.csv").write_text(
        'id,text\n1,"The council approved the budget,\nafter a long debate."\n2,"The mayor said the plan\n'
        '3,The river rose two metres overnight.\n4,The bridge reopened on Friday.\n',
        encoding="utf-8")
    result = read_inputs([tmp_path], ReadConfig())
    assert [d.text for d in result.documents] == ["The council approved the budget,\nafter a long debate."]
    assert [(e.path, e.kind) for e in result.errors] == [("odd.csv", "malformed-csv")]
    assert "unclosed quote in the row that starts at line 4" in result.errors[0].message


def test_a_stray_quote_inside_an_unquoted_cell_is_read_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "ok.csv").write_text('id,text\n1,A 5" screen is enough for the council.\n2,It was.\n',
                                     encoding="utf-8")
    result = read_inputs([tmp_path], ReadConfig())
    assert [d.text for d in result.documents] == ['A 5" screen is enough for the council.', "It was."]
    assert result.errors == ()


def test_text_field_option_applies_to_csv(tmp_path: Path) -> None:
    (tmp_path / "x.csv").write_text("id,story\nr1,The ferry runs again on Sunday.\n", encoding="utf-8")
    assert read_inputs([tmp_path], replace(ReadConfig(), fields=FieldNames(text=("story",)))).documents
    result = CliRunner().invoke(app, ["scan", str(tmp_path), "--text-field", "story", "--mode", "copies"])
    assert result.exit_code == 0, result.output
    assert '"id": "x.csv#0"' in result.stdout


def test_column_options_on_the_command_line() -> None:
    result = CliRunner().invoke(app, ["scan", str(EXPORT), "--mode", "copies", "--date-field", "scrape_time",
                                      "--id-field", "publisher", "--outlet-field", "id"])
    assert result.exit_code == 0, result.stderr
    docs = json.loads(result.stdout)["documents"]
    assert [(d["published"], d["record_id"], d["outlet"]) for d in docs] == [
        ("2026-02-09T10:02:11Z", "Delta Daily", "sc-1"), ("2026-02-10T12:40:00Z", "Polder Post", "sc-2")]
