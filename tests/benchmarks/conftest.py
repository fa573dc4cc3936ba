"""Make the ``benchmarks`` package importable when pytest is run as a script.

``python -m pytest`` puts the project root on ``sys.path``; the ``pytest`` script does not.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = str(Path(__file__).resolve().parents[2])
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)
