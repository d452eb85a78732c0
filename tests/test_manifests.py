import ast
import os
import re

import pytest

from .conftest import ROOT, manifest, product_modules, standin_modules

VERSION = re.compile(r"^18\.0\.\d+\.\d+\.\d+$")


def test_the_suite_is_complete():
    expected = {
        "helpdesk_aftersales",
        "helpdesk_aftersales_refund",
        "helpdesk_aftersales_coupon",
        "helpdesk_aftersales_return",
        "helpdesk_aftersales_repair",
        "helpdesk_aftersales_fsm",
    }
    assert expected <= set(product_modules())
    assert {"helpdesk", "industry_fsm", "industry_fsm_report"} == set(standin_modules())


@pytest.mark.parametrize("module", product_modules() + standin_modules())
def test_manifest(module):
    data = manifest(module)
    assert VERSION.match(data["version"]), f"{module}: version must be 18.0.x.y.z"
    assert data["license"] == "LGPL-3"
    assert data["depends"], f"{module}: depends is empty"
    for key in ("name", "author", "website", "category", "summary"):
        assert data.get(key), f"{module}: manifest key {key!r} missing"
    assert "description" not in data, f"{module}: use readme/DESCRIPTION.md, not 'description'"


@pytest.mark.parametrize("module", product_modules())
def test_product_manifest(module):
    data = manifest(module)
    assert data.get("maintainers"), f"{module}: maintainers missing"
    if module != "helpdesk_aftersales":
        assert "helpdesk_aftersales" in data["depends"] or any(
            dep.startswith("helpdesk_aftersales_") for dep in data["depends"]
        ), f"{module}: a bridge stands on the base module"


# Odoo Enterprise's own after-sales modules: the suite is their Community
# implementation (same team settings, same ``helpdesk.create.fsm.task``), so each
# product module declares ``excludes``. Odoo checks every installed or to-install
# module's exclusions whenever something is installed (ir.module.module
# button_install), so the key on the suite's side refuses both orders;
# tests/test_enterprise_exclusion.py proves it on a real database.
ENTERPRISE_AFTERSALES = {
    "helpdesk_account",
    "helpdesk_sale_loyalty",
    "helpdesk_stock",
    "helpdesk_repair",
    "helpdesk_fsm",
    "helpdesk_fsm_report",
    "helpdesk_sale",
    "helpdesk_stock_account",
}
ENTERPRISE_COUNTERPART = {
    "helpdesk_aftersales": ENTERPRISE_AFTERSALES,
    "helpdesk_aftersales_sale": {"helpdesk_sale"},
    "helpdesk_aftersales_sale_stock": {"helpdesk_sale", "helpdesk_stock"},
    "helpdesk_aftersales_refund": {"helpdesk_account"},
    "helpdesk_aftersales_refund_stock": {"helpdesk_account"},
    "helpdesk_aftersales_coupon": {"helpdesk_sale_loyalty"},
    "helpdesk_aftersales_coupon_website": {"helpdesk_sale_loyalty"},
    "helpdesk_aftersales_return": {"helpdesk_stock"},
    "helpdesk_aftersales_repair": {"helpdesk_repair"},
    "helpdesk_aftersales_repair_return": {"helpdesk_repair", "helpdesk_stock"},
    "helpdesk_aftersales_repair_refund": {"helpdesk_repair", "helpdesk_account"},
    "helpdesk_aftersales_return_refund": {"helpdesk_stock_account"},
    "helpdesk_aftersales_fsm": {"helpdesk_fsm"},
    "helpdesk_aftersales_fsm_report": {"helpdesk_fsm_report"},
}


def test_every_product_module_has_its_enterprise_counterpart_listed():
    assert set(ENTERPRISE_COUNTERPART) == set(
        product_modules()
    ), "a new module of the suite: name the Enterprise module(s) it replaces here"


@pytest.mark.parametrize("module", product_modules())
def test_manifest_excludes_enterprise_counterparts(module):
    excludes = manifest(module).get("excludes")
    assert excludes, f"{module}: 'excludes' missing (Odoo Enterprise's counterpart)"
    assert len(excludes) == len(set(excludes)), f"{module}: duplicates in 'excludes'"
    assert set(excludes) <= ENTERPRISE_AFTERSALES, (
        f"{module}: excludes modules that are no Enterprise after-sales module: "
        f"{set(excludes) - ENTERPRISE_AFTERSALES}"
    )
    missing = ENTERPRISE_COUNTERPART.get(module, set()) - set(excludes)
    assert not missing, f"{module}: 'excludes' lacks its Enterprise counterpart {missing}"


@pytest.mark.parametrize("module", standin_modules())
def test_standins_exclude_nothing(module):
    # A stand-in has the Enterprise app's own technical name: on Enterprise the app
    # itself takes its place (never both in one addons path).
    assert not manifest(module).get("excludes"), module


# The platform modules (docs/ARCHITECTURE.md): one technical name, one folder per
# helpdesk in platforms/<platform>/, each excluding the other helpdesk. They are
# neither bridges nor stand-ins: found here by their folder.
PLATFORM_VARIANTS = {
    "standin": {"depends": ["helpdesk"], "excludes": ["helpdesk_mgmt"], "license": "LGPL-3"},
    "oca": {"depends": ["helpdesk_mgmt"], "excludes": ["helpdesk"], "license": "AGPL-3"},
}


def platform_manifest(platform):
    path = os.path.join(
        ROOT, "platforms", platform, "helpdesk_aftersales_platform", "__manifest__.py"
    )
    with open(path, encoding="utf-8") as fh:
        return ast.literal_eval(fh.read())


@pytest.mark.parametrize("platform", list(PLATFORM_VARIANTS))
def test_platform_module_manifest(platform):
    data = platform_manifest(platform)
    expected = PLATFORM_VARIANTS[platform]
    assert VERSION.match(data["version"])
    assert data["depends"] == expected["depends"], "the platform module stands on its helpdesk"
    assert data["excludes"] == expected["excludes"], "the two helpdesks never meet"
    assert data["license"] == expected["license"]
    for key in ("name", "author", "website", "category", "summary", "maintainers"):
        assert data.get(key), f"{platform}: manifest key {key!r} missing"


def test_the_base_stands_on_the_platform_module():
    assert manifest("helpdesk_aftersales")["depends"] == ["helpdesk_aftersales_platform"]
