"""Generated files are committed and current."""

import json

import jsonschema
import yaml

from brochure.content.schema import schema_text
from tests.conftest import ROOT, SEED_CONTENT


def test_committed_schema_is_current():
    committed = (ROOT / "content.schema.json").read_text()
    assert committed == schema_text(), (
        "content.schema.json is stale: run `python -m brochure.content.schema > "
        "content.schema.json`")


def test_seed_content_is_valid_against_the_schema_and_points_editors_at_it():
    text = SEED_CONTENT.read_text()
    assert text.startswith("# yaml-language-server: $schema=./content.schema.json")
    jsonschema.validate(yaml.safe_load(text), json.loads(schema_text()))


def test_schema_rejects_a_misspelt_key():
    data = yaml.safe_load(SEED_CONTENT.read_text())
    data["taglne"] = data.pop("tagline")
    errors = list(jsonschema.Draft202012Validator(json.loads(schema_text())).iter_errors(data))
    assert any("taglne" in e.message for e in errors)
