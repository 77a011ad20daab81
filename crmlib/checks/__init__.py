"""Self-checks for the exercise notebooks.

An exercise cell ends with ``checks.check("<exercise id>", answer)``. The student sees one line:
"not answered yet" while the answer is still ``...``, a hint when it is wrong (of the wrong type,
too high, a known mistake), confirmation when it is right. A check never raises, whatever it is
given. Expected answers are computed by crmlib when the check runs, so exercise notebooks never
contain their solutions.

Each chapter registers its exercises in a module named after the chapter's concept
(``crmlib/checks/loyalty.py`` for chapter 5).

>>> from crmlib import checks
>>> checks.check("loyalty.mrs_smith_10", ...)
⏳ Not answered yet: replace the ... with your answer and run the cell again.
>>> checks.evaluate("loyalty.mrs_smith_10", "lots").status
'wrong'
"""
from __future__ import annotations

import importlib as _importlib
import pkgutil as _pkgutil

from ._core import NOT_ANSWERED, REGISTRY, Feedback, check, evaluate

# Every public module in this package registers one chapter's exercises when imported.
for _module in _pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_"):
        _importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["check", "evaluate", "Feedback", "REGISTRY", "NOT_ANSWERED"]
