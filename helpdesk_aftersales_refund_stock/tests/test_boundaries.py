from odoo.tests import tagged

from odoo.addons.helpdesk_aftersales_refund.tests.test_access import RefundBoundaryCase


@tagged("post_install", "-at_install")
class TestRefundStockBoundaries(RefundBoundaryCase):
    """Issue 26: the Refund dialog's lot filter stays in its company."""

    boundary_module = "helpdesk_aftersales_refund_stock"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["stock.lot"].create(
            {
                "name": "A-LOT-1",
                "product_id": cls.product_of_a.id,
                "company_id": cls.boundary_company_a.id,
            }
        )

    def test_company_boundaries(self):
        self.assertCompanyBoundaries()
