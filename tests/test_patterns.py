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


def test_a_stand_in_copies_and_pickles_as_its_pattern():
    import copy
    import pickle

    lazy = LazyPattern("[a-z]+", re.I)
    assert copy.copy(lazy).match("Abc") and copy.deepcopy(lazy).match("Abc")
    assert pickle.loads(pickle.dumps(lazy)).match("Abc").group() == "Abc"


def test_threads_importing_deferred_modules_leave_re_compile_as_it_was(monkeypatch):
    import threading
    import types

    from brochure import patterns

    started = threading.Barrier(2)

    class Slow:  # a module body that waits for the other thread's to start
        def create_module(self, spec):
            return None

        def exec_module(self, module):
            started.wait(timeout=10)
            module.pattern = re.compile("([\u2e80-\uffff])")

    for name in ("fake_one", "fake_two"):
        monkeypatch.setitem(patterns.DEFERRED, name, (("([\u2e80", LazyPattern),))
    loaders = [patterns._DeferringLoader(Slow(), patterns.DEFERRED[name])
               for name in ("fake_one", "fake_two")]
    modules = [types.ModuleType(name) for name in ("fake_one", "fake_two")]
    threads = [threading.Thread(target=loader.exec_module, args=(module,))
               for loader, module in zip(loaders, modules, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert re.compile is patterns._compile
    assert all(isinstance(module.pattern, LazyPattern) for module in modules)
    assert not isinstance(re.compile("([\u2e80-\uffff])"), LazyPattern)
