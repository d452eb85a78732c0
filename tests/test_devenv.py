"""The set-up's own behaviour: what it says when a Debian package is missing,
and that the suite's addons are found by their manifest."""

import os

import pytest

from tools.devenv import debian
from tools.devenv.addons import addon_dirs, product_modules
from tools.devenv.common import ROOT, SetupError


def fake_machine(monkeypatch, installable):
    """A machine without wkhtmltopdf on PATH; apt-get installs it when
    ``installable`` (root with apt), else fails. Returns the apt calls."""
    installed = []

    def which(name):
        return f"/usr/bin/{name}" if name in installed else None

    def apt_install(*packages, **_kwargs):
        calls.append(packages)
        if installable:
            installed.extend(packages)
        return installable

    calls = []
    monkeypatch.setattr(debian.shutil, "which", which)
    monkeypatch.setattr(debian, "apt_install", apt_install)
    return calls


def test_missing_wkhtmltopdf_is_installed(monkeypatch, capsys):
    calls = fake_machine(monkeypatch, installable=True)
    assert debian.ensure_wkhtmltopdf() == "/usr/bin/wkhtmltopdf"
    assert calls == [("wkhtmltopdf",)]
    out = capsys.readouterr().out
    assert "installing Debian 'wkhtmltopdf'" in out
    assert "PDF reports" in out


def test_wkhtmltopdf_that_cannot_be_installed_says_how(monkeypatch):
    calls = fake_machine(monkeypatch, installable=False)
    with pytest.raises(SetupError) as exc:
        debian.ensure_wkhtmltopdf()
    assert calls == [("wkhtmltopdf",)]
    assert "wkhtmltopdf is needed" in str(exc.value)
    assert "sudo apt-get install wkhtmltopdf" in str(exc.value)


def test_installed_wkhtmltopdf_is_left_alone(monkeypatch):
    calls = []
    monkeypatch.setattr(debian.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(debian, "apt_install", lambda *p, **k: calls.append(p))
    assert debian.ensure_wkhtmltopdf() == "/usr/bin/wkhtmltopdf"
    assert calls == []


def test_addons_are_found_by_their_manifest():
    found = addon_dirs(product=True, standins=True)
    on_disk = [
        os.path.join(base, name)
        for base in (ROOT, os.path.join(ROOT, "standins"))
        for name in os.listdir(base)
        if os.path.isfile(os.path.join(base, name, "__manifest__.py"))
    ]
    assert sorted(found) == sorted(on_disk)
    assert "helpdesk_aftersales" in product_modules()
    assert "helpdesk" not in product_modules(), "stand-ins are not product modules"
