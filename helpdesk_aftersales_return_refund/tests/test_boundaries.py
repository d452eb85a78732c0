from odoo.tests import tagged

from odoo.addons.helpdesk_aftersales_return.tests.test_access import ReturnBoundaryCase


@tagged("post_install", "-at_install")
class TestReturnRefundBoundaries(ReturnBoundaryCase):
    """Issue 26: what the Return dialog shows of its ticket's team."""

    boundary_module = "helpdesk_aftersales_return_refund"

    def _boundary_sample(self, model_name):
        if model_name == "account.move":  # the credit note's return
            return self.env["account.move"].create(
                {"move_type": "out_refund", "partner_id": self.aftersales_customer.id}
            )
        return super()._boundary_sample(model_name)

    def test_company_boundaries(self):
        self.assertCompanyBoundaries()
