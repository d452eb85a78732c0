from odoo.tests import tagged

from odoo.addons.helpdesk_aftersales_return.tests.test_access import ReturnBoundaryCase


@tagged("post_install", "-at_install")
class TestReturnRefundBoundaries(ReturnBoundaryCase):
    """Issue 26: what the Return dialog shows of its ticket's team."""

    boundary_module = "helpdesk_aftersales_return_refund"

    def test_company_boundaries(self):
        self.assertCompanyBoundaries()
