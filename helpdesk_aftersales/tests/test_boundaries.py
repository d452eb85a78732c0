import importlib
import pkgutil

from odoo.tests import TransactionCase, tagged

from .common_access import (
    AftersalesBoundaryCase,
    aftersales_company_fields,
    aftersales_module_models,
    aftersales_related_fields,
    aftersales_suite_modules,
)


@tagged("post_install", "-at_install")
class TestBoundaryGuardsCoverTheSuite(TransactionCase):
    """Issue 26: the company guards run on every module of the suite that
    defines a model, a field to company data or a related field, found in
    the registry (a new module is covered or fails here)."""

    def _boundary_cases(self, module):
        try:
            tests = importlib.import_module(f"odoo.addons.{module}.tests")
        except ImportError:
            return []
        cases = []
        for info in pkgutil.iter_modules(tests.__path__):
            submodule = importlib.import_module(f"{tests.__name__}.{info.name}")
            cases += [
                value
                for value in vars(submodule).values()
                if isinstance(value, type)
                and issubclass(value, AftersalesBoundaryCase)
                and value.boundary_module == module
                and any(name.startswith("test_") for name in dir(value))
            ]
        return cases

    def test_every_module_runs_the_guards(self):
        env = self.env
        for module in sorted(aftersales_suite_modules(env)):
            guarded = (
                aftersales_module_models(env, module)
                or aftersales_company_fields(env, module)
                or aftersales_related_fields(env, module)
            )
            with self.subTest(module=module):
                if guarded:
                    self.assertTrue(
                        self._boundary_cases(module),
                        f"{module}: add an AftersalesBoundaryCase test (tests/test_access.py) "
                        "that calls assertCompanyBoundaries()",
                    )
