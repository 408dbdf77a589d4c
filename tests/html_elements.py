"""Read the start tags of an HTML text with the standard library's parser."""

from __future__ import annotations

from html.parser import HTMLParser


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def elements(text: str) -> list[tuple[str, dict]]:
    """Every start tag as (name, attributes), in document order."""
    parser = _Elements()
    parser.feed(text)
    return parser.found


def tags(text: str, name: str) -> list[dict]:
    """The attributes of every <name> tag."""
    return [attrs for tag, attrs in elements(text) if tag == name]
