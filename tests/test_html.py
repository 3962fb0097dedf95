"""HTML input: text and visible attributes are scanned, markup and code are not; offsets map back."""

from __future__ import annotations

HTML = """<!DOCTYPE html>
<html><head>
<title>Seamless Synergien</title>
<meta name="description" content="Der Touchpoint für Sie">
<style>.touchpoint { color: red }</style>
<script>var synergy = "Touchpoint";</script>
</head>
<body>
<!-- Touchpoint im Kommentar -->
<p>Wir <b>heben</b> <em>Synergien</em> am&nbsp;<a href="/touchpoint">Touch&shy;punkt</a>.</p>
<img src="touchpoint.png" alt="Ein ganzheitlicher Touchpoint">
<pre>Touchpoint im Code</pre><code>synergy()</code>
<p>Customer
  Experience <span>Management</span></p>
</body></html>
"""


def test_html_hits_and_offsets(mini_scanner) -> None:
    result = mini_scanner.scan_text(HTML, lang="de", kind="html")
    found = [(h.id, h.text, h.line) for h in result.hits]
    assert found == [
        ("synergy", "Synergien", 3),
        ("touchpoint", "Touchpoint", 4),
        ("synergy", "Synergien", 10),
        ("ganzheitlich", "ganzheitlicher", 11),
        ("touchpoint", "Touchpoint", 11),
        ("customer-experience-management", "Customer\n  Experience <span>Management", 13),
    ]
    for hit in result.hits:
        assert HTML[hit.start:hit.end] == hit.text
    title = result.hits[0]
    assert (title.line, title.column) == (3, 17)
