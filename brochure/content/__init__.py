"""Reading content.yaml: YAML with positions, the typed model, validation, JSON Schema."""
