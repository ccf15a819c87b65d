#!/usr/bin/env python3
"""Runs a study: every point of scenario x scheme x speed x parameter set x seed as a separate
process of an example program, on all local cores or as a SLURM array job; resumable, results
merged into one table per kind of output.

A study is a JSON file:

    {
      "name": "reference",
      "program": "lte-security-macro",           # an example of the build (build/bin)
      "args": {"sites": 7, "numUes": 21, "simTime": 20},   # passed to every point
      "axes": {                                    # the cartesian product of these
        "scheme": ["off", "seed", "ts33401"],      # "off" gives --security=0
        "speeds": ["30", "120"],
        "run": [1, 2]
      }
    }

Every axis is a program argument (--<axis>=<value>), except "scheme": "off" becomes
--security=0. Each point runs in <out>/points/<id>/ with --prefix=point, writing point-*.csv;
a point is finished when its "done" file exists, so a rerun skips finished points and runs the
rest (an interrupted point runs again from the start). "merge" concatenates point-summary.csv
and point-handovers.csv of the finished points into <out>/summary.csv and <out>/handovers.csv,
and the same as the tables summary and handovers of <out>/results.sqlite (column types: INTEGER
or REAL when every value is one, else TEXT).

    lte-sec-campaign.py run study.json --out results/ [--jobs N]
    lte-sec-campaign.py slurm study.json --out results/ [--partition P] [--time 01:00:00] [--no-submit]
    lte-sec-campaign.py merge study.json --out results/
    lte-sec-campaign.py status study.json --out results/
"""

import argparse
import concurrent.futures
import csv
import itertools
import json
import os
import shlex
import signal
import sqlite3
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.abspath(os.environ.get("LTESEC_BIN_DIR", os.path.join(ROOT, "build", "bin")))
OUTPUTS = ("summary", "handovers")
CHILDREN = set()  # the points' processes now running


def stop(signum, _frame):
    """Interrupted: the running points stop unfinished (a rerun runs them again)."""
    for child in list(CHILDREN):
        child.terminate()
    sys.stderr.write(f"\ninterrupted (signal {signum}): finished points are kept\n")
    os._exit(128 + signum)


def load(path):
    """The study of a JSON file, checked: a clear error naming what is wrong."""
    try:
        with open(path) as f:
            study = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit(f"study {path}: {e}")
    for key in ("name", "program", "axes"):
        if key not in study:
            sys.exit(f"study {path}: no '{key}'")
    if not isinstance(study["axes"], dict) or not study["axes"]:
        sys.exit(f"study {path}: 'axes' must be an object of lists")
    for axis, values in study["axes"].items():
        if not isinstance(values, list) or not values:
            sys.exit(f"study {path}: axis '{axis}' must be a non-empty list")
    study.setdefault("args", {})
    return study


def points(study):
    """Every point of the study, in a fixed order: (id, {argument: value})."""
    axes = sorted(study["axes"])
    result = []
    for values in itertools.product(*(study["axes"][a] for a in axes)):
        point = dict(zip(axes, values))
        pid = "_".join(f"{a}-{str(v).replace(',', '+').replace('/', '-')}" for a, v in point.items())
        result.append((pid, point))
    return result


def command(study, point, bin_dir=BIN):
    """The program's command line for a point (run in the point's directory)."""
    args = dict(study["args"])
    args.update(point)
    argv = [os.path.join(bin_dir, study["program"]), "--prefix=point"]
    for key, value in args.items():
        if key == "scheme" and value == "off":
            argv.append("--security=0")
        else:
            argv.append(f"--{key}={value}")
    return argv


def point_dir(out, pid):
    return os.path.join(out, "points", pid)


def finished(out, pid):
    return os.path.exists(os.path.join(point_dir(out, pid), "done"))


def run_point(study, out, pid, point):
    """Runs one point; True when it finished. Its outputs appear only when it is done."""
    d = point_dir(out, pid)
    os.makedirs(d, exist_ok=True)
    for name in ("done", *(f"point-{o}.csv" for o in OUTPUTS)):
        if os.path.exists(os.path.join(d, name)):
            os.remove(os.path.join(d, name))
    argv = command(study, point)
    with open(os.path.join(d, "command"), "w") as f:
        f.write(" ".join(shlex.quote(a) for a in argv) + "\n")
    start = time.time()
    with open(os.path.join(d, "stdout"), "w") as so, open(os.path.join(d, "stderr"), "w") as se:
        try:
            child = subprocess.Popen(argv, cwd=d, stdout=so, stderr=se)
        except OSError as e:
            se.write(f"cannot run {argv[0]}: {e}\n")
            return False
        CHILDREN.add(child)
        rc = child.wait()
        CHILDREN.discard(child)
    if rc != 0:
        return False
    with open(os.path.join(d, "runs.log"), "a") as f:  # one line per finished run
        f.write(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} {time.time() - start:.1f} s\n")
    with open(os.path.join(d, "done"), "w") as f:
        f.write(f"{time.time() - start:.1f}\n")
    return True


