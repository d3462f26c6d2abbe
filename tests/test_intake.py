"""Storing and re-checking rows in short transactions; rows an earlier delivery created or did not confirm."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from tests.test_table import answer, make_csv
from uploads import delivery, fixes, intake, mapping, rowcheck, rowstore, saved_presets
from uploads.models import Row, Team, Upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def uploader():
    return get_user_model().objects.create_user("maria", password="correct horse 7")


def weekly_csv(tmp_path, stamp: str = "2026-10-05 10:00"):
    """A one-answer team sheet whose headers no built-in preset knows: a saved preset's to pick."""
    path = tmp_path / "weekly.csv"
    path.write_text(f"Case,Rep,Stars,When\n7,a@example.com,5,{stamp}\n", encoding="utf-8")
    return path


def saved_from(user, path, zone: str, name: str, filename: str = "") -> Upload:
    """An upload of `path` (as `filename`, else its own name) read in `zone`, its mapping saved as preset `name`."""
    upload = intake.create_upload(user, path, filename or path.name, intake.ReadOptions(time_zone=zone))
    saved_presets.save_mapping(upload, name, user)
    return upload


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(intake, "CHUNK", 4)


def _create(uploader, tmp_path, rows, name="made.csv") -> Upload:
    return intake.create_upload(uploader, make_csv(tmp_path, rows, name), name, intake.ReadOptions(time_zone="UTC"))


def _checked(upload: Upload) -> list[tuple]:
    return list(upload.rows.order_by("number").values_list("number", *rowstore.CHECKED_FIELDS))


def _statuses_seen_per_chunk(monkeypatch) -> list[str]:
    """The upload's stored status at each chunk's heartbeat, as another reader would see it."""
    seen, real = [], intake._heartbeat

    def watch(upload):
        real(upload)
        seen.append(Upload.objects.values_list("status", flat=True).get(pk=upload.pk))

    monkeypatch.setattr(intake, "_heartbeat", watch)
    return seen


def test_it_stores_rows_chunk_by_chunk_while_the_upload_is_reading(uploader, tmp_path, small_chunks, monkeypatch):
    seen = _statuses_seen_per_chunk(monkeypatch)
    upload = _create(uploader, tmp_path, [answer(n) for n in range(10)] + [answer(10, score="9")])
    assert seen == [Upload.Status.READING] * 3
    assert upload.status == Upload.Status.NEEDS_FIXES
    upload.refresh_from_db()
    assert (upload.status, upload.heartbeat_at, upload.lease) == (Upload.Status.NEEDS_FIXES, None, "")
    assert upload.rows.count() == 11
    row = upload.rows.get(number=2)
    assert (row.edits, row.excluded, row.include_anyway, row.result, row.batch) == ({}, False, False, "", None)
    assert row.search_text == "2026-10-01 08:00:00\x1f100000\x1f3812345670011\x1f5\x1fok"


def test_it_gives_the_same_results_when_nothing_changed(uploader, tmp_path, small_chunks, monkeypatch):
    rows = [answer(n) for n in range(9)] + [answer(1), answer(20, score="x"), answer(21, comment="")]
    upload = _create(uploader, tmp_path, rows)
    before = _checked(upload)
    seen = _statuses_seen_per_chunk(monkeypatch)
    intake.remap_upload(upload, mapping.Preset.from_json(upload.preset), upload.time_zone)
    assert seen == [Upload.Status.CHECKING] * 3
    assert _checked(upload) == before
    assert upload.rows.get(number=11).note == "identical to row 3 in every mapped field"
    upload.refresh_from_db()
    assert upload.status == Upload.Status.NEEDS_FIXES


def test_it_keeps_edits_and_applies_a_new_time_zone(uploader, tmp_path, small_chunks):
    upload = _create(uploader, tmp_path, [answer(n) for n in range(6)])
    rowcheck.edit_cell(upload.rows.get(number=3), 3, "4")
    intake.remap_upload(upload, mapping.Preset.from_json(upload.preset), "Europe/Berlin")
    upload.refresh_from_db()
    assert upload.time_zone == "Europe/Berlin"
    row = upload.rows.get(number=3)
    assert (row.edits, row.item["score"], row.item["submitted_at"]) == ({"3": "4"}, 4, "2026-10-02T06:00:00.000Z")


