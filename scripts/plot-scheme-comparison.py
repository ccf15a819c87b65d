#!/usr/bin/python3
"""Draws the table of lte-security-scheme-comparison: security bytes per completed handover by
scheme, one panel per handover type, the interfaces stacked; and the latency to the confirm.

    scripts/plot-scheme-comparison.py lte-security-scheme-comparison.csv [--out PREFIX]

Writes PREFIX.png and PREFIX.svg (PREFIX: the CSV's name without .csv).
"""
import argparse
import csv
import sys
from collections import OrderedDict

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

COLUMNS = ["scheme", "type", "interface", "completed", "security_bytes", "latency_ms"]


def read(path):
    rows = []
    with open(path, newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            sys.exit(f"{path}: not a scheme-comparison table (no column {', '.join(missing)})")
        for r in reader:
            rows.append(r)
    if not rows:
        sys.exit(f"{path}: no rows")
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", help="the CSV written by lte-security-scheme-comparison")
    parser.add_argument("--out", help="output prefix (default: the CSV's name without .csv)")
    args = parser.parse_args()
    rows = read(args.csv)
    out = args.out or (args.csv[:-4] if args.csv.endswith(".csv") else args.csv)

    schemes = list(OrderedDict.fromkeys(r["scheme"] for r in rows if r["scheme"] != "off"))
    types = sorted(OrderedDict.fromkeys(r["type"] for r in rows))
    interfaces = list(OrderedDict.fromkeys(r["interface"] for r in rows))
    security = {}
    latency = {}
    for r in rows:
        if int(r["completed"]) == 0:
            continue
        security[(r["scheme"], r["type"], r["interface"])] = float(r["security_bytes"])
        latency[(r["scheme"], r["type"])] = float(r["latency_ms"])

    fig, axes = plt.subplots(1, len(types) + 1, figsize=(4 * (len(types) + 1), 4))
    for ax, t in zip(axes, types):
        bottom = [0.0] * len(schemes)
        for i in interfaces:
            values = [security.get((s, t, i), 0.0) for s in schemes]
            if any(values):
                colour = "C%d" % interfaces.index(i)  # one colour per interface in every panel
                ax.bar(schemes, values, bottom=bottom, label=i, color=colour)
                bottom = [b + v for b, v in zip(bottom, values)]
        ax.set_title(t)
        ax.set_ylabel("security bytes per handover")
        ax.legend(fontsize="small")
    ax = axes[-1]
    width = 0.8 / max(1, len(types))
    for k, t in enumerate(types):
        xs = [j + k * width for j in range(len(schemes))]
        ax.bar(xs, [latency.get((s, t), 0.0) for s in schemes], width=width, label=t)
    ax.set_xticks([j + width * (len(types) - 1) / 2 for j in range(len(schemes))])
    ax.set_xticklabels(schemes)
    ax.set_ylabel("latency to the confirm (ms)")
    ax.set_title("latency")
    ax.legend(fontsize="small")
    fig.tight_layout()
    for ext in ("png", "svg"):
        fig.savefig(f"{out}.{ext}")
    print(f"{out}.png {out}.svg")


if __name__ == "__main__":
    main()
