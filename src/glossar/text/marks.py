"""Marks that open a list item, shared by every reader of lists (segments, term guards,
the translation, which keeps them out of the model, and the article's headings). A
module of its own: the term guards read it, and importing the line-break rules for it
cost every command 10 ms."""

from __future__ import annotations

#: A bullet or a dash that opens a list item ("-" first: literal in a character class).
BULLETS = "-–—•*·▪‣►◦"