def test_a_check_that_died_half_way_is_never_ready_and_is_redone(uploader, tmp_path, small_chunks, monkeypatch):
    upload = _create(uploader, tmp_path, [answer(n) for n in range(10)])
    before = _checked(upload)
    changed = mapping.Preset.from_json(upload.preset)
    changed.columns.pop("agent_id")
    real, calls = intake._heartbeat, []

    def die_at_the_second_chunk(up):
        calls.append(up.pk)
        if len(calls) == 2:
            raise KeyboardInterrupt  # the process is killed
        real(up)

    monkeypatch.setattr(intake, "_heartbeat", die_at_the_second_chunk)
    with pytest.raises(KeyboardInterrupt):
        intake.remap_upload(upload, changed, "UTC")
    monkeypatch.setattr(intake, "_heartbeat", real)

    upload.refresh_from_db()
    assert upload.status == Upload.Status.CHECKING
    assert upload.get_status_display() == "Checking rows"
    assert upload.rows.filter(status=Row.Status.INVALID).count() == 4  # the first chunk: no agent any more
    with pytest.raises(delivery.DeliveryError, match="already submitted"):
        delivery.submit_upload(upload, uploader)
    with pytest.raises(intake.IntakeError, match="can no longer be edited"):
        rowcheck.edit_cell(upload.rows.get(number=2), 3, "4")
    with pytest.raises(intake.IntakeError) as again:
        intake.remap_upload(upload, changed, "UTC")
    assert again.value.messages == ["The rows of this upload are being checked right now; try again in a minute."]

    assert intake.stale_uploads() == []
    Upload.objects.filter(pk=upload.pk).update(heartbeat_at=timezone.now() - timedelta(seconds=121))
    assert intake.stale_uploads() == [upload.pk]
    intake.recover_upload(upload.pk)

    upload.refresh_from_db()
    assert (upload.status, upload.preset["columns"]["agent_id"]) == (Upload.Status.READY, "agent_id")
    assert _checked(upload) == before
    assert intake.stale_uploads() == []


def test_a_reading_that_died_half_way_is_read_again_from_the_stored_file(uploader, tmp_path, small_chunks, monkeypatch):
    real, calls = intake._heartbeat, []

    def die_at_the_second_chunk(up):
        calls.append(up.pk)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real(up)

    monkeypatch.setattr(intake, "_heartbeat", die_at_the_second_chunk)
    with pytest.raises(KeyboardInterrupt):
        _create(uploader, tmp_path, [answer(n) for n in range(10)])
    monkeypatch.setattr(intake, "_heartbeat", real)
    upload = Upload.objects.get()
    assert (upload.status, upload.rows.count()) == (Upload.Status.READING, 4)

    intake.recover_upload(upload.pk)  # not stale yet: nothing happens
    assert Upload.objects.get().status == Upload.Status.READING
    Upload.objects.filter(pk=upload.pk).update(heartbeat_at=timezone.now() - timedelta(seconds=121))
    intake.recover_upload(upload.pk)

    upload.refresh_from_db()
    assert (upload.status, upload.rows.count()) == (Upload.Status.READY, 10)
    assert list(upload.rows.order_by("number").values_list("number", flat=True)) == list(range(2, 12))


def test_a_taken_over_run_stops_at_its_next_chunk(uploader, tmp_path, small_chunks, monkeypatch):
    upload = _create(uploader, tmp_path, [answer(n) for n in range(10)])
    real, calls = intake._heartbeat, []

    def taken_over_after_the_first_chunk(up):
        calls.append(up.pk)
        if len(calls) == 2:
            Upload.objects.filter(pk=up.pk).update(lease="the recovery's lease")
        real(up)

    monkeypatch.setattr(intake, "_heartbeat", taken_over_after_the_first_chunk)
    with pytest.raises(intake.IntakeError) as stopped:
        intake.remap_upload(upload, mapping.Preset.from_json(upload.preset), "UTC")
    assert stopped.value.messages == ["The check of this upload was taken over after a long pause; see its page."]


