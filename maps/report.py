"""A self-contained HTML report, and the snippet that embeds the map in another page.

The report holds the map image, the events with their quotes, counts and a monthly chart.
"""

from __future__ import annotations

import base64
import html
import io
from datetime import date
from typing import TYPE_CHECKING, Any

from maps.style import ATTRIBUTION_HTML, TYPE_COLOURS

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd
    from matplotlib.figure import Figure

__all__ = ["monthly_chart", "report_html", "snippet_html"]

_CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1100px;color:#222;padding:0 12px}
h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;font-size:12.5px}
th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f3f3f3}td.q{font-style:italic;max-width:420px}
img{max-width:100%;height:auto;border:1px solid #ccc}
.chip{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px}
footer{margin-top:30px;font-size:11px;color:#555}
"""


def _e(value: Any) -> str:
    import pandas as pd

    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, date):
        return value.isoformat()
    return html.escape(str(value))


def _png_data_uri(fig: Figure, dpi: int = 110) -> str:
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi)
    plt.close(fig)  # drawn: pyplot need not keep it (a long session would hold every figure)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def monthly_chart(by_month: pd.DataFrame) -> Figure:
    """Events per month, stacked by type, on a continuous time axis (empty months show as gaps).

    ``by_month`` has ``month`` (``YYYY-MM``), ``type`` and ``events``; months missing from it
    between the first and the last are drawn as zero, so the time axis never jumps.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt
    import pandas as pd
    from matplotlib.ticker import MaxNLocator

    fig, ax = plt.subplots(figsize=(9, 3.2), layout="constrained")
    months = by_month[by_month["month"].astype(str).str.match(r"^\d{4}-\d{2}$")]
    if len(months):
        table = months.pivot_table(
            index="month", columns="type", values="events", aggfunc="sum", fill_value=0
        )
        periods = pd.PeriodIndex(table.index, freq="M")
        full = pd.period_range(periods.min(), periods.max(), freq="M")
        table.index = periods
        table = table.reindex(full, fill_value=0)
        x = full.to_timestamp(how="start")
        width = 25 if len(full) < 240 else 20
        bottom = None
        for kind in table.columns:
            if not table[kind].any():
                continue
            ax.bar(
                x,
                table[kind].to_numpy(),
                width=width,
                align="edge",
                bottom=bottom,
                label=kind,
                color=TYPE_COLOURS.get(kind, "#636363"),
            )
            values = table[kind].to_numpy()
            bottom = values if bottom is None else bottom + values
        locator = mdates.AutoDateLocator(minticks=4, maxticks=12)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.set_xlim(
            float(mdates.date2num(x[0] - pd.Timedelta(days=15))),
            float(mdates.date2num(x[-1] + pd.Timedelta(days=45))),
        )
        ax.legend(fontsize=8, ncols=4)
        ax.tick_params(axis="x", labelsize=8)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylabel("events")
    ax.set_title("Events per month (statistics and history not included)", fontsize=11)
    return fig


def _table(frame: pd.DataFrame) -> str:
    head = "".join(f"<th>{_e(c)}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{_e(v)}</td>" for v in row) + "</tr>"
        for row in frame.itertuples(index=False)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _apart(tables: dict[str, pd.DataFrame]) -> str:
    """The note on statistics and history listed apart ("" when there are none)."""
    aggregates = len(tables.get("aggregates", ()))
    history = int(tables["background"]["records"].sum()) if "background" in tables else 0
    parts = [
        f"{n} {label}"
        for n, label in ((aggregates, "statistics"), (history, "history records"))
        if n
    ]
    return f", plus {' and '.join(parts)} listed apart" if parts else ""


def _section(title: str, frame: pd.DataFrame | None) -> str:
    if frame is None or not len(frame):
        return ""
    return f"<h2>{html.escape(title)}</h2>{_table(frame)}"


def report_html(
    events: gpd.GeoDataFrame,
    tables: dict[str, pd.DataFrame],
    *,
    map_figure: Figure,
    title: str = "kclmap report",
    map_link: str | None = "map.html",
) -> str:
    """The report as one HTML string: every article-derived value is escaped."""
    from geo.analysis import event_kind

    kind = event_kind(events)
    rows = []
    only_events = events[(kind == "event").to_numpy()]
    for ev in only_events.sort_values("event_date", na_position="last").itertuples(index=False):
        colour = TYPE_COLOURS.get(
            "operation_joint" if ev.type == "operation" and ev.joint is True else str(ev.type),
            "#636363",
        )
        place = ev.place if isinstance(ev.place, str) else (ev.place_query or "unresolved")
        rows.append(
            "<tr>"
            f"<td>{_e(ev.event_date)}<br><small>{_e(ev.date_precision)}</small></td>"
            f'<td><span class="chip" style="background:{colour}"></span>{_e(ev.type)}'
            f"{' (joint)' if ev.joint is True else ''}{' — aggregate' if ev.aggregate is True else ''}"
            f"{' — background' if ev.background is True else ''}</td>"
            f"<td>{_e(place)}<br><small>{_e(ev.admin2)} {_e(ev.admin1)}</small></td>"
            f"<td>{_e(' / '.join(x for x in (ev.actor1, ev.actor2) if isinstance(x, str)))}</td>"
            f"<td>{_e(ev.fatalities)}</td>"
            f'<td class="q">“{_e(ev.quote)}”<br><small>{_e(ev.source)}</small></td>'
            "</tr>"
        )
    events_table = (
        "<table><thead><tr><th>Date</th><th>Type</th><th>Place</th><th>Actors</th>"
        "<th>Fatalities</th><th>Evidence</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )
    by_district = tables["by_district_type_month"]
    counts = (
        by_district.groupby(["admin2", "type"])["events"]
        .sum()
        .unstack(fill_value=0)
        .reset_index()
        .rename(columns={"admin2": "district"})
    )
    chart = monthly_chart(tables["by_month_type"])
    link = (
        f'<p>Interactive map: <a href="{html.escape(map_link)}">{html.escape(map_link)}</a></p>'
        if map_link
        else ""
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>"
        f"<p>{len(only_events)} events from the articles below"
        f"{_apart(tables)}; made by kclmap. Places marked as"
        " areas are uncertain to their radius; the coordination line and gap band are"
        " approximations.</p>"
        f"{link}<img alt='Map of the events' src='{_png_data_uri(map_figure)}'>"
        f"<h2>Events per month</h2><img alt='Events per month' src='{_png_data_uri(chart)}'>"
        f"<h2>Counts by district and type</h2>{_table(counts)}"
        f"<h2>Counts by distance from the line</h2><p>Only events placed within 15 km are put"
        " in a distance band; the others are counted as uncertain.</p>"
        f"{_table(tables['by_distance_band'])}"
        f"<h2>Events and their evidence</h2>{events_table}"
        + _section(
            "Statistics reported in the articles (not counted as events)",
            tables.get("aggregates"),
        )
        + _section(
            "History more than a year before its article (not counted as events)",
            tables.get("background"),
        )
        + f"<footer>{ATTRIBUTION_HTML}</footer></body></html>"
    )


def snippet_html(
    map_file: str = "map.html", *, height: int = 600, title: str = "kclmap events map"
) -> str:
    """An embeddable fragment: a responsive iframe of the map plus the data attribution."""
    return (
        f'<div class="kclmap-embed" style="max-width:100%">\n'
        f'  <iframe src="{html.escape(map_file)}" title="{html.escape(title)}" '
        f'width="100%" height="{int(height)}" style="border:1px solid #ccc" loading="lazy">'
        "</iframe>\n"
        f'  <p style="font:11px system-ui,sans-serif;color:#555">{ATTRIBUTION_HTML}</p>\n'
        "</div>\n"
    )
