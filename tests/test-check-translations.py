#!/usr/bin/env python3
# test-check-translations.py: check-translations.py fails on a translation with one message left
# untranslated, or fuzzy, or missing (added to the code since), and passes a complete one.
#
# The translations fed to it are pseudo-translations of a fresh template
# (vptranslations.py), in a po folder of the test's own: whatever state
# po/*.po are in, this runs on every build.

import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import vptranslations

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_ROOT = os.path.dirname(HERE)
CHECK = os.path.join(HERE, 'check-translations.py')

entries = None
scratch = None


def setUpModule():
    global entries, scratch
    for tool in ('xgettext', 'msgmerge', 'msgfmt'):
        if shutil.which(tool) is None:
            raise unittest.SkipTest(f'{tool} (gettext) is not installed')
    scratch = tempfile.mkdtemp(prefix='test-check-translations-')
    pot = os.path.join(scratch, 'visit-planner.pot')
    vptranslations.make_pot(SOURCE_ROOT, pot)
    entries = vptranslations.read_po(pot)


def tearDownModule():
    if scratch is not None:
        shutil.rmtree(scratch, ignore_errors=True)


def translated(language, mark):
    """The template's messages, each with a pseudo-translation."""
    nplurals = 3 if language == 'lt' else 2
    result = []
    for entry in entries:
        entry = dict(entry, flags=set(entry['flags']))
        if entry['msgid_plural'] is not None:
            entry['msgstr'] = ([vptranslations.pseudo(entry['msgid'], mark)]
                               + [vptranslations.pseudo(entry['msgid_plural'], mark)]
                               * (nplurals - 1))
        else:
            entry['msgstr'] = [vptranslations.pseudo(entry['msgid'], mark)]
        result.append(entry)
    return result


class CheckTranslationsTestCase(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.po_dir = tempfile.mkdtemp(prefix='po-', dir=scratch)

    def write(self, language, messages, linguas=None):
        vptranslations.write_po(messages, os.path.join(self.po_dir, language + '.po'), language)
        with open(os.path.join(self.po_dir, 'LINGUAS'), 'w', encoding='utf-8') as f:
            f.write((linguas or language) + '\n')

    def check(self, *args):
        return subprocess.run([sys.executable, CHECK, SOURCE_ROOT, '--po-dir', self.po_dir, *args],
                              capture_output=True, text=True, timeout=120)

    def message(self, messages, msgid):
        """The index of the message @msgid (not the header)."""
        for i, entry in enumerate(messages):
            if entry['msgid'] == msgid and entry['msgctxt'] is None:
                return i
        self.fail(f'no message {msgid!r} in the template')

    def test_complete(self):
        self.write('de', translated('de', 'tilde'))
        result = self.check()
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn('de: OK', result.stdout)

    def test_complete_three_plural_forms(self):
        self.write('lt', translated('lt', 'acute'))
        result = self.check()
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)

    def test_one_untranslated(self):
        messages = translated('de', 'tilde')
        messages[self.message(messages, 'Printed %s')]['msgstr'] = ['']
        self.write('de', messages)
        result = self.check()
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn('de: FAIL: 1 of', result.stdout)
        self.assertIn('untranslated: msgid "Printed %s"', result.stdout)

    def test_one_untranslated_plural_form(self):
        messages = translated('lt', 'acute')
        index = next(i for i, entry in enumerate(messages) if entry['msgid_plural'] is not None)
        messages[index]['msgstr'][2] = ''
        self.write('lt', messages)
        result = self.check()
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn('lt: FAIL', result.stdout)
        self.assertIn('untranslated: msgid "%s"' % messages[index]['msgid'], result.stdout)

    def test_one_fuzzy(self):
        messages = translated('de', 'tilde')
        messages[self.message(messages, 'Page %u of %u')]['flags'].add('fuzzy')
        self.write('de', messages)
        result = self.check()
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn('fuzzy: msgid "Page %u of %u"', result.stdout)

    def test_one_missing(self):
        # A message the code has and the .po does not (added since): the
        # merge leaves it untranslated, or fuzzy when it finds one like it.
        messages = translated('de', 'tilde')
        del messages[self.message(messages, 'Printed %s')]
        self.write('de', messages)
        result = self.check()
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertRegex(result.stdout, r'(untranslated|fuzzy): msgid "Printed %s"')
        # msgfmt on the .po alone sees nothing wrong: the old check passes it
        stats = subprocess.run(['msgfmt', '--statistics', '-o', os.devnull,
                                os.path.join(self.po_dir, 'de.po')],
                               capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
        self.assertNotIn('untranslated', stats.stderr)

    def test_every_language_of_linguas(self):
        self.write('lt', translated('lt', 'acute'))
        messages = translated('de', 'tilde')
        messages[self.message(messages, 'Printed %s')]['msgstr'] = ['']
        self.write('de', messages, linguas='lt de  # two')
        result = self.check()
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn('lt: OK', result.stdout)
        self.assertIn('de: FAIL', result.stdout)

    def test_missing_file(self):
        self.write('de', translated('de', 'tilde'), linguas='de sv')
        result = self.check()
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn('sv.po: no such file', result.stdout)

    def test_report_only(self):
        messages = translated('de', 'tilde')
        messages[self.message(messages, 'Printed %s')]['msgstr'] = ['']
        self.write('de', messages)
        result = self.check('--report-only')
        self.assertEqual(result.returncode, 77, result.stdout + result.stderr)
        self.assertIn('untranslated: msgid "Printed %s"', result.stdout)
        self.write('de', translated('de', 'tilde'))
        self.assertEqual(self.check('--report-only').returncode, 0)


if __name__ == '__main__':
    unittest.main(verbosity=2)
