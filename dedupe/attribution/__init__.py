"""Per document: the source lexicon, outlet mentions, credits, roles, attributions and claims; and the analysis
that runs the per-document stages (segment, sketch, attribute, build claims) for the engine and provenance."""
