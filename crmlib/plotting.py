"""The course's figure style: large type readable from the back of a classroom, English labels
(so figures render on machines without CJK fonts), one colour per meaning.

matplotlib is imported here, and this module is imported only by the figure functions of the
concept modules, so ``import crmlib`` does not pay for it.

>>> from crmlib import plotting
>>> fig, ax = plotting.new_figure()
>>> ax.get_figure() is fig
True
>>> plotting.close(fig)
"""
from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt

__all__ = ["COLORS", "STYLE", "new_figure", "close", "figure_output", "plt"]

#: Colours with a meaning that stays the same across chapters.
COLORS = {
    "good": "#1b9e77",     # loyal, satisfied, gains
    "bad": "#d95f02",      # lost, dissatisfied, losses
    "neutral": "#7570b3",  # everything else
    "accent": "#e7298a",
    "muted": "#999999",
    "total": "#333333",
}

#: rcParams applied to every course figure.
STYLE: dict[str, Any] = {
    "figure.figsize": (8, 5),
    "figure.dpi": 100,
    "font.size": 12,
    "axes.titlesize": 15,
    "axes.titleweight": "bold",
    "axes.labelsize": 13,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "legend.frameon": False,
    "savefig.bbox": "tight",
}


def new_figure(nrows: int = 1, ncols: int = 1, **kwargs: Any):
    """A figure and axes in the course style (``plt.subplots`` arguments pass through).

    >>> fig, axes = new_figure(1, 2, figsize=(10, 4))
    >>> len(axes)
    2
    >>> close(fig)
    """
    plt.rcParams.update(STYLE)  # re-applied each time: a notebook may have changed rcParams
    return plt.subplots(nrows, ncols, **kwargs)


def close(fig) -> None:
    """Close a figure (tests and scripts call this so figures do not pile up)."""
    plt.close(fig)


def figure_output(fig, label: str = "figure") -> dict[str, Any]:
    """A figure as a notebook ``display_data`` output (PNG), so a widget can show it in its Output
    area and close the figure at once (no figures pile up, and it works without a live kernel).

    >>> fig, ax = new_figure()
    >>> out = figure_output(fig, "demo")
    >>> out["data"]["text/plain"], out["output_type"]
    ('<Figure: demo>', 'display_data')
    >>> close(fig)
    """
    import base64
    import io

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return {"output_type": "display_data", "metadata": {},
            "data": {"image/png": base64.b64encode(buffer.getvalue()).decode("ascii"),
                     "text/plain": f"<Figure: {label}>"}}