def test_an_unknown_time_zone_leaves_the_upload_as_it_was(uploader, tmp_path):
    upload = _create(uploader, tmp_path, [answer(1)])
    with pytest.raises(ValueError):
        intake.remap_upload(upload, mapping.Preset.from_json(upload.preset), "Mars/Olympus")
    upload.refresh_from_db()
    assert (upload.status, upload.time_zone) == (Upload.Status.READY, "UTC")


def _delivered(upload: Upload, result: str, numbers: list[int]) -> None:
    """Record what a delivery of `upload` did to rows `numbers` (as sending._record_results does)."""
    Upload.objects.filter(pk=upload.pk).update(status=Upload.Status.DONE_WITH_ERRORS)
    upload.rows.filter(number__in=numbers).update(result=result, maestro_id="M1" if result == "created" else "")


def test_it_leaves_out_rows_an_earlier_delivery_did_not_confirm(uploader, tmp_path):
    first = _create(uploader, tmp_path, [answer(n) for n in range(4)], "first.csv")
    _delivered(first, Row.Result.UNCONFIRMED, [2, 3])
    _delivered(first, Row.Result.CREATED, [4])

    again = _create(uploader, tmp_path, [answer(n) for n in range(5)], "again.csv")

    rows = {row.number: (row.status, row.note) for row in again.rows.all()}
    assert rows == {
        2: ("duplicate", f"not confirmed by an earlier delivery: upload #{first.pk} (row 2) sent it but MaestroQA "
                         "never confirmed it, so it may already exist there. Check in MaestroQA before including it"),
        3: ("duplicate", f"not confirmed by an earlier delivery: upload #{first.pk} (row 3) sent it but MaestroQA "
                         "never confirmed it, so it may already exist there. Check in MaestroQA before including it"),
        4: ("duplicate", f"already created in MaestroQA by upload #{first.pk} (row 4)"),
        5: ("valid", ""),
        6: ("valid", ""),
    }
    assert [row.sent_before for row in again.rows.order_by("number")] == [True, True, True, False, False]


def test_a_copy_of_a_row_above_whose_answer_was_created_says_it_was_created(uploader, tmp_path):
    first = _create(uploader, tmp_path, [answer(1)], "first.csv")
    _delivered(first, Row.Result.CREATED, [2])
    again = _create(uploader, tmp_path, [answer(1), answer(2), answer(1)], "again.csv")
    notes = [row.note for row in again.rows.order_by("number")]  # QA round 49b: row 4 read "identical to row 2",
    created = f"already created in MaestroQA by upload #{first.pk} (row 2)"  # one click from being sent again
    assert notes == [created, "", created]
    Upload.objects.filter(pk=again.pk).update(status=Upload.Status.READY)
    again.rows.filter(number=4).update(note="identical to row 2 in every mapped field", include_anyway=True)
    assert rowstore.mark_sent_elsewhere(again) == 1  # at submit: the copy included anyway is held again
    assert again.rows.values_list("include_anyway", "note").get(number=4) == (False, created)


