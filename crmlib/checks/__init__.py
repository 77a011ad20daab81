"""Self-checks for the exercise notebooks.

An exercise's self-check cell calls ``checks.check("<exercise id>", name="<answer variable>")``.
The student sees one line: "not answered yet" while the answer is still ``...`` (or the variable
does not exist yet), a hint when it is wrong (of the wrong type, too high, a known mistake, close
but rounded too hard), confirmation when it is right, "recorded" for a written answer. A check
never raises, whatever it is given; ``checks.score`` is its grading twin (nbgrader). Expected answers are computed by crmlib when the check runs, so exercise notebooks never
contain their solutions.

Each chapter registers its exercises in a module named after the chapter's concept
(``crmlib/checks/loyalty.py`` for chapter 5).

>>> from crmlib import checks
>>> checks.check("loyalty.concepts", name="concept_answers")
⏳ Not answered yet: `concept_answers` does not exist yet. Run the answer cell above (the one that sets `concept_answers`), then run this check again.
>>> checks.evaluate("loyalty.concepts", {1: "z"}).status
'wrong'
"""
from __future__ import annotations

import importlib as _importlib
import pkgutil as _pkgutil

from ._core import NOT_ANSWERED, QUIZZES, REGISTRY, Feedback, aliases, check, evaluate, quiz, score

# Every public module in this package registers one chapter's exercises when imported.
for _module in _pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_"):
        _importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["check", "score", "evaluate", "quiz", "aliases", "Feedback", "REGISTRY", "QUIZZES",
           "NOT_ANSWERED"]
