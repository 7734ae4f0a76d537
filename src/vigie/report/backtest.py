"""The backtest report page: self-contained HTML (no network), escaped throughout."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, select_autoescape

from vigie.backtest import BacktestReport

__all__ = ["render_backtest_html", "write_backtest_html"]

_TEMPLATE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>vigie backtest: {{ r.candidate.name }}@{{ r.candidate.version }}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;
 max-width:1100px;color:#1b1b1f}
table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ddd;padding:.3rem .6rem;text-align:left}
th{background:#f4f4f6}.n{text-align:right}.up{color:#a4161a}.down{color:#2b7a0b}code{font-size:.85em}
.ex{border:1px solid #ddd;border-radius:6px;padding:.6rem;margin:.6rem 0}
.t{white-space:pre-wrap;background:#fafafa}
</style></head><body>
<h1>Backtest of {{ r.candidate.name }}@{{ r.candidate.version }}</h1>
<p><code>{{ r.candidate.hash }}</code> — replayed on {{ r.total }} stored decisions
({{ r.skipped }} skipped without stored signals); <b>{{ r.changed }}</b> would change.</p>
<h2>Verdicts</h2>
<table><tr><th>verdict</th><th class="n">live</th><th class="n">candidate</th><th class="n">change</th></tr>
{% for v, n in r.live_verdicts.items() %}{% set m = r.candidate_verdicts[v] %}
<tr><td>{{ v }}</td><td class="n">{{ n }}</td><td class="n">{{ m }}</td>
<td class="n {{ 'up' if m > n else 'down' if m < n else '' }}">{{ '%+d' % (m - n) }}</td></tr>{% endfor %}
</table>
<h2>Changes</h2>
<table><tr><th>live → candidate</th><th class="n">posts</th></tr>
{% for k, n in r.transitions.items() %}<tr><td>{{ k }}</td><td class="n">{{ n }}</td></tr>{% else %}
<tr><td colspan="2">no change</td></tr>{% endfor %}</table>
<h2>By category</h2>
<table><tr><th>category</th><th class="n">added</th><th class="n">dropped</th></tr>
{% for c, row in r.by_category.items() %}<tr><td>{{ c }}</td><td class="n">{{ row.added }}</td>
<td class="n">{{ row.dropped }}</td></tr>{% endfor %}</table>
<h2>Examples</h2>
{% for e in r.examples %}<div class="ex"><b>{{ e.source }}/{{ e.post_id }}</b>:
{{ e.live.verdict }} [{{ e.live.violations|join(', ') }}] → {{ e.candidate.verdict }}
[{{ e.candidate.violations|join(', ') }}] <small>rules: {{ e.candidate.rule_hits|join(', ') }}</small>
<div class="t">{{ e.text }}</div></div>{% else %}<p>none</p>{% endfor %}
</body></html>
"""


def render_backtest_html(report: BacktestReport) -> str:
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    return env.from_string(_TEMPLATE).render(r=report)


def write_backtest_html(path: Path, report: BacktestReport) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_backtest_html(report), encoding="utf-8")
    return path
