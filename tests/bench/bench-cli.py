#!/usr/bin/env python3
"""bench-cli.py: times visit-planner-cli on a generated programme (the issue's targets).

Usage: bench-cli.py CLI GENERATOR [--runs N]

Prints, for import and export of a programme of 5,000 sessions, 500 participants and
50,000 attendances, the best and median wall-clock time of N runs and the peak memory
(maximum resident set size) of the process, and whether each meets its target.
Exits 1 when a target is missed.
"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

TARGETS = {'import': 1.0, 'export': 0.5}


def timed(argv):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(before, after)


def main():
    cli, generator = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[sys.argv.index('--runs') + 1]) if '--runs' in sys.argv else 5
    results = {'import': [], 'export': []}
    peak = 0

    with tempfile.TemporaryDirectory() as tmp:
        document = os.path.join(tmp, 'big.visit.json')
        subprocess.run([sys.executable, generator, '-o', document], check=True)
        size = os.path.getsize(document)

        for run in range(runs):
            database = os.path.join(tmp, f'bench-{run}.db')
            elapsed, rss = timed([cli, '--database', database, 'import', document])
            results['import'].append(elapsed)
            peak = max(peak, rss)
            elapsed, rss = timed([cli, '--database', database, 'export', '1',
                                  '-o', os.path.join(tmp, f'out-{run}.json')])
            results['export'].append(elapsed)
            peak = max(peak, rss)

    print(f'programme document: {size / 1e6:.1f} MB, 5000 sessions, 500 participants, '
          f'50000 attendances; {runs} runs')
    missed = False
    for name, times in results.items():
        best, median = min(times), statistics.median(times)
        ok = median < TARGETS[name]
        missed |= not ok
        print(f'{name:7s} best {best * 1000:7.1f} ms  median {median * 1000:7.1f} ms  '
              f'target < {TARGETS[name] * 1000:.0f} ms  {"ok" if ok else "MISSED"}')
    print(f'peak memory (max RSS of one process): {peak / 1024:.1f} MB')
    return 1 if missed else 0


if __name__ == '__main__':
    sys.exit(main())
