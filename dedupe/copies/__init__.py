"""Copied text: fingerprints and MinHash sketches, LSH candidates, verification, shared passages, duplicate groups."""