class Progress:
    """A progress bar with ETA on stderr."""

    def __init__(self, total, skipped):
        self.total, self.done, self.failed, self.start = total, skipped, 0, time.time()
        self.first = skipped
        self.draw()

    def step(self, ok):
        self.done += 1
        self.failed += not ok
        self.draw()

    def draw(self):
        width = 30
        fill = int(width * self.done / self.total) if self.total else width
        ran = self.done - self.first
        elapsed = time.time() - self.start
        eta = elapsed / ran * (self.total - self.done) if ran else 0
        text = (f"\r[{'#' * fill}{'.' * (width - fill)}] {self.done}/{self.total} points"
                f"{f', {self.failed} failed' if self.failed else ''}, elapsed {elapsed:.0f} s"
                f"{f', ETA {eta:.0f} s' if ran and self.done < self.total else ''}")
        sys.stderr.write(text)
        sys.stderr.flush()
        if self.done == self.total:
            sys.stderr.write("\n")


def cmd_run(study, out, jobs):
    todo = [(pid, p) for pid, p in points(study) if not finished(out, pid)]
    total = len(points(study))
    print(f"study {study['name']}: {total} points, {total - len(todo)} finished, "
          f"{len(todo)} to run on {jobs} processes", file=sys.stderr)
    progress = Progress(total, total - len(todo))
    failed = []
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=jobs)
    futures = {pool.submit(run_point, study, out, pid, p): pid for pid, p in todo}
    for f in concurrent.futures.as_completed(futures):
        ok = f.result()
        progress.step(ok)
        if not ok:
            failed.append(futures[f])
    pool.shutdown()
    for pid in failed:
        print(f"point {pid} failed: see {point_dir(out, pid)}/stderr", file=sys.stderr)
    cmd_merge(study, out)
    return 1 if failed else 0


def cmd_merge(study, out):
    """Concatenates the finished points' tables (one header each); reports the missing ones."""
    missing = 0
    for kind in OUTPUTS:
        header = None
        rows = 0
        with open(os.path.join(out, f"{kind}.csv"), "w") as merged:
            for pid, _ in points(study):
                path = os.path.join(point_dir(out, pid), f"point-{kind}.csv")
                if not finished(out, pid) or not os.path.exists(path):
                    missing += kind == OUTPUTS[0]
                    continue
                with open(path) as f:
                    lines = f.read().splitlines()
                if not lines:
                    continue
                if header is None:
                    header = lines[0]
                    merged.write("point," + header + "\n")
                elif lines[0] != header:
                    sys.exit(f"merge: {path} has other columns than the first point's")
                for line in lines[1:]:
                    merged.write(f"{pid},{line}\n")
                    rows += 1
        print(f"{out}/{kind}.csv: {rows} rows", file=sys.stderr)
    write_sqlite(out)
    if missing:
        print(f"merge: {missing} points not finished", file=sys.stderr)
    return 0


def column_type(values):
    """The SQLite type every value of a column has: INTEGER, REAL or TEXT."""
    for kind, convert in (("INTEGER", int), ("REAL", float)):
        try:
            for v in values:
                convert(v)
            return kind, convert
        except ValueError:
            continue
    return "TEXT", str


def write_sqlite(out):
    """The merged CSVs as the tables of <out>/results.sqlite (made anew)."""
    path = os.path.join(out, "results.sqlite")
    if os.path.exists(path):
        os.remove(path)
    with sqlite3.connect(path) as db:
        for kind in OUTPUTS:
            with open(os.path.join(out, f"{kind}.csv"), newline="") as f:
                table = list(csv.reader(f))
            if not table:
                continue
            header, rows = table[0], table[1:]
            types = [column_type([r[i] for r in rows]) for i in range(len(header))]
            cols = ", ".join(f'"{h}" {t}' for h, (t, _) in zip(header, types))
            db.execute(f'CREATE TABLE "{kind}" ({cols})')
            marks = ", ".join("?" * len(header))
            db.executemany(f'INSERT INTO "{kind}" VALUES ({marks})',
                           ([conv(v) for v, (_, conv) in zip(r, types)] for r in rows))
    print(f"{path}: tables {', '.join(OUTPUTS)}", file=sys.stderr)


