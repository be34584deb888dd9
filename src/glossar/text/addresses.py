"""Web and mail addresses, social-media handles and hashtags in news text: spans that
are no German words. Term recognition finds no term inside them (a desk tester's
"https://www.dpa.de/…", "@dpa_news" gave the Deutsche Presse-Agentur), and a machine
translation that leaves one out says so (the caption model dropped every one of a
desk's links, e-mail addresses and handles in silence)."""

from __future__ import annotations

import re

#: An address: a URL (with its scheme or "www."), an e-mail address, a handle, a
#: domain with a common top-level domain (dpa.de), a hashtag (for :func:`lost` only).
_TLDS = "(?:de|at|ch|com|org|net|int|eu|gov|info|io)"
ADDRESS = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s<>\"“”»«]+[^\s<>\"“”»«.,;:!?)]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w@.])@\w+"
    rf"|\b[\w-]+(?:\.[\w-]+)*\.{_TLDS}\b"
    r"(?:/[^\s<>\"“”»«]*[^\s<>\"“”»«.,;:!?)])?"
)
_HASHTAG = re.compile(r"(?<![\w#&])#\w+")


#: A top-level domain after a dot: a domain may be there (dpa.de).
_TLD = re.compile(rf"\.{_TLDS}\b")


def might_hold_address(text: str) -> bool:
    """A cheap first look: could ``text`` hold an address at all?"""
    if "@" in text or "://" in text or "www." in text:
        return True
    return "." in text and _TLD.search(text) is not None


def address_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each address, handle or domain in ``text``."""
    if not might_hold_address(text):
        return []
    return [m.span() for m in ADDRESS.finditer(text)]


def lost(source: str, target: str) -> list[str]:
    """The addresses, handles and hashtags of ``source`` that ``target`` does not hold as
    they are written (a translation must copy them, not translate them)."""
    found = [source[a:b] for a, b in address_spans(source)]
    if "#" in source:
        found += _HASHTAG.findall(source)
    return [item for item in dict.fromkeys(found) if item not in target]
