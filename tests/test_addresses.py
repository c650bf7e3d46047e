"""Printed web addresses may break after a slash; other words with slashes do not."""

import pytest

from brochure.text import addresses


@pytest.mark.parametrize("word", ["innovatecambridge.com/about/council", "cam.ac.uk/research",
                                  "example.org/a"])
def test_an_address_without_a_scheme_may_break_after_its_slashes(word):
    pairs = addresses._address_split_pairs(word)
    assert pairs and all(head.endswith("/") and head + tail == word for head, tail in pairs)


@pytest.mark.parametrize("word", ["0.5mg/kg/day", "v1.2/v1.3", "e.g./i.e.", "and/or", "24/7",
                                  "km/h", "1.5/2", "innovatecambridge.com"])
def test_other_words_with_slashes_are_left_to_reportlab(word):
    assert addresses._address_split_pairs(word) is None


def test_an_address_with_a_scheme_is_reportlabs_own():
    assert addresses._address_split_pairs("https://example.org/a/b") == \
        addresses._plain_uri_split_pairs("https://example.org/a/b")
