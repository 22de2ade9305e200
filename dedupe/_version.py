"""The version of dedupe, in a module of its own: the CLI and the build (hatch) read it without importing the
library's stages."""

from __future__ import annotations

__version__ = "0.1.0"
