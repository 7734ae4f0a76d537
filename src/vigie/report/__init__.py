"""Scan reports: the terminal summary (rich) and the self-contained HTML report.

Both views read the same :class:`ScanSummary` and the same ordering
(:func:`top_flagged`), so the terminal and the HTML file never disagree about which
posts are the worst.
"""

from vigie.report.html import render_html, write_html
from vigie.report.summary import ScanSummary, print_summary, top_flagged

__all__ = ["ScanSummary", "print_summary", "render_html", "top_flagged", "write_html"]
