"""The course's interactive panels: sliders above, text and a figure below, redrawn whenever a
slider moves. Every chapter's widget is built from these two functions, so they all behave the
same in class: nothing moves until the slider is released, and the figure is redrawn whole.

The panel writes PNG outputs straight into its Output area, so it works with or without a
running kernel (tests set ``panel.sliders[name].value`` and read ``panel.output.outputs``), and
figures are closed at once instead of piling up in the notebook. ipywidgets is imported here,
and this module only when a widget is built, so ``import crmlib`` stays light.

>>> def render(values):
...     return f"double: {2 * values['x']}", None
>>> box = panel({"x": slider("x", 3, 0, 10)}, render)
>>> box.output.outputs[0]["text"]
'double: 6\\n'
>>> box.sliders["x"].value = 5
>>> box.output.outputs[0]["text"]
'double: 10\\n'
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import ipywidgets as widgets

from . import plotting

__all__ = ["slider", "panel"]

Render = Callable[[dict[str, Any]], tuple[str, Any]]


def slider(name: str, value: float, low: float, high: float, step: float = 1,
           integer: bool | None = None, description: str | None = None, **options: Any):
    """A slider in the course style: updates on release, its range stretched to hold ``value``,
    integer when the step and value are whole (unless ``integer`` says otherwise).

    >>> s = slider("years", 10, 1, 5)
    >>> type(s).__name__, s.max
    ('IntSlider', 10)
    """
    whole = integer if integer is not None else (float(step).is_integer()
                                                 and float(value).is_integer())
    make = widgets.IntSlider if whole else widgets.FloatSlider
    return make(value=value, min=min(low, value), max=max(high, value), step=step,
                description=description or name, continuous_update=False,
                style={"description_width": "initial"}, **options)


def panel(sliders: Mapping[str, Any], render: Render, label: str = "figure",
          horizontal: bool = False):
    """A panel of ``sliders`` over an output area showing ``render(values)``.

    ``render`` receives ``{name: slider value}`` and returns ``(text, figure)``; either may be
    empty/None (a message without a figure, e.g. when all weights are zero). The returned VBox
    has ``.sliders`` and ``.output`` for tests and for teachers who want to set a value in code.
    """
    output = widgets.Output()

    def redraw(_change: Any = None) -> None:
        text, fig = render({name: s.value for name, s in sliders.items()})
        outputs = []
        if text:
            outputs.append({"output_type": "stream", "name": "stdout",
                            "text": text if text.endswith("\n") else text + "\n"})
        if fig is not None:
            outputs.append(plotting.figure_output(fig, label))
            plotting.close(fig)
        output.outputs = tuple(outputs)

    for s in sliders.values():
        s.observe(redraw, names="value")
    redraw()  # draw once so the panel is never empty
    row = widgets.HBox if horizontal else widgets.VBox
    box = widgets.VBox([row(list(sliders.values())), output])
    box.sliders, box.output = dict(sliders), output
    return box
