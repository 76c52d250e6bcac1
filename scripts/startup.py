#!/usr/bin/env python3
"""Start-up cost of the app against a bare eframe window, side by side.

    scripts/startup.py [--runs 5] [--days 3650] [--screen today] [--no-build]

Builds (release) the app, `examples/bare_window.rs` (eframe with the app's
features, an empty panel and a label) and `examples/sample_data.rs`, then
starts one Xvfb (with matchbox as the window manager, if installed) and runs,
alternating, the bare window and the app: once with an empty data folder
(first start, the welcome page) and once with DAYS of daily entries (the
welcome done, the window opening on SCREEN). Each run gets a fresh copy of
its data folder.

"Settled" means the process (all its threads) used less than 2 ms of CPU
in 1.5 s. The CPU time is measured from /proc/PID/task/*/schedstat (ns)
while waiting; then the process is killed (SIGKILL, so no exit work is
counted) and its rusage, from wait4, gives the CPU time of all threads
(user + system, µs) and the peak RSS. The quiet 1.5 s adds under 2 ms. A
process that never settles (a repaint loop) is reported as such.

Prints each run and the medians, and the ratios app / bare. Linux only;
needs Xvfb. Stdlib only.
"""

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUIET_S = 1.5  # settled: this long ...
QUIET_NS = 2_000_000  # ... with less than this much CPU
POLL_S = 0.02
TIMEOUT_S = 30.0


def cpu_ns(pid):
    """CPU time of all threads so far, in ns (0 once the process is gone)."""
    total = 0
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0
    for t in tasks:
        try:
            with open(f"/proc/{pid}/task/{t}/schedstat") as f:
                total += int(f.read().split()[0])
        except (OSError, ValueError, IndexError):
            pass  # the thread ended between listdir and open
    return total


def run_once(cmd, env):
    """Runs `cmd` until it settles; returns (cpu ms, max RSS MB, settled s)."""
    start = time.monotonic()
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    history = []  # (time, cpu ns)
    settled_at = None
    while time.monotonic() - start < TIMEOUT_S:
        if proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace")
            sys.exit(f"startup: {cmd[0]} exited early ({proc.returncode}): {err}")
        now = time.monotonic()
        history.append((now, cpu_ns(proc.pid)))
        old = [c for (t, c) in history if t <= now - QUIET_S]
        if old and history[-1][1] - old[-1] < QUIET_NS:
            # The last CPU increase happened before the quiet window.
            settled_at = next(t for (t, c) in history if c >= old[-1]) - start
            break
        time.sleep(POLL_S)
    proc.send_signal(signal.SIGKILL)
    _, _, usage = os.wait4(proc.pid, 0)
    proc.stderr.close()
    cpu_ms = (usage.ru_utime + usage.ru_stime) * 1000.0
    return cpu_ms, usage.ru_maxrss / 1024.0, settled_at


def start_display(size):
    n = 120
    while os.path.exists(f"/tmp/.X{n}-lock") or os.path.exists(f"/tmp/.X11-unix/X{n}"):
        n += 1
    display = f":{n}"
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        if os.path.exists(f"/tmp/.X11-unix/X{n}"):
            break
        time.sleep(0.05)
    procs = [xvfb]
    if shutil.which("matchbox-window-manager"):
        procs.append(
            subprocess.Popen(
                ["matchbox-window-manager", "-use_titlebar", "no"],
                env={**os.environ, "DISPLAY": display},
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        time.sleep(0.3)
    return display, procs


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--days", type=int, default=3650)
    ap.add_argument("--screen", default="today", help="the first screen with data")
    ap.add_argument("--size", default="1280x800", help="the Xvfb screen")
    ap.add_argument("--no-build", action="store_true", help="use target/release as it is")
    args = ap.parse_args()

    if not args.no_build:
        subprocess.run(
            ["cargo", "build", "--release", "--bin", "backlog",
             "--example", "bare_window", "--example", "sample_data"],
            cwd=ROOT, check=True,
        )
    release = os.path.join(ROOT, "target", "release")
    app = os.path.join(release, "backlog")
    bare = os.path.join(release, "examples", "bare_window")

    work = tempfile.mkdtemp(prefix="backlog-startup-")
    display, procs = start_display(args.size)
    try:
        template = os.path.join(work, "template")
        subprocess.run(
            [os.path.join(release, "examples", "sample_data"), template,
             str(args.days), args.screen],
            check=True, stdout=subprocess.DEVNULL,
        )
        shutil.rmtree(os.path.join(template, "backups"), ignore_errors=True)
        runtime = os.path.join(work, "xdg-runtime")
        os.mkdir(runtime, 0o700)
        env = {k: v for k, v in os.environ.items() if k != "WAYLAND_DISPLAY"}
        env.update(DISPLAY=display, XDG_RUNTIME_DIR=runtime)
        env.pop("BACKLOG_DATA_DIR", None)

        cases = [("empty", None), (f"{args.days} days", template)]
        results = {}
        for i in range(args.runs):
            for case, source in cases:
                data = os.path.join(work, "data")
                shutil.rmtree(data, ignore_errors=True)
                if source:
                    shutil.copytree(source, data)
                else:
                    os.mkdir(data)
                for name, cmd in (("bare", [bare]), ("app", [app, "--data-dir", data])):
                    cpu, rss, settled = run_once(cmd, env)
                    results.setdefault((case, name), []).append((cpu, rss, settled))
                    state = f"settled at {settled:.2f} s" if settled else "NEVER SETTLED"
                    print(f"run {i + 1} {case:>10} {name:>4}: cpu {cpu:7.1f} ms  "
                          f"max RSS {rss:6.1f} MB  {state}", flush=True)
        print(f"\nmedians of {args.runs} alternating runs (CPU of all threads until "
              f"settled; peak RSS)")
        for case, _ in cases:
            bare_cpu = statistics.median(r[0] for r in results[(case, "bare")])
            app_cpu = statistics.median(r[0] for r in results[(case, "app")])
            bare_rss = statistics.median(r[1] for r in results[(case, "bare")])
            app_rss = statistics.median(r[1] for r in results[(case, "app")])
            print(f"{case:>10}: bare {bare_cpu:6.1f} ms {bare_rss:5.1f} MB | "
                  f"app {app_cpu:6.1f} ms {app_rss:5.1f} MB | "
                  f"CPU {app_cpu / bare_cpu:.2f}x  RSS {app_rss / bare_rss:.2f}x")
            if any(r[2] is None for r in results[(case, "app")] + results[(case, "bare")]):
                print(f"{case:>10}: some runs never settled: the numbers are cut off "
                      f"at {TIMEOUT_S:.0f} s")
    finally:
        for p in reversed(procs):
            p.terminate()
            p.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
