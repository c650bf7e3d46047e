"""Layout: turns a Brochure and a Theme into pages of positioned items (pure geometry)."""
