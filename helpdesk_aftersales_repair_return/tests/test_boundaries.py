from odoo.tests import tagged

from odoo.addons.helpdesk_aftersales_repair.tests.test_access import RepairBoundaryCase
from odoo.addons.helpdesk_aftersales_return.tests.common import sell_and_deliver


@tagged("post_install", "-at_install")
class TestRepairReturnBoundaries(RepairBoundaryCase):
    """Issue 26: a repair takes the returns of its own company only."""

    boundary_module = "helpdesk_aftersales_repair_return"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        sell_and_deliver(cls.env, cls.aftersales_customer, {cls.chair: 1})

    def test_company_boundaries(self):
        self.assertCompanyBoundaries()
