"""Across documents: direction of each copy, claim groups, stories, chains of custody and original sources."""
