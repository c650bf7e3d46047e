#!/usr/bin/env python3
"""Build the brochure: `python make_pdf.py [content.yaml] [-o OUT.pdf]` (see --help)."""

import sys

from brochure.cli import main

if __name__ == "__main__":
    sys.exit(main(checks_ahead=True))
