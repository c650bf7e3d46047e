"""Pagination: pour blocks into column frames, page after page.

Rules: a heading is never the last thing in a column (it moves on with its next block);
groups (quote, links) never split; paragraphs split between lines with no widows or
orphans; a block that cannot fit even an empty column is an error naming its field.
"""

from __future__ import annotations

import html
import re
from collections import deque
from collections.abc import Callable
from typing import NamedTuple

from reportlab.platypus import Flowable

from brochure.errors import BrochureError, Issue
from brochure.layout.items import Group, Item, Text
from brochure.text.addresses import HOST, SCHEMELESS_ADDRESS
from brochure.units import MM, Rect

MAX_PAGES = 40
EPS = 0.01
SHOWN_WORD = 40  # characters of a too-long word quoted in its message
EARLIER_LINES = 3  # how far a split may move up to keep a word whole
BALANCE_STEP = 6.0  # points added to the columns per try when balancing the last page


class Block(NamedTuple):
    flowable: Flowable
    field: str
    space_before: float = 0.0
    keep_with_next: bool = False
    role: str = "P"


Frames = Callable[[int], list[Rect]]


def paginate(blocks: list[Block], frames_for: Frames, full_height: float) -> list[list[Item]]:
    """Items per page; frames_for(page_index) gives that page's columns, in reading order."""
    queue = deque(blocks)
    pages: list[list[Item]] = []
    last_start: list[Block] = []
    while queue:
        if len(pages) >= MAX_PAGES:
            raise BrochureError([Issue(f"the content needs more than {MAX_PAGES} pages — "
                                       "shorten it or split it into several brochures")])
        last_start = list(queue)
        pages.append(_fill_page(frames_for(len(pages)), queue, full_height))
    if pages and len(frames_for(len(pages) - 1)) > 1:
        pages[-1] = _balanced(last_start, frames_for(len(pages) - 1), full_height)
    return pages


def _fill_page(frames: list[Rect], queue: deque, full_height: float) -> list[Item]:
    items: list[Item] = []
    for frame in frames:
        _fill_frame(frame, queue, items, full_height)
        if not queue:
            break
    return items


def _balanced(blocks: list[Block], frames: list[Rect], full_height: float) -> list[Item]:
    """The last page with its columns as even as the content allows.

    Starts from the height the content would need if it split perfectly evenly, and grows
    the columns a few points at a time until everything fits (usually two or three tries).
    """
    width = min(f.w for f in frames)
    total = sum(b.space_before + b.flowable.wrap(width, full_height)[1] for b in blocks)
    height = total / len(frames)
    tallest = max(f.h for f in frames)
    while height < tallest:
        queue = deque(blocks)
        items = _fill_page([_shortened(f, height) for f in frames], queue, full_height)
        if not queue:
            return items
        height += BALANCE_STEP
    return _fill_page(frames, deque(blocks), full_height)


def _shortened(frame: Rect, height: float) -> Rect:
    height = min(frame.h, height + 1)
    return Rect(frame.x, frame.top - height, frame.w, height)


def _fill_frame(frame: Rect, queue: deque, items: list[Item], full_height: float) -> None:
    y = frame.top
    first = True
    while queue:
        block = queue[0]
        gap = 0.0 if first else block.space_before
        avail = y - gap - frame.y
        _, h = block.flowable.wrap(frame.w, avail)
        if h <= avail + EPS and _next_fits(queue, frame, avail - h):
            items.extend(_place(block, block.flowable, frame.x, y - gap - h, frame.w, h))
            y -= gap + h
            queue.popleft()
            first = False
            continue
        if not block.keep_with_next and not isinstance(block.flowable, Group):
            parts = _split(block.flowable, frame.w, avail)
            if len(parts) >= 2:
                _, h0 = parts[0].wrap(frame.w, avail)
                items.extend(_place(block, parts[0], frame.x, y - gap - h0, frame.w, h0))
                queue[0] = block._replace(flowable=_join(parts[1:]), space_before=0.0)
                return
        if first and frame.h >= full_height - EPS:
            raise _too_big(block, frame, h)
        return


