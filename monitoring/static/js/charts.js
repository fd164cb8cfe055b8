/* Draw every <canvas data-chart="ID"> from the JSON in <script id="ID"> (Django's json_script).
   The numbers are also in the table beside each chart, so nothing is lost without JavaScript. */
(function () {
  "use strict";
  var PALETTE = ["#1f3a5f", "#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"];

  function datasets(config) {
    var single = config.series.length === 1;
    return config.series.map(function (series, i) {
      var colour = PALETTE[i % PALETTE.length];
      var round = config.kind === "doughnut" || config.kind === "pie";
      return {
        label: series.label,
        data: series.data,
        backgroundColor: round ? config.labels.map(function (_, j) { return PALETTE[j % PALETTE.length]; }) : colour,
        borderColor: round ? "#fff" : colour,
        borderWidth: round ? 1 : 0,
        maxBarThickness: single ? 36 : 24
      };
    });
  }

  function draw(canvas) {
    if (window.Chart === undefined || Chart.getChart(canvas)) { return; }
    var source = document.getElementById(canvas.dataset.chart);
    if (!source) { return; }
    var config = JSON.parse(source.textContent);
    var round = config.kind === "doughnut" || config.kind === "pie";
    var options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: round || config.series.length > 1, position: "bottom" } }
    };
    if (!round) {
      options.indexAxis = config.horizontal ? "y" : "x";
      options.scales = {
        x: { stacked: config.stacked, beginAtZero: true, ticks: { precision: 0 } },
        y: { stacked: config.stacked, beginAtZero: true, ticks: { precision: 0 } }
      };
      if (config.horizontal) {
        // Long names would squeeze the bars or run off the canvas's left edge: shortened to what a third of the
        // canvas holds (about 7 px a character); the tooltip and the table beside the chart have them in full.
        options.scales.y.ticks.callback = function (value) {
          var label = String(this.getLabelForValue(value));
          var room = Math.max(8, Math.min(26, Math.floor(canvas.clientWidth / 3 / 7)));
          return label.length > room ? label.slice(0, room - 1) + "…" : label;
        };
      }
    }
    new Chart(canvas, { type: config.kind, data: { labels: config.labels, datasets: datasets(config) }, options: options });
  }

  function drawAll(root) {
    (root || document).querySelectorAll("canvas[data-chart]").forEach(draw);
  }

  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  // Charts that arrive in an htmx swap are drawn too.
  document.addEventListener("htmx:afterSwap", function (event) { drawAll(event.target); });
  window.pressMonitorCharts = { drawAll: drawAll };
})();
