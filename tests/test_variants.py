"""Variants: YAML and CSV files, a parallel batch, and refusals that name the variant."""

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from brochure.batch import (
    build_variant,
    grouped_warnings,
    options_dict,
    run_batch,
    summary_rows,
)
from brochure.build import BuildOptions, edition_path
from brochure.cli import main
from brochure.content.validate import load_located
from brochure.errors import BrochureError
from brochure.variants import apply, load_variants
from tests.conftest import SEED_CONTENT
from tests.pdfread import normalise, page_texts

IDS = {"london": "GB-68354", "manchester": "GB-68355", "berlin": "DE-20417"}
EVENTS = {"london": "London Forum", "manchester": "Manchester Day", "berlin": "Berlin Partnering"}

YAML = """\
variants:
  - name: london
    compliance.veeva_id: GB-68354
    event: {name: London Forum, venue: London}
  - name: manchester
    format: A5
    compliance: {veeva_id: GB-68355}
    event.name: Manchester Day
  - name: berlin
    format: DL
    language: de-DE
    compliance.veeva_id: DE-20417
    event.name: Berlin Partnering
"""

CSV = """\
name,compliance.veeva_id,format,language,event.name,event.venue
london,GB-68354,,,London Forum,London
manchester,GB-68355,A5,,Manchester Day,
berlin,DE-20417,DL,de-DE,Berlin Partnering,
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


@pytest.mark.parametrize("name, text", [("variants.yaml", YAML), ("variants.csv", CSV)])
def test_batch_builds_a_print_and_digital_pair_per_variant(tmp_path, name, text):
    progress = []
    outcomes = run_batch(SEED_CONTENT, write(tmp_path, name, text), tmp_path / "out",
                         BuildOptions(output=tmp_path / "unused.pdf"), jobs=2,
                         on_done=lambda o, done, total: progress.append((o.name, done, total)))
    assert [o.name for o in outcomes] == list(IDS)
    assert all(o.ok for o in outcomes), [o.errors for o in outcomes]
    assert sorted(done for _, done, _ in progress) == [1, 2, 3]
    for variant, veeva_id in IDS.items():
        for edition in ("print", "digital"):
            pdf = edition_path(tmp_path / "out" / f"{variant}.pdf", edition)
            text = normalise("".join(page_texts(pdf)))
            assert normalise(veeva_id) in text and normalise(EVENTS[variant]) in text, pdf
    assert [row[:2] for row in summary_rows(outcomes)] == [(v, "ok") for v in IDS]
    groups = dict(grouped_warnings(outcomes))  # the seed's stand-in photo, in every variant
    (photo,) = [text for text in groups if "stand-in photo" in text]
    assert groups[photo] == list(IDS) and "variant '" not in photo
    assert {row[5] for row in summary_rows(outcomes)} >= {"2 warnings"}


def test_variants_parse_paths_nesting_and_empty_cells(tmp_path):
    yaml_variants = load_variants(write(tmp_path, "v.yaml", YAML))
    csv_variants = load_variants(write(tmp_path, "v.csv", CSV))
    for from_yaml, from_csv in zip(yaml_variants, csv_variants, strict=True):
        assert from_yaml.name == from_csv.name
        assert from_yaml.overrides == from_csv.overrides  # empty cells: no override
    assert csv_variants[1].line == 3 and yaml_variants[1].line == 5
    located = apply(load_located(SEED_CONTENT), yaml_variants[0])
    assert located.data["event"] == {"name": "London Forum", "venue": "London"}
    assert located.file == str(SEED_CONTENT)


def test_stat_index_override_and_index_past_the_end(tmp_path):
    base = load_located(SEED_CONTENT)
    ok, bad = load_variants(write(tmp_path, "v.yaml", """\