def _split(para: Flowable, width: float, avail: float) -> list[Flowable]:
    """The paragraph split to fill avail; if its first part would end in a word broken
    across the column or page, a split up to EARLIER_LINES lines earlier that does not
    (widow and orphan control permitting), else the first split."""
    parts = para.split(width, avail)
    if len(parts) < 2 or not _ends_in_a_broken_word(parts[0], width, avail):
        return parts
    _, height = parts[0].wrap(width, avail)  # (widow control may already have split early)
    for _ in range(EARLIER_LINES):
        room = height - para.style.leading + EPS
        earlier = para.split(width, room)
        if len(earlier) < 2:
            break
        if not _ends_in_a_broken_word(earlier[0], width, room):
            return earlier
        _, height = earlier[0].wrap(width, room)
    return parts


def _ends_in_a_broken_word(para: Flowable, width: float, avail: float) -> bool:
    """Whether the paragraph's last line ends in a hyphen (a word goes on below)."""
    para.wrap(width, avail)
    lines = getattr(getattr(para, "blPara", None), "lines", None)
    if not lines:
        return False
    last = lines[-1]
    words = last[1] if isinstance(last, tuple) else [getattr(w, "text", "") for w in last.words]
    return "".join(words).rstrip().endswith(("-", "\u00ad", "\u2010"))


def _next_fits(queue: deque, frame: Rect, avail: float) -> bool:
    """For a keep-with-next block: can at least the start of the next block follow it?"""
    if not queue[0].keep_with_next or len(queue) < 2:
        return True
    nxt = queue[1]
    avail -= nxt.space_before
    if avail <= 0:
        return False
    _, h = nxt.flowable.wrap(frame.w, avail)
    if h <= avail + EPS:
        return _next_fits(deque(list(queue)[1:]), frame, avail - h) if nxt.keep_with_next else True
    return not isinstance(nxt.flowable, Group) and len(nxt.flowable.split(frame.w, avail)) >= 2


def _place(block: Block, flowable: Flowable, x: float, y: float, w: float, h: float) -> list[Item]:
    if isinstance(flowable, Group):
        return flowable.placed(x, y)
    check_width(flowable, block.field)
    return [Text(x, y, w, h, flowable, block.field, block.role)]


def check_width(para: Flowable, field: str) -> None:
    """Raise if a wrapped paragraph has a line wider than its box (a too-long word),
    naming the word."""
    lines = getattr(getattr(para, "blPara", None), "lines", [])
    for line in lines:
        extra = line[0] if isinstance(line, tuple) else getattr(line, "extraSpace", 0)
        if extra < -0.5:
            word = _longest_word(line)
            raise BrochureError([_too_wide(_address_of(word, para) or word, -extra, field)])


def _longest_word(line) -> str:
    words = line[1] if isinstance(line, tuple) else [getattr(w, "text", "") for w in line.words]
    return max(" ".join(words).split(), key=len, default="")


def _address_of(word: str, para: Flowable) -> str | None:
    """The printed web address this word is (part of), if any."""
    part = word.strip("()[].,;:")
    plain = html.unescape(re.sub(r"<[^>]*>", " ", str(getattr(para, "text", "") or "")))
    for token in plain.split():
        address = token.strip("()[].,;:")
        if part and part in address and (SCHEMELESS_ADDRESS.match(address)
                                         or HOST.match(address)):
            return address
    return None


def _too_wide(word: str, by: float, field: str) -> Issue:
    address = word.strip("()[].,;:")
    if SCHEMELESS_ADDRESS.match(address) or HOST.match(address):
        instead = ("" if field.startswith("links") else
                   ", or list it under links:, where it gets a QR code")
        return Issue(f"the printed address {address} is {by / MM:.0f} mm wider than its "
                     f"column — link to a shorter address (a short link, or the site's home "
                     f"page){instead}", field=field)
    shown = word if len(word) <= SHOWN_WORD else word[:SHOWN_WORD - 1] + "…"
    return Issue(f"'{shown}' is {by / MM:.0f} mm wider than its column and would be cut — "
                 "break it up (add spaces or hyphens) or shorten it", field=field)


def _join(parts: list[Flowable]) -> Flowable:
    if len(parts) == 1:
        return parts[0]
    raise AssertionError("a paragraph split into more than two parts")


def _too_big(block: Block, frame: Rect, h: float) -> BrochureError:
    advice = ("shorten it (a quote or a link is kept in one piece)"
              if isinstance(block.flowable, Group) else "shorten it or split it into paragraphs")
    return BrochureError([Issue(
        f"this text is too long to fit on a page ({h / MM:.0f} mm tall, a column holds "
        f"{frame.h / MM:.0f} mm) — {advice}", field=block.field)])
