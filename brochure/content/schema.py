"""The JSON Schema of content.yaml, generated from the model (for editors' autocomplete).

Regenerate with `python -m brochure.content.schema > content.schema.json`; a test fails
when the committed file is stale.
"""

from __future__ import annotations

import json

from brochure.content.model import Brochure

SCHEMA_ID = "https://brochure.invalid/content.schema.json"


def schema_text() -> str:
    schema = Brochure.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "Brochure content"
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    print(schema_text(), end="")
