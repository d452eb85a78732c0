"""The helpdesk platforms of ``addons.PLATFORMS`` on this machine: their
wheels installed and the addons path that shows each platform its modules
only.

The wheels (helpdesk_mgmt's) go with the project virtualenv's pip, without
their dependencies (they require ``odoo==18.0.*``, which no index holds for a
source tree of Odoo), into a cached folder of their own,
``CACHE/platform-<name>-<key>`` (the key: the pinned requirements and the
Python), never into the virtualenv's site-packages: Odoo extends
``odoo.addons`` with every ``odoo/addons`` folder of ``sys.path``, so an addon
there would be visible on every platform, and the virtualenv is shared by
every work tree.

A folder of the addons path that holds another platform's module
(``standins/`` holds the stand-in ``helpdesk``) is shown to a platform as a
folder of links to its other addons (``CACHE/addons-views/…``): the stand-ins
of Field Service stay visible on every platform, the stand-in ``helpdesk`` on
its own only.
"""

import hashlib
import os
import shutil
import subprocess
import sys

from .addons import PLATFORMS, hidden_modules, platform_dirs
from .common import CACHE, ROOT, STANDINS, SetupError, locked, log

VIEWS = os.path.join(CACHE, "addons-views")


def wheels_dir(platform, python):
    """The folder holding ``platform``'s wheels installed (its ``odoo/addons``
    goes on the addons path), installed with ``python``'s pip the first time;
    None for a platform without wheels."""
    wheels = PLATFORMS[platform].get("wheels")
    if not wheels:
        return None
    key = hashlib.sha1("\n".join([*wheels, sys.version]).encode()).hexdigest()[:10]
    target = os.path.join(CACHE, f"platform-{platform}-{key}")
    with locked(f"platform-{platform}"):
        if os.path.isdir(os.path.join(target, "odoo", "addons")):
            return target
        log(f"installing the wheels of the {platform} platform: {', '.join(wheels)}")
        partial = target + ".partial"
        shutil.rmtree(partial, ignore_errors=True)
        res = subprocess.run(
            [python, "-m", "pip", "install", "-q", "--no-deps", "--target", partial, *wheels],
            capture_output=True,
            text=True,
            check=False,
        )
        if res.returncode:
            raise SetupError(
                f"pip cannot install {', '.join(wheels)} (the {platform} platform):\n"
                f"{res.stderr[-3000:]}\n  pip needs the package index (PyPI) the first time."
            )
        os.replace(partial, target)
    return target


def addons_view(platform, folder):
    """``folder`` as ``platform`` sees it: itself when it holds no other
    platform's module, else a folder of links to its other addons."""
    hidden = hidden_modules(platform)
    names = sorted(
        name
        for name in os.listdir(folder)
        if os.path.isfile(os.path.join(folder, name, "__manifest__.py"))
    )
    if not hidden & set(names):
        return folder
    digest = hashlib.sha1(os.path.abspath(folder).encode()).hexdigest()[:10]
    view = os.path.join(VIEWS, f"{platform}-{os.path.basename(folder)}-{digest}")
    wanted = {name: os.path.join(folder, name) for name in names if name not in hidden}
    with locked("addons-views"):
        os.makedirs(view, exist_ok=True)
        for name in os.listdir(view):
            link = os.path.join(view, name)
            if wanted.get(name) != os.readlink(link):
                os.unlink(link)
        for name, target in wanted.items():
            if not os.path.islink(os.path.join(view, name)):
                os.symlink(target, os.path.join(view, name))
    return view


def suite_dirs(platform):
    """The repository's addons folders on ``platform``'s path (the stand-ins,
    its own folders, the product addons), each as the platform sees it."""
    return [
        addons_view(platform, STANDINS),
        *platform_dirs(platform),
        addons_view(platform, ROOT),
    ]


def addons_dirs(odoo, platform, python):
    """Every folder of ``platform``'s addons path: Odoo's, its wheels', the
    repository's (``suite_dirs``)."""
    wheels = wheels_dir(platform, python)
    return [
        os.path.join(odoo, "odoo", "addons"),
        os.path.join(odoo, "addons"),
        *([os.path.join(wheels, "odoo", "addons")] if wheels else []),
        *suite_dirs(platform),
    ]
