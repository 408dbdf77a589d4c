"""Text extents measured once per process, not once per figure.

matplotlib caches the extent of a string per renderer *instance*, and every figure (and every
`savefig`) gets a new renderer, so each chart re-measured every tick label, legend entry, lane name
and header line that the chart before it had measured: a third of the time of writing an SVG.
An extent depends only on the kind of renderer, the string, the font, whether it is math and
the dpi, so this cache is keyed on exactly those. `tests/test_charts.py` checks that a chart's
SVG is byte-identical with and without it.
"""

from __future__ import annotations

from matplotlib import text as mtext
from matplotlib.backends.backend_mixed import MixedModeRenderer

_MEASURED: dict[tuple, tuple[float, float, float]] = {}
_LIMIT = 20_000  # entries; far more than the distinct strings of a whole build
_matplotlib_measure = mtext._get_text_metrics_with_cache


def text_metrics(renderer, text: str, fontprop, ismath, dpi: float) -> tuple[float, float, float]:
    """(width, height, descent) of `text`, as `renderer` measures it, from the process-wide cache."""
    font = fontprop.copy()  # FontProperties is mutable and hashes its current state
    # savefig wraps a vector renderer in a MixedModeRenderer: the kind is the renderer inside.
    kind = type(renderer._renderer) if isinstance(renderer, MixedModeRenderer) else type(renderer)
    key = (kind, text, font, ismath, dpi)
    found = _MEASURED.get(key)
    if found is None:
        if len(_MEASURED) >= _LIMIT:
            _MEASURED.clear()
        found = _MEASURED[key] = renderer.get_text_width_height_descent(text, font, ismath=ismath)
    return found


def install() -> None:
    """Make matplotlib's text layout use the process-wide cache (idempotent)."""
    mtext._get_text_metrics_with_cache = text_metrics


def uninstall() -> None:
    """Restore matplotlib's own per-renderer cache (for the test that compares the two)."""
    mtext._get_text_metrics_with_cache = _matplotlib_measure
    _MEASURED.clear()
