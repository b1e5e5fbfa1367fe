#!/usr/bin/env python3
"""check-potfiles.py: po/POTFILES.in lists exactly the files with translatable strings.

Usage: check-potfiles.py SOURCE_ROOT
"""
import pathlib
import re
import sys

MARKERS = {
    '.c': re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext)\s*\('),
    '.ui': re.compile(r'translatable="yes"'),
    '.in': re.compile(r'.'),
    '.xml': re.compile(r'<summary>|<description>'),
}


def main():
    root = pathlib.Path(sys.argv[1])
    listed = set()
    for line in (root / 'po' / 'POTFILES.in').read_text(encoding='utf-8').splitlines():
        line = line.strip()
        if line and not line.startswith('#'):
            listed.add(line)

    problems = []
    for entry in sorted(listed):
        if not (root / entry).is_file():
            problems.append(f'po/POTFILES.in: {entry}: no such file')

    candidates = [p for folder in ('src', 'ui') for p in (root / folder).rglob('*')
                  if p.suffix in ('.c', '.ui')]
    candidates += list((root / 'data').glob('*.in'))
    candidates += list((root / 'data').glob('*.gschema.xml'))
    for path in sorted(candidates):
        relative = path.relative_to(root).as_posix()
        marker = MARKERS[path.suffix]
        if marker.search(path.read_text(encoding='utf-8')) and relative not in listed:
            problems.append(f'po/POTFILES.in: {relative} has translatable strings but is not listed')

    for problem in problems:
        print(problem)
    print(f'{len(listed)} files listed, {len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
