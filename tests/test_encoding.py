"""Decoding: byte order marks, declared charsets, UTF-8, and guessed legacy encodings."""

from __future__ import annotations

import codecs
import io
from pathlib import Path

import pytest

from dedupe.config import ReadConfig
from dedupe.errors import InputError
from dedupe.io.encoding import bom_encoding, codec_name, declared_html_charset, decode_bytes
from dedupe.io.readers import read_inputs
from dedupe.models import Document, ReadError
from tests.conftest import FIXTURES

ENCODINGS = FIXTURES / "encodings"


def _read(*paths: Path) -> tuple[dict[str, Document], dict[str, ReadError]]:
    result = read_inputs(list(paths), ReadConfig())
    return {d.id: d for d in result.documents}, {e.path: e for e in result.errors}


def test_html_pages_are_read_in_their_declared_charset() -> None:
    docs, errors = _read(ENCODINGS / "gb2312-page.html", ENCODINGS / "windows-1252-page.html")
    assert not errors  # declared: no guess, no warning
    zh, fr = docs["gb2312-page.html"], docs["windows-1252-page.html"]
    assert (zh.encoding, zh.outlet) == ("gbk", "海湾日报")
    assert "东部沿海三个港口将暂停集装箱装卸作业两天" in zh.text
    assert (fr.encoding, fr.title) == ("cp1252", "Villeneuve rénove son école")
    assert "4,2 millions € pour rénover l’école" in fr.text and "« C’est" in fr.text


@pytest.mark.parametrize("name", ["utf16le-story.txt", "utf16be-story.txt"])
def test_utf16_text_with_bom_is_text_not_binary(name: str) -> None:
    docs, errors = _read(ENCODINGS / name)
    assert not errors
    doc = docs[name]
    assert doc.encoding == ("utf-16-le" if "le" in name else "utf-16-be")
    assert doc.outlet == "Harbour Wire" and doc.text.startswith("title: ")
    assert "12 € for a return ticket – the same fare" in doc.text


@pytest.mark.parametrize("name", ["utf16le-feed.rss", "utf16be-feed.rss"])
def test_utf16_feed_with_bom(name: str) -> None:
    docs, errors = _read(ENCODINGS / name)
    assert not errors
    assert sorted(docs) == [f"{name}#0", f"{name}#1"]
    assert docs[f"{name}#1"].title == "Café reopens on the quay"
    assert "12 € return" in docs[f"{name}#0"].text
    assert {d.encoding for d in docs.values()} == {"utf-16-le" if "le" in name else "utf-16-be"}


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_feeds_without_bom_are_read_by_their_xml_signature(codec: str, tmp_path: Path) -> None:
    """XML 1.0 Appendix F, as feedparser's test suite has them: '<?xml' in UTF-16/32 and no byte order mark."""
    feed = (ENCODINGS / "utf16le-feed.rss").read_bytes()[2:].decode("utf-16-le")
    (tmp_path / "feed.rss").write_bytes(feed.encode(codec))
    docs, errors = _read(tmp_path / "feed.rss")
    assert not errors and sorted(docs) == ["feed.rss#0", "feed.rss#1"]
    assert docs["feed.rss#1"].title == "Café reopens on the quay"
    assert {d.encoding for d in docs.values()} == {codec}


def test_a_few_invalid_bytes_after_a_utf8_bom_are_replaced_with_a_warning() -> None:
    story = "The quay of Alden reopened on Monday after six weeks of repairs. " * 3
    decoded = decode_bytes(codecs.BOM_UTF8 + story.encode() + b"Espa\xf1a.")  # one Latin-1 byte
    assert decoded.text == story + "Espa\ufffda." and decoded.encoding is None
    assert decoded.warning is not None and "1 invalid UTF-8 sequence" in decoded.warning
    with pytest.raises(InputError) as info:
        decode_bytes(codecs.BOM_UTF8 + b"Espa\xf1a \xf1\xf1\xf1.")  # more than one character in a hundred
    assert info.value.kind == "encoding"


