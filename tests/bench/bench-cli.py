#!/usr/bin/env python3
"""bench-cli.py: times visit-planner-cli on generated programmes against the issues' targets.

Usage: bench-cli.py CLI GENERATOR [--runs N] [--only CASE[,CASE...]]

Cases (median wall-clock time of N runs of the whole command, process start included):
  import, export        a programme of 5,000 sessions, 500 participants of 200 visiting
                        organisations, 50,000 attendances
  ics                   the programme calendar of 10,000 sessions
  import-ics            that calendar's 10,000 events into an empty programme
  ics-each-participant  500 participant calendars of 100 sessions each (the 5,000-session
                        programme: 10 attendees a session)
  check                 every check on the 5,000-session programme
  budget                the ClusterXChange budget (--json) of its 200 visiting organisations
  import-csv            10,000 participant rows from a spreadsheet
  import-ics            10,000 events from a calendar file
  ics-long-line         a 5 MB single-line calendar, refused
  ics-deep-nesting      a calendar nested 50,000 levels deep, refused
  pdf                   the agenda of the 5,000-session programme
  pdf                   the printed agenda of the 5,000-session programme (A4 PDF)
  attendance            the attendance sheets of the 5,000-session programme (A4 PDF: a sheet
                        per visit, meeting, B2B meeting and workshop, 10 attendees each)
  certificate           the certificates of attendance of its 500 participants (A4 PDF: 100
                        sessions each)
  check-overlapping     every check on 6,000 sessions at the same time with one participant
                        (once 197 s, 16.4 GB and 5.3 GB of output: one problem per pair)
  check-years           every check on a programme from the year 1 to 9999 whose participant
                        has no journey and no hotel (once 2.6 million empty-day lines)
Prints best and median times and the peak memory (maximum resident set size) of each
case, and exits 1 when a median misses its target or a peak its memory target.
--only runs those cases alone (with their setup).
"""
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

TARGETS = {'import': 1.0, 'export': 0.5, 'ics': 0.5, 'ics-each-participant': 2.0, 'check': 0.5,
           'budget': 0.5,
           'pdf': 3.0, 'attendance': 3.0, 'certificate': 3.0, 'import-ics': 1.0, 'import-csv': 1.0,
           'ics-long-line': 1.0,
           'ics-deep-nesting': 1.0, 'check-overlapping': 1.0, 'check-years': 1.0}
# peak resident memory targets, MB, where the issues set one
MEMORY_TARGETS = {'check-overlapping': 100.0, 'check-years': 100.0}
# the cases that run on the big programmes, and so need them made
BIG_CASES = {'import', 'export', 'ics', 'ics-each-participant', 'check', 'budget', 'pdf',
             'attendance', 'certificate', 'import-ics', 'import-csv', 'ics-long-line',
             'ics-deep-nesting'}


def peak_rss_after(argv, ok_codes=(0,)):
    """Runs argv; returns (seconds, max RSS in KiB of that process)."""
    t0 = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(argv[0], argv)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) not in ok_codes:
        raise SystemExit(f'{" ".join(argv)} failed')
    return elapsed, usage.ru_maxrss


def generate(generator, path, *args):
    subprocess.run([sys.executable, generator, '-o', path, *args], check=True)
    return os.path.getsize(path)


def empty_programme(tmp):
    """A programme with no sessions, in the generated programmes' zone, for import-ics."""
    path = os.path.join(tmp, 'empty.visit.json')
    with open(path, 'w', encoding='utf-8') as out:
        json.dump({'format': 'visit-planner-programme', 'version': 1,
                   'programme': {'uid': 'bench-ics-target', 'title': 'Calendar import',
                                 'host_country': 'LT', 'timezone': 'Europe/Vilnius',
                                 'start_date': '2027-04-01', 'end_date': '2027-04-30'}}, out)
    return path


def participants_csv(tmp, rows):
    """A registration list as a form exports it: 10,000 rows, semicolons, a BOM."""
    path = os.path.join(tmp, 'participants.csv')
    with open(path, 'w', encoding='utf-8-sig', newline='') as out:
        out.write('First name;Last name;E-mail;Organisation;Country;Dietary requirements\r\n')
        for i in range(rows):
            out.write(f'Aino;Mäkelä {i};aino.{i}@member{i % 40}.example;"Member {i % 40} Oy";'
                      f'FI;{"vegetarian" if i % 7 == 0 else ""}\r\n')
    return path


def hostile_calendars(tmp):
    """A 5 MB single line, and 50,000 nested components: refused, and fast."""
    long_line = os.path.join(tmp, 'long-line.ics')
    with open(long_line, 'w') as out:
        out.write('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nBEGIN:VEVENT\r\n'
                  'DESCRIPTION:' + 'x' * (5 * 1024 * 1024) + '\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n')
    nesting = os.path.join(tmp, 'nesting.ics')
    with open(nesting, 'w') as out:
        out.write('BEGIN:VCALENDAR\r\n' + 'BEGIN:VEVENT\r\n' * 50000 +
                  'END:VEVENT\r\n' * 50000 + 'END:VCALENDAR\r\n')
    return long_line, nesting


