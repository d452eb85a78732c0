"""Users install the addons as wheels: each addon and stand-in builds a wheel
``odoo-addon-<name>`` whose files land where Odoo finds addons
(``odoo/addons/<name>`` in site-packages)."""

import glob
import json
import os
import shutil
import subprocess

from tools import dist

from .conftest import ROOT, manifest, module_path, product_modules, standin_modules


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
    for module in product_modules() + standin_modules():
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


def test_wheels_install_with_their_dependencies(tmp_path, platform_env):
    """As a user installs them: ``pip install odoo-addon-<name>`` of every addon
    and stand-in, with their dependencies resolved (no --no-deps): the
    suite's own ``odoo-addon-*`` from the wheels of `make dist`, ``odoo`` from
    Odoo's source tree. Odoo's own requirements (babel, psycopg2, ...) are the
    project's virtualenv's, seen through a .pth file, rather than
    downloaded and built again (minutes): pip counts them as installed."""
    dist_dir = tmp_path / "dist"
    res = subprocess.run(
        ["python3", "-m", "tools.dist", "--outdir", str(dist_dir)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stderr[-3000:]
    addons = product_modules() + standin_modules()
    wheels = sorted(glob.glob(str(dist_dir / "*.whl")))
    names = {os.path.basename(w).split("-")[0] for w in wheels}
    # The stand-ins too: Community users need them.
    assert names == {f"odoo_addon_{m}" for m in addons}
    odoo_src = platform_env["HA_ODOO_SRC"]
    odoo_wheels = build_odoo_wheel(odoo_src, tmp_path / "odoo")

    venv = tmp_path / "venv"
    # The project's Python: the .pth below needs the same version.
    subprocess.run([platform_env["HA_PYTHON"], "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    site = purelib(python)
    project_site = purelib(platform_env["HA_PYTHON"])
    with open(os.path.join(site, "ha_odoo_requirements.pth"), "w") as fh:
        fh.write(project_site + "\n")
    res = subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-index"]
        + ["--find-links", str(dist_dir), "--find-links", str(odoo_wheels)]
        # By name, as from an index: pip picks the wheels and resolves their
        # requirements (odoo==18.0.*, odoo-addon-helpdesk_aftersales==18.0.*, ...).
        + [f"odoo-addon-{m}" for m in addons],
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stdout[-3000:] + res.stderr[-3000:]
    res = subprocess.run(
        [python, "-m", "pip", "check"], capture_output=True, text=True, check=False
    )
    assert res.returncode == 0, res.stdout + res.stderr

    # Odoo is the virtualenv's, installed from the source tree, with its command.
    res = subprocess.run(
        [str(venv / "bin" / "odoo"), "--version"], capture_output=True, text=True, check=False
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


def purelib(python):
    return subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def test_every_addon_has_its_pyproject():
    for module in product_modules() + standin_modules():
        path = os.path.join(module_path(module), "pyproject.toml")
        assert os.path.isfile(path), f"{module}: run python3 -m tools.make_pyprojects"
        assert f'name = "odoo-addon-{module}"' in open(path).read()
