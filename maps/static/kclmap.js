/* kclmap event layers: clustered points, area markers, grid counts at low zoom for large
   tables, popups, time slider, undated and confidence toggles, place search and labels.
   Every value from an article is inserted with textContent or escapeHtml: never as markup. */
(function (global) {
  "use strict";
  var LARGE = 10000;       // more drawable events than this: grid counts until zoomed in
  var VIEW_MAX = 10000;    // at most this many points drawn for one view in large mode
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
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/['’‘`ʿʾ]/g, "").replace(/^(al|el)[- ]/, "").replace(/[-\s]+/g, "").trim();
  }
  function popupHtml(p) {
    var rows = [
      ["Date", p.event_date ? p.event_date + " (" + (p.date_precision || "day") + ")" : "undated"],
      ["Type", p.type + (p.type === "operation" ? (p.joint ? " — joint" : " — unilateral") : "") +
        (p.aggregate ? " — aggregate of " + (p.count || "several") : "") +
        (p.background ? " — background" : "")],
      ["Actors", [p.actor1, p.actor2].filter(Boolean).join(" vs ") +
        (p.assoc_actors ? " (with " + p.assoc_actors + ")" : "")],
      ["Fatalities", p.fatalities === null || p.fatalities === undefined ? "not stated" : p.fatalities],
      ["Place", (p.place || p.place_query || "unresolved") +
        (p.precision_km ? " (±" + p.precision_km + " km)" : "")],
      ["Source", p.source]
    ];
    if (p.dataset) rows.push(["Dataset", p.dataset]);
    if (p.confidence !== null && p.confidence !== undefined) rows.push(["Confidence", p.confidence]);
    var html = '<div class="kclmap-popup"><h4>' + escapeHtml(p.type) + "</h4><table>";
    rows.forEach(function (r) {
      html += "<tr><td>" + escapeHtml(r[0]) + "</td><td>" + escapeHtml(r[1]) + "</td></tr>";
    });
    html += "</table>";
    var url = safeUrl(p.url);
    if (url) html += '<a href="' + escapeHtml(url) + '" target="_blank" rel="noopener noreferrer">source article</a>';
    if (p.quote) html += "<blockquote>" + escapeHtml(p.quote) + "</blockquote>";
    if (p.same_as) {
      // Ids of the same event in other datasets: each opens that event's popup.
      html += '<div class="kclmap-same">Same event in: ' + String(p.same_as).split(/;\s*/)
        .map(function (id) {
          return '<a href="#" data-kclmap-event="' + escapeHtml(id) + '">' + escapeHtml(id) + "</a>";
        }).join(", ") + "</div>";
    }
    return html + "</div>";
  }

  /* data: {n, num: {col: [...]}, cat: {col: [values]}, code: {col: [codes]}} */
  function KclmapEvents(map, data, groups, options) {
    options = options || {};
    // Clustering needs a maximum zoom, which a map without tile layers does not have.
    if (map.options.maxZoom === undefined && map.getMaxZoom() === Infinity) map.options.maxZoom = 18;
    this.map = map;
    this.data = data;
    this.groups = groups;      // group key -> L.FeatureGroup (in the layer control)
    this.colours = options.colours || {};
    this.grids = options.grids || [];
    this.byDataset = !!options.byDataset;
    this.n = data.n;
    this.upTo = null;
    this.showUndated = true;
    this.minConfidence = 0;
    var self = this, n = this.n;
    var scale = data.scale || {};
    Object.keys(scale).forEach(function (c) {
      var a = data.num[c], s = scale[c];
      for (var k = 0; k < a.length; k++) if (a[k] !== null) a[k] = a[k] / s;
    });
    // Coordinates as typed arrays (NaN for none): the view filter loops over all of them.
    this.lat = Float64Array.from(data.num.lat || [], function (v) { return v === null ? NaN : v; });
    this.lon = Float64Array.from(data.num.lon || [], function (v) { return v === null ? NaN : v; });
    var drawnAs = data.code.drawn_as, dates = data.code.event_date;
    this.undated = 0;
    this.listed = [];
    this.drawable = 0;
    for (var i = 0; i < n; i++) {
      if (drawnAs[i] === 2) this.listed.push(i); else this.drawable += 1;
      if (!dates || dates[i] < 0) this.undated += 1;
    }
    this.large = this.drawable > LARGE;
    this.clusters = {};
    Object.keys(groups).forEach(function (key) {
      self.clusters[key] = L.markerClusterGroup({chunkedLoading: true, showCoverageOnHover: false,
        maxClusterRadius: 40, iconCreateFunction: self.clusterIcon});
      // One handler per group builds the popup on demand: no closure per event.
      self.clusters[key].on("click", function (e) { self.openPopup(e.layer); });
      self.clusters[key].on("mouseover", function (e) { self.showRadius(e.layer); });
      self.clusters[key].on("mouseout", function () { self.hideRadius(); });
      groups[key].addLayer(self.clusters[key]);
    });
    this.gridLayer = L.layerGroup();
    if (this.large) {
      map.on("moveend", function () { self.draw(self.upTo); });
      map.on("overlayadd overlayremove", function () { self.draw(self.upTo); });
    }
  }
  KclmapEvents.prototype.clusterIcon = function (cluster) {
    var count = cluster.getChildCount();
    var size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 42 : 48;
    return L.divIcon({html: "<span>" + count + "</span>", className: "kclmap-cluster",
                      iconSize: [size, size]});
  };
  KclmapEvents.prototype.value = function (col, i) {
    var d = this.data;
    if (d.num[col]) return d.num[col][i];
    if (d.code[col]) { var c = d.code[col][i]; return c < 0 ? null : d.cat[col][c]; }
    return null;
  };
  KclmapEvents.prototype.props = function (i) {
    var p = {}, d = this.data, self = this;
    Object.keys(d.num).concat(Object.keys(d.code)).forEach(function (c) { p[c] = self.value(c, i); });
    return p;
  };
  KclmapEvents.prototype.groupKey = function (i) {
    var g = this.value("group", i);
    return this.byDataset ? (this.value("dataset", i) || "kclmap") + " | " + g : g;
  };
  KclmapEvents.prototype.indexOf = function (eventId) {
    if (!this.ids) {
      this.ids = {};
      for (var i = 0; i < this.n; i++) this.ids[this.value("event_id", i)] = i;
    }
    return this.ids[eventId];
  };
  KclmapEvents.prototype.openPopup = function (layer, latlng) {
    var self = this;
    var i = typeof layer === "number" ? layer : layer.kclmapIndex;
    if (!latlng && typeof layer === "number") {
      var la = this.lat[i], lo = this.lon[i];
      latlng = isNaN(la) ? this.map.getCenter() : L.latLng(la, lo);
    }
    var at = latlng || layer.getLatLng();
    var popup = L.popup({maxWidth: 340}).setLatLng(at)
      .setContent(popupHtml(this.props(i))).openOn(this.map);
    var el = popup.getElement();
    if (el) {
      el.querySelectorAll("a[data-kclmap-event]").forEach(function (a) {
        a.addEventListener("click", function (e) {
          e.preventDefault();
          var j = self.indexOf(a.getAttribute("data-kclmap-event"));
          if (j !== undefined) self.openPopup(j);
        });
      });
    }
    return popup;
  };
  KclmapEvents.prototype.showRadius = function (layer) {
    this.hideRadius();
    var i = layer.kclmapIndex;
    if (i === undefined || this.data.code.drawn_as[i] !== 1) return;
    this.radius = L.circle(layer.getLatLng(), {radius: this.value("precision_km", i) * 1000,
      color: "#333", weight: 1.5, dashArray: "4 4", fill: false, interactive: false})
      .addTo(this.map);
  };
  KclmapEvents.prototype.hideRadius = function () {
    if (this.radius) { this.map.removeLayer(this.radius); this.radius = null; }
  };
  // Does event i pass the time, undated and confidence filters?
  KclmapEvents.prototype.passes = function (i) {
    var dc = this.data.code.event_date;
    var date = dc && dc[i] >= 0 ? this.data.cat.event_date[dc[i]] : null;
    if (date === null) {
      if (!this.showUndated || this.upTo) return false;
    } else if (this.upTo && date > this.upTo) {
      return false;
    }
    if (this.minConfidence > 0) {
      var conf = this.data.num.confidence ? this.data.num.confidence[i] : null;
      if (conf === null || conf === undefined || conf < this.minConfidence) return false;
    }
    return true;
  };
  KclmapEvents.prototype.marker = function (i, lat, lon) {
    var colour = this.colours[this.value("style", i)] || "#636363";
    var layer;
    if (this.data.code.drawn_as[i] === 1) {
      // Placed to an area: a hollow dashed ring; its radius is drawn on hover.
      layer = L.circleMarker([lat, lon], {radius: 7, color: colour, weight: 3, dashArray: "3 2",
        fillColor: "#ffffff", fillOpacity: 0.9});
    } else {
      layer = L.circleMarker([lat, lon], {radius: 7, color: "#222", weight: 1,
        fillColor: colour, fillOpacity: 0.9});
    }
    layer.kclmapIndex = i;
    return layer;
  };
  KclmapEvents.prototype.groupShown = function (key) {
    var g = this.groups[key];
    return g && this.map.hasLayer(g);
  };
  KclmapEvents.prototype.draw = function (upTo) {
    if (upTo !== undefined) this.upTo = upTo;
    var self = this, n = this.n, lat = this.lat, lon = this.lon;
    var drawnAs = this.data.code.drawn_as;
    var perGroup = {};
    Object.keys(this.groups).forEach(function (k) { self.clusters[k].clearLayers(); perGroup[k] = []; });
    this.gridLayer.clearLayers();
    var drawn = 0, i, key;
    var bounds = this.large ? this.map.getBounds().pad(0.2) : null;
    var s = bounds ? bounds.getSouth() : 0, w = bounds ? bounds.getWest() : 0;
    var nn = bounds ? bounds.getNorth() : 0, e = bounds ? bounds.getEast() : 0;
    var inView = [];
    for (i = 0; i < n; i++) {
      if (drawnAs[i] === 2 || !this.passes(i)) continue;
      drawn += 1;
      if (bounds) {
        if (lat[i] >= s && lat[i] <= nn && lon[i] >= w && lon[i] <= e) inView.push(i);
        continue;
      }
      key = this.groupKey(i);
      if (perGroup[key]) perGroup[key].push(this.marker(i, lat[i], lon[i]));
    }
    if (bounds) {
      var shown = inView.filter(function (j) { return self.groupShown(self.groupKey(j)); });
      if (shown.length > VIEW_MAX || this.map.getZoom() < 9) {
        this.drawGrid(shown);
      } else {
        shown.forEach(function (j) {
          key = self.groupKey(j);
          if (perGroup[key]) perGroup[key].push(self.marker(j, lat[j], lon[j]));
        });
      }
    }
    Object.keys(perGroup).forEach(function (k) { self.clusters[k].addLayers(perGroup[k]); });
    this.drawn = drawn;
    global.kclmapDrawn = drawn;
    return drawn;
  };
  // Counts per grid cell of the events in view, with the cell size the zoom calls for.
  KclmapEvents.prototype.drawGrid = function (indices) {
    var zoom = this.map.getZoom(), lat = this.lat, lon = this.lon;
    var cell = this.grids.length ? this.grids[0].cell : 0.25;
    this.grids.forEach(function (g) { if (zoom >= 8 && g.cell < cell) cell = g.cell; });
    var counts = {}, max = 0;
    indices.forEach(function (i) {
      var k = Math.floor(lat[i] / cell) + ":" + Math.floor(lon[i] / cell);
      counts[k] = (counts[k] || 0) + 1;
      if (counts[k] > max) max = counts[k];
    });
    this.drawCells(counts, cell, max);
  };
  KclmapEvents.prototype.drawCells = function (counts, cell, max) {
    var self = this;
    Object.keys(counts).forEach(function (k) {
      var parts = k.split(":"), y = Number(parts[0]) * cell, x = Number(parts[1]) * cell;
      var share = Math.sqrt(counts[k] / Math.max(max, 1));
      L.rectangle([[y, x], [y + cell, x + cell]], {weight: 0.5,
        color: "#525252", fillColor: "#252525", fillOpacity: 0.1 + 0.5 * share,
        interactive: false}).addTo(self.gridLayer);
    });
    this.gridLayer.addTo(this.map);
  };
  // The Python-computed grid: painted at once, before the events are looked at.
  KclmapEvents.prototype.drawFirstGrid = function () {
    if (!this.grids.length) return;
    var g = this.grids[0], counts = {}, max = 0;
    for (var j = 0; j < g.count.length; j++) {
      var k = Math.round(g.lat[j] / g.cell) + ":" + Math.round(g.lon[j] / g.cell);
      counts[k] = g.count[j];
      if (g.count[j] > max) max = g.count[j];
    }
    this.drawCells(counts, g.cell, max);
  };
  KclmapEvents.prototype.addControls = function (slider) {
    var self = this;
    var dates = this.data.cat.event_date ? this.data.cat.event_date.slice().sort() : [];
    var hasConf = !!this.data.num.confidence;
    var Control = L.Control.extend({
      options: {position: "bottomleft"},
      onAdd: function () {
        var div = L.DomUtil.create("div", "kclmap-time");
        div.id = "kclmap-filters";
        if (slider && dates.length >= 2) {
          var row = L.DomUtil.create("div", "", div);
          var label = L.DomUtil.create("label", "", row);
          label.textContent = "Events up to: ";
          var out = L.DomUtil.create("strong", "", row);
          out.textContent = "all dates";
          var input = L.DomUtil.create("input", "kclmap-slider", row);
          input.type = "range"; input.min = 0; input.max = dates.length;
          input.value = dates.length; input.step = 1;
          input.setAttribute("aria-label", "Show events up to this date");
          input.addEventListener("input", function () {
            var v = Number(input.value);
            var d = v >= dates.length ? null : dates[v];
            out.textContent = d === null ? "all dates" : d;
            self.draw(d);
          });
        }
        if (self.undated) {
          var u = L.DomUtil.create("label", "kclmap-toggle", div);
          var box = L.DomUtil.create("input", "kclmap-undated", u);
          box.type = "checkbox"; box.checked = true;
          u.appendChild(document.createTextNode(" Undated events (" + self.undated +
            "; hidden while the slider picks a date)"));
          box.addEventListener("change", function () { self.showUndated = box.checked; self.draw(); });
        }
        if (hasConf) {
          var c = L.DomUtil.create("label", "kclmap-toggle", div);
          var cbox = L.DomUtil.create("input", "kclmap-confidence", c);
          cbox.type = "checkbox";
          c.appendChild(document.createTextNode(" Only confidence ≥ 0.7"));
          cbox.addEventListener("change", function () {
            self.minConfidence = cbox.checked ? 0.7 : 0; self.draw();
          });
        }
        L.DomEvent.disableClickPropagation(div);
        return div;
      }
    });
    this.map.addControl(new Control());
    this.addListed();
  };
  // Events placed only to a region or governorate, or not placed: listed, never drawn.
  KclmapEvents.prototype.addListed = function () {
    var self = this;
    var el = document.getElementById("kclmap-listed");
    if (!el || !this.listed.length) return;
    var summary = document.createElement("summary");
    summary.textContent = this.listed.length + " event(s) placed only to a region or " +
      "governorate, or not placed: listed here, not drawn";
    el.appendChild(summary);
    var list = document.createElement("ol");
    this.listed.slice(0, 500).forEach(function (i) {
      var item = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = (self.value("event_date", i) || "undated") + " · " +
        self.value("type", i) + " · " + (self.value("place", i) || self.value("place_query", i) ||
        "no place");
      button.addEventListener("click", function () {
        var lat = self.value("lat", i), lon = self.value("lon", i);
        self.openPopup(i);
      });
      item.appendChild(button);
      list.appendChild(item);
    });
    el.appendChild(list);
    el.hidden = false;
  };

  /* Place search over event places and the gazetteer: {name, lat, lon, kind} columns. */
  function addSearch(map, places, events) {
    // Each searchable name points at a place: [name, lat, lon, kind, shown as].
    var names = [], lats = [], lons = [], kinds = [], shown = [];
    function add(name, lat, lon, kind, label) {
      names.push(name); lats.push(lat); lons.push(lon); kinds.push(kind); shown.push(label);
    }
    if (events) {
      var seen = {};
      for (var i = 0; i < events.n; i++) {
        var p = events.value("place", i), la = events.lat[i];
        if (!p || isNaN(la) || seen[p]) continue;
        seen[p] = 1;
        add(p, la, events.lon[i], "event place", p);
      }
    }
    places.name.forEach(function (name, k) {
      add(name, places.lat[k], places.lon[k], places.kind[k], name);
    });
    (places.alt || []).forEach(function (name, j) {
      var k = places.ref[j];
      add(name, places.lat[k], places.lon[k], places.kind[k], name + " → " + places.name[k]);
    });
    var folded = null;  // folded on the first search, not while the page opens
    var zoomOf = {governorate: 8, region: 8, district: 10, subdistrict: 11, city: 11};
    var marker = null;
    // Exact names first, then names that start with the query, then names that contain it;
    // within each, the order above (event places, then the most important places).
    function find(q) {
      var f = fold(q), exact = [], starts = [], contains = [];
      if (!f) return [];
      if (!folded) folded = names.map(fold);
      for (var j = 0; j < folded.length; j++) {
        var at = folded[j].indexOf(f);
        if (at < 0) continue;
        if (folded[j] === f) exact.push(j);
        else if (at === 0) { if (starts.length < 8) starts.push(j); }
        else if (contains.length < 8) contains.push(j);
      }
      return exact.concat(starts, contains).slice(0, 8);
    }
    function go(j) {
      var at = L.latLng(lats[j], lons[j]);
      map.setView(at, zoomOf[kinds[j]] || 12, {animate: false});
      if (marker) map.removeLayer(marker);
      marker = L.circleMarker(at, {radius: 14, color: "#000", weight: 2, fill: false,
        dashArray: "2 3", interactive: false}).addTo(map);
      marker.bindTooltip(escapeHtml(shown[j]), {permanent: true, direction: "top", className: "kclmap-found"});
    }
    var Control = L.Control.extend({
      options: {position: "topleft"},
      onAdd: function () {
        var div = L.DomUtil.create("div", "kclmap-search");
        var input = L.DomUtil.create("input", "", div);
        input.type = "search"; input.placeholder = "Search a place";
        input.setAttribute("aria-label", "Search a place (events and gazetteer)");
        var list = L.DomUtil.create("ul", "", div);
        var status = L.DomUtil.create("div", "kclmap-search-status", div);
        function show() {
          list.textContent = ""; status.textContent = "";
          var hits = find(input.value);
          hits.forEach(function (j) {
            var li = L.DomUtil.create("li", "", list);
            li.textContent = shown[j] + " (" + kinds[j] + ")";
            li.addEventListener("click", function () { go(j); list.textContent = ""; });
          });
          if (input.value && !hits.length) status.textContent = "No place of that name";
          return hits;
        }
        input.addEventListener("input", show);
        input.addEventListener("keydown", function (e) {
          if (e.key === "Enter") { var hits = show(); if (hits.length) { go(hits[0]); list.textContent = ""; } }
        });
        L.DomEvent.disableClickPropagation(div);
        L.DomEvent.disableScrollPropagation(div);
        return div;
      }
    });
    map.addControl(new Control());
  }

  /* Labels for governorate capitals (zoom >= 6) and district seats (zoom >= 9). */
  function addLabels(map, group, labels) {
    var tiers = [L.layerGroup(), L.layerGroup()];
    for (var i = 0; i < labels.name.length; i++) {
      var tier = labels.tier[i];
      L.marker([labels.lat[i], labels.lon[i]], {interactive: false, keyboard: false,
        icon: L.divIcon({className: "kclmap-label kclmap-label-" + tier,
          html: "<span>" + escapeHtml(labels.name[i]) + "</span>", iconSize: null})})
        .addTo(tiers[tier - 1]);
    }
    function update() {
      var z = map.getZoom();
      [6, 9].forEach(function (minZoom, t) {
        if (z >= minZoom) group.addLayer(tiers[t]); else group.removeLayer(tiers[t]);
      });
    }
    map.on("zoomend", update);
    update();
  }

  global.KclmapEvents = KclmapEvents;
  global.kclmapAddSearch = addSearch;
  global.kclmapAddLabels = addLabels;
  global.kclmapEscapeHtml = escapeHtml;
  global.kclmapFold = fold;
})(window);