def test_the_same_file_read_in_another_time_zone_is_not_sent_again(uploader, tmp_path):
    """QA round 78b: a team sheet delivered under Europe/London, uploaded again under America/New_York, gave every
    answer again five hours later, and all were created a second time."""
    first = intake.create_upload(uploader, make_csv(tmp_path, [answer(1), answer(2)], "team.csv"), "team.csv",
                                 intake.ReadOptions(time_zone="Europe/London"))
    _delivered(first, Row.Result.CREATED, [2, 3])
    path = make_csv(tmp_path, [answer(1), answer(2), answer(3)], "team.csv")
    again = intake.create_upload(uploader, path, "team.csv", intake.ReadOptions(time_zone="America/New_York"))

    rows = list(again.rows.order_by("number"))
    assert [row.status for row in rows] == ["duplicate", "duplicate", "valid"]
    assert rows[0].note == (
        f"already created in MaestroQA by upload #{first.pk} (row 2) at 2026-10-02T07:00:00.000Z: the same ticket, "
        "agent and score at another hour, as when a file is read in another time zone. Check the time zone before "
        "including it")
    assert rows[0].item["submitted_at"] == "2026-10-02T12:00:00.000Z" and rows[0].sent_before


def test_a_mapping_applied_again_in_another_time_zone_keeps_its_reason(uploader, tmp_path):
    """QA round 78b: choosing only a time zone made the page and the reviewer read "changed by you"."""
    upload = _create(uploader, tmp_path, [answer(1)])
    reason = upload.preset_reason
    fixes.remap_upload(upload, uploader, mapping.Preset.from_json(upload.preset), "Europe/London")
    upload.refresh_from_db()
    assert (upload.time_zone, upload.preset_reason) == ("Europe/London", reason)
    assert not reason.startswith(intake.USER_MAPPING)


def test_it_names_another_teams_upload_as_such(uploader, tmp_path):
    first = _create(uploader, tmp_path, [answer(1)], "first.csv")
    _delivered(first, Row.Result.CREATED, [2])
    Upload.objects.filter(pk=first.pk).update(team=Team.objects.create(name="Beta"))

    again = _create(uploader, tmp_path, [answer(1)], "again.csv")

    assert again.rows.get().note == f"already created in MaestroQA by another team's upload #{first.pk} (row 2)"


LONG_EXPORT = (
    "ResponseId,CaseNumber,Case Owner Email,QuestionName,NumberValue,ChoiceValue,ResponseShortText,CompletionDateTime\n"
    "R1,00001026,ana@acme.example,Overall satisfaction,4,,,2026-09-20T09:00:00.000+0000\n"
    "R1,00001026,ana@acme.example,Any comments?,,,All good,2026-09-20T09:00:00.000+0000\n"
    "R2,00001027,bo@acme.example,Any comments?,,,Nobody rated,2026-09-21T10:30:00.000+0200\n"
)


def test_an_edit_of_a_long_exports_comment_row_reaches_its_rated_row(uploader, tmp_path):
    path = tmp_path / "salesforce.csv"
    path.write_text(LONG_EXPORT, encoding="utf-8")
    upload = intake.create_upload(uploader, path, path.name, intake.ReadOptions(time_zone="UTC"))
    rated, comment, orphan = upload.rows.order_by("number")
    assert (rated.item["comment"], orphan.status) == ("All good", "skipped")
    assert orphan.note.endswith("; this response has no rated row, so its comment is not sent (an item needs a "
                                "score)")

    changed = rowcheck.edit_cell(comment, 6, "All good, thanks")

    rated.refresh_from_db()
    assert rated.item["comment"] == "All good, thanks"
    assert {row.number for row in changed} == {2, 3}


def _long_export(uploader, tmp_path, text: str) -> tuple[Upload, list[Row]]:
    path = tmp_path / "salesforce.csv"
    path.write_text(text, encoding="utf-8")
    upload = intake.create_upload(uploader, path, path.name, intake.ReadOptions(time_zone="UTC"))
    return upload, list(upload.rows.order_by("number"))


def test_a_rated_rows_own_comment_cleared_takes_its_responses_comment_row(uploader, tmp_path):
    upload, (rated, comment, _) = _long_export(uploader, tmp_path, LONG_EXPORT.replace(
        "Overall satisfaction,4,,,", "Overall satisfaction,4,,Own text,"))
    assert rated.item["comment"] == "Own text" and "has a comment of its own" in comment.note

    rowcheck.edit_cell(rated, 6, "")

    rated.refresh_from_db()
    comment.refresh_from_db()
    assert rated.item["comment"] == "All good"
    assert comment.note.endswith("its answer is sent as the comment of this response's rated row")


