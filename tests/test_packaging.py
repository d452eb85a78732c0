"""Users install the addons as wheels: each addon, the default platform's
module and each stand-in builds a wheel ``odoo-addon-<name>`` whose files land
where Odoo finds addons (``odoo/addons/<name>`` in site-packages)."""

import glob
import json
import os
import re
import shutil
import subprocess
import zipfile

import pytest
from packaging.requirements import Requirement

from tools import dist
from tools.devenv import drop_db, psql, wheelhouse

from .conftest import (
    ROOT,
    manifest,
    module_path,
    platform_modules,
    product_modules,
    standin_modules,
)


def root_license():
    with open(os.path.join(ROOT, "LICENSE"), encoding="utf-8") as fh:
        return fh.read()


def test_the_repository_carries_the_lgpl3_text():
    text = root_license()
    assert text.lstrip().startswith("GNU LESSER GENERAL PUBLIC LICENSE")
    assert "Version 3, 29 June 2007" in text
    assert "0. Additional Definitions." in text
    assert "6. Revised Versions of the GNU Lesser General Public License." in text
    assert all(manifest(m)["license"] == "LGPL-3" for m in product_modules())


def test_every_addon_carries_the_license():
    """A wheel holds only its addon's directory: each addon and stand-in has the
    root LICENSE (tools/make_pyprojects.py writes the copies)."""
    for module in product_modules() + platform_modules() + standin_modules():
        path = os.path.join(module_path(module), "LICENSE")
        assert os.path.isfile(path), f"{module}: run python3 tools/make_pyprojects.py"
        with open(path, encoding="utf-8") as fh:
            assert fh.read() == root_license(), f"{module}: LICENSE differs from the root one"


