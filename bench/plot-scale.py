#!/usr/bin/env python3
"""Draws how the catalog's costs grow with the library, from the table bench/run-scale.sh prints.

Usage: bench/plot-scale.py RESULTS.txt OUT.svg

Four panels, each against the number of modules on a log scale: boot and Karaf's floor (and twice the
floor, the target), heap, one update's median time, and the list's and one module's median latency.
Plain SVG, no plotting library, so it runs wherever the benchmark does.
"""
import math
import re
import sys
from xml.sax.saxutils import escape

W, H = 950, 640
PANEL_W, PANEL_H = 360, 200
LEFT, TOP = 90, 70
GAP_X, GAP_Y = 90, 110
COLOURS = ["#1b6ca8", "#c0392b", "#7f8c8d", "#27ae60"]


def read(path):
    """The rows of a run-scale.sh table: modules, boot, floor, heap, update and latency medians."""
    rows = []
    for line in open(path, encoding="utf-8"):
        f = line.split()
        if not f or not f[0].isdigit():
            continue
        median = lambda triple: float(triple.split("/")[1])
        micros = lambda pair: float(re.match(r"([0-9.]+)us", pair).group(1))
        rows.append({
            "modules": int(f[0]), "boot": int(f[1]) / 1000, "floor": int(f[2]) / 1000,
            "busy": median(f[4]), "idle": median(f[6]), "heap": max(int(f[7]), 1), "kb": float(f[8]),
            "list": micros(f[9]), "module": micros(f[10]),
        })
    if len(rows) < 2:
        sys.exit(f"{path}: need at least two sizes from bench/run-scale.sh")
    return sorted(rows, key=lambda r: r["modules"])


def decades(lo, hi):
    return [10 ** e for e in range(math.floor(math.log10(lo)), math.ceil(math.log10(hi)) + 1)]


def panel(out, x0, y0, title, rows, series, ylabel, log_y):
    xs = [r["modules"] for r in rows]
    xt = decades(min(xs), max(xs))
    values = [r[key] for _, key, _ in series for r in rows]
    if log_y:
        yt = decades(min(values), max(values))
    else:
        top = max(values) * 1.15
        step = 10 ** math.floor(math.log10(top / 2))
        step *= 2 if top / step > 8 else 1
        yt = [i * step for i in range(int(top // step) + 2)]
    fx = lambda v: x0 + PANEL_W * (math.log10(v) - math.log10(xt[0])) / (math.log10(xt[-1]) - math.log10(xt[0]))
    if log_y:
        fy = lambda v: y0 + PANEL_H - PANEL_H * (math.log10(v) - math.log10(yt[0])) / (math.log10(yt[-1]) - math.log10(yt[0]))
    else:
        fy = lambda v: y0 + PANEL_H - PANEL_H * v / yt[-1]
    out.append(f'<text x="{x0}" y="{y0 - 30}" font-size="15" font-weight="bold">{escape(title)}</text>')
    out.append(f'<rect x="{x0}" y="{y0}" width="{PANEL_W}" height="{PANEL_H}" fill="none" stroke="#999"/>')
    for t in xt:
        out.append(f'<line x1="{fx(t):.1f}" y1="{y0}" x2="{fx(t):.1f}" y2="{y0 + PANEL_H}" stroke="#eee"/>')
        out.append(f'<text x="{fx(t):.1f}" y="{y0 + PANEL_H + 16}" font-size="12" text-anchor="middle">{t:,}</text>')
    for t in yt:
        out.append(f'<line x1="{x0}" y1="{fy(t):.1f}" x2="{x0 + PANEL_W}" y2="{fy(t):.1f}" stroke="#eee"/>')
        label = f"{t:,.0f}" if t >= 1 else f"{t:g}"
        out.append(f'<text x="{x0 - 6}" y="{fy(t) + 4:.1f}" font-size="12" text-anchor="end">{label}</text>')
    out.append(f'<text x="{x0 + PANEL_W / 2}" y="{y0 + PANEL_H + 34}" font-size="12" text-anchor="middle">'
               'modules in the library (16 languages each)</text>')
    out.append(f'<text transform="translate({x0 - 58},{y0 + PANEL_H / 2}) rotate(-90)" font-size="12" '
               f'text-anchor="middle">{escape(ylabel)}</text>')
    for i, (name, key, dash) in enumerate(series):
        colour = COLOURS[i % len(COLOURS)]
        points = " ".join(f"{fx(r['modules']):.1f},{fy(r[key]):.1f}" for r in rows)
        out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"'
                   + (' stroke-dasharray="6 4"' if dash else "") + "/>")
        for r in rows:
            out.append(f'<circle cx="{fx(r["modules"]):.1f}" cy="{fy(r[key]):.1f}" r="3" fill="{colour}"/>')
        out.append(f'<line x1="{x0 + 10}" y1="{y0 + 16 + 16 * i}" x2="{x0 + 30}" y2="{y0 + 16 + 16 * i}" '
                   f'stroke="{colour}" stroke-width="2"' + (' stroke-dasharray="6 4"' if dash else "") + "/>")
        out.append(f'<text x="{x0 + 36}" y="{y0 + 20 + 16 * i}" font-size="12">{escape(name)}</text>')


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    rows = read(sys.argv[1])
    for r in rows:
        r["target"] = 2 * r["floor"]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
           'font-family="sans-serif" role="img" aria-labelledby="t d">',
           '<title id="t">How the catalog\'s costs grow with the library</title>',
           '<desc id="d">' + escape("; ".join(
               f"{r['modules']:,} modules: boot {r['boot']:.1f} s against a floor of {r['floor']:.1f} s, "
               f"heap {r['heap']:,} MB, update median {r['busy']:.0f} ms, list {r['list']:.0f} µs, "
               f"module {r['module']:.0f} µs" for r in rows)) + "</desc>",
           f'<rect width="{W}" height="{H}" fill="white"/>']
    panel(out, LEFT, TOP, "Boot to ready", rows,
          [("Careleaf", "boot", False), ("Karaf alone (floor)", "floor", False), ("2 × floor (target)", "target", True)],
          "seconds", True)
    panel(out, LEFT + PANEL_W + GAP_X, TOP, "Heap after GC (Careleaf minus Karaf)", rows,
          [("total", "heap", False)], "MB", True)
    panel(out, LEFT, TOP + PANEL_H + GAP_Y, "One update until served (median)", rows,
          [("right after ready", "busy", False), ("once idle", "idle", False)], "ms (the deployer polls every 1 s)", False)
    panel(out, LEFT + PANEL_W + GAP_X, TOP + PANEL_H + GAP_Y, "Latency, one connection (median)", rows,
          [("first list page", "list", False), ("one module", "module", False)], "µs", False)
    out.append("</svg>")
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
