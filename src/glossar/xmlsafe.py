"""Parsing untrusted XML (TBX, TMX, XLIFF) without letting the file reach further.

Every XML file a user hands us is parsed here and only here, with libxml2's dangerous
features off: no DTD loading, no external entities, no network, no entity expansion and
no "huge tree" mode (which keeps libxml2's limits on depth and text size). A document
that declares entities in an internal DTD subset is refused outright, so neither a
"billion laughs" nor an XXE file gets past this function; a ``<!DOCTYPE … SYSTEM …>``
line without declarations (common in TBX 2008 files) is accepted and ignored.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from glossar.errors import BadInputError
from glossar.i18n import _

if TYPE_CHECKING:  # lxml is imported only when XML is actually parsed
    from lxml import etree

#: Largest XML input accepted, in bytes (a 100,000-entry TBX export is well below it).
MAX_XML_BYTES = 512 * 1024 * 1024


def _parser() -> etree.XMLParser:
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse_xml_bytes(data: bytes, name: str, *, max_bytes: int = MAX_XML_BYTES) -> etree._Element:
    """Parse ``data`` safely and return the root element, or raise :class:`BadInputError`.

    ``name`` names the input in messages (``FILE:LINE: reason``). Refused: inputs larger
    than ``max_bytes``, XML that is not well-formed, and any entity declaration.
    """
    from lxml import etree

    if len(data) > max_bytes:
        raise BadInputError(
            _("{name}: XML file too large ({size} bytes; the limit is {limit})").format(
                name=name, size=f"{len(data):,}", limit=f"{max_bytes:,}"
            )
        )
    if not data.strip():
        raise BadInputError(_("{name}: empty file, expected XML").format(name=name))
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        declared = _ENTITY_DECLARATION.search(data)
        if declared is not None:  # a "billion laughs" stops libxml2 before we could look
            entity = declared.group(1).decode("utf-8", "replace")
            raise BadInputError(_refusal(name, entity)) from None
        line = exc.lineno or (exc.position[0] if exc.position else 0)
        msg = str(exc.msg or exc).splitlines()[0] if (exc.msg or str(exc)) else "syntax error"
        # libxml2 appends "(line N, column M)"; the line is already in front.
        msg = msg.split(", line ")[0]
        # "Couldn't find end of Start Tag broken line 1": where the tag began, a line
        # before where the parser gave up (the file's end): one line number, that one
        began = re.search(r" line (\d+)$", msg)
        if began is not None:
            line = int(began.group(1))
            msg = msg[: began.start()]
        raise BadInputError(
            _("{name}:{line}: not well-formed XML: {why}").format(name=name, line=line, why=msg)
        ) from None
    except ValueError as exc:  # e.g. a str with an encoding declaration
        raise BadInputError(
            _("{name}: cannot parse XML: {why}").format(name=name, why=exc)
        ) from None
    if root is None:
        raise BadInputError(_("{name}: no XML document found").format(name=name))
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None:
        for entity in dtd.iterentities():
            raise BadInputError(_refusal(name, entity.name))
    return root


#: An entity declaration in the bytes of a document (ASCII-compatible encodings).
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY\s+(?:%\s+)?([^\s\"'>]+)")


def _refusal(name: str, entity: str) -> str:
    return _(
        "{name}: refused: the document declares the entity '{entity}' (entity "
        "declarations are not allowed in input XML)"
    ).format(name=name, entity=entity)


def local_name(element: etree._Element) -> str:
    """The tag without its namespace (``{urn:…}termSec`` → ``termSec``); '' for comments/PIs."""
    tag = element.tag
    try:
        return _LOCAL_NAMES[tag]
    except KeyError:
        name = tag.rsplit("}", 1)[-1]
        if len(_LOCAL_NAMES) < 10_000:
            _LOCAL_NAMES[tag] = name
        return name
    except TypeError:  # comments and processing instructions have a function as tag
        return ""


_LOCAL_NAMES: dict[str, str] = {}


#: The ``xml:lang`` attribute in lxml's Clark notation.
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
