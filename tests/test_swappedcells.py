"""Date cells a spreadsheet swapped (uploads/swappedcells.py): when a column's own dates prove it."""

import pytest

from uploads.swappedcells import swapped_back


@pytest.mark.parametrize(("texts", "order", "back"), [
    (["2026-03-10 08:14:27", "2026-11-10 07:29:28", "14/10/2026 05:02:12"], "DMY", True),  # 3 and 11 October
    (["2026-06-10 00:02:30", "10/13/2026 09:12:45 AM"], "MDY", True),  # a US export opened day first
    (["2026-03-10 08:14:27", "2026-10-25 11:00:00", "14/10/2026 05:02:12"], "DMY", False),  # day 25: a true cell
    (["2026-10-03 08:14:27", "14/10/2026 05:02:12"], "DMY", False),  # as it is, among the typed dates
    (["2026-03-10 08:14:27", "14/03/2026 05:02:12"], "DMY", False),  # read back, months from them
    (["2026-03-10 08:14:27"], "DMY", False),  # no typed date to compare
    (["2026-03-10 08:14:27", "14/10/2026 05:02:12"], None, False),
])
def test_it_reads_date_cells_back_only_when_the_typed_dates_prove_the_swap(texts, order, back) -> None:
    assert swapped_back(texts, order) is back