@pytest.mark.parametrize("action", ["exclude", "delete"])
def test_a_comment_row_excluded_or_deleted_lends_no_comment(uploader, tmp_path, action):
    upload, (rated, comment, _) = _long_export(uploader, tmp_path, LONG_EXPORT)

    fixes.apply_fix(upload, uploader, action, fixes.select_rows(upload, [comment.pk], {}))

    rated.refresh_from_db()
    assert "comment" not in rated.item
    fixes.undo_last(upload, uploader)
    rated.refresh_from_db()
    assert rated.item["comment"] == "All good"


def test_created_wins_over_not_confirmed(uploader, tmp_path):
    first = _create(uploader, tmp_path, [answer(1)], "first.csv")
    _delivered(first, Row.Result.UNCONFIRMED, [2])
    second = _create(uploader, tmp_path, [answer(1)], "second.csv")
    second.rows.update(status=Row.Status.VALID, note="")
    _delivered(second, Row.Result.CREATED, [2])
    third = _create(uploader, tmp_path, [answer(1)], "third.csv")
    assert third.rows.get().note == f"already created in MaestroQA by upload #{second.pk} (row 2)"


def test_including_a_row_an_earlier_delivery_did_not_confirm_needs_the_confirmation(uploader, tmp_path):
    first = _create(uploader, tmp_path, [answer(1), answer(2)], "first.csv")
    _delivered(first, Row.Result.UNCONFIRMED, [2])
    again = _create(uploader, tmp_path, [answer(1), answer(2)], "again.csv")
    rows = again.rows.filter(number=2)

    with pytest.raises(fixes.FixError) as refused:
        fixes.apply_fix(again, uploader, "include", rows)
    assert str(refused.value) == ("Tick the box to confirm: these rows may already exist in MaestroQA (an earlier "
                                  "delivery created them or did not confirm them), and sending them again can "
                                  "create duplicates.")
    assert again.rows.get(number=2).include_anyway is False

    fixes.apply_fix(again, uploader, "include", rows, confirmed=True)
    row = again.rows.get(number=2)
    assert (row.status, row.include_anyway) == (Row.Status.DUPLICATE, True)
    submission = delivery.submit_upload(again, uploader)
    assert submission.rows_count == 2


def test_an_edit_keeps_the_not_confirmed_mark(uploader, tmp_path):
    first = _create(uploader, tmp_path, [answer(1, comment="first")], "first.csv")
    _delivered(first, Row.Result.UNCONFIRMED, [2])
    again = _create(uploader, tmp_path, [answer(1, comment="first"), answer(2)], "again.csv")
    rowcheck.edit_cell(again.rows.get(number=3), 4, "edited")
    assert again.rows.get(number=2).sent_before is True


def test_the_table_asks_for_the_confirmation_before_including_such_a_row(uploader, tmp_path, client):
    first = _create(uploader, tmp_path, [answer(1)], "first.csv")
    _delivered(first, Row.Result.UNCONFIRMED, [2])
    again = _create(uploader, tmp_path, [answer(1)], "again.csv")
    row = again.rows.get()
    client.force_login(uploader)

    page = client.get(f"/uploads/{again.pk}/")
    assert page.status_code == 200
    assert "I checked; send it even if that creates a duplicate" in page.content.decode()
    url = f"/uploads/{again.pk}/fix/"
    client.post(url, {"action": "include", "scope": "selected", "rows": [row.pk]})
    assert again.rows.get().include_anyway is False
    client.post(url, {"action": "include", "scope": "selected", "rows": [row.pk], "confirm": "yes"})
    assert again.rows.get().include_anyway is True


