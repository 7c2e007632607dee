// UCJ Coverage console: charts drawn from their data tables, and the stale-data banner of live pages.
// No inline script anywhere (the Content-Security-Policy forbids it): this file does all of it.
(function () {
  'use strict';

  function number(text) {
    if (text === null || text === undefined || text === '' || text === 'null') { return null; }
    var value = Number(text);
    return Number.isFinite(value) ? value : null;
  }

  function drawChart(canvas) {
    var table = document.getElementById(canvas.getAttribute('data-chart-for'));
    if (!table || typeof window.Chart === 'undefined') { return; }
    var percent = table.getAttribute('data-percent') === 'true';
    var headers = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
    var labels = rows.map(function (row) { return row.querySelector('th').textContent.trim().split('\n')[0].trim(); });
    var colours = ['#0b4f8a', '#a32020', '#17652f'];
    var datasets = [];
    headers.forEach(function (header, column) {
      if (!header.hasAttribute('data-series')) { return; }
      var dashed = header.getAttribute('data-dashed') === 'true';
      var colour = colours[datasets.length % colours.length];
      datasets.push({
        label: header.textContent.trim(),
        data: rows.map(function (row) {
          var value = number(row.children[column].getAttribute('data-value'));
          return (percent && value !== null) ? Math.round(value * 10000) / 100 : value;
        }),
        borderColor: colour,
        backgroundColor: colour,
        borderDash: dashed ? [6, 4] : [],
        pointRadius: rows.map(function (row) { return row.getAttribute('data-mark') === 'true' ? 7 : ((dashed && rows.length > 1) ? 0 : 3); }),
        pointStyle: rows.map(function (row) { return row.getAttribute('data-mark') === 'true' ? 'triangle' : 'circle'; }),
        spanGaps: true,
        tension: 0
      });
    });
    new window.Chart(canvas, {
      type: 'line',
      data: { labels: labels, datasets: datasets },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        locale: document.documentElement.lang === 'en' ? 'en' : 'id',
        scales: { y: percent ? { min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } } : { beginAtZero: true } },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  }

  function watchLive(section) {
    var banner = document.getElementById('stale');
    var signedOut = document.getElementById('signed-out');
    // The session ended (signed out elsewhere, or the console restarted): polling cannot get figures any more.
    document.body.addEventListener('htmx:responseError', function (event) {
      if (event.detail.xhr && event.detail.xhr.status === 401 && signedOut) {
        signedOut.hidden = false;
        if (banner) { banner.hidden = true; }
        banner = null;
      }
    });
    var staleAfter = (number(section.getAttribute('data-stale-after')) || 30) * 1000;
    var lastGood = Date.now();
    document.body.addEventListener('htmx:afterRequest', function (event) {
      if (event.detail.successful) {
        lastGood = Date.now();
        if (banner) { banner.hidden = true; }
      }
    });
    window.setInterval(function () {
      if (banner && Date.now() - lastGood > staleAfter) { banner.hidden = false; }
    }, 1000);
  }

  // Charts are drawn for the screen's width: redraw them for the page's when printing.
  window.addEventListener('beforeprint', function () {
    if (window.Chart) { Object.values(window.Chart.instances).forEach(function (chart) { chart.resize(); }); }
  });

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('canvas[data-chart-for]').forEach(drawChart);
    var live = document.getElementById('live');
    if (live) { watchLive(live); }
  });
})();
