import json
import os
import sys

sys.path.insert(0, os.path.join(os.getcwd(), "docs", "_tools"))
import figures

RUNS = ("bench-cpu.json", "bench-cuda.json")

# Why a recipe of each kind can miss the 1.10x target; the rows say which did.
KIND_REASONS = {
    "view": "a fixed cost per call: the recipe checks its arguments in Python, a few "
    "microseconds, against a C++ call that returns a view in about as long",
    "metadata": "shape arithmetic in Python against a C++ attribute read: a fixed cost "
    "per call of a few microseconds",
    "compute": "extra work to give NumPy's result (a dtype conversion, a second pass over "
    "the data, or a formula that cannot overflow), which grows with the data",
    "copy": "extra passes over the data: a dtype conversion before the join, or a result "
    "assembled from several torch operations where the bare line is one",
}


def _load(name):
    path = os.path.join(os.getcwd(), "docs", "_data", name)
    if not os.path.exists(path):
        return None
    with open(path) as handle:
        return json.load(handle)


def _source(run):
    return (
        f"{run['device']}, {run['machine']}; torch {run['torch']}, NumPy {run['numpy']}, "
        f"Python {run['python']}; run on {run['date']}"
    )


def _table(header, rows):
    # Material's script wraps every table in a box that scrolls sideways.
    print("<table>")
    print("<thead><tr>" + "".join(f"<th>{cell}</th>" for cell in header) + "</tr></thead><tbody>")
    for row in rows:
        print("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>")
    print("</tbody></table>")


def _grows(run, recipe):
    """Whether the recipe's own time grows tenfold or more from the smallest size to the largest."""
    times = sorted((r["size"], r["recipe_median_s"]) for r in run["rows"] if r["recipe"] == recipe)
    return times[-1][1] >= 10 * times[0][1]


def _why_missed(run, target):
    if target["held"]:
        return "&mdash;"
    if "1.10x" not in target["name"]:
        if "clone" in target["name"]:
            return KIND_REASONS["copy"]
        return "the grid is small (76&times;76&times;3), so fixed per-call costs decide the ratio"
    largest = max(r["size"] for r in run["rows"] if not r["route"])
    missed = [r for r in run["rows"] if r["size"] == largest and not r["route"] and r["ratio"] > 1.10]
    parts = []
    for kind, reason in KIND_REASONS.items():
        names = [r["recipe"] for r in missed if r["kind"] == kind]
        if not names:
            continue
        copying = [n for n in names if kind == "view" and _grows(run, n)]
        text = f"<strong>{kind}</strong> ({', '.join(n for n in names if n not in copying)}): {reason}"
        if copying:
            text += (
                f"; <strong>{', '.join(copying)}</strong> is a view on the CPU only: here it copies, "
                "and its time grows with the size"
            )
        parts.append(text)
    return "<br>".join(parts)


def headline() -> None:
    """What holds and what does not, per recorded run, each with its reason."""
    rows = []
    for name in RUNS:
        run = _load(name)
        if run is None:
            rows.append(("&mdash;", name, "not recorded", f"<code>docs/_data/{name}</code> is missing", ""))
            continue
        for target in run["targets"]:
            verdict = "holds" if target["held"] else "<strong>does not hold</strong>"
            rows.append((target["name"], _source(run), verdict, target["detail"], _why_missed(run, target)))
    _table(("target", "run", "verdict", "measured", "why"), rows)


def view_costs() -> None:
    """One sentence per run: the slowest view recipe at the largest size, from the data."""
    for name in RUNS:
        run = _load(name)
        if run is None:
            continue
        largest = max(r["size"] for r in run["rows"] if not r["route"])
        views = [r for r in run["rows"] if r["kind"] == "view" and r["size"] == largest]
        slowest = max(views, key=lambda r: r["recipe_median_s"])
        print(
            f"<p>{run['device']}: the slowest view recipe at {largest:,} elements is "
            f"<code>{slowest['recipe']}</code>, {slowest['recipe_median_s'] * 1e6:,.1f} µs.</p>"
        )


def missing_recipes(run):
    """Public recipes this recorded run has no row for, by name."""
    import cookbook

    return sorted(set(cookbook.__all__) - {row["recipe"] for row in run["rows"]})


def overheads(name: str) -> None:
    """Per-call cost on small inputs: what each recipe adds to its bare op, and why where over."""
    from cookbook.bench import OVERHEAD_LIMIT_S, OVERHEAD_SIZE

    run = _load(name)
    if run is None or not run.get("overhead"):
        print(f"<p><em>No per-call overhead recorded in <code>docs/_data/{name}</code>.</em></p>")
        return
    limit_us = OVERHEAD_LIMIT_S * 1e6
    print(
        f"<p>What each recipe adds to its bare op at {OVERHEAD_SIZE} elements, one thread: the "
        f"Python a call costs before any kernel runs. The target is at most +{limit_us:.1f} µs; "
        "a recipe over it says why in its declaration, and the reason is shown here.</p>"
    )
    rows = [
        (
            f"<code>{row['recipe']}</code><br>vs <code>{row['baseline']}</code>",
            f"{row['recipe_median_s'] * 1e6:,.2f} µs",
            f"{row['baseline_median_s'] * 1e6:,.2f} µs",
            f"{row['added_s'] * 1e6:+,.2f} µs",
            "&mdash;" if row["added_s"] * 1e6 <= limit_us else (row["excuse"] or "<strong>none given</strong>"),
        )
        for row in run["overhead"]
    ]
    _table(("recipe vs baseline", "recipe", "baseline", "added", f"why, where over +{limit_us} µs"), rows)


def render(name: str) -> None:
    run = _load(name)
    if run is None:
        print(f"<p><em>No run recorded yet: <code>docs/_data/{name}</code> is missing.</em></p>")
        return
    print(
        f"<p>From <strong>{_source(run)}</strong>, with <code>{run['command']}</code>. "
        "Not measured when this site was built.</p>"
    )
    missing = missing_recipes(run)
    if missing:
        print(
            f"<p><strong>Not in this run</strong>, added since it was recorded ({len(missing)}): "
            + ", ".join(f"<code>{name}</code>" for name in missing)
            + ".</p>"
        )
    print(figures.benchmark_ratios(run["rows"], run["device"]))
    rows = [
        (
            f"<code>{row['recipe']}</code><br>vs <code>{row['baseline']}</code>",
            row["kind"],
            f"{row['size']:,}",
            f"{row['recipe_median_s'] * 1e6:,.1f} µs",
            f"{row['baseline_median_s'] * 1e6:,.1f} µs",
            f"{row['ratio']:.2f}",
        )
        for row in run["rows"]
    ]
    _table(("recipe vs baseline", "kind", "size", "recipe", "baseline", "ratio"), rows)
