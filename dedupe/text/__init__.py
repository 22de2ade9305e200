"""Text of a document: normalisation and word tokens; paragraphs, sentences and boilerplate."""
