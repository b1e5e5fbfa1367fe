#!/usr/bin/env python3
"""check-columns.py: no line of the C sources is wider than 100 columns.

Counts characters of the decoded UTF-8 line, not bytes, so an "é" or a "→"
in a comment or a string is one column.

Usage: check-columns.py SOURCE_ROOT
"""
import pathlib
import sys

MAX_COLUMNS = 100


def main():
    root = pathlib.Path(sys.argv[1])
    problems = []
    for path in sorted((root / 'src').rglob('*')):
        if path.suffix not in ('.c', '.h') or not path.is_file():
            continue
        text = path.read_text(encoding='utf-8')
        for number, line in enumerate(text.splitlines(), start=1):
            width = len(line.expandtabs(8))
            if width > MAX_COLUMNS:
                problems.append(f'{path.relative_to(root)}:{number}: '
                                f'{width} columns (at most {MAX_COLUMNS})')
    for problem in problems:
        print(problem)
    if problems:
        print(f'{len(problems)} lines over {MAX_COLUMNS} columns', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
