"""The two pictures above the fix-it table: rows to send per score and per day (table.summary_context)."""

from datetime import date, timedelta

from django.db.models import Count

from uploads.models import SENDABLE, Row, Upload


def charts(upload: Upload) -> dict:
    """Score distribution and responses per day of the rows to send, for the picture above the table.

    {'scores': [{'score': 1, 'rows': n, 'percent': 0..100}, ...] (every score of the mapped scale),
     'days': [{'day': 'YYYY-MM-DD', 'rows': n, 'percent': ...}] (UTC days, first to last, gaps as 0),
     'total': n}. Percent is of the largest bar, for drawing.
    """
    by_score, by_day = _sent_by_score_and_day(upload)
    low, high = _scale(upload, by_score)
    scores = [{"score": s, "rows": by_score.get(s, 0)} for s in range(low, high + 1)] if by_score or high else []
    days = _percent(_day_range(by_day))
    return {
        "scores": _percent(scores), "days": days, "total": sum(by_score.values()),
        "scores_width": 10 * len(scores), "days_width": 10 * len(days),
        "first_day": days[0]["day"] if days else "", "last_day": days[-1]["day"] if days else "",
    }


def _sent_by_score_and_day(upload: Upload) -> tuple[dict[int, int], dict[str, int]]:
    """Rows to send (models.SENDABLE) per score (None left out) and per day ('' left out), from one grouped
    scan of row_charts_idx: a few thousand (score, day) pairs at most."""
    by_score: dict[int, int] = {}
    by_day: dict[str, int] = {}
    pairs = upload.rows.filter(SENDABLE).values_list("item_score", "item_day")
    for score, day, n in pairs.annotate(n=Count("id")).order_by():
        if score is not None:
            by_score[score] = by_score.get(score, 0) + n
        if day:
            by_day[day] = by_day.get(day, 0) + n
    return by_score, by_day


def _scale(upload: Upload, by_score: dict) -> tuple[int, int]:
    first = upload.rows.filter(status=Row.Status.VALID).values_list("item", flat=True).first() or {}
    low, high = int(first.get("min_score", 1)), int(first.get("max_score", 5))
    if by_score:
        low, high = min(low, *by_score), max(high, *by_score)
    return low, min(high, low + 100)


def _day_range(by_day: dict) -> list[dict]:
    if not by_day:
        return []
    first, last = date.fromisoformat(min(by_day)), date.fromisoformat(max(by_day))
    if (last - first).days > 366:  # a stray year should not draw 10,000 bars: show the days that have rows
        return [{"day": day, "rows": by_day[day]} for day in sorted(by_day)]
    days = (first + timedelta(days=n) for n in range((last - first).days + 1))
    return [{"day": day.isoformat(), "rows": by_day.get(day.isoformat(), 0)} for day in days]


def _percent(bars: list[dict]) -> list[dict]:
    top = max((bar["rows"] for bar in bars), default=0) or 1
    out = []
    for index, bar in enumerate(bars):
        percent = round(100 * bar["rows"] / top)
        out.append({**bar, "percent": percent, "x": 10 * index + 1, "y": 105 - percent})
    return out
