"""One context rule: what the text left or right of an outlet mention must look like, and the form and role it
gives (shared by the rules of ``cues`` and ``world_cues``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class Rule:
    form: str
    role: str
    left: re.Pattern[str] | None = None
    right: re.Pattern[str] | None = None
    cue: bool = True  # whether the context it reads confirms an acronym or a word that needs one ("your AP exams": no)


def left_of(pattern: str) -> re.Pattern[str]:
    """A pattern the text left of the mention must end with."""
    return re.compile(r"(?:" + pattern + r")$", _I)


def right_of(pattern: str) -> re.Pattern[str]:
    """A pattern the text right of the mention must start with."""
    return re.compile(r"^(?:" + pattern + r")", _I)
