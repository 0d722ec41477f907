"""The event layers of the map: Folium groups filled in the browser by ``maps/static/kclmap.js``.

The feeder element carries everything it needs (kclmap.js/css, Leaflet.markercluster), so
``groups, feeder = event_layers(events)`` works on anyone's own ``folium.Map``.
"""

from __future__ import annotations

from importlib import resources
from typing import TYPE_CHECKING, Any

import folium
from branca.element import Element, Figure, MacroElement
from folium.elements import JSCSSMixin
from folium.plugins import MarkerCluster
from folium.template import Template

from maps.event_data import derived_codes, event_columns, grid_counts, safe_json
from maps.style import EVENT_GROUPS, TYPE_COLOURS

if TYPE_CHECKING:
    import geopandas as gpd

__all__ = ["GRID_CELLS_DEG", "LARGE", "EventFeeder", "RawHtml", "event_layers", "static_asset"]

GRID_CELLS_DEG = (0.2, 0.05)  # count grids for large tables: low zooms, then zoom 8+
LARGE = 10_000  # more drawable events than this: grid counts until zoomed in (as kclmap.js)


def static_asset(name: str) -> str:
    """The text of a file in ``maps/static``."""
    return resources.files("maps").joinpath("static", name).read_text(encoding="utf-8")


class RawHtml(Element):
    """Markup put in the page as it is: no Jinja template is compiled from (large) text."""

    def __init__(self, text: str) -> None:
        super().__init__("")
        self.text = text

    def render(self, **kwargs: Any) -> str:
        """The markup itself."""
        return self.text


class EventFeeder(JSCSSMixin, MacroElement):
    """Feeds the events to ``KclmapEvents`` and fills the layer-control groups.

    The events travel as a JSON script element (parsed once, far faster than a JS literal);
    for a large table a small grid of counts is painted first, then the events are parsed.
    """

    default_js = list(MarkerCluster.default_js)  # noqa: RUF012
    default_css = list(MarkerCluster.default_css)  # noqa: RUF012
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
          var map = {{ this._parent.get_name() }};
          var groups = {
            {%- for key, fg in this.groups %}
            {{ key|tojson }}: {{ fg.get_name() }},
            {%- endfor %}
          };
          function json(id) { return JSON.parse(document.getElementById(id).textContent); }
          var grids = json({{ (this.data_id ~ "-grid")|tojson }});
          var start = function () {
            var ev = new KclmapEvents(map, json({{ this.data_id|tojson }}), groups,
              {colours: {{ this.colours }}, grids: grids, byDataset: {{ this.by_dataset }}});
            window.kclmapEvents = ev;
            ev.draw(null);
            ev.addControls({{ this.slider }});
            if (window.kclmapAddSearch && {{ this.search_id|tojson }}) {
              kclmapAddSearch(map, json({{ this.search_id|tojson }}), ev);
            }
          };
          if (grids.length) {
            // Paint the counts now; read a million events after the first frame.
            var first = new KclmapEvents(map, {n: 0, num: {lat: [], lon: []},
              cat: {}, code: {drawn_as: []}}, {}, {grids: grids});
            first.drawFirstGrid();
            window.kclmapFirstGrid = first;
            setTimeout(function () { first.gridLayer.remove(); start(); }, 30);
          } else {
            start();
          }
        })();
        {% endmacro %}
        """
    )

    def __init__(
        self,
        data: dict[str, Any],
        grids: list[dict[str, Any]],
        groups: list[tuple[str, folium.FeatureGroup]],
        *,
        slider: bool = True,
        by_dataset: bool = False,
    ) -> None:
        super().__init__()
        self._name = "KclmapEvents"
        self.data = safe_json(data)
        self.grids = safe_json(grids)
        self.search_id = ""
        self.search: Any = None  # the map's search index element, when it has one
        self.groups = groups
        self.colours = safe_json(TYPE_COLOURS)
        self.slider = "true" if slider else "false"
        self.by_dataset = "true" if by_dataset else "false"
        self.listed = 0  # events only listed (region-wide, unplaced), set by event_layers
        self.undated = 0

    @property
    def data_id(self) -> str:
        """Id of the JSON data elements: from the element's own id, so renders are stable."""
        return f"kclmap-data-{self._id}"

    def render(self, **kwargs: Any) -> str:
        """Put the data, kclmap.js and kclmap.css in the page, then render the script."""
        # The search index's id comes from its name (renumbered by stable_ids), like data_id.
        if self.search is not None:
            self.search_id = self.search.element_id
        root = self.get_root()
        if isinstance(root, Figure):
            root.html.add_child(
                RawHtml(
                    f'<script type="application/json" id="{self.data_id}-grid">{self.grids}'
                    f'</script><script type="application/json" id="{self.data_id}">'
                    f"{self.data}</script>"
                ),
                name=self.data_id,
            )
            root.header.add_child(
                RawHtml(f"<style>{static_asset('kclmap.css')}</style>"), name="kclmap_css"
            )
            root.header.add_child(
                RawHtml(f"<script>{static_asset('kclmap.js')}</script>"), name="kclmap_js"
            )
        return super().render(**kwargs)


def _datasets(events: gpd.GeoDataFrame) -> list[str]:
    if "dataset" not in events.columns:
        return []
    values = events["dataset"].astype("string").fillna("kclmap").str.strip().replace("", "kclmap")
    found = sorted(set(values.tolist()))
    return found if len(found) > 1 else []  # one source: the plain type layers


def event_layers(
    events: gpd.GeoDataFrame, *, slider: bool = True
) -> tuple[list[folium.FeatureGroup], EventFeeder]:
    """One FeatureGroup per event layer (Attacks, Operations...) and the element that fills them.

    Add the groups and then the element to your own ``folium.Map``. When the table has a
    ``dataset`` column naming more than one source (kclmap, acled, ucdp...), there is one group
    per dataset and type layer, titled ``"<dataset> | <layer>"``. A table of more than ``LARGE`` (10,000) drawable events is drawn as
    grid counts until the user zooms in to a district.
    """
    datasets = _datasets(events)
    keys = (
        [f"{d} | {title}" for d in datasets for title in EVENT_GROUPS]
        if datasets
        else list(EVENT_GROUPS)
    )
    groups = [(key, folium.FeatureGroup(name=key, show=True)) for key in keys]
    derived = derived_codes(events)
    data = event_columns(events, derived=derived)
    drawn_as = derived["drawn_as"]
    drawable = int((drawn_as < 2).sum())
    grids = (
        [grid_counts(events, cell, drawn_as=drawn_as) for cell in GRID_CELLS_DEG]
        if drawable > LARGE
        else []
    )
    feeder = EventFeeder(data, grids, groups, slider=slider, by_dataset=bool(datasets))
    feeder.listed = int((drawn_as == 2).sum())
    feeder.undated = (
        int(events["event_date"].isna().sum()) if "event_date" in events else len(events)
    )
    return [fg for _, fg in groups], feeder
