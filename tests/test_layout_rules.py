"""Layout rules, checked on the geometry (no PDF written): flow, keep-with-next, overflow."""

import pytest

from brochure.build import BuildOptions
from brochure.build import prepare as prepare_build
from brochure.errors import BrochureError
from brochure.layout.flow import _ends_in_a_broken_word, _split
from brochure.layout.items import Rule, Text
from brochure.text.markup import to_markup
from brochure.text.paragraph import paragraph
from brochure.text.styles import Styles
from brochure.theme.fonts import register_fonts
from brochure.theme.load import load_theme
from tests.conftest import SEED_CONTENT


def prepare(project, edit):
    content = project / "content.yaml"
    content.write_text(edit(content.read_text()))
    return prepare_build(content, BuildOptions(output=project / "out.pdf"))


def long_content(text):
    extra = "".join(f"    - title: Extra initiative {n}\n      body:\n"
                    + "        - " + "Words that fill the column nicely. " * 40 + "\n"
                    for n in range(8))
    anchor = "    - title: Innovate Cambridge"
    return text.replace(anchor, extra + anchor)


def test_long_content_paginates_and_no_heading_ends_a_column(project):
    document = prepare(project, long_content).document
    assert len(document.pages) >= 3
    for page in document.pages:
        texts = [i for i in page.items if isinstance(i, Text) and i.role != "Footer"]
        columns = {}
        for t in texts:
            columns.setdefault(round(t.x), []).append(t)
        for items in columns.values():
            lowest = min(items, key=lambda t: t.y)
            assert lowest.role not in ("H2", "H3"), f"{lowest.field} ends a column"


def test_nothing_overlaps_in_a_column(project):
    document = prepare(project, long_content).document
    for page in document.pages:
        texts = sorted((i for i in page.items if isinstance(i, Text)), key=lambda t: -t.y)
        for a in texts:
            for b in texts:
                if a is b or abs(a.x - b.x) > 1:
                    continue
                assert a.y >= b.y + b.h - 0.01 or b.y >= a.y + a.h - 0.01, (a.field, b.field)


def test_quote_is_never_split_from_its_attribution(project):
    document = prepare(project, long_content).document
    pages = [{t.field for t in p.items if isinstance(t, Text)} for p in document.pages]
    holding = [n for n, fields in enumerate(pages) if "quote.text" in fields]
    assert len(holding) == 1 and {"quote.name", "quote.role"} <= pages[holding[0]]
    rules = [i for p in document.pages for i in p.items if isinstance(i, Rule)]
    assert rules


@pytest.mark.parametrize("edit, field", [
    (lambda t: t.replace("label: universities", "label: " + "very long label " * 40),
     "stats[0].label"),
    (lambda t: t.replace("AstraZeneca is helping", "x" * 120 + " AstraZeneca is helping"),
     "initiatives.items[1].body[2]"),
    (lambda t: t.replace("title: Promoting innovation across the cluster",
                         "title: " + "Promoting innovation " * 12), "title"),
])
def test_text_that_cannot_fit_is_reported_with_its_field(project, edit, field):
    with pytest.raises(BrochureError) as caught:
        prepare(project, edit)
    issue = caught.value.issues[0]
    assert issue.field == field
    assert issue.line > 0 and issue.file.endswith("content.yaml")


def test_markup_like_text_prints_literally(project):
    document = prepare(project, lambda t: t.replace(
        "science parks", '"<b>science</b> & parks <font color=red>x</font>"')).document
    label = next(i for i in document.pages[0].items if isinstance(i, Text)
                 and i.field == "stats[2].label")
    assert "&lt;b&gt;science&lt;/b&gt; &amp; parks &lt;font" in label.para.text


def test_a_glyph_the_font_lacks_is_reported(project):
    with pytest.raises(BrochureError) as caught:
        prepare(project, lambda t: t.replace("science parks", "science parks \u4e2d"))
    issue = caught.value.issues[0]
    assert "U+4E2D" in issue.message and issue.field == "stats[2].label"


def test_inline_markdown_emphasis_and_links_per_edition():
    from brochure.text.markup import to_markup

    source = "Read **this** and *that* at [our site](https://www.example.org/about/)."
    assert to_markup(source, tie_last_words=False) == (
        "Read <b>this</b> and <i>that</i> at our site (example.org/about).")
    assert '<a href="https://www.example.org/about/">our site</a>' in to_markup(
        source, live_links=True)


def test_typography_dashes_units_and_last_word():
    from brochure.text.markup import to_markup, typeset

    assert typeset("together - and with others — across") == (
        "together\u00a0\u2013 and with others\u00a0\u2014 across")
    assert typeset("backed by £4.8 million") == "backed by £4.8\u00a0million"
    assert to_markup("boost growth for everyone").endswith("for\u00a0<nobr>everyone</nobr>")
    assert to_markup("UK-wide innovation partnerships.").endswith(
        " <nobr>partnerships.</nobr>")


def _figures(document) -> list[Text]:
    return [i for i in document.pages[0].items if isinstance(i, Text) and i.role == "StatValue"]


def test_a_wide_figure_sets_every_figure_smaller_on_one_line(project):
    """'£4.8 million' keeps its unit and is too wide at the theme's 28 pt: all four figures
    are set smaller together, and each stays on one line inside its column."""
    plain = _figures(prepare(project, lambda t: t).document)
    wider = prepare(project, lambda t: t.replace('value: "600"', 'value: "£4.8 million"'))
    wide = _figures(wider.document)
    sizes = {f.para.style.fontSize for f in wide}
    assert len(sizes) == 1 and 0.7 * 28 <= sizes.pop() < 28
    assert {f.para.style.fontSize for f in plain} == {28}
    for figure in wide:
        assert len(figure.para.blPara.lines) == 1
        assert figure.para.minWidth() <= figure.w


