"""Inline Markdown (bold, italic, links) to ReportLab paragraph markup, with typography.

Only `**bold**`, `*italic*` and `[label](url)` mean something; anything else, HTML and
ReportLab's own tags included, is printed literally. Straight quotes become the
language's own quotation marks, a spaced hyphen becomes an en dash, a figure is tied to its
unit, and French text gets its no-break spaces before ; : ! ? and inside guillemets.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape as _html_escape
from typing import NamedTuple

from markdown_it import MarkdownIt

UNITS = (r"(?:million|billion|thousand|trillion|bn|m|k|%|per cent|mm|cm|km|kg|years?|days?"
         # the same words in the languages the footer speaks (de, fr, es, it, nl, sv, da, pl)
         r"|Millionen|Milliarden|Mio|Mrd|millions|milliards?|millones|millón|mil millones"
         r"|milioni|miliardi|miljoen|miljard|miljoner|miljarder|milliarder|mln|mld|Jahre|ans"
         r"|años|anni|jaar|år)")
_FIGURE_UNIT = re.compile(rf"(\d[\d.,]*) ({UNITS})\b")
_SPACED_DASH = re.compile(r"(?<=\S) [-\u2013\u2014] (?=\S)")

NBSP = "\u00a0"
# Quotation marks (outer open, outer close, inner open, inner close), by language tag, then by
# its base language; others use English marks. Mostly the Unicode CLDR's; where printed house
# style differs we follow it: Swiss German « », French and Spanish « » with “ ” inside.
QUOTES = {
    "en": "\u201c\u201d\u2018\u2019", "de": "\u201e\u201c\u201a\u2018",
    "de-ch": "\u00ab\u00bb\u2039\u203a", "fr": "\u00ab\u00bb\u201c\u201d",
    "es": "\u00ab\u00bb\u201c\u201d", "it": "\u00ab\u00bb\u201c\u201d",
    "pt": "\u201c\u201d\u2018\u2019", "pt-pt": "\u00ab\u00bb\u201c\u201d",
    "nl": "\u201c\u201d\u2018\u2019", "sv": "\u201d\u201d\u2019\u2019",
    "da": "\u201c\u201d\u2018\u2019", "pl": "\u201e\u201d\u00ab\u00bb",
}
# French: a no-break space before ; : ! ? and », and after «. Spaces typed there become
# no-break ones; none is added where none was typed before ; : ! ? (10:30, an address's
# ?query), but guillemets always get theirs.
_FRENCH_SPACING = (
    (re.compile(r"\s+([;:!?])"), NBSP + r"\1"),
    (re.compile(r"\s*\u00bb"), NBSP + "\u00bb"),
    (re.compile(r"\u00ab\s*"), "\u00ab" + NBSP),
)


def quote_marks(language: str) -> str:
    """The language's four quotation marks: outer open and close, inner open and close."""
    tag = language.lower()
    return QUOTES.get(tag) or QUOTES.get(tag.split("-")[0], QUOTES["en"])


def quoted(text: str, language: str) -> str:
    """Text (or markup) between the language's outer quotation marks, spaced in French."""
    marks = quote_marks(language)
    space = NBSP if _is_french(language) else ""
    return f"{marks[0]}{space}{text}{space}{marks[1]}"


def _is_french(language: str) -> bool:
    return language.lower().split("-")[0] == "fr"


@lru_cache(maxsize=16)
def _parser(quotes: str) -> MarkdownIt:
    md = MarkdownIt("zero", {"typographer": True, "quotes": quotes})
    # no "replacements": it would print (c) as ©, (tm) as ™ and !!!! as !!! — text prints as typed
    return md.enable(["emphasis", "link", "escape", "backticks", "smartquotes"])


class Link(NamedTuple):
    label: str
    url: str


def escape(text: str) -> str:
    """&, < and > as entities (ReportLab markup is XML-like); quotes are left alone."""
    return _html_escape(text, quote=False)


def typeset(text: str, language: str = "en") -> str:
    """Typographic fixes on plain text: spaced en dashes that never start a line, figures
    tied to their units, and French spacing around punctuation."""
    text = _SPACED_DASH.sub(lambda m: NBSP + m[0].strip().replace("-", "\u2013") + " ", text)
    text = _FIGURE_UNIT.sub("\\1" + NBSP + "\\2", text)
    if _is_french(language):
        for pattern, replacement in _FRENCH_SPACING:
            text = pattern.sub(replacement, text)
    return text


@lru_cache(maxsize=4096)
def plain_text(source: str, language: str = "en", inner: bool = False) -> str:
    """The text a reader sees (no markup), for glyph checks and tests; `inner` as in
    to_markup."""
    return "".join(piece for piece, _ in _pieces(source, language, inner))


def links_in(source: str) -> list[Link]:
    return [Link(label, url) for label, url in _link_pieces(source)]


@lru_cache(maxsize=4096)
def _inline(source: str, language: str = "en", inner: bool = False) -> tuple:
    """The inline tokens of one paragraph (parsed once per process; never mutate them)."""
    marks = quote_marks(language)
    if inner:  # inside quotation marks, double and single quotes both take the inner marks
        marks = marks[2:] + marks[2:]
    parsed = _parser(marks).parseInline(source.strip())
    return tuple(parsed[0].children or ())


@lru_cache(maxsize=4096)
def to_markup(source: str, live_links: bool = False, tie_last_words: bool = True,
              language: str = "en", inner: bool = False) -> str:
    """ReportLab paragraph markup for one paragraph of content text, typeset for its
    language. `inner` is for text that will stand in quotation marks (the pull quote):
    quotes typed in it take the language's inner marks.

    On screen a link is live; on paper its label is followed by the short address.
    """
    out = []
    href = ""
    for token in _inline(source, language, inner):
        if token.type == "link_open":
            href = token.attrs.get("href", "")
        out.append(_render(token, live_links, language))
        if token.type == "link_close" and not live_links:
            out.append(escape(f" ({short_url(str(href))})"))
    markup = "".join(out)
    if tie_last_words:
        markup = _tie_last_words(markup)
    return markup


def _render(token, live_links: bool, language: str) -> str:
    kind = token.type
    if kind == "text":
        return escape(typeset(token.content, language))
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


def _pieces(source: str, language: str = "en", inner: bool = False):
    for token in _inline(source, language, inner):
        if token.type == "text":
            yield typeset(token.content, language), token
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
