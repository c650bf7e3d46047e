"""Inline Markdown (bold, italic, links) to ReportLab paragraph markup, with typography.

Only `**bold**`, `*italic*` and `[label](url)` mean something; anything else, HTML and
ReportLab's own tags included, is printed literally. Straight quotes become curly ones,
a spaced hyphen becomes an en dash, and a figure is tied to its unit.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape as _html_escape
from typing import NamedTuple

from markdown_it import MarkdownIt

UNITS = r"(?:million|billion|thousand|trillion|bn|m|k|%|per cent|mm|cm|km|kg|years?|days?)"
_FIGURE_UNIT = re.compile(rf"(\d[\d.,]*) ({UNITS})\b")
_SPACED_DASH = re.compile(r"(?<=\S) [-\u2013\u2014] (?=\S)")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("zero", {"typographer": True})
    return md.enable(["emphasis", "link", "escape", "backticks", "replacements", "smartquotes"])


class Link(NamedTuple):
    label: str
    url: str


def escape(text: str) -> str:
    """&, < and > as entities (ReportLab markup is XML-like); quotes are left alone."""
    return _html_escape(text, quote=False)


def typeset(text: str) -> str:
    """Typographic fixes on plain text: spaced en dashes that never start a line, and
    figures tied to their units."""
    text = _SPACED_DASH.sub(lambda m: "\u00a0" + m[0].strip().replace("-", "\u2013") + " ", text)
    return _FIGURE_UNIT.sub("\\1\u00a0\\2", text)


@lru_cache(maxsize=4096)
def plain_text(source: str) -> str:
    """The text a reader sees (no markup), for glyph checks and tests."""
    return "".join(piece for piece, _ in _pieces(source))


def links_in(source: str) -> list[Link]:
    return [Link(label, url) for label, url in _link_pieces(source)]


@lru_cache(maxsize=4096)
def _inline(source: str) -> tuple:
    """The inline tokens of one paragraph (parsed once per process; never mutate them)."""
    return tuple(_parser().parseInline(source.strip())[0].children or ())


@lru_cache(maxsize=4096)
def to_markup(source: str, live_links: bool = False, tie_last_words: bool = True) -> str:
    """ReportLab paragraph markup for one paragraph of content text.

    On screen a link is live; on paper its label is followed by the short address.
    """
    out = []
    href = ""
    for token in _inline(source):
        if token.type == "link_open":
            href = token.attrs.get("href", "")
        out.append(_render(token, live_links))
        if token.type == "link_close" and not live_links:
            out.append(escape(f" ({short_url(str(href))})"))
    markup = "".join(out)
    if tie_last_words:
        markup = _tie_last_words(markup)
    return markup


def _render(token, live_links: bool) -> str:
    kind = token.type
    if kind == "text":
        return escape(typeset(token.content))
    if kind == "code_inline":
        return escape(token.markup + token.content + token.markup)
    if kind in ("softbreak", "hardbreak"):
        return " "
    tags = {"strong_open": "<b>", "strong_close": "</b>", "em_open": "<i>", "em_close": "</i>"}
    if kind in tags:
        return tags[kind]
    if kind == "link_open":
        href = escape(token.attrs.get("href", "")).replace('"', "&quot;")
        return f'<a href="{href}">' if live_links else ""
    if kind == "link_close":
        return "</a>" if live_links else ""
    return escape(token.content)


def short_url(url: str) -> str:
    """The address as people type it: no scheme, no www., no trailing slash."""
    short = url.split("://", 1)[-1]
    short = short[4:] if short.startswith("www.") else short
    return short.rstrip("/")


def _pieces(source: str):
    for token in _inline(source):
        if token.type == "text":
            yield typeset(token.content), token
        elif token.type in ("softbreak", "hardbreak"):
            yield " ", token
        elif token.type == "code_inline":
            yield token.markup + token.content + token.markup, token


def _link_pieces(source: str):
    label, url = None, None
    for token in _inline(source):
        if token.type == "link_open":
            label, url = "", token.attrs.get("href", "")
        elif token.type == "link_close" and url is not None:
            yield label, url
            label, url = None, None
        elif label is not None and token.type == "text":
            label += token.content


def _tie_last_words(markup: str) -> str:
    """Avoid a lone short word or a hyphenated stub on the last line: the last word is never
    hyphenated, and a short one is joined to the word before it."""
    head, sep, last = markup.rpartition(" ")
    if not sep or "<" in last or ">" in head[-1:]:
        return markup
    joiner = "\u00a0" if len(last) <= 10 else " "
    return f"{head}{joiner}<nobr>{last}</nobr>"
