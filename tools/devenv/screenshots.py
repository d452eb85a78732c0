"""`make screenshots`: the README's screenshots (docs/screenshots/), taken by
the browser tours of the test-only addon tools/screenshots/
helpdesk_aftersales_screenshots on a copy of the cached demo database, through
Odoo's own browser driver: a screenshot shows a screen a test reached."""

import os
import re
import subprocess
import sys

from .addons import product_modules
from .common import CACHE, ROOT, free_port, log
from .debian import ensure_chromium, ensure_cjk_font
from .platform import Platform
from .postgres import copy_db, drop_db
from .templates import suite_db

ADDONS = os.path.join(ROOT, "tools", "screenshots")
ADDON = "helpdesk_aftersales_screenshots"
RESULT_RE = re.compile(r"(\d+) failed, (\d+) error\(s\) of (\d+) tests")


def lang_dir(lang):
    """The folder of a language's screenshots, named like its catalogues
    (``de.po`` for de_DE, ``zh_CN.po`` for zh_CN)."""
    base, _, territory = lang.partition("_")
    return base if territory.lower() in ("", base) else lang


def run_tours(cmd, env, logfile):
    """Run the screenshot tours (``cmd``), their log into ``logfile``, the
    screenshots and errors shown. Returns (exit code, failed, ran)."""
    failed = ran = 0
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    with open(logfile, "w") as fh:
        for line in proc.stdout:
            fh.write(line)
            m = RESULT_RE.search(line)
            if m and "odoo.tests.result" in line:
                failed += int(m.group(1)) + int(m.group(2))
                ran += int(m.group(3))
            if "screenshot " in line or " ERROR " in line or "FAIL" in line:
                sys.stdout.write(line)
    return proc.wait(), failed, ran


def take_screenshots(args):
    ensure_chromium()
    platform = Platform()
    lang = getattr(args, "lang", None)
    if lang and lang.split("_")[0] in ("zh", "ja", "ko"):
        ensure_cjk_font()
    default_out = os.path.join(ROOT, "docs", "screenshots", *([lang_dir(lang)] if lang else []))
    out = os.path.abspath(args.out or default_out)
    os.makedirs(out, exist_ok=True)
    db = f"ha_screenshots_{os.getpid()}"
    copy_db(platform.env, suite_db(platform, product_modules(), demo=True), db)
    env = dict(
        platform.env,
        HA_SCREENSHOTS_DIR=out,
        HA_SCREENSHOTS_ONLY=args.only or "",
        HA_SCREENSHOTS_LANG=lang or "",
    )
    cmd = platform.odoo_cmd(
        db,
        "-i",
        ADDON,
        "--test-enable",
        f"--test-tags=/{ADDON}",
        "--stop-after-init",
        "--log-level=test",
        f"--http-port={free_port()}",
        extra_addons=[ADDONS],
    )
    in_lang = f" in {lang}" if lang else ""
    log(f"taking the screenshots{in_lang} into {os.path.relpath(out, ROOT)} (tours on {db})")
    logfile = os.path.join(CACHE, "screenshots.log")
    try:
        rc, failed, ran = run_tours(cmd, env, logfile)
    finally:
        drop_db(platform.env, db)
    if rc or failed or not ran:
        log(f"the screenshot tours failed (exit {rc}, {failed} failed of {ran}): see {logfile}")
        return 1
    log("screenshots saved")
    return 0
