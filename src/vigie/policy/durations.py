"""ISO 8601 durations for review deadlines and strike expiry (``PT24H``, ``P90D``, ``P1W``).

Only exact units are accepted: weeks, days, hours, minutes, seconds. Years and months
are refused because their length depends on the calendar, and a review deadline or a
strike expiry must mean the same thing on every day of the year.
"""

from __future__ import annotations

import re
from datetime import timedelta

__all__ = ["format_duration", "parse_duration"]

_DURATION = re.compile(
    r"^P(?:(?P<weeks>\d+)W)?(?:(?P<days>\d+)D)?"
    r"(?:T(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?(?:(?P<seconds>\d+)S)?)?$"
)


def parse_duration(text: str) -> timedelta:
    """Parse ``PnWnDTnHnMnS`` (every part optional, at least one present, integers only).

    Raises :class:`ValueError` with a hint for anything else (``24h``, ``P1M``, ``PT``, ``P0D``).
    """
    match = _DURATION.match(text)
    if match is None or text in ("P", "PT") or text.endswith("T"):
        hint = " (months and years are not exact; use days, e.g. P30D)" if re.search(r"\d[YM]", text) else ""
        raise ValueError(f"{text!r} is not an ISO 8601 duration such as PT24H, P7D or P1W{hint}")
    parts = {k: int(v) for k, v in match.groupdict().items() if v is not None}
    value = timedelta(**parts)
    if value <= timedelta(0):
        raise ValueError(f"duration {text!r} must be longer than zero")
    return value


def format_duration(value: timedelta) -> str:
    """The canonical ISO 8601 spelling of a duration: days and a time part, ``P1DT2H``, ``PT30M``."""
    total = int(value.total_seconds())
    days, rest = divmod(total, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, seconds = divmod(rest, 60)
    out = "P" + (f"{days}D" if days else "")
    time = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n)
    if time:
        out += "T" + time
    return out if out != "P" else "PT0S"