def main():
    cli, generator = os.path.abspath(sys.argv[1]), sys.argv[2]
    runs = int(sys.argv[sys.argv.index('--runs') + 1]) if '--runs' in sys.argv else 5
    only = (set(sys.argv[sys.argv.index('--only') + 1].split(','))
            if '--only' in sys.argv else set(TARGETS))
    unknown = only - set(TARGETS)
    if unknown:
        raise SystemExit(f'unknown case: {", ".join(sorted(unknown))}')
    times = {name: [] for name in TARGETS if name in only}
    memory = {name: 0 for name in TARGETS if name in only}

    # A case left out still runs, untimed, when a later one needs what it
    # writes (the database an import makes, the calendar ics writes).
    def record(name, argv, ok_codes=(0,), needed=False):
        if name not in only:
            if needed:
                subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
            return
        elapsed, rss = peak_rss_after(argv, ok_codes)
        times[name].append(elapsed)
        memory[name] = max(memory[name], rss)

    with tempfile.TemporaryDirectory() as tmp:
        # exit status 1: these plans have errors, which is the point
        if 'check-overlapping' in only:
            overlapping = os.path.join(tmp, 'overlapping.visit.json')
            generate(generator, overlapping, '--sessions', '6000', '--participants', '1',
                     '--attendees-per-session', '1', '--overlapping')
            overlapping_db = os.path.join(tmp, 'overlapping.db')
            subprocess.run([cli, '--database', overlapping_db, 'import', overlapping],
                           check=True, stdout=subprocess.DEVNULL)
            for run in range(runs):
                record('check-overlapping', [cli, '--database', overlapping_db, 'check', '1'],
                       ok_codes=(0, 1))
        if 'check-years' in only:
            years = os.path.join(tmp, 'years.visit.json')
            generate(generator, years, '--sessions', '5', '--participants', '1',
                     '--attendees-per-session', '1', '--hosts', '1', '--no-travel',
                     '--programme-dates', '0001-01-01', '9999-12-31')
            years_db = os.path.join(tmp, 'years.db')
            subprocess.run([cli, '--database', years_db, 'import', years],
                           check=True, stdout=subprocess.DEVNULL)
            for run in range(runs):
                record('check-years', [cli, '--database', years_db, 'check', '1'],
                       ok_codes=(0, 1))
        if not only & BIG_CASES:
            return report(times, memory, runs, None)

        big = os.path.join(tmp, 'big.visit.json')
        huge = os.path.join(tmp, 'huge.visit.json')
        big_size = generate(generator, big)
        huge_size = generate(generator, huge, '--sessions', '10000')
        huge_db = os.path.join(tmp, 'huge.db')
        subprocess.run([cli, '--database', huge_db, 'import', huge], check=True,
                       stdout=subprocess.DEVNULL)

        for run in range(runs):
            database = os.path.join(tmp, f'bench-{run}.db')
            record('import', [cli, '--database', database, 'import', big], needed=True)
            record('export', [cli, '--database', database, 'export', '1',
                              '-o', os.path.join(tmp, f'out-{run}.json')])
            record('ics-each-participant', [cli, '--database', database, 'ics', '1',
                                            '--each-participant', os.path.join(tmp, f'each-{run}')])
            record('ics', [cli, '--database', huge_db, 'ics', '1',
                           '-o', os.path.join(tmp, f'huge-{run}.ics')], needed=True)
            ics_db = os.path.join(tmp, f'ics-{run}.db')
            subprocess.run([cli, '--database', ics_db, 'import', empty_programme(tmp)],
                           check=True, stdout=subprocess.DEVNULL)
            record('import-ics', [cli, '--database', ics_db, 'import-ics', 'bench-ics-target',
                                  os.path.join(tmp, f'huge-{run}.ics')])
            # a file-level refusal is exit status 2, which is the point
            long_line, nesting = hostile_calendars(tmp)
            record('ics-long-line', [cli, '--database', ics_db, 'import-ics', 'bench-ics-target',
                                     long_line], ok_codes=(2,))
            record('ics-deep-nesting', [cli, '--database', ics_db, 'import-ics',
                                        'bench-ics-target', nesting], ok_codes=(2,))
            record('import-csv', [cli, '--database', database, 'import-csv', '1', 'participants',
                                  participants_csv(tmp, 10000)])
            # exit status 1: the generated plan has problems, which is the point
            record('check', [cli, '--database', database, 'check', '1'], ok_codes=(0, 1))
            record('budget', [cli, '--database', database, 'budget', '1', '--json'])
            record('pdf', [cli, '--database', database, 'pdf', '1',
                           '-o', os.path.join(tmp, f'agenda-{run}.pdf')])
            record('attendance', [cli, '--database', database, 'pdf', '1', '--layout',
                                  'attendance', '-o', os.path.join(tmp, f'attendance-{run}.pdf')])
            record('certificate', [cli, '--database', database, 'pdf', '1', '--layout',
                                   'certificate',
                                   '-o', os.path.join(tmp, f'certificates-{run}.pdf')])

    return report(times, memory, runs, (big_size, huge_size))


def report(times, memory, runs, sizes):
    if sizes is not None:
        print(f'documents: {sizes[0] / 1e6:.1f} MB (5,000 sessions, 500 participants, '
              f'200 organisations, 50,000 attendances) and {sizes[1] / 1e6:.1f} MB (10,000 sessions); {runs} runs')
    else:
        print(f'{runs} runs')
    missed = False
    for name, samples in times.items():
        best, median = min(samples), statistics.median(samples)
        peak = memory[name] / 1024
        ok = median < TARGETS[name] and peak < MEMORY_TARGETS.get(name, float('inf'))
        missed |= not ok
        memory_target = (f' (< {MEMORY_TARGETS[name]:.0f} MB)' if name in MEMORY_TARGETS
                         else '')
        print(f'{name:21s} best {best * 1000:7.1f} ms  median {median * 1000:7.1f} ms  '
              f'target < {TARGETS[name] * 1000:5.0f} ms  peak {peak:6.1f} MB{memory_target}  '
              f'{"ok" if ok else "MISSED"}')
    return 1 if missed else 0


if __name__ == '__main__':
    sys.exit(main())
