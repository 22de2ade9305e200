"""The persistent index of documents seen before (SQLite or Redis): adding to it and checking a batch against it."""
