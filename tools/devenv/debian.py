"""Debian packages the suite needs on the machine (chromium for the browser
tours, wkhtmltopdf for PDF reports, PostgreSQL's server): found on PATH, else
installed with apt-get when running as root, else a clear SetupError."""

import os
import shutil
import subprocess

from .common import SetupError, log, run


def apt_install(*packages, quiet=False):
    """``apt-get install`` as root; False when not root or apt-get is missing."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return False
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    out = subprocess.DEVNULL if quiet else None
    run(["apt-get", "update", "-qq"], check=False, env=env, stdout=out)
    res = run(["apt-get", "install", "-y", "-qq", *packages], check=False, env=env, stdout=out)
    return res.returncode == 0


def ensure_program(names, package, why):
    """The path of the first of ``names`` on PATH, installing the Debian
    ``package`` when none is; SetupError saying how to install it otherwise."""
    for name in names:
        if shutil.which(name):
            return shutil.which(name)
    log(f"installing Debian '{package}' ({why})")
    apt_install(package)
    for name in names:
        if shutil.which(name):
            return shutil.which(name)
    raise SetupError(f"{names[0]} is needed: {why}.\n  Install it:  sudo apt-get install {package}")


def ensure_chromium():
    return ensure_program(
        ("chromium", "chromium-browser", "google-chrome"),
        "chromium",
        "the browser tests run in it (Odoo would skip them)",
    )


def ensure_cjk_font():
    """A font with Chinese glyphs for the browser (zh_CN screenshots): without
    one, chromium draws every Chinese character as an empty box."""

    def has_font():
        if not shutil.which("fc-list"):
            return False
        res = run(["fc-list", ":lang=zh", "family"], check=False, capture_output=True, text=True)
        return bool(res.stdout.strip())

    if has_font():
        return
    log("installing Debian 'fonts-wqy-microhei' (Chinese glyphs for the browser)")
    apt_install("fonts-wqy-microhei")
    if not has_font():
        raise SetupError(
            "a Chinese font is needed for the zh_CN screens.\n"
            "  Install one:  sudo apt-get install fonts-wqy-microhei"
        )


def ensure_wkhtmltopdf():
    return ensure_program(
        ("wkhtmltopdf",),
        "wkhtmltopdf",
        "Odoo prints PDF reports with it (the coupon email attaches one)",
    )


def ldap_buildable():
    """python-ldap builds when the LDAP and SASL headers are there."""
    if os.path.exists("/usr/include/ldap.h") and os.path.exists("/usr/include/sasl/sasl.h"):
        return True
    return apt_install("libldap2-dev", "libsasl2-dev", quiet=True)
