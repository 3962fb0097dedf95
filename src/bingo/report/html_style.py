"""What every HTML report carries inline: its stylesheet and its small sorting script.

Inline, because the report must work as one file: offline, as an e-mail attachment, with no
fonts, scripts or stylesheets fetched from anywhere.
"""

from __future__ import annotations

CSS = """
:root{--ink:#1d1d1f;--muted:#555;--line:#d5d5db;--paper:#fff;--wash:#f5f5f7;--mark:#ffe27a;
--good:#17663a;--warn:#8a4b00;--bad:#b3261e;--accent:#2547a8}
*{box-sizing:border-box}
body{margin:0;background:var(--wash);color:var(--ink);line-height:1.5;
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header.report,main,footer{max-width:72rem;margin:0 auto;padding:0 1.25rem}
header.report{padding-top:1.5rem}
h1{font-size:1.75rem;margin:0 0 .25rem}
h2{font-size:1.35rem;margin:0 0 .25rem;overflow-wrap:anywhere}
h3{font-size:1.05rem;margin:1.5rem 0 .5rem}
a{color:var(--accent)}
.lead{color:var(--muted);margin:0 0 1rem}
section.file,section.overview,section.game{background:var(--paper);border:1px solid var(--line);
border-radius:.75rem;padding:1.25rem 1.5rem;margin:1rem 0 1.5rem}
.meta{color:var(--muted);margin:0}
.top{display:flex;flex-wrap:wrap;gap:1.5rem 3rem;align-items:center;margin-top:1rem}
.score{display:flex;align-items:center;gap:1rem}
.gauge{width:11rem;height:auto}
.gauge .track{stroke:#e4e4ea}
.gauge .fill{stroke:var(--tone)}
.gauge path{fill:none;stroke-width:14;stroke-linecap:round}
.gauge text{fill:var(--ink);text-anchor:middle;font-family:inherit}
.gauge .num{font-size:30px;font-weight:700}
.gauge .of{font-size:9px;fill:var(--muted)}
.v-klartext{--tone:var(--good)}.v-werbeprosa{--tone:var(--warn)}.v-bullshit-bingo{--tone:var(--bad)}
.verdict{font-size:1.25rem;font-weight:700;color:var(--tone);margin:0}
.verdict .icon{display:inline-block;width:1.5em;height:1.5em;line-height:1.5em;text-align:center;
border-radius:50%;background:var(--tone);color:#fff;margin-right:.4em}
.ai{color:var(--muted);margin:.25rem 0 0;font-size:.9rem}
.scale,.hint{color:var(--muted);font-size:.85rem;margin:.3rem 0 0}
.scale{max-width:15rem}
.hint{margin:-.25rem 0 .75rem}
table{border-collapse:collapse}
th,td{text-align:left;vertical-align:top}
table.cats{min-width:min(100%,26rem)}
table.cats th,table.cats td{padding:.2rem .6rem .2rem 0}
table.cats thead th{font-size:.85rem;color:var(--muted);font-weight:600}
td.bar{width:12rem}
.bar span{display:block;height:.9rem;margin-top:.3rem;background:var(--accent);border-radius:.2rem;min-width:2px}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.reading{display:grid;grid-template-columns:minmax(0,3fr) minmax(15rem,2fr);gap:0 2rem}
@media (max-width:52rem){.reading{grid-template-columns:minmax(0,1fr)}}
.scroll{overflow-x:auto}
.passage{margin:0 0 1rem;padding:.6rem .9rem;background:var(--wash);border-left:3px solid var(--line);
overflow-wrap:anywhere}
.passage .ln{display:block;font-size:.8rem;color:var(--muted)}
mark.hit{background:var(--mark);color:var(--ink);padding:0 .1em;border-radius:.15em;
text-decoration:underline 2px var(--warn);text-underline-offset:.2em}
mark.hit mark.hit{background:#ffc94d}
mark.hit sup a{font-size:.7em;font-weight:700;text-decoration:none;color:var(--ink);margin-left:.1em}
ol.notes{margin:0;padding-left:1.8rem;font-size:.92rem;line-height:1.4}
ol.notes li{margin:0 0 .45rem}
ol.notes .term{font-weight:700}
ol.notes .cat{color:var(--muted);font-size:.85rem}
ol.notes .alt{display:block;color:var(--good)}
ol.notes .back{font-size:.8rem;margin-left:.3rem}
.more{color:var(--muted);font-style:italic}
table.card{width:100%;max-width:46rem;margin:.5rem 0}
table.card caption{text-align:left;color:var(--muted);font-size:.85rem;caption-side:bottom;padding-top:.3rem}
table.card td{border:1px solid var(--line);text-align:center;vertical-align:middle;height:4.2rem;
width:calc(100% / var(--side,5));padding:.25rem;font-size:.8rem;line-height:1.25;hyphens:manual;color:var(--muted)}
table.card td.on{background:#dff3e5;color:var(--ink);font-weight:600;border:2px solid var(--good)}
table.card td.free{font-weight:700;color:var(--ink)}
table.card td.line{background:var(--good);color:#fff;border:2px solid var(--good)}
.bingo{color:var(--bad);font-weight:800;font-size:1.2rem;margin:.25rem 0}
table.overview{width:100%}
table.overview caption{text-align:left;color:var(--muted);font-size:.9rem;caption-side:bottom;padding-top:.4rem}
table.overview th,table.overview td{padding:.45rem .6rem;border-bottom:1px solid var(--line)}
table.overview thead th{border-bottom:2px solid var(--ink);white-space:nowrap}
table.overview tfoot th,table.overview tfoot td{font-weight:700;border-bottom:0}
table.overview:not([data-sortable]) caption{display:none}
table.overview th button{font:inherit;font-weight:700;background:none;border:0;padding:0;cursor:pointer;color:inherit}
table.overview th button::after{content:" ↕";color:var(--muted)}
table.overview th[aria-sort=ascending] button::after{content:" ↑"}
table.overview th[aria-sort=descending] button::after{content:" ↓"}
.tag{display:inline-block;padding:0 .5em;border-radius:1em;color:#fff;background:var(--tone);font-size:.85rem}
.error{color:var(--bad)}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
blockquote{margin:.5rem 0;padding:.4rem .9rem;border-left:3px solid var(--accent);background:var(--wash)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}
dl.facts dt{font-weight:700}dl.facts dd{margin:0}
footer{color:var(--muted);font-size:.85rem;padding-bottom:2rem}
@media print{
body{background:#fff;font-size:11pt}
header.report,main,footer{max-width:none;padding:0}
section.file,section.overview,section.game{border:0;padding:0;margin:0 0 1rem;break-inside:auto}
section.file+section.file{break-before:page}
.reading{grid-template-columns:1fr}
table.card,.top,.passage,ol.notes li{break-inside:avoid}
ol.notes{columns:2;column-gap:2rem}
mark.hit,table.card td,.bar span,.verdict .icon,.tag{print-color-adjust:exact;-webkit-print-color-adjust:exact}
table.overview th button::after,table.overview caption,.back{display:none}
h2,h3{break-after:avoid}
a{color:inherit;text-decoration:none}
}
"""

SCRIPT = """
(function () {
  var table = document.querySelector("table.overview");
  if (!table) return;
  var heads = table.tHead.rows[0].cells;
  function key(row, i, numeric) {
    var cell = row.cells[i], value = cell.getAttribute("data-value");
    if (value === null) value = cell.textContent.trim();
    return numeric ? parseFloat(value) : value;
  }
  function sort(i) {
    var head = heads[i], numeric = head.getAttribute("data-type") === "number";
    var up = head.getAttribute("aria-sort") !== "ascending";
    for (var h = 0; h < heads.length; h++) heads[h].removeAttribute("aria-sort");
    head.setAttribute("aria-sort", up ? "ascending" : "descending");
    var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, i, numeric), y = key(b, i, numeric);
      var d = numeric ? x - y : x.localeCompare(y);
      return up ? d : -d;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  Array.prototype.forEach.call(heads, function (head, i) {
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = head.textContent;
    head.textContent = "";
    head.appendChild(button);
    button.addEventListener("click", function () { sort(i); });
  });
  table.setAttribute("data-sortable", "ready");
})();
"""
"""Turns the overview's column headings into sort buttons; without JavaScript the table stays as it is."""