def test_a_figure_too_wide_even_when_smaller_is_refused(project):
    (project / "theme.yaml").write_text(
        "name: big\ntype:\n  stat_value: {size: 60, leading: 60, weight: bold}\n")
    content = project / "content.yaml"
    content.write_text(content.read_text().replace('value: "600"', 'value: "£4.8 million"'))
    with pytest.raises(BrochureError) as caught:
        prepare_build(content, BuildOptions(output=project / "o.pdf",
                                            theme=project / "theme.yaml"))
    (issue,) = caught.value.issues
    assert issue.field == "stats[3].value" and "even set at 70%" in issue.message
    assert "shorten it" in issue.message and issue.line == 31


@pytest.mark.parametrize("page_format", ["A4", "A5", "DL", "Letter"])
def test_no_column_or_page_ends_in_a_broken_word(page_format):
    """A word hyphenated across a column or page break is hard to read: the split moves a
    line earlier instead."""
    document = prepare_build(SEED_CONTENT, BuildOptions(output=SEED_CONTENT,
                                                        page_format=page_format)).document
    for number, page in enumerate(document.pages, 1):
        columns: dict[int, list[Text]] = {}
        for item in page.items:
            if isinstance(item, Text) and item.role not in ("Footer", "Artifact"):
                columns.setdefault(round(item.x), []).append(item)
        for items in columns.values():
            lowest = min(items, key=lambda t: t.y)
            last = lowest.para.blPara.lines[-1]
            words = last[1] if isinstance(last, tuple) else [w.text for w in last.words]
            assert not "".join(words).rstrip().endswith("-"), (page_format, number,
                                                                lowest.field)


def test_figures_with_nothing_visible_are_left_alone(project):
    """A figure that measures nothing (a zero-width space) needs no smaller setting."""
    def one_invisible_figure(text: str) -> str:
        start, end = text.index("stats:"), text.index("intro:")
        stat = '  - {value: "\\u200b", label: x, icon: hospital, alt: x}\n\n'
        return text[:start] + "stats:\n" + stat + text[end:]

    (figure,) = _figures(prepare(project, one_invisible_figure).document)
    assert figure.para.style.fontSize == 28


@pytest.mark.parametrize("width", [120, 150, 180, 245])
def test_a_split_ends_in_a_broken_word_only_when_it_cannot_end_earlier(width):
    """Whatever room is left, the first part of a split paragraph ends in a hyphen only
    if no split up to three lines earlier avoids it (widow and orphan control may forbid
    them)."""
    styles = Styles(load_theme(None, "A4"), register_fonts(load_theme(None, "A4").fonts),
                    "en-GB")
    text = ("Launched in 2022, Innovate Cambridge is a locally-driven initiative to develop a "
            "compelling and inclusive vision and strategy for the region. Its purpose is to "
            "ensure that Cambridge remains the leading innovation ecosystem in Europe, "
            "championing the UK on the global stage and driving growth and tangible benefits.")
    para = paragraph(to_markup(text), styles("body"))
    leading = para.style.leading
    for lines in range(2, 12):
        parts = _split(para, width, lines * leading + 1)
        if len(parts) < 2:
            continue
        _, first = parts[0].wrap(width, lines * leading + 1)
        if _ends_in_a_broken_word(parts[0], width, first):
            for earlier in range(1, 4):
                room = first - earlier * leading + 0.01
                split = para.split(width, room)
                assert len(split) < 2 or _ends_in_a_broken_word(split[0], width, room), (
                    width, lines, earlier)


def test_a_long_printed_address_breaks_after_a_slash(project):
    """Print follows a link with its address; a long one wraps after a slash, as ReportLab
    wraps addresses with a scheme, instead of overflowing its column."""
    link = ("  - See [the council](https://www.innovatecambridge.com/about/"
            "our-advisory-council-and-its-members-2025).\n")
    document = prepare(project, lambda t: t.replace("intro:\n", "intro:\n" + link)).document
    (first,) = [i for i in document.pages[0].items
                if isinstance(i, Text) and i.field == "intro[0]"]
    lines = ["".join(line[1] if isinstance(line, tuple) else [w.text for w in line.words])
             for line in first.para.blPara.lines]
    assert any(line.rstrip().endswith("innovatecambridge.com/") or
               line.rstrip().endswith("about/") for line in lines), lines


def test_unquoted_figures_print_as_typed(project):
    """YAML reads 0600 as octal 384, 24:7 as base-60 1447 and 1.50 as 1.5: text fields keep
    what was typed."""
    def edit(text):
        text = text.replace('value: "2"', "value: 0600").replace('value: "3"', "value: 24:7")
        return text.replace('value: "30+"', "value: 1.50")
    figures = [f.para.text for f in _figures(prepare(project, edit).document)]
    assert figures[:3] == ["0600", "24:7", "1.50"], figures


def test_a_quote_too_long_for_a_page_is_not_told_to_split_into_paragraphs(project):
    long_quote = "Words that go on and on. " * 200
    with pytest.raises(BrochureError) as caught:
        prepare(project, lambda t: t.replace(
            "text: Both partners have", f"text: {long_quote} Both partners have"))
    message = str(caught.value)
    assert "quote" in message and "kept in one piece" in message, message
