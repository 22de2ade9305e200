"""The one builder from command-line options to ``ScanConfig``."""

from __future__ import annotations

from pathlib import Path

import pytest

from dedupe.config import DEFAULT_INCLUDE, ScanConfig, config_from_options
from dedupe.errors import ConfigError


def test_defaults_are_the_scan_defaults() -> None:
    assert config_from_options() == ScanConfig()


def test_options_land_in_their_settings() -> None:
    config = config_from_options(threshold=0.5, shingle_size=4, num_perm=64, include=["*.txt"], exclude=["x*"],
                                 text_field="body", id_field="key", outlet_field="site", date_field="day", workers=2,
                                 sources=[Path("extra/lexicon.json")], classifier=False, mode="copies")
    assert (config.match.threshold, config.fingerprint.shingle_size, config.fingerprint.num_perm) == (0.5, 4, 64)
    assert (config.read.include, config.read.exclude) == (("*.txt",), ("x*",))
    fields = config.read.fields
    assert (fields.text, fields.id, fields.outlet, fields.published) == (("body",), ("key",), ("site",), ("day",))
    assert fields.title == ScanConfig().read.fields.title
    assert config.attribution.sources_files == ("extra/lexicon.json",) and not config.attribution.use_classifier
    assert (config.workers, config.mode) == (2, "copies")
    assert config_from_options(include=[]).read.include == DEFAULT_INCLUDE


def test_keyword_only_and_validated() -> None:
    with pytest.raises(TypeError):
        config_from_options(0.3)  # type: ignore[misc]
    with pytest.raises(ConfigError, match="num_perm"):
        config_from_options(num_perm=8)
