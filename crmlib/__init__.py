"""crmlib: the computations, figures and widgets of the course *Customer Relationship
Management (客户关系管理) in Python*.

Each concept has its own small module, named after it, so that a chapter's code is one step away:

========================  ===================================================
module                    what it holds
========================  ===================================================
``crmlib.loyalty``        loyalty types, Dick & Basu, the loyalty ladder,
                          loyalty index, Jones & Sasser, loyalty programmes
``crmlib.churn``          the cost of a lost customer (the Mrs Smith case)
``crmlib.index``          weighted indicator hierarchies and min-max scaling
``crmlib.data``           the course's data sets
``crmlib.checks``         self-checks for the exercise notebooks
``crmlib.plotting``       the course's figure style
========================  ===================================================

Submodules are imported on first use, so ``import crmlib`` stays fast; matplotlib and
ipywidgets are imported only when a figure or widget is first asked for.

>>> import crmlib
>>> rng = crmlib.seed(7)
>>> round(float(rng.random()), 4)
0.6251
"""
from __future__ import annotations

import importlib
import importlib.util
from typing import Any

from ._seed import DEFAULT_SEED, seed

__version__ = "0.1.0"
__all__ = ["seed", "DEFAULT_SEED", "__version__"]

def _submodules() -> set[str]:
    import pkgutil
    return {m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")}


def __getattr__(name: str) -> Any:  # PEP 562: lazy submodules keep `import crmlib` cheap
    if not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}") is not None:
        module = importlib.import_module(f"{__name__}.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'crmlib' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(__all__) | _submodules())
