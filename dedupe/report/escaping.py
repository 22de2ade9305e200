"""Escaping of data in human-readable output, so that a title, outlet, file name or text can never act
on the reader's terminal or CI system.

Text output (``--format text`` and messages on stderr) shows control characters (C0, DEL, C1), line and
paragraph separators and bidirectional overrides as visible escapes (``\\n``, ``\\x1b``, ``\\u202e``): a
value cannot start a new line, so it cannot become a GitHub Actions workflow command, and terminal escape
sequences (colours, OSC 52 clipboard writes, title changes) are printed, not obeyed; a byte of a path that is
not UTF-8 (a surrogate escape) is shown as ``\\xNN``, so the output can always be encoded. GitHub workflow
commands (``--format github``) follow GitHub's own rules on top: ``%``, CR and LF percent-encoded in
messages, and also ``:`` and ``,`` in property values. The HTML view keeps line breaks and tabs
(``markup_text``).
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_COMMAND_START = re.compile(r"^(\s*):")


def _visible(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    if "\udc80" <= ch <= "\udcff":  # a byte of a file name that is not UTF-8 (Python's surrogate escape)
        return f"\\x{ord(ch) - 0xDC00:02x}"
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"


def escape_text(value: str) -> str:
    """``value`` with every control character shown as a visible escape (one line, no terminal sequences)."""
    return _UNSAFE.sub(_visible, value)


def escape_line(line: str) -> str:
    """One line of text output: control characters escaped, and a leading ``::`` (a workflow command, also
    after blanks) written as ``\\x3a:``."""
    line = escape_text(line)
    return _COMMAND_START.sub(lambda m: m.group(1) + "\\x3a", line) if line.lstrip().startswith("::") else line


def escape_lines(lines: list[str]) -> str:
    return "\n".join(escape_line(line) for line in lines)


def _keep_newlines(value: str) -> str:
    return _UNSAFE.sub(lambda m: m.group() if m.group() in "\r\n" else _visible(m), value)


def markup_text(value: str) -> str:
    """Text for an HTML page (before HTML escaping): line breaks and tabs kept for the page's layout, every other
    control character shown as a visible escape, so that the page printed to a terminal (``--format html`` to
    standard output) cannot act on it and stays valid HTML."""
    return _UNSAFE.sub(lambda m: m.group() if m.group() in "\r\n\t" else _visible(m), value)


def github_message(value: str) -> str:
    """The message of a workflow command: other control characters visible, then ``%``, CR, LF encoded."""
    return _keep_newlines(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(value: str) -> str:
    """A property value (``file=``, ``title=``) of a workflow command: as a message, plus ``:`` and ``,``."""
    return github_message(value).replace(":", "%3A").replace(",", "%2C")
