"""The one chart style: colours named by meaning (Okabe–Ito, colour-blind safe), markers, sizes."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

from dataclasses import dataclass  # noqa: E402

from matplotlib import rcParams  # noqa: E402

# Fills and markers. Okabe & Ito's palette stays distinct for the common colour-vision deficiencies.
COLOURS = {
    "russia": "#D55E00",       # vermillion
    "ukraine": "#E69F00",      # orange
    "us": "#0072B2",           # blue
    "nato_eu": "#009E73",      # bluish green
    "independent": "#CC79A7",  # reddish purple
    "neutral": "#595959",      # dark grey
    "highlight": "#56B4E9",    # sky blue, for bands and scheduled contacts
    "ink": "#1A1A1A",          # text
    "muted": "#595959",        # secondary text (7:1 on white)
    "grid": "#E6E6E6",
}

GROUP_COLOUR = {
    "us_government": "us",
    "ukraine_government": "ukraine",
    "nato_eu": "nato_eu",
    "russia": "russia",
    "independent": "independent",
}

# A marker per group, so the chart reads in greyscale too.
GROUP_MARKER = {"us_government": "o", "ukraine_government": "s", "nato_eu": "^", "russia": "D", "independent": "v"}
FORMAT_MARKER = {"phone": "o", "video": "s", "in_person": "^"}
LEVEL_HATCH = {"leaders": "", "ministers": "//", "senior_officials": "..", "multilateral": "xx"}
LEVEL_COLOUR = {"leaders": "#1A1A1A", "ministers": "#0072B2", "senior_officials": "#56B4E9", "multilateral": "#E69F00"}

DPI = 110


@dataclass(frozen=True)
class Layout:
    """One drawing of a chart for a range of screen widths.

    Sizes are in points, and one point of the SVG's viewBox is drawn as at least one CSS pixel on
    the screens the layout serves (its `width` is never wider than the page's column there), so
    no text smaller than `text` points ever renders under 11 CSS pixels.
    """

    name: str
    width: float              # inches; 72 points each
    plot_height: float        # inches of plotting area per panel
    text: float = 11.5        # the smallest text: ticks, legend, labels, source line
    subtitle: float = 12.0
    title: float = 14.5
    wrap: int = 110           # characters per line for the title, subtitle and source line
    max_ticks: int = 9
    legend_columns: int = 6


WIDE = Layout("wide", width=10.0, plot_height=3.6)            # 720 pt: a 736–800 px column
NARROW = Layout("narrow", width=4.8, plot_height=3.2, wrap=44, max_ticks=4, legend_columns=2)  # 346 pt: a phone
LAYOUTS = (WIDE, NARROW)
FONT_FAMILY = "DejaVu Sans"
FONT_STACK = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif"  # matplotlib measures text in DejaVu Sans


def _channel(value: float) -> float:
    value /= 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    """Relative luminance (WCAG 2) of '#RRGGBB'."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(foreground: str, background: str = "#FFFFFF") -> float:
    """WCAG contrast ratio between two colours."""
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def text_colour(hex_colour: str, minimum: float = 4.5) -> str:
    """The colour darkened just enough to be readable as text on white (contrast ≥ minimum)."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    factor = 1.0
    while True:
        candidate = "#{:02X}{:02X}{:02X}".format(int(r * factor), int(g * factor), int(b * factor))
        if contrast(candidate) >= minimum or factor <= 0:
            return candidate
        factor -= 0.02


def group_colour(group: str) -> str:
    return COLOURS[GROUP_COLOUR[str(group)]]


def group_text_colour(group: str) -> str:
    return text_colour(group_colour(group))


def apply() -> None:
    """Set the project's rcParams: fonts, sizes, spines, and reproducible SVG output."""
    rcParams.update({
        "font.family": FONT_FAMILY,
        "font.size": 10,
        "axes.titlesize": 13,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.labelsize": 10,
        "axes.labelcolor": COLOURS["ink"],
        "axes.edgecolor": COLOURS["muted"],
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "axes.grid.axis": "y",
        "grid.color": COLOURS["grid"],
        "grid.linewidth": 0.8,
        "xtick.color": COLOURS["ink"],
        "ytick.color": COLOURS["ink"],
        "xtick.labelsize": WIDE.text,  # every layout's tick labels are its smallest text (charts.py sets
        "ytick.labelsize": WIDE.text,  # them per axes only for a layout whose text size differs)
        "text.color": COLOURS["ink"],
        "figure.dpi": DPI,
        "savefig.dpi": DPI,
        "svg.fonttype": "none",
        "svg.hashsalt": "buildup-brief",
        "path.simplify": True,
    })
