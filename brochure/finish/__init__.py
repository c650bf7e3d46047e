"""Print finishing: page boxes, crop marks, and (later) output intent and metadata."""
