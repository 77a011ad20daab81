"""crmlib: the computations, figures and widgets of the course *Customer Relationship
Management (客户关系管理) in Python*.

Each concept has its own small module, named after it, so that a chapter's code is one step away:

========================  ===========================================================
module                    what it holds (chapter)
========================  ===========================================================
``crmlib.history``        stages of marketing thought, marketing mixes, relationship
                          marketing (1)
``crmlib.relationship``   relationship levels and Kotler's grid, life cycle, 611 plan,
                          personality types, retention strategies (2, 8)
``crmlib.kano``           Kano evaluation table, classification, Better/Worse (3)
``crmlib.value``          value *to the customer*: Kotler's delivered value, Gale's
                          customer value analysis and value map (3)
``crmlib.satisfaction``   disconfirmation, CSD index, Cronbach's alpha, IPA, index
                          models (4)
``crmlib.loyalty``        loyalty types, Dick & Basu, loyalty ladder, loyalty index,
                          Jones & Sasser, loyalty programmes (5)
``crmlib.churn``          the cost of a lost customer: the Mrs Smith case (5)
``crmlib.ahp``            AHP priorities, consistency, composition, repair (6)
``crmlib.weighting``      entropy weights, efficacy coefficient, dimensionless methods (6)
``crmlib.customer_value`` value *to the firm*: current and potential value, value
                          matrix (6)
``crmlib.rfm``            RFM scores and segments (6)
``crmlib.servqual``       the SERVQUAL instrument, gap scores and charts (7)
``crmlib.complaints``     complaint iceberg, complaint-log analysis (7)
``crmlib.service``        service characteristics, quality, service levels (7)
``crmlib.clv``            customer lifetime value, retention gains, leaky bucket (8)
``crmlib.crmdb``          the CRM data process on SQLite (9)
``crmlib.index``          weighted indicator hierarchies and min-max scaling (shared)
``crmlib.data``           the course's data sets
``crmlib.checks``         self-checks for the exercise notebooks
``crmlib.plotting``       the course's figure style
``crmlib.widgets``        the sliders-and-figure panel every chapter's widget uses
========================  ===========================================================

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
