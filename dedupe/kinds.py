"""The kinds of match and of finding, spelled once: reports, ``--fail-on`` and the code all use these names."""

from __future__ import annotations

NEAR_DUPLICATE = "near-duplicate"  # a match: both sides mostly inside shared passages
PARTIAL_REUSE = "partial-reuse"  # a match: shared passages, less than that
UNATTRIBUTED_REUSE = "unattributed-reuse"  # a finding: reuse without crediting the source's outlet or sources
DERIVATIVE = "derivative"  # a finding: an aggregator disclaimer in the text

MATCH_KINDS = (NEAR_DUPLICATE, PARTIAL_REUSE)
FINDING_KINDS = (NEAR_DUPLICATE, PARTIAL_REUSE, UNATTRIBUTED_REUSE, DERIVATIVE)  # in the order findings sort
UNKNOWN_DIRECTION = "direction unknown"  # how a finding's evidence begins when neither text is known to be first