@pytest.mark.parametrize(("name", "encoding", "phrase"), [
    ("koi8r-story.txt", "koi8-r", "Городской совет Северогорска"),
    ("shift-jis-story.txt", "cp932", "老朽化した市民図書館"),
])
def test_undeclared_legacy_encoding_is_guessed_with_a_warning(name: str, encoding: str, phrase: str) -> None:
    docs, errors = _read(ENCODINGS / name)
    assert docs[name].encoding == encoding and phrase in docs[name].text
    assert errors[name].kind == "decoded-as" and encoding in errors[name].message


def test_undeclared_western_text_prefers_windows_1252() -> None:
    docs, errors = _read(FIXTURES / "bad" / "latin1-story.txt")
    assert "cafés in São Paulo" in docs["latin1-story.txt"].text
    assert errors["latin1-story.txt"].kind == "decoded-as"


def test_bytes_no_encoding_fits_are_an_encoding_error() -> None:
    docs, errors = _read(FIXTURES / "bad" / "garbled-bytes.txt")
    assert not docs and errors["garbled-bytes.txt"].kind == "encoding"


@pytest.mark.parametrize(("bom", "codec"), [
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
])
def test_every_bom(bom: bytes, codec: str) -> None:
    assert bom_encoding(bom + "Ünïcode".encode(codec)) == (codec, len(bom))
    decoded = decode_bytes(bom + "Ünïcode story.".encode(codec))
    assert decoded.text == "Ünïcode story." and decoded.encoding == (None if codec == "utf-8" else codec)


def test_bom_wins_over_a_declaration_and_a_bad_bom_payload_is_an_encoding_error() -> None:
    page = codecs.BOM_UTF8 + '<meta charset="windows-1252"><p>café</p>'.encode()
    assert decode_bytes(page, declared_html_charset(page)).text.endswith("café</p>")
    with pytest.raises(InputError) as info:
        decode_bytes(codecs.BOM_UTF16_LE + b"a\x00\x00\xd8")  # a lone surrogate
    assert info.value.kind == "encoding"


def test_charset_labels() -> None:
    assert declared_html_charset(b'<meta http-equiv="content-type" content="text/html; charset=ISO-8859-1">') == (
        "ISO-8859-1")
    assert codec_name("ISO-8859-1") == "cp1252" and codec_name("GB2312") == "gbk" and codec_name("nonsense") is None


def test_jsonl_on_stdin_in_utf16() -> None:
    data = codecs.BOM_UTF16_LE + '{"text": "Über den Fluss."}\n'.encode("utf-16-le")
    result = read_inputs(["-"], ReadConfig(), io.BytesIO(data))
    assert [(d.text, d.encoding) for d in result.documents] == [("Über den Fluss.", "utf-16-le")]
    assert result.errors == ()


def test_a_declaration_that_does_not_fit_the_bytes_is_overruled_with_a_warning() -> None:
    utf8_page = '<meta charset="windows-1252"><p>Crème brûlée, 5 €</p>'.encode()
    decoded = decode_bytes(utf8_page, declared_html_charset(utf8_page))
    assert decoded.text.endswith("Crème brûlée, 5 €</p>") and decoded.encoding is None
    assert decoded.warning == "declares cp1252 but is valid UTF-8: read as UTF-8"
    western = "Les cafés de São Paulo ont protesté lundi contre la nouvelle taxe municipale.".encode("cp1252")
    decoded = decode_bytes(western, "gb2312")  # "é " is no GBK character
    assert decoded.encoding == "cp1252" and decoded.text.startswith("Les cafés de São Paulo ont protesté")
    assert decoded.warning and decoded.warning.startswith("declares gbk, which does not fit the bytes: decoded as")
    ascii_page = b'<meta charset="iso-8859-1"><p>Plain</p>'
    assert decode_bytes(ascii_page, "iso-8859-1") == decode_bytes(ascii_page, "windows-1252")


def test_index_add_says_a_guessed_file_was_added_not_skipped(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from dedupe.cli import app

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ru.txt").write_bytes((ENCODINGS / "koi8r-story.txt").read_bytes())
    result = CliRunner().invoke(app, ["index", "add", "--db", str(tmp_path / "i.sqlite"), str(tmp_path / "in")])
    assert result.exit_code == 0, result.stderr
    assert "  warning: ru.txt: decoded-as: not UTF-8" in result.stderr and "skipped" not in result.stderr
    assert "added 1 documents (0 already indexed, 0 unreadable)" in result.stdout
