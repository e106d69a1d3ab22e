"""Baking badges into images for the tests: PNG chunks written by hand (so hostile ones can be
too) and SVG text, as the Open Badges baking specs lay them out."""

from __future__ import annotations

import json
import struct
import zlib
from typing import Any

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chunk(kind: bytes, body: bytes, *, crc: int | None = None, length: int | None = None) -> bytes:
    size = len(body) if length is None else length
    check = zlib.crc32(kind + body) if crc is None else crc
    return struct.pack(">I", size) + kind + body + struct.pack(">I", check)


def itxt(keyword: bytes, text: str, *, compressed: bool = False) -> bytes:
    data = text.encode()
    if compressed:
        data = zlib.compress(data)
    return chunk(b"iTXt", keyword + b"\0" + bytes([int(compressed), 0]) + b"\0\0" + data)


def png(*extra: bytes) -> bytes:
    """A 1x1 grey PNG with `extra` chunks before IDAT."""
    ihdr = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    idat = chunk(b"IDAT", zlib.compress(b"\0\x80"))
    return PNG_SIGNATURE + ihdr + b"".join(extra) + idat + chunk(b"IEND", b"")


def text_of(badge: Any) -> str:
    return badge if isinstance(badge, str) else json.dumps(badge)


def baked_png(badge: Any, version: str = "ob2") -> bytes:
    keyword = b"openbadges" if version == "ob2" else b"openbadgecredential"
    return png(itxt(keyword, text_of(badge)))


def baked_svg(badge: Any, version: str = "ob2", *, prolog: str = "") -> bytes:
    element = "assertion" if version == "ob2" else "credential"
    verify = ' verify="https://badges.example.org/assertions/1"' if version == "ob2" else ""
    return (
        f"{prolog}<svg xmlns='http://www.w3.org/2000/svg' "
        "xmlns:openbadges='http://openbadges.org' width='10' height='10'>"
        f"<openbadges:{element}{verify}><![CDATA[{text_of(badge)}]]></openbadges:{element}>"
        "<rect width='10' height='10'/></svg>"
    ).encode()
