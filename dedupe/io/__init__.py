"""Reading inputs: folders and files, encodings, JSON/JSONL records, CSV/TSV tables, RSS/Atom and JSON feeds, HTML."""