def build_odoo_wheel(odoo_src, outdir):
    """Odoo itself as a wheel, built from its source tree by its own setup.py
    (what ``pip install <odoo src>`` does), from a copy of the files the build
    needs: the build writes build/ and odoo.egg-info/, which must not land in
    the shared tree. About 10 s."""
    src = outdir / "odoo-src"
    src.mkdir(parents=True)
    for name in (
        "setup.py",
        "setup.cfg",
        "MANIFEST.in",
        "README.md",
        "LICENSE",
        "requirements.txt",
    ):
        if os.path.isfile(os.path.join(odoo_src, name)):
            shutil.copy2(os.path.join(odoo_src, name), src / name)
    for name in ("odoo", "setup"):
        shutil.copytree(os.path.join(odoo_src, name), src / name, ignore=IGNORE)
    wheels = outdir / "wheels"
    res = subprocess.run(
        [dist.build_python(), "-m", "build", "--wheel", "--no-isolation", "--outdir", wheels, src],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    return wheels


IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc")

FIND_MODULES = """
import json, sys
import odoo
from odoo.modules import module
from odoo.tools import config
config.parse_config(["--addons-path", sys.argv[1], "--data-dir", sys.argv[2]])
module.initialize_sys_path()
print(json.dumps({"odoo": odoo.__file__, "modules": sorted(module.get_modules())}))
"""


def wheel_requires(wheel):
    """The Requires-Dist of a wheel, without those of its extras."""
    with zipfile.ZipFile(wheel) as zf:
        (metadata,) = [n for n in zf.namelist() if n.endswith(".dist-info/METADATA")]
        lines = zf.read(metadata).decode().splitlines()
    requires = [
        line.split(":", 1)[1].strip() for line in lines if line.startswith("Requires-Dist:")
    ]
    return [r for r in requires if "extra ==" not in r]


def third_party_requirements(odoo_wheels, dist_dir):
    """What the wheelhouse must hold: the requirements of Odoo's wheel (its
    setup.py's install_requires, without the ``ldap`` extra), then those of
    the suite's wheels that are neither Odoo nor one of the suite's addons
    (the Python ``external_dependencies`` of their manifests)."""
    (odoo_wheel,) = glob.glob(str(odoo_wheels / "odoo-*.whl"))
    external = [
        req
        for wheel in sorted(glob.glob(str(dist_dir / "*.whl")))
        for req in wheel_requires(wheel)
        if not re.match(r"odoo($|[-_.]addon[-_.])", Requirement(req).name.lower())
    ]
    return wheel_requires(odoo_wheel), external


@pytest.fixture(scope="module")
def wheels_venv(tmp_path_factory, platform_env):
    """As a user installs them: ``pip install odoo-addon-<name>`` of every addon
    and stand-in into a new virtualenv, with their dependencies resolved (no
    --no-deps): the suite's own ``odoo-addon-*`` from the wheels of `make
    dist`, ``odoo`` from a wheel of Odoo's source tree, and Odoo's own
    requirements (its setup.py's install_requires: babel, psycopg2, lxml, ...,
    and theirs) from a wheelhouse of the package index, pinned by Odoo's
    requirements.txt and tools/odoo-constraints.txt (tools/devenv/wheelhouse.py:
    built once per requirement set, 15 s to 1.5 min, then cached). pip runs
    with --no-index and without the machine's pip configuration: nothing
    comes from the project's virtualenv nor from anywhere else. Returns the
    virtualenv's paths."""
    tmp_path = tmp_path_factory.mktemp("wheels")
    dist_dir = tmp_path / "dist"
    res = subprocess.run(
        ["python3", "-m", "tools.dist", "--outdir", str(dist_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stderr[-3000:]
    odoo_src = platform_env["HA_ODOO_SRC"]
    odoo_wheels = build_odoo_wheel(odoo_src, tmp_path / "odoo")
    odoo_requirements, external = third_party_requirements(odoo_wheels, dist_dir)

    venv = tmp_path / "venv"
    # The project's Python (the wheelhouse's wheels are built for it), in a
    # virtualenv of its own: without the project's site-packages.
    subprocess.run([platform_env["HA_PYTHON"], "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    constraints = wheelhouse.odoo_constraints(odoo_src)
    requirements = odoo_requirements + external
    house = wheelhouse.ensure_wheelhouse(python, requirements, constraints)
    res = subprocess.run(
        # --no-compile: Python compiles what it imports, when it does.
        [python, "-m", "pip", "install", "-q", "--no-compile", "--no-index"]
        + ["--find-links", str(dist_dir), "--find-links", str(odoo_wheels)]
        + ["--find-links", house]
        # By name, as from an index: pip picks the wheels and resolves their
        # requirements (odoo==18.0.*, odoo-addon-helpdesk_aftersales==18.0.*,
        # then Odoo's babel, psycopg2, ...).
        + [f"odoo-addon-{m}" for m in product_modules() + platform_modules() + standin_modules()],
        env=wheelhouse.pip_env(constraints, offline=True),
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    return {
        "dir": str(venv),
        "python": python,
        "site": purelib(python),
        "odoo": str(venv / "bin" / "odoo"),
        "odoo_src": odoo_src,
        "dist": dist_dir,
        "odoo_requirements": odoo_requirements,
        "external": external,
        "tmp": tmp_path,
    }


def test_wheels_install_with_their_dependencies(wheels_venv):
    """The wheels of `make dist` installed by name (``wheels_venv``): pip's
    resolution is consistent, everything comes from the new virtualenv at the
    versions Odoo pins, and Odoo finds every addon and stand-in in
    site-packages, with their licence, icon and translations."""
    addons = product_modules() + platform_modules() + standin_modules()
    wheels = sorted(glob.glob(str(wheels_venv["dist"] / "*.whl")))
    names = {os.path.basename(w).split("-")[0] for w in wheels}
    # The stand-ins too: Community users need them.
    assert names == {f"odoo_addon_{m}" for m in addons}
    # Odoo's requirements are its setup.py's, not requirements.txt's (no pins,
    # no freezegun): the constraints give the versions. The suite's wheels add
    # their manifests' Python external dependencies (none today).
    requirements = wheels_venv["odoo_requirements"]
    assert "psycopg2>=2.2" in requirements and "lxml" in requirements, requirements
    assert not any(r.lower().startswith("freezegun") for r in requirements), requirements
    external = {
        dep
        for m in addons
        for dep in manifest(m).get("external_dependencies", {}).get("python", [])
    }
    assert len(wheels_venv["external"]) == len(external), (wheels_venv["external"], external)

    python, venv, site = wheels_venv["python"], wheels_venv["dir"], wheels_venv["site"]
    tmp_path, odoo_src = wheels_venv["tmp"], wheels_venv["odoo_src"]
    res = subprocess.run(
        [python, "-m", "pip", "check"], capture_output=True, text=True, check=False
    )
    assert res.returncode == 0, res.stdout + res.stderr
    # Everything installed is the new virtualenv's, Odoo's requirements at the
    # versions of its requirements.txt; nothing of the project's virtualenv
    # (its pytest, which Odoo does not require, is not importable).
    res = subprocess.run(
        [python, "-c", INSTALLED], capture_output=True, text=True, check=False, cwd=tmp_path
    )
    assert res.returncode == 0, res.stderr[-3000:]
    installed = json.loads(res.stdout)
    assert not installed["pytest"], "pytest is importable: not a virtualenv of its own"
    outside = {n: p for n, p in installed["dists"].items() if not p.startswith(venv)}
    assert not outside, f"installed outside the test's virtualenv: {outside}"
    pinned = odoo_pins(odoo_src)
    checked = {n: v for n, v in installed["versions"].items() if n in pinned}
    assert {"lxml", "psycopg2", "werkzeug", "babel", "cbor2"} <= set(checked), sorted(checked)
    wrong = {n: (v, pinned[n]) for n, v in checked.items() if v != pinned[n]}
    assert not wrong, f"not the versions of Odoo's requirements.txt (installed, pinned): {wrong}"
    # gevent's dependencies at versions its pkg_resources finds (docs/DEPLOY.md).
    res = subprocess.run(
        [python, "-c", "import pkg_resources; pkg_resources.require('gevent')"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stderr[-3000:]

    # Odoo is the virtualenv's, installed from the source tree, with its command.
    res = subprocess.run(
        [wheels_venv["odoo"], "--version"], capture_output=True, text=True, check=False
    )
    assert res.returncode == 0 and "Odoo Server 18.0" in res.stdout, res.stdout + res.stderr
    # The wheels' addons land in odoo/addons of site-packages, next to base:
    # Odoo finds each of them, the core addons given by --addons-path.
    res = subprocess.run(
        [python, "-c", FIND_MODULES, os.path.join(odoo_src, "addons"), str(tmp_path / "data")],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert res.returncode == 0, res.stderr[-3000:]
    found = json.loads(res.stdout.strip().splitlines()[-1])
    assert found["odoo"].startswith(site), f"odoo imported from {found['odoo']}"
    modules = set(found["modules"])
    assert set(addons) <= modules, f"Odoo does not find {sorted(set(addons) - modules)}"
    for module in addons:
        missing = set(manifest(module)["depends"]) - modules
        assert not missing, f"{module}: its dependencies {sorted(missing)} are not found"
    for module in addons:
        installed = os.path.join(site, "odoo", "addons", module)
        assert os.path.isfile(os.path.join(installed, "__manifest__.py")), module
        # The manifest says LGPL-3: the licence text travels with the addon.
        installed_license = os.path.join(installed, "LICENSE")
        assert os.path.isfile(installed_license), f"{module}: the wheel has no LICENSE"
        with open(installed_license, encoding="utf-8") as fh:
            assert fh.read() == root_license(), f"{module}: the wheel's LICENSE differs"
        icon = os.path.join(installed, "static", "description", "icon.png")
        assert os.path.isfile(icon), f"{module}: the wheel has no icon"
    for module in product_modules():
        installed = os.path.join(site, "odoo", "addons", module)
        assert os.path.isfile(os.path.join(installed, "i18n", "de.po")), module


def test_odoo_from_the_wheels_installs_the_suite(wheels_venv, platform_env):
    """The real proof of a user's install: the ``odoo`` command of the
    virtualenv installs the base of the suite on a new database, the suite's
    addons from the wheels (the addons path gives only Odoo's core addons)."""
    db = f"ha_wheels_{os.getpid()}"
    env = {k: v for k, v in platform_env.items() if k != "PYTHONPATH"}
    tmp_path = wheels_venv["tmp"]
    try:
        res = subprocess.run(
            [
                wheels_venv["odoo"],
                f"--addons-path={wheels_venv['odoo_src']}/addons",
                f"--data-dir={tmp_path / 'data'}",
                "--db_host=127.0.0.1",
                f"--db_port={env['PGPORT']}",
                f"--db_user={env['PGUSER']}",
                "-d",
                db,
                "-i",
                "helpdesk_aftersales",
                "--without-demo=all",
                "--stop-after-init",
                "--log-level=warn",
                "--no-http",
            ],
            env=env,
            capture_output=True,
            text=True,
            check=False,
            cwd=tmp_path,
        )
        output = res.stdout + res.stderr
        assert res.returncode == 0, output[-3000:]
        assert " ERROR " not in output and "Traceback" not in output, output[-3000:]
        sql = (
            "SELECT name || ':' || state FROM ir_module_module"
            " WHERE name IN ('helpdesk', 'helpdesk_aftersales') ORDER BY name"
        )
        states = psql(env, sql, db=db).split()
        assert states == ["helpdesk:installed", "helpdesk_aftersales:installed"], states
    finally:
        drop_db(env, db)


INSTALLED = """
import importlib.metadata, importlib.util, json
dists = list(importlib.metadata.distributions())
print(json.dumps({
    "pytest": bool(importlib.util.find_spec("pytest")),
    "dists": {d.metadata["Name"]: str(d.locate_file("")) for d in dists},
    "versions": {d.metadata["Name"].lower(): d.version for d in dists},
}))
"""


def odoo_pins(odoo_src):
    """name -> version of the ``==`` pins of Odoo's requirements.txt that
    apply to this Python (the test runs on the project's Python)."""
    pins = {}
    with open(os.path.join(odoo_src, "requirements.txt"), encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            req = Requirement(line)
            if req.marker and not req.marker.evaluate():
                continue
            (spec,) = req.specifier or [None]
            if spec is not None and spec.operator == "==":
                pins[req.name.lower()] = spec.version
    return pins


def purelib(python):
    return subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_every_addon_has_its_pyproject():
    for module in product_modules() + platform_modules() + standin_modules():
        path = os.path.join(module_path(module), "pyproject.toml")
        assert os.path.isfile(path), f"{module}: run python3 -m tools.make_pyprojects"
        assert f'name = "odoo-addon-{module}"' in open(path).read()
