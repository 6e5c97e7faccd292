// 领导驾驶舱: draws each tile's chart from the page's JSON (json_script "cockpit-charts"); no
// inline script (the CSP forbids it). A click on a bar or a slice opens the list it counts.
(function () {
  "use strict";
  function draw() {
    var source = document.getElementById("cockpit-charts");
    if (!source || typeof echarts === "undefined") { return; }
    JSON.parse(source.textContent).forEach(function (chart) {
      var box = document.getElementById(chart.id);
      if (!box) { return; }
      var view = echarts.init(box, null, { renderer: "canvas" });
      var option;
      if (chart.kind === "pie") {
        var serie = chart.series[0];
        option = {
          tooltip: { trigger: "item" },
          series: [{ type: "pie", radius: "65%", data: chart.categories.map(function (name, i) {
            return { name: name, value: serie.data[i], url: serie.urls[i] };
          }) }]
        };
      } else {
        option = {
          tooltip: { trigger: "axis" },
          legend: { top: 0 },
          grid: { left: 8, right: 8, bottom: 8, top: 28, containLabel: true },
          xAxis: { type: "category", data: chart.categories, axisLabel: { interval: 0, rotate: chart.categories.length > 4 ? 30 : 0 } },
          yAxis: { type: "value", minInterval: 1 },
          series: chart.series.map(function (s) {
            return { name: s.name, type: chart.kind === "line" ? "line" : "bar",
                     stack: chart.kind === "bar" ? "total" : undefined,
                     data: s.data.map(function (v, i) { return { value: v, url: s.urls[i] }; }) };
          })
        };
      }
      view.setOption(option);
      view.on("click", function (params) {
        var url = params.data && params.data.url;
        if (url) { window.location.assign(url); }
      });
      window.addEventListener("resize", function () { view.resize(); });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
