"""Baked badges: the assertion or credential an issuer embedded in a PNG or SVG image.

- OB 2.0 PNG: an iTXt chunk with keyword `openbadges`; OB 3.0 PNG: keyword
  `openbadgecredential`. The text is the JSON document or a compact JWS (OB 2.0 may bake just
  the hosted assertion's URL, which offline means nothing to verify: refused as such).
- OB 2.0 SVG: an `<openbadges:assertion verify="...">` element (namespace
  http://openbadges.org) holding the JSON or JWS (often in CDATA); OB 3.0 SVG: an
  `<openbadges:credential>` element.

Hostile images are refused before any work they could multiply: the file is at most
MAX_IMAGE_BYTES; a PNG's chunks are walked by their declared lengths, each of which must fit
in what is left of the file (a chunk "of 4 GB" in a small file is refused at once), at most
MAX_CHUNKS of them, each with a correct CRC; a compressed iTXt (the specs say it is not, but
tools do it) is inflated to at most MAX_TEXT_BYTES (a zip bomb stops there); an SVG is parsed by
expat with every DTD refused, so no entity can be declared, expanded (billion laughs) or fetched
(XXE), elements nested at most MAX_SVG_DEPTH deep, and the badge element's text kept to
MAX_TEXT_BYTES, counted as it comes (the work stays linear in the file). Two badge chunks or
elements in one image are ambiguous: refused at the second, before it is inflated or read.
"""

from __future__ import annotations

import base64
import binascii
import struct
import xml.parsers.expat
import zlib
from dataclasses import dataclass
from typing import Literal

from service.verify.result import malformed

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_IMAGE_BYTES = 4 * 1024 * 1024
MAX_CHUNKS = 4096
MAX_TEXT_BYTES = 1024 * 1024  # a badge document; inflated iTXt stops here
MAX_SVG_DEPTH = 256  # elements nested in an SVG (drawing tools stay far below)
OB_NAMESPACE = "http://openbadges.org"
KEYWORDS = {b"openbadges": "ob2", b"openbadgecredential": "ob3"}
ELEMENTS = {"assertion": "ob2", "credential": "ob3"}
DATA_URL_TYPES = ("image/png", "image/svg+xml")
TWO = "The {what} holds more than one baked badge; one is expected."


@dataclass(frozen=True)
class Unbaked:
    version: Literal["ob2", "ob3"]
    image: Literal["png", "svg"]
    text: str  # the JSON document or the compact JWS, as baked


def looks_baked(data: bytes | str) -> bool:
    """A PNG or SVG image, or a data: URL of one (what `unbake` reads)."""
    if isinstance(data, str):
        head = data.lstrip()[:64].lower()
        return head.startswith(("data:image/png", "data:image/svg+xml", "<svg", "<?xml"))
    head = data.lstrip()[:64]
    return data.startswith(PNG_SIGNATURE) or head.startswith((b"<svg", b"<?xml"))


def unbake(data: bytes | str) -> Unbaked:
    """The badge baked into a PNG or SVG (bytes, SVG text, or a data: URL). Raises CheckFailed
    ("malformed") for an image that holds none, or one that is not a sane image."""
    if isinstance(data, str):
        data = _data_url(data) if data.lstrip().lower().startswith("data:") else data.encode()
    if len(data) > MAX_IMAGE_BYTES:
        raise malformed(f"The image is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MiB.")
    if data.startswith(PNG_SIGNATURE):
        return _png(data)
    return _svg(data)


def _data_url(url: str) -> bytes:
    head, sep, body = url.strip().partition(",")
    if not sep:
        raise malformed("The data: URL has no data.")
    media = head[5:].split(";")[0].strip().lower()
    if media not in DATA_URL_TYPES:
        raise malformed(f"A baked badge is a PNG or SVG image, not {media or 'untyped data'}.")
    if len(body) > MAX_IMAGE_BYTES * 4 // 3 + 4:
        raise malformed(f"The image is larger than {MAX_IMAGE_BYTES // (1024 * 1024)} MiB.")
    if head.lower().endswith(";base64"):
        try:
            return base64.b64decode(body, validate=True)
        except (binascii.Error, ValueError) as exc:
            raise malformed(f"The data: URL is not valid base64: {exc}") from exc
    from urllib.parse import unquote_to_bytes

    return unquote_to_bytes(body)


