"""What submitting an upload will do: its rows by status, the rows sent, requests, seconds, rows left behind.

Sent: valid rows plus duplicates the user chose to include anyway (delivery.submit_upload); the seconds follow
the rate limits of shared/api/CONTRACT.md as settings give them.
"""

import json
import math

from django.conf import settings
from django.db.models import Count, Min

from uploads import delivery, rowstore
from uploads.headers import and_list
from uploads.models import Row, Upload


def status_counts(upload: Upload) -> dict[str, int]:
    """Rows by status, every status present (0 when none), plus `total`, `warning` (rows with any
    warning) and `included` (duplicates the user chose to send). One grouped scan of an index."""
    counts = dict.fromkeys(Row.Status.values, 0)
    counts.update(total=0, warning=0, included=0)
    groups = upload.rows.values_list("status", "has_warning", "include_anyway").annotate(n=Count("id")).order_by()
    for status, warned, anyway, n in groups:
        counts[status] += n
        counts["total"] += n
        counts["warning"] += n if warned else 0
        counts["included"] += n if anyway and status == Row.Status.DUPLICATE else 0
    return counts


def check_rows_shown(upload: Upload, shown: str | None) -> None:
    """Raise delivery.DeliveryError when the Submit button showed another number of rows than would be sent now
    (`shown`: the form's count; None or "" for none sent): another tab of the same user changed the rows since
    (QA round 38a: "Submit 3 rows" sent 5), which fixes.check_seen, blind to the user's own steps, lets pass. An
    upload submitted since is approval.submit's to refuse (QA round 40c: "18 are ready now" of rows delivered)."""
    if upload.status not in (Upload.Status.READY, Upload.Status.NEEDS_FIXES):
        return
    rows = submit_plan(upload)["rows"]
    if shown and shown.isdigit() and int(shown) != rows:
        raise delivery.DeliveryError(
            f"Nothing was submitted: this page offered {int(shown):,} row{'s' if int(shown) != 1 else ''}, and "
            f"{rows:,} {'are' if rows != 1 else 'is'} ready now (the rows changed in another tab or window). Check "
            "them below and submit again.")


def submit_plan(upload: Upload, counts: dict | None = None) -> dict:
    """What submitting will do: rows sent, requests, seconds at the current limits, rows left behind, and when no
    row would be sent, why (`nothing`: delivery.nothing_to_send; QA round 42b: "Submit 0 rows", greyed, said none).

    Sent: valid rows plus duplicates the user chose to include anyway (delivery.submit_upload).
    """
    counts = counts or status_counts(upload)
    valid = counts[Row.Status.VALID] + counts["included"]
    requests = math.ceil(valid / settings.MAESTROQA_BATCH_SIZE)
    per_minute, per_second = settings.MAESTROQA_MAX_REQUESTS_PER_MINUTE, settings.MAESTROQA_MAX_REQUESTS_PER_SECOND
    full_minutes, rest = divmod(requests - 1, per_minute)
    seconds = 0.0 if requests == 0 else 60 * full_minutes + rest / per_second + 1
    plan = {
        "rows": valid, "requests": requests, "seconds": math.ceil(seconds),
        "invalid": counts[Row.Status.INVALID], "duplicate": counts[Row.Status.DUPLICATE] - counts["included"],
        "skipped": counts[Row.Status.SKIPPED], "excluded": counts[Row.Status.EXCLUDED],
    }
    plan["left_behind"] = _left_behind(plan)
    statuses = {status for status in Row.Status.values if counts[status]}
    plan["nothing"] = delivery.nothing_to_send(upload, statuses) if not valid else ""
    return plan


def same_answers(upload: Upload, shown: int = 3) -> str:
    """A notice naming valid rows of `upload` that give the same answer (rowstore.match_key: ticket, time, score,
    agent) but differ in another field, such as the comment, up to `shown` groups, or "" when there are none.

    Both rows are sent, as two answers (equal items are duplicates instead: validation.mark_duplicates), and
    another upload of the answer is a duplicate whatever its comment (rowstore.prior_notes), so the page asks the
    user to keep the right one (QA round 67b H2: a corrected comment typed into a copied row sent both).
    E.g. "Rows that give the same answer (ticket, agent, time and score) with another comment: 22 and 33; …".
    """
    keys = list(upload.rows.filter(status=Row.Status.VALID).exclude(match_key="").values_list("match_key")
                .annotate(n=Count("id"), first=Min("number")).filter(n__gt=1).order_by("first")
                .values_list("match_key", flat=True))
    groups: dict[str, list[tuple[int, dict]]] = {}
    for key, number, item in upload.rows.filter(status=Row.Status.VALID, match_key__in=keys[:shown]).order_by(
            "number").values_list("match_key", "number", "item"):
        groups.setdefault(key, []).append((number, item))
    return same_answers_sentence(sorted(groups.values(), key=lambda rows: rows[0][0]), len(keys) - len(groups))


def same_answers_in(rows: list[tuple[int, dict]], shown: int = 3) -> str:
    """same_answers over (row number, item) pairs of valid rows in row order, for a file not stored (import_csat
    --dry-run: QA round 77b, where a copied row went out twice with no word)."""
    groups: dict[str, list[tuple[int, dict]]] = {}
    for number, item in rows:
        groups.setdefault(rowstore.match_key(item), []).append((number, item))
    repeated = [rows for rows in groups.values() if len(rows) > 1]
    return same_answers_sentence(repeated[:shown], len(repeated) - len(repeated[:shown]))


def same_answers_sentence(groups: list[list[tuple[int, dict]]], more: int) -> str:
    """The same_answers notice for `groups` of (row number, item), each a list in row order, and `more` groups not
    listed; "" for no group."""
    parts, differ = [], {}
    for rows in groups:
        names = dict.fromkeys(name for _, item in rows for name in item)
        differ |= {name: None for name in names if len({json.dumps(item.get(name), sort_keys=True)
                                                      for _, item in rows}) > 1}
        parts.append(and_list([str(number) for number, _ in rows]))
    if not parts:
        return ""
    fields = " or ".join(differ) or "field"
    return (f"Rows that give the same answer (ticket, agent, time and score) with another {fields}: "
            + "; ".join(parts) + (f"; and {more:,} more such group{'s' if more != 1 else ''}" if more else "")
            + ". Each row is sent as an answer of its own: if one row corrects another, delete the wrong one.")


def _left_behind(plan: dict) -> str:
    """'9 invalid and 1 duplicate rows' (only the kinds present), or ''."""
    parts = [f"{plan[key]} {key}" for key in ("invalid", "duplicate", "skipped", "excluded") if plan[key]]
    if not parts:
        return ""
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    total = sum(plan[key] for key in ("invalid", "duplicate", "skipped", "excluded"))
    return f"{text} row{'s' if total != 1 else ''}"
