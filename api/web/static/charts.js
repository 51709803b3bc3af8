/* Bar charts drawn here as inline SVG (no library): grouped bars per period, a legend, and the same figures as a
   table for screen readers and for copying. Right-to-left pages draw time from the right. */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";

  function svg(tag, attrs, text) {
    var node = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, String(attrs[name])); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function niceMax(value) {  /* 2, 4, 6, 8, 10, 20, 40…: the half-way line stays a whole number */
    for (var power = 1; ; power *= 10) {
      for (var step = 2; step <= 10; step += 2) { if (step * power >= value) { return step * power; } }
    }
  }

  /* options: {title, description (for aria-label), labels: [period], series: [{label, values}], shortLabel(fn),
     tableCaption, periodHeading, showTable} — returns a <figure>. */
  function bars(options) {
    var el = window.motcua.el, rtl = document.dir === "rtl";
    var width = 720, height = 240, edge = 44, pad = 8, top = 12, bottom = 34;
    var labels = options.labels, series = options.series, count = Math.max(labels.length, 1);
    var highest = 0;
    series.forEach(function (s) { s.values.forEach(function (v) { highest = Math.max(highest, v); }); });
    var max = niceMax(highest), plot = height - top - bottom, slot = (width - edge - pad) / count;
    var barWidth = Math.max(1, (slot * 0.8) / series.length);
    function x(position, size) {  /* position measured from the start edge (left, or right in Arabic) */
      var start = edge + position;
      return rtl ? width - start - size : start;
    }
    var root = svg("svg", {viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": options.description,
      focusable: "false", preserveAspectRatio: "xMidYMid meet"});
    [0, 0.5, 1].forEach(function (share) {
      var y = top + plot - plot * share;
      root.appendChild(svg("line", {class: share ? "grid" : "axis", x1: x(0, 0), x2: x(width - edge - pad, 0), y1: y, y2: y}));
      root.appendChild(svg("text", {x: rtl ? width - edge + 6 : edge - 6, y: y + 4, "text-anchor": rtl ? "start" : "end"},
        String(Math.round(max * share))));
    });
    var every = Math.max(1, Math.ceil(count / 8));
    labels.forEach(function (label, i) {
      series.forEach(function (s, k) {
        var value = s.values[i] || 0, h = plot * value / max;
        var rect = svg("rect", {class: "series-" + k, x: x(i * slot + slot * 0.1 + k * barWidth, barWidth),
          y: top + plot - h, width: barWidth, height: Math.max(h, value ? 1 : 0)});
        rect.appendChild(svg("title", {}, label + " — " + s.label + ": " + value));
        root.appendChild(rect);
      });
      if (i % every === 0) {
        root.appendChild(svg("text", {x: x(i * slot + slot / 2, 0), y: height - bottom + 16, "text-anchor": "middle"},
          options.shortLabel ? options.shortLabel(label) : label));
      }
    });
    var legend = el("ul", {class: "legend", "aria-hidden": "true"}, series.map(function (s, k) {
      return el("li", {}, [el("span", {class: "swatch series-" + k}), s.label]);
    }));
    var table = el("table", {}, [
      el("thead", {}, [el("tr", {}, [el("th", {scope: "col", text: options.periodHeading})].concat(series.map(function (s) {
        return el("th", {scope: "col", class: "num", text: s.label});
      })))]),
      el("tbody", {}, labels.map(function (label, i) {
        return el("tr", {}, [el("th", {scope: "row", text: label})].concat(series.map(function (s) {
          return el("td", {class: "num", text: String(s.values[i] || 0)});
        })));
      }))]);
    return el("figure", {class: "chart"}, [el("figcaption", {}, [el("strong", {text: options.title})]), root, legend,
      el("details", {}, [el("summary", {text: options.tableCaption}), el("div", {class: "table-wrap"}, [table])])]);
  }

  window.motcua.charts = {bars: bars};
})();
