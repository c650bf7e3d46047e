"""Draw: painters for already-positioned items; no decisions about where things go."""
