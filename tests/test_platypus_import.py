"""ReportLab's web-address pattern is compiled on need, with the same answers."""

import re

import reportlab.platypus.paragraph as rl_paragraph

from brochure.text.platypus import LazyUriPattern

WORDS = ["hyphenation", "https://example.com/a/long/path", "ftp://192.168.0.1:8080/x",
         "www.example.com", "mailto:someone@example.com", "http://localhost/", "a://b",
         "http://xn--bcher-kva.example/", "https://exämple.de/päth?q=1#top", "://", ""]


def test_reportlab_paragraph_holds_the_lazy_pattern():
    assert isinstance(rl_paragraph.uri_pat, LazyUriPattern)


def test_lazy_pattern_answers_as_the_compiled_one():
    lazy = rl_paragraph.uri_pat
    real = re.compile(lazy.pattern, lazy.flags)
    for word in WORDS:
        got, want = lazy.match(word), real.match(word)
        assert (got and got.groups()) == (want and want.groups()), word
    assert rl_paragraph._uri_split_pairs("https://example.com/a/b") is not None
