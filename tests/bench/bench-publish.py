#!/usr/bin/env python3
"""bench-publish.py: times "visit-planner-cli publish" of a 500-session programme to a
local Radicale (started here, with authentication, in a temporary folder).

Usage: bench-publish.py CLI GENERATOR [--runs N] [--sessions N]

Cases (wall-clock time of the whole command, process start included; best and median
of N runs, each on an empty calendar home):
  first        the first publish: the collection made, every session put
  one-change   after one session moved (import --update): one resource updated
  no-change    published again with nothing changed: no request at all
Needs radicale (build-aux/run-tests installs it); without it, exits 77 (skipped).
"""
import argparse
import importlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
servers = importlib.import_module('test-publish')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('cli')
    parser.add_argument('generator')
    parser.add_argument('--runs', type=int, default=3)
    parser.add_argument('--sessions', type=int, default=500)
    args = parser.parse_args()

    if shutil.which('radicale') is None:
        print('radicale is not installed: skipped')
        return 77

    cli = os.path.abspath(args.cli)
    tmp = tempfile.mkdtemp(prefix='bench-publish-')
    server = servers.Radicale()
    env = dict(os.environ, VP_PASSWORD=servers.PASSWORD, LC_ALL='C.UTF-8')
    env.pop('VISIT_PLANNER_DATABASE', None)
    times = {'first': [], 'one-change': [], 'no-change': []}
    try:
        document = os.path.join(tmp, 'programme.visit.json')
        subprocess.run([sys.executable, args.generator, '-o', document,
                        '--sessions', str(args.sessions), '--participants', '50',
                        '--attendees-per-session', '10'], check=True)
        client = servers.Client(server.home)

        def run(*command, ok=(0,)):
            t0 = time.perf_counter()
            result = subprocess.run([cli, '--database', database, *command], env=env,
                                    capture_output=True)
            elapsed = time.perf_counter() - t0
            if result.returncode not in ok:
                raise SystemExit('%s failed: %s' % (' '.join(command),
                                                    result.stderr.decode(errors='replace')))
            return elapsed, result.stdout.decode()

        for i in range(args.runs):
            database = os.path.join(tmp, 'visits-%d.db' % i)
            _, uid = run('import', document)
            uid = uid.strip()
            for url in client.etags(server.home):
                client.request('DELETE', url)
            run('target', 'add', uid, 'bench', 'caldav', server.home, '--user', servers.USER,
                '--password-env', 'VP_PASSWORD')

            elapsed, out = run('publish', uid)
            assert out.splitlines()[-1].startswith('bench: %d put,' % args.sessions), out[-200:]
            times['first'].append(elapsed)

            exported = json.loads(run('export', uid)[1])
            session = exported['sessions'][len(exported['sessions']) // 2]
            for member in ('start', 'end'):
                value = datetime.strptime(session[member], '%Y-%m-%dT%H:%M')
                session[member] = (value + timedelta(minutes=5)).strftime('%Y-%m-%dT%H:%M')
            changed = os.path.join(tmp, 'changed-%d.visit.json' % i)
            with open(changed, 'w', encoding='utf-8') as f:
                json.dump(exported, f)
            run('import', '--update', changed)
            elapsed, out = run('publish', uid)
            assert out.splitlines()[-1].startswith('bench: 0 put, 1 updated'), out[-200:]
            times['one-change'].append(elapsed)

            elapsed, out = run('publish', uid)
            assert out.splitlines()[-1].startswith('bench: 0 put, 0 updated, 0 deleted'), out
            times['no-change'].append(elapsed)
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)

    print('publish of %d sessions to a local Radicale (%d runs)' % (args.sessions, args.runs))
    for case, values in times.items():
        print('  %-11s best %.2f s, median %.2f s' % (case, min(values),
                                                      statistics.median(values)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
