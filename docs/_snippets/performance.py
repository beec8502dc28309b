import json
import os
import sys

sys.path.insert(0, os.path.join(os.getcwd(), "docs", "_tools"))
import figures  # noqa: E402


def render(name: str) -> None:
    path = os.path.join(os.getcwd(), "docs", "_data", name)
    if not os.path.exists(path):
        print(f"<p><em>No run recorded yet: <code>docs/_data/{name}</code> is missing.</em></p>")
        return
    with open(path) as handle:
        run = json.load(handle)
    print(
        f"<p><strong>{run['device']}</strong>, {run['machine']}; torch {run['torch']}, "
        f"NumPy {run['numpy']}, Python {run['python']}; run on {run['date']} with "
        f"<code>{run['command']}</code>.</p>"
    )
    print(figures.benchmark_ratios(run["rows"], run["device"]))
    print("<table><thead><tr><th>recipe</th><th>kind</th><th>size</th><th>recipe</th>"
          "<th>baseline</th><th>ratio</th><th>against</th></tr></thead><tbody>")
    for row in run["rows"]:
        cells = (
            row["recipe"],
            row["kind"],
            f"{row['size']:,}",
            f"{row['recipe_median_s'] * 1e6:,.1f} µs",
            f"{row['baseline_median_s'] * 1e6:,.1f} µs",
            f"{row['ratio']:.2f}",
            row["baseline"],
        )
        print("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    print("</tbody></table>")
    print("<ul>")
    for target in run["targets"]:
        verdict = "held" if target["held"] else "missed"
        print(f"<li><strong>{target['name']}</strong>: {verdict} ({target['detail']})</li>")
    print("</ul>")