def _png(data: bytes) -> Unbaked:
    pos, found, chunks = len(PNG_SIGNATURE), [], 0
    while pos < len(data):
        if pos + 12 > len(data):
            raise malformed("The PNG ends inside a chunk header.")
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > len(data):
            raise malformed(f"A PNG chunk claims {length} bytes, more than the file holds.")
        chunks += 1
        if chunks > MAX_CHUNKS:
            raise malformed(f"The PNG has more than {MAX_CHUNKS} chunks.")
        body = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[end - 4 : end])
        if zlib.crc32(kind + body) != crc:
            raise malformed(f"The PNG chunk {kind!r} is damaged (bad CRC).")
        if kind == b"iTXt":
            item = _itxt(body, seen=bool(found))
            if item is not None:
                found.append(item)
        pos = end
        if kind == b"IEND":
            break
    version, text = _only(found, "PNG")
    return Unbaked(version, "png", text)  # type: ignore[arg-type]


def _itxt(body: bytes, *, seen: bool) -> tuple[str, str] | None:
    """(version, text) of an Open Badges iTXt chunk; None for any other keyword. seen: a badge
    chunk came before (this one is refused before it is inflated)."""
    keyword, sep, rest = body.partition(b"\0")
    if not sep or len(keyword) > 79:
        raise malformed("A PNG iTXt chunk is malformed (no keyword).")
    version = KEYWORDS.get(keyword)
    if version is None:
        return None
    if seen:
        raise malformed(TWO.format(what="PNG"))
    if len(rest) < 2:
        raise malformed("The Open Badges iTXt chunk is truncated.")
    compressed, method, rest = rest[0], rest[1], rest[2:]
    _lang, sep1, rest = rest.partition(b"\0")
    _translated, sep2, text = rest.partition(b"\0")
    if not (sep1 and sep2):
        raise malformed("The Open Badges iTXt chunk is truncated.")
    if compressed:
        if method != 0:
            raise malformed("The Open Badges iTXt chunk uses an unknown compression.")
        text = _inflate(text)
    elif len(text) > MAX_TEXT_BYTES:
        raise malformed("The baked badge text is too large.")
    try:
        return version, text.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise malformed("The baked badge text is not UTF-8.") from exc


def _inflate(data: bytes) -> bytes:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, MAX_TEXT_BYTES + 1)
    except zlib.error as exc:
        raise malformed(f"The compressed iTXt chunk cannot be inflated: {exc}") from exc
    if len(out) > MAX_TEXT_BYTES or inflater.unconsumed_tail:
        raise malformed("The compressed badge text inflates past the size limit.")
    return out


def _only(found: list[tuple[str, str]], what: str) -> tuple[str, str]:
    """(version, text) of the one baked badge (the readers refuse a second one as they meet
    it); malformed for none, an empty one, or the bare URL of a hosted assertion."""
    if not found:
        raise malformed(f"The {what} holds no baked Open Badge.")
    version, text = found[0][0], found[0][1].strip()
    if not text:
        raise malformed(f"The {what}'s baked badge is empty (a hosted assertion's URL only?).")
    if text.startswith(("http://", "https://")) and " " not in text:
        raise malformed(
            "The image bakes only the URL of a hosted assertion, which cannot be fetched "
            "offline; send the assertion (or the assertion, badge class and issuer together)."
        )
    return version, text


class _Refused(Exception):
    pass


@dataclass
class _Open:
    """The badge element being read: its version and its text so far."""

    version: str
    parts: list[str]
    size: int = 0


def _svg(data: bytes) -> Unbaked:
    found: list[tuple[str, str]] = []
    stack: list[bool] = []  # each open element: is it the badge element?
    reading: list[_Open] = []  # the open badge element, if any (never more than one)
    parser = xml.parsers.expat.ParserCreate(namespace_separator=" ")

    def refuse(*_args) -> None:
        raise _Refused("The SVG declares a DTD or entities, which badges never need.")

    def start(name: str, _attrs) -> None:
        if len(stack) >= MAX_SVG_DEPTH:
            raise _Refused(f"The SVG nests elements deeper than {MAX_SVG_DEPTH}.")
        ns, _, local = name.rpartition(" ")
        version = ELEMENTS.get(local) if ns == OB_NAMESPACE else None
        if version and (reading or found):
            raise _Refused(TWO.format(what="SVG"))
        stack.append(version is not None)
        if version:
            reading.append(_Open(version, []))

    def end(_name: str) -> None:
        if stack.pop():
            top = reading.pop()
            found.append((top.version, "".join(top.parts)))

    def chars(text: str) -> None:
        if reading:  # the text of the badge element, its children's included
            top = reading[0]
            top.size += len(text)
            if top.size > MAX_TEXT_BYTES:
                raise _Refused("The baked badge text is too large.")
            top.parts.append(text)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        raise malformed(str(exc)) from None
    except xml.parsers.expat.ExpatError as exc:
        raise malformed(f"The SVG is not well-formed XML: {exc}") from None
    version, text = _only(found, "SVG")
    return Unbaked(version, "svg", text)  # type: ignore[arg-type]
