"""Printed web addresses that may break after a slash, as addresses with a scheme do.

Paper cannot be clicked, so the print edition follows a link's label with its address as
people type it: "innovatecambridge.com/about/our-advisory-council", without "https://".
ReportLab breaks a word that is too wide for its line only if it is a web address with a
scheme, after one of its slashes. `install()` lets it do the same for an address without
one (a host name ending in a domain such as .com, then a slash), so that a long address
wraps instead of overflowing its column. Other words break as before.
"""

from __future__ import annotations

import re

from reportlab.platypus import paragraph as _rl_paragraph

# a host whose last label is letters only (a domain ending), then a slash: "0.5mg/kg/day",
# "v1.2/v1.3" and "e.g./i.e." are not addresses
# (French tied punctuation may follow: "site.fr/page\u00a0!", which ReportLab sees as
# "site.fr/page\u00a0" and "!")
SCHEMELESS_ADDRESS = re.compile(
    r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}/\S*(?:\u00a0[;:!?\u00bb]*)?\Z", re.I)
HOST = re.compile(r"[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}\Z", re.I)

_plain_uri_split_pairs = _rl_paragraph._uri_split_pairs  # ReportLab's own


def _address_split_pairs(word):
    """ReportLab's (head, tail) places to break a web address, longest head first; for an
    address without a scheme, after each of its slashes."""
    pairs = _plain_uri_split_pairs(word)
    if pairs is None and isinstance(word, str) and SCHEMELESS_ADDRESS.match(word):
        pairs = list(_rl_paragraph._slash_parts(word, "", "/"))
        pairs.reverse()
    return pairs


def install() -> None:
    """Let ReportLab break printed addresses after a slash (idempotent)."""
    _rl_paragraph._uri_split_pairs = _address_split_pairs
