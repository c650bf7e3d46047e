"""A dictionary that keeps only its most recently used entries (the caches between builds)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class Recent(OrderedDict):
    """At most `size` entries; the least recently used one goes first."""

    def __init__(self, size: int = 128):  # (a default, so that copy and pickle work)
        super().__init__()
        self.size = size

    def get_or_make(self, key: Hashable, make: Callable[[], Any]) -> Any:
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = self[key] = make()
        if len(self) > self.size:
            self.popitem(last=False)
        return value
