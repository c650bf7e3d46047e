"""Typography that follows the content's language: quotation marks and French spacing,
checked in the text of built PDFs."""

import re

import pytest

from brochure.build import BuildOptions, build, prepare
from brochure.errors import BrochureError
from brochure.layout.items import Text
from brochure.text.markup import plain_text, quote_marks, quoted, typeset
from tests.pdfread import page_texts

CONTENT = """language: {language}
title: Partnering for a healthier future
stats:
  - {{value: "12", label: partner sites, icon: building}}
intro:
  - 'Why now ? Because "together" we go further ; see the plan: 10:30 at example.org/?a=1 today'
quote:
  text: Science moves faster when we work "side by side" !
  name: A. Person
compliance:
  veeva_id: GB-12345
  date_of_preparation: 2025-09
"""


def built_text(tmp_path, language: str, edition: str) -> str:
    content = tmp_path / "content.yaml"
    content.write_text(CONTENT.format(language=language))
    out = tmp_path / "m.pdf"
    result = build(content, BuildOptions(output=out, editions=(edition,)))
    return " ".join(page_texts(result.editions[0].path)[0].replace("\u00a0", " ").split())


def laid_out_text(tmp_path, language: str) -> str:
    content = tmp_path / "content.yaml"
    content.write_text(CONTENT.format(language=language))
    return laid_out_text_of(prepare(content, BuildOptions(output=tmp_path / "m.pdf")))


def laid_out_text_of(prepared) -> str:
    document = prepared.document
    markup = "\n".join(i.para.text for p in document.pages for i in p.items
                       if isinstance(i, Text) and i.para is not None)
    return re.sub("<[^>]+>", "", markup)  # tags such as <nobr> that tie the last words


@pytest.mark.parametrize("edition", ["print", "digital"])
def test_french_text_gets_guillemets(tmp_path, edition):
    text = built_text(tmp_path, "fr-FR", edition)
    assert "Why now ? Because « together » we go further ; see" in text
    assert "« Science moves faster" in text


def test_french_spaces_before_punctuation_do_not_break(tmp_path):
    text = laid_out_text(tmp_path, "fr-FR")
    assert "Why now\u00a0? Because «\u00a0together\u00a0» we go further\u00a0; see" in text
    assert "the plan: 10:30 at example.org/?a=1" in text  # no space was typed: none added
    assert "«\u00a0Science moves faster" in text
    assert "\u201cside by\u00a0side\u201d\u00a0!\u00a0»" in text  # quotes in a quote


def test_german_and_english_quotation_marks(tmp_path):
    assert "„together“" in built_text(tmp_path, "de-DE", "print")
    assert "„Science moves faster when we work ‚side by side‘ !“" in built_text(
        tmp_path, "de-DE", "print")
    english = built_text(tmp_path, "en-GB", "print")
    assert "\u201ctogether\u201d" in english and "Why now ? Because" in english


def test_quote_marks_by_tag_then_base_language():
    assert quote_marks("de-CH")[:2] == "«»" and quote_marks("de-AT")[:2] == "„“"
    assert quote_marks("pt-PT")[:2] == "«»" and quote_marks("pt-BR")[:2] == "\u201c\u201d"
    assert quote_marks("xx")[:2] == "\u201c\u201d"
    assert quoted("oui", "fr") == "«\u00a0oui\u00a0»" and quoted("yes", "en") == "\u201cyes\u201d"


def test_french_spacing_rules():
    assert typeset("Vraiment ?!", "fr") == "Vraiment\u00a0?!"
    assert typeset("« mot »", "fr") == "«\u00a0mot\u00a0»"
    assert typeset("«mot»", "fr") == "«\u00a0mot\u00a0»"
    assert typeset("Titre : suite", "fr") == "Titre\u00a0: suite"
    assert typeset("Titre : suite", "en") == "Titre : suite"
    assert plain_text('Il dit "oui"', "fr-CA") == "Il dit «\u00a0oui\u00a0»"


def field_of(item) -> str:
    return getattr(item, "field", "")


def line_texts(para) -> list[str]:
    """The text of each line of a wrapped ReportLab paragraph."""
    return [" ".join(line[1]) if isinstance(line, tuple) else
            "".join(getattr(w, "text", "") for w in line.words).strip()
            for line in para.blPara.lines]


def stat_label_document(tmp_path, language: str, label: str, edition: str = "print"):
    content = tmp_path / "content.yaml"
    four_stats = "stats:\n" + "".join(
        f'  - {{{{value: "{n}", label: {label if n == 1 else "sites"}, icon: building}}}}\n'
        for n in range(1, 5))
    text = CONTENT.replace("stats:\n  - {{value: \"12\", label: partner sites, icon: building}}\n",
                           four_stats)
    content.write_text(text.format(language=language) + "format: DL\n")
    options = BuildOptions(output=tmp_path / "m.pdf", editions=(edition,))
    return prepare(content, options).document


