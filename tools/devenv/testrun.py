"""`make test`: the Odoo tests of the suite's modules, then or alongside them
the suite-level tests (pytest, tests/), with the time each phase took.

The Odoo tests install every product module in a copy of the template and run
their tests (odoo-bin --test-enable). The suite-level tests run at the same
time, in two pytest processes: those that ask for the ``suite_db`` fixture
(tests/conftest.py) on a copy of the cached database with the whole suite
installed (templates.suite_db, keyed by the content of the suite's files), the
others on databases of their own. A skipped test counts as a failure; the
last line is ``N passed, M failed``."""

import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ET

from .addons import DEFAULT_PLATFORM, PLATFORMS, product_modules, tested_standins
from .common import CACHE, ROOT, free_port, log
from .debian import ensure_chromium, ensure_wkhtmltopdf
from .platform import Platform
from .postgres import copy_db, drop_db
from .templates import dependencies, suite_db, template

RESULT_RE = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests")
SKIP_RE = re.compile(r": skipped (\S+) : (.*)$")


def odoo_tests(platform, modules, db, source):
    """Install ``modules`` in ``db``, a copy of ``source`` (the platform's
    template), and run their tests. Returns (tests_run, failures, log lines of
    problems, exit code)."""
    copy_db(platform.env, source, db)
    tags = ",".join(f"/{m}" for m in modules)
    log(f"installing and testing {', '.join(modules)} in {db}")
    # The stand-ins are in the template already: Odoo runs the tests of the
    # modules it installs or updates, so they are updated (-u), the others installed.
    in_template = dependencies(platform.odoo, platform.name, platform.python)
    update = [m for m in modules if m in in_template]
    install = [m for m in modules if m not in in_template]
    cmd = platform.odoo_cmd(
        db,
        *(["-i", ",".join(install)] if install else []),
        *(["-u", ",".join(update)] if update else []),
        "--test-enable",
        f"--test-tags={tags}",
        "--stop-after-init",
        "--log-level=test",
        f"--http-port={free_port()}",
    )
    proc = subprocess.Popen(
        cmd, env=platform.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    tests_run = failures = 0
    problems = []
    for line in proc.stdout:
        sys.stdout.write(line)
        m = RESULT_RE.search(line)
        if m and "odoo.tests.result" in line:
            failures += int(m.group(1)) + int(m.group(2))
            tests_run += int(m.group(3))
        if SKIP_RE.search(line):
            problems.append("skipped test (treated as a failure): " + line.strip())
        if " ERROR " in line or " CRITICAL " in line:
            problems.append(line.strip())
    rc = proc.wait()
    if rc and not failures:
        problems.append(f"odoo-bin exited with {rc}")
    return tests_run, failures, problems, rc


class SuiteTests:
    """One pytest process over the suite-level tests (``pytest_args``), its
    output live or into a log file printed by ``finish``."""

    def __init__(self, platform, pytest_args, db=None, quiet=False, label="suite tests"):
        self.label = label
        self.started = time.time()
        self.junit = os.path.join(CACHE, f"pytest-{os.getpid()}-{id(self)}.xml")
        env = dict(platform.env, HA_ODOO_SRC=platform.odoo, HA_PYTHON=platform.python)
        env["HA_PLATFORM"] = platform.name
        if db:
            env["HA_TEST_DB"] = db
        self.output = tempfile.TemporaryFile("w+") if quiet else None
        cmd = [platform.python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--durations=8"]
        cmd += [f"--junitxml={self.junit}", *pytest_args]
        log(f"{label}: pytest {' '.join(pytest_args)}")
        self.proc = subprocess.Popen(
            cmd, env=env, cwd=ROOT, stdout=self.output, stderr=subprocess.STDOUT, text=True
        )

    def finish(self):
        """Wait for pytest; print its output if kept; return (passed, failed, seconds)."""
        rc = self.proc.wait()
        seconds = time.time() - self.started
        if self.output:
            self.output.seek(0)
            print(f"\n----- {self.label} -----", flush=True)
            sys.stdout.write(self.output.read())
            sys.stdout.flush()
            self.output.close()
        passed, failed, pytest_seconds = junit_counts(self.junit)
        if pytest_seconds is not None:  # pytest's own clock: it may have ended long ago
            seconds = min(seconds, pytest_seconds + 5)
        # 5: every test was deselected by -m, nothing ran (and nothing failed).
        if rc not in (0, 5) and not failed:
            failed = 1
        return passed, failed, seconds


def junit_counts(path):
    """(passed, failed, seconds) of a pytest run from its JUnit XML report."""
    if not os.path.isfile(path):
        return 0, 1, None
    suite = ET.parse(path).getroot()
    suite = suite if suite.tag == "testsuite" else suite.find("testsuite")
    total = int(suite.get("tests", 0))
    failed = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    skipped = int(suite.get("skipped", 0))
    seconds = float(suite.get("time", 0))
    os.unlink(path)
    # A skipped suite-level test counts as failed: nothing is silently skipped.
    return total - failed - skipped, failed + skipped, seconds


class Totals:
    """What `make test` counts: passed and failed tests, problems, and the
    time of each phase (concurrent phases overlap)."""

    def __init__(self):
        self.started = time.time()
        self.passed = self.failed = 0
        self.problems, self.phases, self.lines = [], [], []
        self.templates = {}

    def add(self, label, passed, failed, seconds):
        self.passed += passed
        self.failed += failed
        self.phases.append((label, seconds))

    def setup(self, platform):
        """Set up ``platform`` (its wheels, its template): a phase of its own."""
        started = time.time()
        # Looked up once: the template lock is shared by every work tree.
        self.templates[platform.name] = template(platform)
        what = "Odoo, PostgreSQL, virtualenv, " if not self.phases else ""
        self.phases.append((f"set-up ({what}{platform.name} template)", time.time() - started))

    def odoo(self, platform, modules, keep):
        """The Odoo tests of ``modules`` on ``platform`` (a copy of its template)."""
        started = time.time()
        suffix = "" if platform.name == DEFAULT_PLATFORM else f"_{platform.name}"
        db = f"ha_test_{os.getpid()}{suffix}"
        try:
            tests_run, failures, problems, _rc = odoo_tests(
                platform, modules, db, self.templates[platform.name]
            )
        finally:
            if keep:
                log(f"kept database {db}")
            else:
                drop_db(platform.env, db)
        failed = failures + (1 if (problems and not failures) else 0)
        if tests_run == 0:
            problems.append(f"no Odoo test ran on {platform.name}: treated as a failure")
            failed = max(failed, 1)
        self.problems += [f"{platform.name}: {problem}" for problem in problems]
        label = f"Odoo tests on {platform.name} ({len(modules)} modules: install + tests)"
        self.add(label, max(tests_run - failures, 0), failed, time.time() - started)
        self.lines.append(
            f"Odoo tests on {platform.name}: {tests_run} run, {failures} failed/errors"
        )

    def report(self):
        """Print the problems, the phases and the counts; return the exit code."""
        print()
        for problem in self.problems:
            print("PROBLEM:", problem)
        print("\nTime per phase (wall-clock; concurrent phases overlap):")
        for name, seconds in self.phases:
            print(f"  {name:64} {seconds / 60:5.1f} min  ({seconds:.0f} s)")
        total = time.time() - self.started
        print(f"  {'total':64} {total / 60:5.1f} min  ({total:.0f} s)")
        print("; ".join(self.lines) + f"; {total:.0f} s")
        print(f"{self.passed} passed, {self.failed} failed")
        return 1 if self.failed else 0


def cmd_test(args):
    """`make test` (every platform), or the Odoo tests of some modules on one
    platform (``--modules``, ``--platform``: the fast loop)."""
    totals = Totals()
    ensure_chromium()
    ensure_wkhtmltopdf()
    if args.modules or args.platform:
        platform = Platform(args.platform or DEFAULT_PLATFORM)
        modules = args.modules.split(",") if args.modules else product_modules(platform.name)
        totals.setup(platform)
        totals.odoo(platform, modules, args.keep)
    else:
        test_every_platform(totals, args.keep)
    return totals.report()


def test_every_platform(totals, keep):
    """On the default platform, the Odoo tests of the product modules and of
    the tested stand-ins with the suite-level tests alongside; then on each
    other platform, the Odoo tests of its product modules (the bridges', the
    base's, its platform module's: not the stand-ins' nor the suite-level
    tests again)."""
    platform = Platform()
    modules = product_modules() + tested_standins()
    totals.setup(platform)
    suites = start_suite_tests(platform, modules)
    try:
        totals.odoo(platform, modules, keep)
        for name in PLATFORMS:
            if name != DEFAULT_PLATFORM:
                other = Platform(name)
                totals.setup(other)
                totals.odoo(other, product_modules(name), keep)
    except BaseException:
        stop_suite_tests(suites)
        raise
    finish_suite_tests(platform, suites, totals)


def finish_suite_tests(platform, suites, totals):
    passed = failed = 0
    for thread in suites:
        thread.join()
        run_ = thread.suite_tests
        if run_ is None:
            totals.problems.append(f"{thread.name}: could not start: {thread.error}")
            failed += 1
            continue
        phase_passed, phase_failed, seconds = run_.finish()
        passed += phase_passed
        failed += phase_failed
        totals.phases.append((run_.label, seconds))
        if thread.database:
            drop_db(platform.env, thread.database)
    if passed + failed == 0:
        totals.problems.append("no suite-level test ran: treated as a failure")
        failed = 1
    totals.passed += passed
    totals.failed += failed
    totals.lines.append(f"suite tests: {passed} passed, {failed} failed")


class SuiteThread(threading.Thread):
    """Starts one pytest process over the suite-level tests (after making a
    copy of the cached suite database when ``with_suite_db``)."""

    def __init__(self, platform, modules, marker, label, with_suite_db):
        super().__init__(name=label, daemon=True)
        self.platform, self.modules, self.marker = platform, modules, marker
        self.label, self.with_suite_db = label, with_suite_db
        self.suite_tests = self.database = self.error = None

    def run(self):
        try:
            if self.with_suite_db:
                self.database = f"ha_suite_{os.getpid()}"
                source = suite_db(self.platform, self.modules)
                copy_db(self.platform.env, source, self.database)
            self.suite_tests = SuiteTests(
                self.platform,
                [os.path.join(ROOT, "tests"), "-m", self.marker],
                db=self.database,
                quiet=True,
                label=self.label,
            )
        except Exception as exc:  # reported by cmd_test as a failure
            self.error = exc


def start_suite_tests(platform, modules):
    """The suite-level tests, in two pytest processes started now, alongside the
    Odoo tests (the 2 cores stay busy until the end): those that ask for
    ``suite_db`` get a copy of the cached database with the whole suite
    installed (built again when a file of the suite changed), the others
    make their own databases."""
    threads = [
        SuiteThread(
            platform,
            modules,
            "suite_db",
            "suite tests on the suite's database (alongside the Odoo tests)",
            with_suite_db=True,
        ),
        SuiteThread(
            platform,
            modules,
            "not suite_db",
            "suite tests on their own databases (alongside the Odoo tests)",
            with_suite_db=False,
        ),
    ]
    for thread in threads:
        thread.start()
    return threads


def stop_suite_tests(threads):
    for thread in threads:
        thread.join()
        if thread.suite_tests:
            thread.suite_tests.proc.kill()


def cmd_pytest(args):
    """Only the suite-level tests given (``tests/test_x.py``, ``-k name``...), on a
    copy of a database with the whole suite installed (as `make test` runs them)."""
    platform = Platform(args.platform)
    db = f"ha_test_{os.getpid()}"
    copy_db(platform.env, suite_db(platform, product_modules(platform.name)), db)
    try:
        passed, failed, _seconds = SuiteTests(
            platform, args.pytest_args or [os.path.join(ROOT, "tests")], db=db
        ).finish()
    finally:
        drop_db(platform.env, db)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0
