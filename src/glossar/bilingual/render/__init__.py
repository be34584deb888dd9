"""Renderers of a bilingual document: one module per ``article --format`` value.

Each module has ``render(doc) -> str``; :mod:`.common` holds the labels they share.
"""
