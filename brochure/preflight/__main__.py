"""`python -m brochure.preflight FILE.pdf`: see cli.py."""

import sys

from brochure.preflight.cli import main

sys.exit(main())