- {name: a, compliance.veeva_id: GB-11111, stats.0.value: "7"}
- {name: b, compliance.veeva_id: GB-22222, stats.9.value: "7"}
"""))
    assert apply(base, ok).data["stats"][0]["value"] == "7"
    assert base.data["stats"][0]["value"] == "2"  # the base is not changed
    with pytest.raises(BrochureError) as exc:
        apply(base, bad)
    (issue,) = exc.value.issues
    assert issue.line == 2 and "variant 'b'" in issue.message and "no item 9" in issue.message


@pytest.mark.parametrize("name, text, lines", [
    ("v.yaml", "- {name: a, compliance.veeva_id: GB-1234}\n- {name: b}\n"
               "- {name: c, compliance: {veeva_id: GB-1234}}\n", ("line 1", 3)),
    ("v.csv", "name,compliance.veeva_id\na,GB-1234\nb,GB-9999\nc,GB-1234\n", ("line 2", 4)),
])
def test_a_shared_veeva_id_is_refused_naming_both_lines(tmp_path, name, text, lines):
    with pytest.raises(BrochureError) as exc:
        load_variants(write(tmp_path, name, text))
    (issue,) = exc.value.issues
    first, second = lines
    assert "GB-1234" in issue.message and first in issue.message and issue.line == second


def test_batch_refuses_shared_ids_before_building(tmp_path):
    variants = write(tmp_path, "v.yaml", "- {name: a, event.name: A}\n- {name: b}\n")
    with pytest.raises(BrochureError, match="GB-68353"):  # both inherit the base's ID
        run_batch(SEED_CONTENT, variants, tmp_path / "out", BuildOptions(output=tmp_path))
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("row, how", [
    ("berlin,,Berlin Day", "sets no Veeva ID, so it would print the base content's"),
    ("berlin,GB-68353,Berlin Day", "uses the base content's Veeva ID"),
])
def test_a_variant_may_not_print_the_base_contents_veeva_id(tmp_path, capsys, row, how):
    """The base brochure is approved material under its own ID; a variant is other
    material, even alone in its file."""
    variants = write(tmp_path, "v.csv", f"name,compliance.veeva_id,event.name\n{row}\n")
    with pytest.raises(BrochureError) as exc:
        run_batch(SEED_CONTENT, variants, tmp_path / "out", BuildOptions(output=tmp_path))
    (issue,) = exc.value.issues
    assert how in issue.message and "'GB-68353'" in issue.message
    assert (issue.file, issue.line, issue.field) == (str(variants), 2, "compliance.veeva_id")
    assert main([str(SEED_CONTENT), "--variants", str(variants), "--check"]) == 2
    assert how in capsys.readouterr().err


@pytest.mark.parametrize("text, message", [
    ("- {compliance.veeva_id: GB-1111}\n", "has no name"),
    ("- {name: a, compliance.veeva_id: GB-1}\n- {name: a, compliance.veeva_id: GB-2}\n",
     "also used on line 1"),
    ("- {name: London 2025}\n", "e.g. 'london-2025'"),
    ("- {name: Zürich Süd, compliance.veeva_id: CH-10001}\n", "e.g. 'zurich-sud'"),
    ("- {name: a, compliance.veeva_id: GB-1}\n- {name: a-digital, compliance.veeva_id: GB-2}\n",
     "digital edition of variant 'a'"),
    ("name: a\n", "a list of variants"),
])
def test_bad_yaml_variants_files(tmp_path, text, message):
    with pytest.raises(BrochureError, match=message):
        load_variants(write(tmp_path, "v.yaml", text))


@pytest.mark.parametrize("text, message, line", [
    ('name,event.name\na,"London\n', "cannot be read as CSV", 2),
    ("name,event.name\na,London,extra\n", "3 cells", 2),
    ("name,event.name,\na,London,stray\n", "column 3 has values but no name", 1),
    ("name,event.name,compliance.veeva_idd\na,London,\n", "did you mean 'compliance.veeva_id'", 1),
    ("event.name\nLondon\n", "no 'name' column", 1),
    ("", "empty", 1),
])
def test_bad_csv_variants_files(tmp_path, text, message, line):
    with pytest.raises(BrochureError) as exc:
        load_variants(write(tmp_path, "v.csv", text))
    assert any(message in i.message and i.line == line for i in exc.value.issues), \
        exc.value.issues


def test_one_broken_variant_fails_alone(tmp_path):
    variants = write(tmp_path, "v.csv", "name,compliance.veeva_id,format\n"
                                        "good,GB-10001,\nbig,GB-10002,A3\nsmall,GB-10003,A5\n")
    outcomes = run_batch(SEED_CONTENT, variants, tmp_path / "out",
                         BuildOptions(output=tmp_path, editions=("print",)), jobs=2)
    assert [o.ok for o in outcomes] == [True, False, True]
    (error,) = outcomes[1].errors
    assert f"{variants}:3:" in error and "variant 'big'" in error and "'A3'" in error
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.pdf", "small.pdf"]


def test_unknown_override_path_gets_the_usual_message_naming_the_variant(tmp_path):
    variants = write(tmp_path, "v.yaml", "- name: typo\n  compliance.veeva_idd: GB-10001\n")
    (variant,) = load_variants(variants)
    outcome = build_variant(SEED_CONTENT.read_text(), str(SEED_CONTENT), variant,
                            str(tmp_path / "out"), options_dict(BuildOptions(output=tmp_path)))
    assert not outcome.ok and not outcome.paths
    (error,) = outcome.errors
    assert error.startswith(f"{variants}:2:3  compliance.veeva_idd  variant 'typo': ")
    assert "unknown key 'veeva_idd' — did you mean 'veeva_id'?" in error


def test_a_control_character_from_a_spreadsheet_is_named(tmp_path):
    """CSV cells skip the YAML reader's checks; the model refuses invisible characters too
    (they would make the XMP metadata unreadable)."""
    variants = write(tmp_path, "v.csv", "name,compliance.veeva_id,event.name\n"
                                        "odd,GB-10001,Bio\x0bEurope\n")
    (variant,) = load_variants(variants)
    outcome = build_variant(SEED_CONTENT.read_text(), str(SEED_CONTENT), variant,
                            str(tmp_path / "out"), options_dict(BuildOptions(output=tmp_path)))
    assert not outcome.ok
    (error,) = outcome.errors
    assert "event.name" in error and "U+000B" in error and f"{variants}:2:" in error


def test_variants_built_in_threads_give_the_bytes_of_a_sequential_build(tmp_path):
    """A cluster engine may call build_variant from threads (Dask's threaded scheduler): the
    builds take turns, because what a process keeps between builds is shared."""
    variants = load_variants(write(tmp_path, "v.yaml", YAML))
    options = options_dict(BuildOptions(output=tmp_path, editions=("print",)))

    def build_all(out: Path, threaded: bool) -> dict[str, bytes]:
        def one(variant) -> None:
            outcome = build_variant(SEED_CONTENT.read_text(), str(SEED_CONTENT), variant,
                                    str(out), options)
            assert outcome.ok, outcome.errors

        if threaded:
            with ThreadPoolExecutor(len(variants)) as pool:
                list(pool.map(one, variants))
        else:
            for variant in variants:
                one(variant)
        return {path.name: path.read_bytes() for path in out.glob("*.pdf")}

    threaded = build_all(tmp_path / "threads", threaded=True)
    assert len(threaded) == 3
    assert threaded == build_all(tmp_path / "one-by-one", threaded=False)


def test_a_variant_without_a_veeva_id_over_a_base_without_one_is_named(tmp_path):
    base = tmp_path / "content.yaml"
    base.write_text(SEED_CONTENT.read_text().replace("  veeva_id: GB-68353\n", ""))
    (tmp_path / "assets" / "images").mkdir(parents=True)
    (tmp_path / "assets" / "images" / "hero-standin.jpg").write_bytes(
        (SEED_CONTENT.parent / "assets" / "images" / "hero-standin.jpg").read_bytes())
    variants = write(tmp_path, "v.csv", "name,event.name\nberlin,Berlin Day\n")
    with pytest.raises(BrochureError) as exc:
        run_batch(base, variants, tmp_path / "out", BuildOptions(output=tmp_path))
    (issue,) = exc.value.issues
    assert (issue.file, issue.line) == (str(variants), 2)
    assert "base content has none — set compliance.veeva_id for it" in issue.message


def test_a_csv_saved_in_the_old_excel_encoding_is_told_how_to_save_it(tmp_path):
    variants = tmp_path / "v.csv"
    variants.write_bytes("name,event.name\nmunich,München Forum\n".encode("cp1252"))
    with pytest.raises(BrochureError) as exc:
        load_variants(variants)
    (issue,) = exc.value.issues
    assert issue.line == 2 and "'CSV UTF-8 (Comma delimited)'" in issue.message
