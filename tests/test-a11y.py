"""test-a11y.py: the window as a screen reader sees it, through AT-SPI.

Starts the built visit-planner on the demo programme, in a window wide
enough for the agenda's time grid, and reads its accessibility tree over the
accessibility bus with pyatspi (python3-pyatspi, run with the system
interpreter, which has it), as Orca would:

* every button, on every page and in the session editor, has a name a
  person can understand: not empty, not a widget's type name
  ("GtkMenuButton"), no mnemonic underscore ("_New Programme") and not said
  twice ("New Programme New Programme");
* every session of the programme is reached by the keyboard in the agenda's
  grid, and announced with its title and its times.

Keys are typed through the registry (XTest on the X display), not sent to
widgets, so what is tested is what a keyboard user gets.

The window speaks the environment's language (LANGUAGE=de), and the test
names what it says through the same catalog: the pages' titles, the grid's
name, the times it announces.

Environment: VISIT_PLANNER (the window's program), VISIT_PLANNER_CLI,
DEMO_PROGRAMME, GSETTINGS_SCHEMA_DIR (the build's compiled schemas),
VISIT_PLANNER_LOCALEDIR (the catalogs: the build's po folder by default),
SYSTEM_PYTHON (an interpreter with pyatspi; /usr/bin/python3 by default).
Skipped (exit 77) without an X display.
"""
import gettext
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unittest

SYSTEM_PYTHON = os.environ.get('SYSTEM_PYTHON', '/usr/bin/python3')

try:
    import gi
    gi.require_version('Atspi', '2.0')
    import pyatspi
except ImportError:
    # meson's python3 may be another interpreter than the system's
    if os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON) \
            and os.path.exists(SYSTEM_PYTHON):
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON] + sys.argv)
    raise

APP = os.path.abspath(os.environ.get('VISIT_PLANNER', 'visit-planner'))
CLI = os.path.abspath(os.environ.get('VISIT_PLANNER_CLI', 'visit-planner-cli'))
DEMO = os.path.abspath(os.environ.get('DEMO_PROGRAMME', 'data/demo/vilnius-2027.visit.json'))

# the catalog the window reads: VISIT_PLANNER_LOCALEDIR, else the build's
# po folder (the program is the build's src/gui/visit-planner)
LOCALEDIR = os.environ.get('VISIT_PLANNER_LOCALEDIR') or \
    os.path.join(os.path.dirname(APP), os.pardir, os.pardir, 'po')
# the language as gettext picks it, from LANGUAGE (English without one)
CATALOG = gettext.translation('visit-planner', localedir=LOCALEDIR, fallback=True)
_ = CATALOG.gettext
C_ = CATALOG.pgettext

# the view switcher's titles, as vp-window.c gives them
PAGES = [_('Overview'), _('Agenda'), _('Participants'), _('Organisations'),
         C_('page title', 'Hosts'), _('Checks')]
# the time grid's accessible name
AGENDA = _('Agenda')
BUTTON_ROLES = {'push button', 'toggle button', 'menu button', 'push button menu'}
# seconds to wait for the window, a page or an announcement
PATIENCE = 30


def wait_for(condition, what, seconds=PATIENCE):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError(f'waited {seconds} s for {what}')


def walk(accessible):
    """The accessible and all below it, in the order of the tree (GTK's
    stacks keep hidden pages in it, so this reaches every page's widgets)."""
    found = []
    stack = [accessible]
    while stack:
        node = stack.pop()
        found.append(node)
        try:
            children = [node.getChildAtIndex(i) for i in range(node.childCount)]
        except Exception:
            continue
        stack.extend(reversed([child for child in children if child is not None]))
    return found


def fresh(accessible):
    """@accessible with what libatspi cached of it dropped: nothing runs
    its main loop here to hear the changes GTK announces."""
    accessible.clear_cache()
    return accessible


def role(accessible):
    try:
        return accessible.getRoleName()
    except Exception:
        return ''


def where(accessible):
    """A path of names, to say which button is wrong."""
    names = []
    node = accessible
    while node is not None and len(names) < 6:
        try:
            names.append(f'{node.getRoleName()} “{node.name}”')
            node = node.parent
        except Exception:
            break
    return ' in '.join(names)


def name_problem(name):
    """What is wrong with a button's accessible name, or None."""
    text = (name or '').strip()
    if not text:
        return 'has no name'
    if re.fullmatch(r'(Gtk|Adw|Vp)[A-Za-z]+', text):
        return f'is named after its widget type “{text}”'
    if re.search(r'(^|\s)_\w', text):
        return f'says its mnemonic underscore: “{text}”'
    words = text.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]:
        return f'says its name twice: “{text}”'
    return None


# X key symbols (X11/keysymdef.h)
KEYS = {'Tab': 0xff09, 'Return': 0xff0d, 'Escape': 0xff1b, 'Home': 0xff50, 'Down': 0xff54}


def press(key):
    pyatspi.Registry.generateKeyboardEvent(KEYS[key], None, pyatspi.KEY_SYM)
    time.sleep(0.15)


class AccessibilityTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix='vp-a11y-')
        database = os.path.join(cls.tmp.name, 'visits.db')
        subprocess.run([CLI, '--database', database, 'import', DEMO],
                       check=True, capture_output=True)
        with open(DEMO, encoding='utf-8') as f:
            cls.demo = json.load(f)

        # a wide window, so that the agenda shows its time grid
        settings = os.path.join(cls.tmp.name, 'config', 'glib-2.0', 'settings')
        os.makedirs(settings)
        with open(os.path.join(settings, 'keyfile'), 'w', encoding='utf-8') as f:
            f.write('[io/github/visitplanner/VisitPlanner]\n'
                    'window-width=1240\nwindow-height=900\n')
        env = dict(os.environ, GSETTINGS_BACKEND='keyfile',
                   XDG_CONFIG_HOME=os.path.join(cls.tmp.name, 'config'),
                   GTK_A11Y='atspi', NO_AT_BRIDGE='0')
        env.pop('G_DEBUG', None)
        cls.log = open(os.path.join(cls.tmp.name, 'app.log'), 'w+', encoding='utf-8')
        cls.app = subprocess.Popen([APP, '--database', database], env=env,
                                   stdout=cls.log, stderr=subprocess.STDOUT)

        def find_window():
            desktop = pyatspi.Registry.getDesktop(0)
            for i in range(desktop.childCount):
                app = desktop.getChildAtIndex(i)
                try:
                    if app is not None and app.get_process_id() == cls.app.pid:
                        frames = [c for c in walk(app) if role(c) == 'frame']
                        tabs = [c for c in walk(app) if role(c) == 'page tab']
                        if frames and tabs:
                            return app
                except Exception:
                    continue
            return None

        cls.root = wait_for(find_window, 'the window on the accessibility bus')

    @classmethod
    def tearDownClass(cls):
        cls.app.terminate()
        try:
            cls.app.wait(10)
        except subprocess.TimeoutExpired:
            cls.app.kill()
        cls.log.close()
        cls.tmp.cleanup()

    def windows(self):
        root = fresh(self.root)
        return [root.getChildAtIndex(i) for i in range(root.childCount)]

    def show_page(self, title):
        # the first of the view switchers: the header bar's, in a wide window
        tabs = [a for a in walk(self.root) if role(a) == 'page tab' and a.name == title]
        self.assertTrue(tabs, f'no page tab “{title}”')
        tabs[0].queryAction().doAction(0)
        wait_for(lambda: fresh(tabs[0]).getState().contains(pyatspi.STATE_SELECTED),
                 f'the page “{title}” to be shown')
        time.sleep(0.5)

    def button_problems(self, root):
        problems = []
        for accessible in walk(root):
            if role(accessible) in BUTTON_ROLES:
                problem = name_problem(accessible.name)
                if problem:
                    problems.append(f'a button {problem}: {where(accessible)}')
        return problems

    def test_every_button_has_a_name(self):
        # each page once, so that it fills itself; then the whole tree
        for page in PAGES:
            self.show_page(page)
        self.assertEqual(sorted(set(self.button_problems(self.root))), [])

    def focused_grid(self):
        grids = [a for a in walk(self.root)
                 if a.name == AGENDA and role(a) not in ('page tab', 'label')
                 and a.getState().contains(pyatspi.STATE_FOCUSABLE)]
        self.assertTrue(grids, 'no agenda grid in the tree')
        grid = grids[0]
        # Tab through the window until the grid has the keyboard focus
        for attempt in range(60):
            if fresh(grid).getState().contains(pyatspi.STATE_FOCUSED):
                return grid
            press('Tab')
        self.fail('Tab never reaches the agenda grid')

    def test_agenda_blocks_reached_and_announced(self):
        self.show_page(_('Agenda'))
        grid = self.focused_grid()
        press('Home')

        announced = []
        for step in range(len(self.demo['sessions']) + 5):
            text = wait_for(lambda: fresh(grid).description, 'an announcement of the focused session')
            if announced and text == announced[-1]:
                break
            announced.append(text)
            press('Down')
            time.sleep(0.2)

        missing = []
        for session in self.demo['sessions']:
            # “09:15–10:45”, as vp_agenda_format_times() writes it
            start, end = session['start'][11:16], session['end'][11:16]
            times = _('%02d:%02d–%02d:%02d') % (int(start[:2]), int(start[3:]),
                                                int(end[:2]), int(end[3:]))
            if not any(text.startswith(session['title'] + ',') and times in text
                       for text in announced):
                missing.append(f"{session['title']} ({times})")
        self.assertEqual(missing, [], f'not announced; the grid said: {announced}')

        # the session editor that Enter opens: its buttons too
        windows = self.windows()
        press('Return')
        editor = wait_for(lambda: [w for w in self.windows() if w not in windows],
                          'the session editor')
        problems = self.button_problems(editor[0])
        press('Escape')
        self.assertEqual(sorted(set(problems)), [])


if __name__ == '__main__':
    if not os.environ.get('DISPLAY'):
        print('1..0 # SKIP no X display')
        sys.exit(77)
    unittest.main(verbosity=2)
