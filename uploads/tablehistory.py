"""The fix-it table's history: the latest steps (Change) shown beside it, and those Undo may take back."""

from uploads.models import Upload

# History steps Undo never takes back (fixes.undo_last)
NOT_UNDOABLE = ("undo", "remap", "reread", "sent_elsewhere")


def undoable_steps(upload: Upload):
    """The history steps Undo may take back, newest first: none of NOT_UNDOABLE, none undone, none before the file
    was last read again (reading again replaced their rows). The page shows Undo only when there is one (QA round
    38a: after an approval marked duplicates, "Undo the last step" answered "There is nothing to undo")."""
    reread = upload.changes.filter(action="reread").order_by("-id").values_list("id", flat=True).first() or 0
    return upload.changes.exclude(action__in=NOT_UNDOABLE).filter(undone=False, id__gt=reread).order_by("-id")


def history(upload: Upload, limit: int = 50) -> list:
    """The latest steps of the fix-it history (Change), newest first, with their users."""
    return list(upload.changes.select_related("user").defer("before")[:limit])


def history_mark(upload: Upload) -> int:
    """Which step of the history a page shows: the id of the upload's latest Change (0: none).
    Forms carry it as `seen`: fixes.check_seen refuses an action after another person's step."""
    return upload.changes.order_by("-id").values_list("id", flat=True).first() or 0


def history_context(upload: Upload) -> dict:
    """What snippets/history.html needs: the latest 30 steps and whether Undo has a step to take back."""
    return {
        "history": history(upload, 30), "history_mark": history_mark(upload),
        "has_undo": undoable_steps(upload).exists(),
    }
