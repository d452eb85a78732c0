"""Users install the addons as wheels: each product addon builds a wheel
``odoo-addon-<name>`` whose files land where Odoo finds addons
(``odoo/addons/<name>`` in site-packages)."""

import glob
import os
import subprocess
import sys

from .conftest import ROOT, manifest, product_modules


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
    """A wheel holds only its addon's directory: each addon has the root LICENSE
    (tools/make_pyprojects.py writes the copies)."""
    for module in product_modules():
        path = os.path.join(ROOT, module, "LICENSE")
        assert os.path.isfile(path), f"{module}: run python3 tools/make_pyprojects.py"
        with open(path, encoding="utf-8") as fh:
            assert fh.read() == root_license(), f"{module}: LICENSE differs from the root one"


def test_wheels_install_into_a_clean_virtualenv(tmp_path, platform_env):
    dist = tmp_path / "dist"
    res = subprocess.run(
        ["python3", "-m", "tools.dist", "--outdir", str(dist)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert res.returncode == 0, res.stderr[-3000:]
    wheels = sorted(glob.glob(str(dist / "*.whl")))
    names = {os.path.basename(w).split("-")[0] for w in wheels}
    assert names == {f"odoo_addon_{m}" for m in product_modules()}
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps"]
    # --no-deps: Odoo itself is no package on the index; the addons' own files
    # are what is checked here.
    subprocess.run(pip + wheels, check=True)
    site = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['purelib'])",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    for module in product_modules():
        manifest = os.path.join(site, "odoo", "addons", module, "__manifest__.py")
        assert os.path.isfile(manifest), f"{module} not found where Odoo looks for addons"
        assert os.path.isfile(os.path.join(site, "odoo", "addons", module, "i18n", "de.po"))
        # The manifest says LGPL-3: the licence text travels with the addon.
        installed_license = os.path.join(site, "odoo", "addons", module, "LICENSE")
        assert os.path.isfile(installed_license), f"{module}: the wheel has no LICENSE"
        icon = os.path.join(site, "odoo", "addons", module, "static", "description", "icon.png")
        assert os.path.isfile(icon), f"{module}: the wheel has no icon"
        with open(installed_license, encoding="utf-8") as fh:
            assert fh.read() == root_license(), f"{module}: the wheel's LICENSE differs"


def test_every_addon_has_its_pyproject():
    for module in product_modules():
        path = os.path.join(ROOT, module, "pyproject.toml")
        assert os.path.isfile(path), f"{module}: run python3 -m tools.make_pyprojects"
        assert f'name = "odoo-addon-{module}"' in open(path).read()
