"""Allow `python -m bingo`."""

import sys

from bingo.cli import main

sys.exit(main())