def test_it_stores_a_file_with_a_nul_character_on_every_database(uploader, tmp_path):
    path = tmp_path / "nul.csv"
    path.write_bytes(b"submitted_at,ticket_id,agent_id,score,comment\n2026-10-05 09:00,1,A1,5,o\x00k\n")

    upload = intake.create_upload(uploader, path, path.name, intake.ReadOptions(time_zone="UTC"))

    row = upload.rows.get()
    assert (row.status, row.cells[4]) == ("invalid", "o\u2400k")
    assert [error["message"] for error in row.errors] == [
        "Row 2, column 'comment': held a NUL character (U+0000), shown as \u2400: it cannot be stored or sent. "
        "Delete it and retype the value."]


def test_a_new_mapping_works_out_its_notices_again(tmp_path):
    """QA round 38a: "No column was recognised as the ticket id ... Until then every row is invalid" stayed above a
    table of valid rows after the user chose the ticket column."""
    owner = get_user_model().objects.create_user("nadia")
    path = tmp_path / "team.csv"
    path.write_text("Zeitpunkt,Kundennr,Bearbeiter XY,Wert\n2026-10-05 09:00,K1000,ana@example.com,5\n"
                    "2026-10-05 10:00,K1001,ana@example.com,4\n", encoding="utf-8")
    upload = intake.create_upload(owner, path, path.name, intake.ReadOptions(time_zone="UTC"))
    assert any(notice.startswith("No column was recognised as the ticket id") for notice in upload.notices)
    chosen = mapping.Preset.from_json(upload.preset)  # as the mapping page builds it: its dicts are the upload's
    chosen.columns.update(ticket_id="Kundennr", agent_email="Bearbeiter XY", score="Wert")
    intake.remap_upload(upload, chosen, "UTC")
    upload.refresh_from_db()
    assert not any(notice.startswith("No column was recognised as the ticket id") for notice in upload.notices)
    assert upload.rows.filter(status="valid").count() == 2


def test_a_reason_naming_many_long_headers_is_cut_to_what_the_database_holds(uploader, tmp_path):
    extra = [f"Customer attribute number {n} copied from the CRM account record" for n in range(20)]
    header = ["Ticket ID", "Agent Email", "Score", "Submitted At", *extra]
    path = tmp_path / "wide.csv"
    path.write_text(",".join(header) + "\n" + ",".join(["48213", "ana@example.com", "5", "2026-10-05 10:00"]
                                                        + ["x"] * 20) + "\n", encoding="utf-8")
    saved_from(uploader, path, "UTC", "Wide CRM sheet")
    again = intake.create_upload(uploader, path, path.name, intake.ReadOptions(time_zone="UTC"))
    assert again.preset_name == "Wide CRM sheet"  # a Postgres varchar(500) had refused the longer reason
    assert len(again.preset_reason) == 500 and again.preset_reason.endswith("…")


def test_a_skip_reason_quotes_a_long_cell_cut_short(uploader, tmp_path):
    path = tmp_path / "total.csv"
    path.write_text("Ticket ID,Agent Email,Score,Submitted At\n1,a@example.com,5,2026-10-05 10:00\n"
                    f"Total {'x' * 700},,,\n", encoding="utf-8")
    upload = intake.create_upload(uploader, path, path.name, intake.ReadOptions(time_zone="UTC"))
    skipped = upload.rows.get(number=3)  # a Postgres varchar(500) had refused the upload
    assert (skipped.status, skipped.note) == (
        "skipped", f"'Total {'x' * 73}…' is a note or a label beside the answers, not an answer")


def test_an_uploaders_own_saved_preset_comes_before_another_teams(uploader, tmp_path):
    other = get_user_model().objects.create_user("otto", password="correct horse 8")
    path = weekly_csv(tmp_path, "05/10/2026 10:00")
    saved_from(uploader, path, "UTC", "US weekly")
    theirs = intake.create_upload(other, path, path.name, intake.ReadOptions(time_zone="UTC"))
    theirs.preset["date_order"] = "DMY"
    theirs.save()
    saved_presets.save_mapping(theirs, "APAC weekly", other)  # newer, another team's
    again = intake.create_upload(uploader, path, path.name, intake.ReadOptions())
    assert again.preset_name == "US weekly"  # QA round 49b: otto's day-first preset had read maria's dates
    assert intake.create_upload(other, path, path.name, intake.ReadOptions()).preset_name == "APAC weekly"


