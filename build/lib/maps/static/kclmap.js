/* kclmap event layers: clustered points, precision circles, popups, time slider.
   Every value from an article is inserted with textContent or escapeHtml: never as markup. */
(function (global) {
  "use strict";
  function escapeHtml(value) {
    if (value === null || value === undefined) return "";
    return String(value).replace(/[&<>"'`=\/]/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;",
              "`": "&#96;", "=": "&#61;", "/": "&#47;"}[c];
    });
  }
  function safeUrl(url) {
    if (!url) return null;
    var u = String(url).trim();
    return /^https?:\/\//i.test(u) ? u : null;
  }
  function popupHtml(p) {
    var rows = [
      ["Date", p.event_date ? p.event_date + " (" + p.date_precision + ")" : "unknown"],
      ["Type", p.type + (p.type === "operation" ? (p.joint ? " — joint" : " — unilateral") : "") +
        (p.aggregate ? " — aggregate of " + (p.count || "several") : "") +
        (p.background ? " — background" : "")],
      ["Actors", [p.actor1, p.actor2].filter(Boolean).join(" vs ") +
        (p.assoc_actors ? " (with " + p.assoc_actors + ")" : "")],
      ["Fatalities", p.fatalities === null ? "not stated" : p.fatalities],
      ["Place", (p.place || p.place_query || "unresolved") +
        (p.precision_km ? " (±" + p.precision_km + " km)" : "")],
      ["Source", p.source]
    ];
    var html = '<div class="kclmap-popup"><h4>' + escapeHtml(p.type) + "</h4><table>";
    rows.forEach(function (r) {
      html += "<tr><td>" + escapeHtml(r[0]) + "</td><td>" + escapeHtml(r[1]) + "</td></tr>";
    });
    html += "</table>";
    var url = safeUrl(p.url);
    if (url) html += '<a href="' + escapeHtml(url) + '" target="_blank" rel="noopener noreferrer">source article</a>';
    if (p.quote) html += "<blockquote>" + escapeHtml(p.quote) + "</blockquote>";
    return html + "</div>";
  }
  function KclmapEvents(map, data, groups, options) {
    this.map = map;
    this.data = data;          // {columns: [...], rows: [[...], ...]}
    this.groups = groups;      // group key -> L.FeatureGroup (in the layer control)
    this.colours = options.colours;
    this.drawn = 0;
    var cols = {};
    data.columns.forEach(function (c, i) { cols[c] = i; });
    this.cols = cols;
    this.clusters = {};
    this.circles = {};
    var self = this;
    Object.keys(groups).forEach(function (key) {
      self.clusters[key] = L.markerClusterGroup({chunkedLoading: true, showCoverageOnHover: false,
                                                 maxClusterRadius: 40});
      self.circles[key] = L.featureGroup();
      // One click handler per group builds the popup on demand: no closure per event.
      [self.clusters[key], self.circles[key]].forEach(function (g) {
        g.on("click", function (e) { self.openPopup(e.layer); });
      });
      groups[key].addLayer(self.clusters[key]);
      groups[key].addLayer(self.circles[key]);
    });
    this.dates = data.rows.map(function (r) { return r[cols.event_date] || ""; });
  }
  KclmapEvents.prototype.props = function (row) {
    var p = {};
    var cols = this.cols;
    Object.keys(cols).forEach(function (c) { p[c] = row[cols[c]]; });
    return p;
  };
  KclmapEvents.prototype.openPopup = function (layer) {
    var latlng = layer.getLatLng();
    return L.popup({maxWidth: 340}).setLatLng(latlng)
      .setContent(popupHtml(this.props(layer.kclmapRow))).openOn(this.map);
  };
  KclmapEvents.prototype.draw = function (upTo) {
    var self = this, cols = this.cols, perGroup = {};
    Object.keys(this.groups).forEach(function (k) {
      self.clusters[k].clearLayers(); self.circles[k].clearLayers(); perGroup[k] = [];
    });
    var drawn = 0;
    this.data.rows.forEach(function (row) {
      var lat = row[cols.lat], lon = row[cols.lon];
      if (lat === null || lon === null) return;
      var date = row[cols.event_date];
      if (upTo && date && date > upTo) return;
      var key = row[cols.group];
      if (!(key in self.groups)) return;
      var colour = self.colours[row[cols.style]] || "#636363";
      var layer;
      if (row[cols.area]) {
        layer = L.circle([lat, lon], {radius: row[cols.precision_km] * 1000, color: colour,
          weight: 1.5, dashArray: "4 4", fillColor: colour,
          fillOpacity: row[cols.precision_km] > 100 ? 0 : 0.06});
        self.circles[key].addLayer(layer);
      } else {
        layer = L.circleMarker([lat, lon], {radius: 7, color: "#222", weight: 1,
          fillColor: colour, fillOpacity: 0.9});
        perGroup[key].push(layer);
      }
      layer.kclmapRow = row;
      drawn += 1;
    });
    Object.keys(perGroup).forEach(function (k) { self.clusters[k].addLayers(perGroup[k]); });
    this.drawn = drawn;
    global.kclmapDrawn = drawn;
    return drawn;
  };
  KclmapEvents.prototype.addTimeSlider = function () {
    var dates = this.dates.filter(Boolean).sort();
    if (dates.length < 2) return;
    var unique = dates.filter(function (d, i) { return i === 0 || d !== dates[i - 1]; });
    var self = this;
    var Control = L.Control.extend({
      options: {position: "bottomleft"},
      onAdd: function () {
        var div = L.DomUtil.create("div", "kclmap-time");
        var label = L.DomUtil.create("label", "", div);
        label.textContent = "Events up to: ";
        var out = L.DomUtil.create("strong", "", div);
        out.textContent = unique[unique.length - 1];
        var input = L.DomUtil.create("input", "", div);
        input.type = "range"; input.min = 0; input.max = unique.length - 1;
        input.value = unique.length - 1; input.step = 1;
        input.setAttribute("aria-label", "Show events up to this date");
        L.DomEvent.disableClickPropagation(div);
        input.addEventListener("input", function () {
          var d = unique[Number(input.value)];
          out.textContent = d;
          self.draw(d);
        });
        return div;
      }
    });
    this.map.addControl(new Control());
  };
  global.KclmapEvents = KclmapEvents;
  global.kclmapEscapeHtml = escapeHtml;
})(window);
