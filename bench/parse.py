"""Parse + validate speed and memory against a bare read of the same file (issue 3).

Writes a 100,000-row CSV and the same rows as XLSX, then for each file measures,
each run in a fresh process: our parse_file + choose_preset + check_sheet +
mark_duplicates, and a bare `pandas.read_csv(dtype=str)` / bare workbook read
(`pandas.read_excel(engine="calamine", dtype=str)`). Imports (pandas, our
modules) happen before the clock starts in both cases, and the clock is the
process's CPU time, so that other load on a shared machine does not skew the
ratio (wall time on a busy 2-core box varied 2x run to run). Prints the median seconds
of several runs, peak RSS, the ratio of parse+validate to the bare read, and the
parse-only ratio (parse_file alone). Target: ratio <= 3, peak < 1 GB.
The last line is one JSON object with the same figures.

    .venv/bin/python bench/parse.py [--rows 100000] [--runs 3]
"""

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADER = ["submitted_at", "ticket_id", "agent_id", "agent_email", "score", "score_label", "comment"]


def make_rows(count: int):
    """Rows in the plain API-field layout; every 20th row has a bad score."""
    for n in range(count):
        score = "7" if n % 20 == 0 else str(1 + n % 5)
        yield [
            f"2026-10-{1 + n % 28:02d}T{n % 24:02d}:{n % 60:02d}:00Z", f"{922250800000 + n}",
            f"{3812345670000 + n % 50}", f"agent{n % 50}@example.com", score, "",
            f"Comment number {n}, with a comma",
        ]


def write_files(folder: Path, count: int) -> tuple[Path, Path]:
    import csv

    import openpyxl

    csv_path, xlsx_path = folder / "bench.csv", folder / "bench.xlsx"
    with csv_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(make_rows(count))
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("CSAT")
    sheet.append(HEADER)
    for row in make_rows(count):
        sheet.append(row)
    book.save(xlsx_path)
    return csv_path, xlsx_path


def measure_once(kind: str, path: Path) -> dict:
    """Run in a child process: one read of `path`; seconds (parse_seconds: parse_file alone) and peak RSS in MB."""
    import pandas

    sys.path.insert(0, str(ROOT))
    from uploads import mapping, parsing, validation

    started = time.process_time()
    parse_seconds = None
    if kind == "ours":
        sheet = parsing.parse_file(path, path.name, limits=parsing.Limits(max_rows=10_000_000))
        parse_seconds = time.process_time() - started
        preset, _ = mapping.choose_preset(sheet, mapping.builtin_presets())
        checked = validation.check_sheet(sheet, preset, time_zone="UTC")
        validation.mark_duplicates(checked.rows)
        rows = len(checked.rows)
    else:
        frame = (pandas.read_csv(path, dtype=str, keep_default_na=False) if path.suffix == ".csv"
                 else pandas.read_excel(path, engine="calamine", dtype=str))
        rows = len(frame)
    seconds = time.process_time() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "parse_seconds": parse_seconds, "peak_mb": peak_mb, "rows": rows}


def measure(kind: str, path: Path, runs: int) -> dict:
    results = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, __file__, "--one", kind, str(path)], check=True, capture_output=True, text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        ).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
    parse = [r["parse_seconds"] for r in results if r["parse_seconds"] is not None]
    return {
        "seconds": round(statistics.median(r["seconds"] for r in results), 3),
        "parse_seconds": round(statistics.median(parse), 3) if parse else None,
        "peak_mb": round(max(r["peak_mb"] for r in results), 1),
        "rows": results[0]["rows"],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--one", nargs=2, metavar=("KIND", "PATH"))
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure_once(args.one[0], Path(args.one[1]))))
        return
    figures = {"rows": args.rows, "runs": args.runs}
    with tempfile.TemporaryDirectory() as folder:
        for label, path in zip(("csv", "xlsx"), write_files(Path(folder), args.rows), strict=True):
            ours, bare = measure("ours", path, args.runs), measure("bare", path, args.runs)
            ratio = round(ours["seconds"] / bare["seconds"], 2)
            parse_ratio = round(ours["parse_seconds"] / bare["seconds"], 2)
            print(f"{label}: parse+validate {ours['seconds']} s (peak {ours['peak_mb']} MB); "
                  f"bare read {bare['seconds']} s (peak {bare['peak_mb']} MB); ratio {ratio}x; "
                  f"parse only {ours['parse_seconds']} s, ratio {parse_ratio}x")
            figures[label] = {"ours_seconds": ours["seconds"], "ours_parse_seconds": ours["parse_seconds"],
                              "ours_peak_mb": ours["peak_mb"], "bare_seconds": bare["seconds"],
                              "bare_peak_mb": bare["peak_mb"], "ratio": ratio, "parse_ratio": parse_ratio}
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
