"""What a row stores from its check: duplicate and cross-upload keys (uploads/rowstore.py)."""

import importlib

from uploads import rowstore

ITEM = {"submitted_at": "2026-10-05T14:48:00.000Z", "ticket_id": "50101", "agent_email": "ben@example.com",
        "score": 5, "min_score": 1, "max_score": 5}


def test_it_keys_an_email_in_any_case_as_one_address():
    upper = {**ITEM, "agent_email": "BEN@Example.com"}

    assert rowstore.item_key(upper) == rowstore.item_key(ITEM)
    assert rowstore.match_key(upper) == rowstore.match_key(ITEM)
    assert rowstore.item_key({**ITEM, "agent_email": "ann@example.com"}) != rowstore.item_key(ITEM)


def test_the_migration_rekeys_stored_rows_as_rowstore_keys_new_ones():
    migration = importlib.import_module("uploads.migrations.0008_email_case_keys")
    upper = {**ITEM, "agent_email": "BEN@Example.com"}

    assert migration._keys(upper) == (rowstore.item_key(upper), rowstore.match_key(upper))
    assert migration._keys({**upper, "agent_id": "381"}) == (rowstore.item_key({**upper, "agent_id": "381"}),
                                                             rowstore.match_key({**upper, "agent_id": "381"}))
