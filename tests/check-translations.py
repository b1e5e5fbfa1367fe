#!/usr/bin/env python3
"""check-translations.py: every translation is complete against a fresh template.

Makes the template (.pot) of po/POTFILES.in afresh, as meson's i18n module
does (the 'glib' preset: vptranslations.XGETTEXT_ARGS), merges each
language of LINGUAS with it (msgmerge, as `meson compile
visit-planner-update-po` would) and fails on any message that the merge
leaves untranslated or fuzzy: a message added to the code since the .po was
last updated counts, which msgfmt on the .po alone does not see.

Usage: check-translations.py SOURCE_ROOT [--po-dir DIR] [--report-only]

--po-dir: the folder with LINGUAS and the .po files (default SOURCE_ROOT/po).
--report-only: print the same report, but exit 77 (skipped, for meson)
instead of 1 when a translation is incomplete: the build's
-Dstrict_translations=false.

Exit status: 0 every language complete; 1 one is not (or a .po is missing
or does not compile); 2 usage; 77 incomplete with --report-only.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vptranslations  # noqa: E402


def languages_of(linguas):
    """The codes of a LINGUAS file: white space apart, '#' starts a comment."""
    with open(linguas, encoding='utf-8') as f:
        return [code for line in f for code in line.split('#', 1)[0].split()]


def describe(entry):
    context = 'msgctxt "%s" ' % entry['msgctxt'] if entry['msgctxt'] is not None else ''
    return '%smsgid "%s"' % (context, entry['msgid'].replace('\n', '\\n'))


def check_language(code, po, pot, scratch):
    """The problems of @code's @po merged with @pot: a list of lines."""
    if not os.path.exists(po):
        return ['%s: no such file' % po]
    merged = os.path.join(scratch, code + '.merged.po')
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='')
    result = subprocess.run(['msgmerge', '--quiet', '--no-wrap', '--previous', '-o', merged,
                             po, pot], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        return ['msgmerge failed: ' + result.stderr.strip()]
    problems = []
    for entry in vptranslations.read_po(merged):
        if entry['obsolete'] or entry['msgid'] == '':
            continue
        if 'fuzzy' in entry['flags']:
            problems.append('fuzzy: ' + describe(entry))
        elif not entry['msgstr'] or any(text == '' for text in entry['msgstr']):
            problems.append('untranslated: ' + describe(entry))

    # the errors (not the warnings) of msgfmt --check: a format that does
    # not match its message's, a broken header
    result = subprocess.run(['msgfmt', '--check', '-o', os.devnull, merged],
                            capture_output=True, text=True, env=env)
    if result.returncode != 0:
        problems += ['msgfmt --check: ' + line for line in result.stderr.strip().splitlines()
                     if 'warning:' not in line]
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('source_root')
    parser.add_argument('--po-dir')
    parser.add_argument('--report-only', action='store_true')
    options = parser.parse_args()

    po_dir = options.po_dir or os.path.join(options.source_root, 'po')
    for tool in ('xgettext', 'msgmerge', 'msgfmt'):
        if shutil.which(tool) is None:
            print('%s (gettext) is not installed' % tool, file=sys.stderr)
            return 77
    linguas = os.path.join(po_dir, 'LINGUAS')
    if not os.path.exists(linguas):
        print('%s: no such file' % linguas, file=sys.stderr)
        return 1

    incomplete = 0
    with tempfile.TemporaryDirectory(prefix='check-translations-') as scratch:
        pot = os.path.join(scratch, 'visit-planner.pot')
        vptranslations.make_pot(options.source_root, pot)
        total = sum(1 for entry in vptranslations.read_po(pot) if entry['msgid'] != '')
        codes = languages_of(linguas)
        for code in codes:
            problems = check_language(code, os.path.join(po_dir, code + '.po'), pot, scratch)
            if problems:
                incomplete += 1
                print('%s: FAIL: %d of %d messages untranslated or fuzzy, or the file is wrong'
                      % (code, len(problems), total))
                for problem in problems:
                    print('  %s: %s' % (code, problem))
            else:
                print('%s: OK: all %d messages translated' % (code, total))
        if not codes:
            print('%s lists no language' % linguas)

    if incomplete == 0:
        return 0
    if options.report_only:
        print('incomplete translations, not failing: the build has -Dstrict_translations=false')
        return 77
    return 1


if __name__ == '__main__':
    sys.exit(main())