def cmd_status(study, out):
    all_points = points(study)
    done = sum(finished(out, pid) for pid, _ in all_points)
    print(f"{done}/{len(all_points)} points finished")
    return 0 if done == len(all_points) else 1


def cmd_slurm(study, study_path, out, partition, limit, submit):
    """Writes and (unless no_submit) submits an array job, one point per task, and a merge job
    that runs after every task succeeded."""
    all_points = points(study)
    todo = [pid for pid, _ in all_points if not finished(out, pid)]
    sdir = os.path.join(out, "slurm")
    os.makedirs(sdir, exist_ok=True)
    with open(os.path.join(sdir, "points.txt"), "w") as f:
        f.write("".join(pid + "\n" for pid in todo))
    me = os.path.abspath(__file__)
    study_abs = os.path.abspath(study_path)
    out_abs = os.path.abspath(out)
    part = f"#SBATCH --partition={partition}\n" if partition else ""
    array = f"""#!/bin/bash
#SBATCH --job-name={study['name']}
#SBATCH --array=0-{max(0, len(todo) - 1)}
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=1
#SBATCH --time={limit}
#SBATCH --output={out_abs}/slurm/task-%a.out
{part}export LTESEC_BIN_DIR={shlex.quote(BIN)}
pid=$(sed -n "$((SLURM_ARRAY_TASK_ID + 1))p" {shlex.quote(out_abs)}/slurm/points.txt)
exec python3 {shlex.quote(me)} run-point {shlex.quote(study_abs)} --out {shlex.quote(out_abs)} --point "$pid"
"""
    merge = f"""#!/bin/bash
#SBATCH --job-name={study['name']}-merge
#SBATCH --ntasks=1
#SBATCH --output={out_abs}/slurm/merge.out
{part}exec python3 {shlex.quote(me)} merge {shlex.quote(study_abs)} --out {shlex.quote(out_abs)}
"""
    for name, text in (("array.sh", array), ("merge.sh", merge)):
        with open(os.path.join(sdir, name), "w") as f:
            f.write(text)
    print(f"{sdir}/array.sh: {len(todo)} of {len(all_points)} points", file=sys.stderr)
    if not submit or not todo:
        return 0
    job = subprocess.check_output(["sbatch", "--parsable", os.path.join(sdir, "array.sh")],
                                  text=True).strip().split(";")[0]
    merge_job = subprocess.check_output(
        ["sbatch", "--parsable", f"--dependency=afterok:{job}", os.path.join(sdir, "merge.sh")],
        text=True).strip().split(";")[0]
    print(f"submitted array job {job} and merge job {merge_job}")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["run", "slurm", "merge", "status", "run-point"])
    parser.add_argument("study", help="the study's JSON file")
    parser.add_argument("--out", required=True, help="the study's results folder")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="local processes")
    parser.add_argument("--point", help="run-point: the point's id")
    parser.add_argument("--partition", help="slurm: the partition")
    parser.add_argument("--time", default="01:00:00", help="slurm: time limit per task")
    parser.add_argument("--no-submit", action="store_true", help="slurm: write the job files only")
    a = parser.parse_args()
    study = load(a.study)
    program = os.path.join(BIN, study["program"])
    if a.action in ("run", "run-point") and not os.access(program, os.X_OK):
        sys.exit(f"study {a.study}: program '{study['program']}' not found in {BIN}")
    if a.jobs < 1:
        sys.exit("--jobs: at least 1")
    os.makedirs(a.out, exist_ok=True)
    if a.action == "run":
        return cmd_run(study, a.out, a.jobs)
    if a.action == "merge":
        return cmd_merge(study, a.out)
    if a.action == "status":
        return cmd_status(study, a.out)
    if a.action == "slurm":
        return cmd_slurm(study, a.study, a.out, a.partition, a.time, not a.no_submit)
    match = [p for pid, p in points(study) if pid == a.point]
    if not match:
        sys.exit(f"run-point: no point '{a.point}' in the study")
    return 0 if run_point(study, a.out, a.point, match[0]) else 1


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    sys.exit(main())
