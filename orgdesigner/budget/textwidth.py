"""How wide text looks in a fixed-width grid (spreadsheet columns, terminal tables):
East Asian wide characters take two columns, so Japanese labels line up."""

from __future__ import annotations


def line_width(s: str) -> int:
    """ASCII takes one column; CJK (three UTF-8 bytes) two. Counting bytes runs in C, which
    matters for 5,000-row sheets; the few narrow three-byte characters (…, half-width kana)
    are over-estimated, which only widens a column a little."""
    if s.isascii():
        return len(s)
    return (len(s) + len(s.encode("utf-8", "surrogatepass"))) // 2


def display_width(s: str) -> int:
    """Columns a string needs, its longest line (only the first 200 characters count)."""
    s = s[:200]
    return max(line_width(x) for x in s.split("\n")) if "\n" in s else line_width(s)


def wrapped_lines(s: str, width: int) -> int:
    """Lines a wrapped string takes in a column `width` characters wide (roughly)."""
    width = max(width, 1)
    return sum(max(1, -(-line_width(x) // width)) for x in s[:5000].split("\n"))
