"""Libraries' costly patterns are compiled on first use, and answer as the compiled ones."""

import importlib
import re

import pytest

from brochure.patterns import DEFERRED, LazyPattern, LazyUriPattern

WORDS = ["hyphenation", "https://example.com/a/long/path", "ftp://192.168.0.1:8080/x",
         "www.example.com", "mailto:someone@example.com", "http://localhost/", "a://b",
         "http://xn--bcher-kva.example/", "https://exämple.de/päth?q=1#top", "://", "",
         "漢字かな\u2e80 mixed", "tab\tnewline\n bell\x07 nul\x00 fffe\ufffe"]
HOLDERS = {"reportlab.platypus.paragraph": "uri_pat", "reportlab.lib.textsplit": "rx",
           "yaml.reader": "Reader.NON_PRINTABLE",
           "pikepdf.models.metadata._constants": "re_xml_illegal_chars"}


def _held(module_name: str):
    value = importlib.import_module(module_name)
    for part in HOLDERS[module_name].split("."):
        value = getattr(value, part)
    return value


@pytest.mark.parametrize("module_name", sorted(DEFERRED))
def test_each_listed_pattern_is_deferred_and_answers_as_compiled(module_name):
    lazy = _held(module_name)
    assert isinstance(lazy, LazyPattern), "imported before brochure.patterns.install()?"
    real = re.compile(lazy._source, lazy._flags)
    for word in WORDS:
        got, want = lazy.match(word), real.match(word)
        assert (got and got.span()) == (want and want.span()), word
        assert lazy.search(word) is None or lazy.search(word).span() == real.search(word).span()
        assert lazy.sub("", word) == real.sub("", word)


def test_web_addresses_are_split_for_hyphenation_as_before():
    import reportlab.platypus.paragraph as rl_paragraph

    assert isinstance(rl_paragraph.uri_pat, LazyUriPattern)
    pairs = rl_paragraph._uri_split_pairs("https://example.com/a/b")
    assert pairs and pairs[0] == ("https://example.com/a/", "b")
    assert rl_paragraph._uri_split_pairs("hyphenation") is None
