"""Run a command and report the peak memory of its whole process tree.

``/usr/bin/time -v`` reports the largest single process only; the pipeline's worker processes
(``nlp_integration/background.py``) and any a library starts are extra. This samples the summed
memory of the command and all its descendants every ``--every`` seconds. It counts each process's
proportional set size (PSS, Linux): pages shared between processes, as right after a fork, are
split between them instead of being counted twice. Where PSS is unavailable it falls back to RSS.

    python scripts/peak_memory.py -- nlp-integration analyse big.csv --out runs/big

Prints the peak of the tree, the peak of the main process, and what each process held at the
tree's peak.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

import psutil


def _memory(process: psutil.Process) -> int:
    try:
        return process.memory_full_info().pss
    except (AttributeError, psutil.AccessDenied):
        return process.memory_info().rss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=float, default=0.2, help="seconds between samples")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="the command, after --")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("give the command to run after --")
    started = time.perf_counter()
    child = subprocess.Popen(command)
    main_process = psutil.Process(child.pid)
    peak_tree, peak_main, at_peak = 0, 0, []
    while child.poll() is None:
        try:
            processes = [main_process, *main_process.children(recursive=True)]
            rss = [_memory(p) for p in processes]
        except psutil.Error:  # a process ended while being read
            continue
        if sum(rss) > peak_tree:
            peak_tree, at_peak = sum(rss), rss
        peak_main = max(peak_main, rss[0])
        time.sleep(args.every)
    gb = 2**30
    parts = ", ".join(f"{r / gb:.2f}" for r in at_peak)
    print(
        f"peak tree memory {peak_tree / gb:.2f} GB (processes at that moment: {parts} GB); "
        f"main process peak {peak_main / gb:.2f} GB; exit {child.returncode}; "
        f"{time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    return child.returncode


if __name__ == "__main__":
    sys.exit(main())
