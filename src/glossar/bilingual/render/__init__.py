"""Renderers of a bilingual document: one module per ``article --format`` value.

Each module has ``render(doc) -> str``; all but JSON also have ``render_pieces(doc)``,
the same text in pieces (head, one piece per pair, tail) that reads the pairs as they
come, so a streamed document of any size is written in bounded memory (JSON streams
through ``cli/jsonstream.py``). :mod:`.common` holds what they share.
"""
