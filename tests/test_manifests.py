import re

import pytest

from .conftest import manifest, product_modules, standin_modules

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
