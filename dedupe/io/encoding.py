"""Bytes of an input file as text: byte order marks, declared charsets, UTF-8, then a guess.

The order is the one browsers use: a BOM (UTF-8/16/32) wins (XML's UTF-16/32 signature without one too), then a
charset the document declares (HTML ``<meta charset>`` / ``http-equiv``, the XML declaration's ``encoding``),
then UTF-8, then a guess with charset-normalizer. A guessed encoding is reported (``guessed``) so the reader can
warn; bytes that fit no encoding with confidence are InputError(encoding).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from dedupe.errors import InputError

_BOMS: tuple[tuple[bytes, str], ...] = (  # UTF-32 LE before UTF-16 LE: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# WHATWG Encoding Standard: labels whose Python codec is stricter than what browsers decode them with.
_WHATWG_LABELS = {
    "gb2312": "gbk", "gb_2312": "gbk", "gb_2312-80": "gbk", "csgb2312": "gbk", "x-gbk": "gbk", "chinese": "gbk",
    "iso-ir-58": "gbk", "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "l1": "cp1252",
    "ascii": "cp1252", "us-ascii": "cp1252", "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932",
    "x-sjis": "cp932", "euc-kr": "cp949", "big5": "big5hkscs", "tis-620": "cp874", "iso-8859-11": "cp874",
}
_META_CHARSET = re.compile(rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml\s[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")
_PRESCAN = 4096  # bytes searched for a declaration (WHATWG: 1024; pages with long <head> scripts need more)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text of a file; ``encoding`` is None for UTF-8 (with or without BOM), else the codec used; ``warning``
    says why the encoding is a guess or not the declared one (a ``decoded-as`` entry in errors[])."""

    text: str
    encoding: str | None = None
    warning: str | None = None


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte order mark at the start of ``data`` names, and the BOM's length."""
    return next(((name, len(bom)) for bom, name in _BOMS if data.startswith(bom)), None)


def codec_name(label: str) -> str | None:
    """The Python codec for a declared charset label, or None when Python knows no such encoding."""
    label = label.strip().lower()
    try:
        return codecs.lookup(_WHATWG_LABELS.get(label, label)).name
    except LookupError:
        return None


def declared_html_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:_PRESCAN])
    return m.group(1).decode("ascii") if m else None


def declared_xml_encoding(data: bytes) -> str | None:
    m = _XML_ENCODING.match(data[:_PRESCAN].lstrip())
    return m.group(1).decode("ascii") if m else None


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError("encoding", f"invalid {encoding.upper()} at byte {exc.start}: {exc.reason}") from None


def guess(data: bytes, why: str | None = None) -> Decoded | None:
    """The most plausible legacy encoding (charset-normalizer); among equally plausible ones windows-1252,
    the fallback of browsers for undeclared western text. None when nothing decodes with confidence."""
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        return None
    tied = {name for r in results if (r.chaos, r.coherence) == (best.chaos, best.coherence)
            for name in r.could_be_from_charset}
    name = codecs.lookup("cp1252" if "cp1252" in tied else best.encoding).name
    why = why or "not UTF-8 and no encoding declared"
    return Decoded(data.decode(name), name, f"{why}: decoded as {name} (a guess); re-encode the file as UTF-8 "
                                            f"if the text reads wrong")


# XML 1.0 Appendix F: without a byte order mark, a document opening "<?" in UTF-16 or UTF-32 shows its encoding in
# its first four bytes (feedparser and XML parsers read such feeds)
_XML_SNIFF: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"), (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
)


def xml_sniffed_encoding(data: bytes) -> str | None:
    """The UTF-16/32 encoding of an XML or HTML document without a BOM, from its first four bytes."""
    return next((name for head, name in _XML_SNIFF if data.startswith(head)), None)


def _after_bom(payload: bytes, name: str) -> Decoded:
    """The bytes after a BOM in its encoding; a few invalid sequences (at most one character in a hundred) are
    replaced by U+FFFD with a warning, as browsers do, more are an encoding error."""
    encoding = None if name == "utf-8" else name
    try:
        return Decoded(payload.decode(name), encoding)
    except UnicodeDecodeError as exc:
        text = payload.decode(name, errors="replace")
        bad = text.count("\ufffd") - payload.decode(name, errors="ignore").count("\ufffd")
        if bad * 100 > len(text):
            raise InputError("encoding", f"invalid {name.upper()} at byte {exc.start}: {exc.reason}") from None
        return Decoded(text, encoding, f"{bad} invalid {name.upper()} sequence(s) after its byte order mark, the "
                                        f"first at byte {exc.start}: replaced by U+FFFD")


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Text of ``data``: BOM, then the ``declared`` charset label, then UTF-8, then a guess.

    Raises:
        InputError(encoding): the bytes after a BOM do not fit its encoding (more than one character in a
            hundred invalid), or nothing decodes with confidence.
        InputError(binary): NUL bytes in a file without a UTF-16/32 BOM or XML signature.
    """
    bom = bom_encoding(data)
    if bom is not None:
        name, size = bom
        return _after_bom(data[size:], name)
    sniffed = xml_sniffed_encoding(data)
    if sniffed is not None:
        return Decoded(_strict(data, sniffed), sniffed)
    if b"\x00" in data[:8192]:
        raise InputError("binary", "file looks binary (NUL bytes): not a text document")
    try:
        utf8: str | None = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8, bad = None, exc
    codec = codec_name(declared) if declared else None
    if codec is not None and codec != "utf-8":
        return _declared(data, codec, utf8)
    if utf8 is not None:
        return Decoded(utf8)
    return _guessed(data, f"invalid UTF-8 at byte {bad.start}: {bad.reason}")


def _declared(data: bytes, codec: str, utf8: str | None) -> Decoded:
    """Bytes in their declared legacy ``codec``, unless they are UTF-8 with non-ASCII characters (a page
    re-encoded without updating its declaration) or do not fit that codec (then a guess)."""
    if utf8 is not None and not data.isascii():
        return Decoded(utf8, None, f"declares {codec} but is valid UTF-8: read as UTF-8")
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError as exc:
        return _guessed(data, f"invalid {codec} at byte {exc.start}: {exc.reason}",
                        f"declares {codec}, which does not fit the bytes")


def _guessed(data: bytes, invalid: str, why: str | None = None) -> Decoded:
    guessed = guess(data, why)
    if guessed is None:
        raise InputError("encoding", f"{invalid}, and no other encoding fits with confidence; "
                                     f"re-encode the file as UTF-8")
    return guessed


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def utf8_xml(text: str) -> bytes:
    """Decoded XML as UTF-8 bytes, its declaration (which may name another encoding) dropped."""
    return _XML_DECLARATION.sub("", text, count=1).encode("utf-8")