@pytest.mark.parametrize("edition", ["print", "digital"])
def test_a_compound_too_wide_for_its_stat_column_is_hyphenated(tmp_path, edition):
    label = "führende Universitätskrankenhausverbundzentren"
    document = stat_label_document(tmp_path, "de-DE", label, edition)
    text = next(i for i in document.pages[0].items if field_of(i) == "stats[0].label")
    lines = line_texts(text.para)
    assert any(line.endswith("-") for line in lines), lines
    assert all(w <= text.w + 0.5 for w in (text.para.getActualLineWidths0()))


def test_stat_labels_that_fit_keep_whole_words(tmp_path):
    label = "Partnerstandorte in ganz Europa und darüber hinaus"
    document = stat_label_document(tmp_path, "de-DE", label)
    text = next(i for i in document.pages[0].items if field_of(i) == "stats[0].label")
    lines = line_texts(text.para)
    assert len(lines) > 1 and not any(line.endswith("-") for line in lines), lines


def test_without_a_dictionary_a_too_wide_word_is_still_refused_by_name(tmp_path):
    with pytest.raises(BrochureError) as caught:
        stat_label_document(tmp_path, "fi-FI", "Yliopistosairaalaverkostokeskukset")
    assert "Yliopistosairaalaverkostokeskukset" in str(caught.value)


def test_quotes_inside_the_pull_quote_take_the_inner_marks_double_or_single():
    assert plain_text("it's 'the loop' and \"it\" works", "en", inner=True) == (
        "it’s ‘the loop’ and ‘it’ works")
    assert plain_text("'the loop' and \"it\"", "de", inner=True) == "‚the loop‘ and ‚it‘"


def test_a_french_address_followed_by_tied_punctuation_still_breaks_after_a_slash(tmp_path):
    content = tmp_path / "content.yaml"
    intro = ("Inscrivez-vous sur innovatecambridge.com/about/our-advisory-council/members ! "
             "Merci pour votre aide et tout le reste du travail accompli ensemble.")
    content.write_text(CONTENT.format(language="fr-FR").replace(
        "  - 'Why now", f"  - '{intro}'\n  - 'Why now") + "format: DL\n")
    text = laid_out_text_of(prepare(content, BuildOptions(output=tmp_path / "m.pdf")))
    assert "members\u00a0! Merci" in text


def test_the_french_footer_spaces_the_veeva_id_colon(tmp_path):
    assert "Veeva ID\u00a0: GB-12345" in laid_out_text(tmp_path, "fr-FR")
    assert "Veeva ID: GB-12345" in laid_out_text(tmp_path, "en-GB")


def test_text_prints_as_typed_apart_from_quotes_and_dashes():
    """Markdown's 'replacements' would print criteria (c) as ©: they are off."""
    assert plain_text("criteria (a), (b) and (c); (r) (tm) +- Yes!!!! ---") == (
        "criteria (a), (b) and (c); (r) (tm) +- Yes!!!! ---")


def test_a_separator_dot_never_starts_a_line(tmp_path):
    content = tmp_path / "content.yaml"
    content.write_text(CONTENT.format(language="de-DE") + "event: {name: Partnering Forum, "
                       "date: 3. Dezember 2025, venue: Berlin}\n")
    text = laid_out_text_of(prepare(content, BuildOptions(output=tmp_path / "m.pdf")))
    assert "Forum\u00a0\u00b7 3. Dezember 2025\u00a0\u00b7" in text


def test_figures_are_tied_to_their_units_in_other_languages_too():
    assert typeset("4,8 Millionen £", "de") == "4,8\u00a0Millionen £"
    assert typeset("78 milliards de livres", "fr") == "78\u00a0milliards de livres"
    assert typeset("4,8 Mio. €", "de") == "4,8\u00a0Mio. €"


def test_the_pdf_title_and_bookmarks_read_as_printed(tmp_path):
    import pikepdf
    content = tmp_path / "content.yaml"
    content.write_text(CONTENT.format(language="fr-FR").replace(
        "title: Partnering for a healthier future", "title: 'R&D : le \"grand\" projet'"))
    result = build(content, BuildOptions(output=tmp_path / "m.pdf"))
    for edition in result.editions:
        with pikepdf.open(edition.path) as pdf:
            assert str(pdf.docinfo["/Title"]) == "R&D : le « grand » projet"  # as printed
            titles = [str(o.title) for o in pdf.open_outline().root]
            assert all("&amp;" not in t for t in titles), titles