def test_applying_a_saved_preset_keeps_the_zone_chosen_for_the_upload_and_says_so(uploader, tmp_path):
    path = weekly_csv(tmp_path)
    saved_from(uploader, path, "America/Chicago", "Chicago weekly")
    upload = intake.create_upload(uploader, path, "other.csv", intake.ReadOptions(time_zone="America/New_York"))
    said = fixes.apply_preset(upload, uploader, saved_presets.find_preset("Chicago weekly"))
    upload.refresh_from_db()
    assert (upload.time_zone, upload.rows.get().item["submitted_at"]) == ("America/New_York", "2026-10-05T14:00:00.000Z")
    assert said == ("The times stay in America/New_York, the time zone chosen for this upload, not the preset's "
                    "America/Chicago: set Time zone below if the file's times are in America/Chicago.")  # QA 49b
    automatic = intake.create_upload(uploader, path, "third.csv", intake.ReadOptions(preset=saved_presets.find_preset(
        "Plain API fields")))
    said = fixes.apply_preset(automatic, uploader, saved_presets.find_preset("Chicago weekly"))
    automatic.refresh_from_db()
    assert automatic.time_zone == "America/Chicago"  # none chosen: the preset's
    assert said == "The times are now read in America/Chicago, the preset's time zone (before: UTC)."


def test_another_teams_saved_preset_is_not_applied_on_its_own(uploader, tmp_path):
    """QA round 57d: a London team's preset read a US team's times in Europe/London; an admin's (no team) is
    everyone's."""
    london, chicago = Team.objects.create(name="Tier 2 EMEA"), Team.objects.create(name="Billing US")
    other = get_user_model().objects.create_user("otto", password="correct horse 8")
    london.members.add(other)
    chicago.members.add(uploader)
    path = weekly_csv(tmp_path)
    saved_from(other, path, "Europe/London", "EMEA weekly")
    assert intake.create_upload(uploader, path, path.name, intake.ReadOptions()).preset_name != "EMEA weekly"
    assert "EMEA weekly" in saved_presets.preset_names()  # still offered, to apply by hand
    london.members.remove(other)
    assert intake.create_upload(uploader, path, path.name, intake.ReadOptions()).preset_name == "EMEA weekly"


def test_applying_a_preset_replaces_a_zone_the_automatically_applied_preset_set(uploader, tmp_path):
    """QA round 57d: a London zone an auto-matched preset brought was kept as "chosen for this upload"."""
    path = weekly_csv(tmp_path)
    saved_from(uploader, path, "Europe/London", "London weekly")
    saved_from(uploader, path, "America/Chicago", "Chicago weekly", "c.csv")
    upload = intake.create_upload(uploader, path, "third.csv", intake.ReadOptions(
        preset=saved_presets.find_preset("London weekly")))
    assert upload.time_zone == "Europe/London"
    said = fixes.apply_preset(upload, uploader, saved_presets.find_preset("Chicago weekly"))
    upload.refresh_from_db()
    assert (upload.time_zone, said) == (
        "America/Chicago", "The times are now read in America/Chicago, the preset's time zone (before: Europe/London).")


def test_the_column_limit_is_a_setting(tmp_path, settings):
    """QA round 68b: the 500-column limit was fixed in code, and undocumented."""
    settings.UPLOAD_MAX_COLUMNS = 3
    path = tmp_path / "wide.csv"
    path.write_text("Ticket,Date,Agent email,Score\n48213,2026-10-05 09:00,a@acme.com,5\n", encoding="utf-8")
    with pytest.raises(intake.IntakeError) as refused:
        intake.read_file(path, path.name, intake.ReadOptions())
    assert refused.value.text().startswith("The file has 4 columns; the most we can read is 3.")
