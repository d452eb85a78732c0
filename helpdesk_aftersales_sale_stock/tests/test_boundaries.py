from odoo.tests import tagged

from odoo.addons.helpdesk_aftersales_sale.tests.test_boundaries import TicketSaleBoundaryCase


@tagged("post_install", "-at_install")
class TestTicketLotBoundaries(TicketSaleBoundaryCase):
    """Issue 26: a ticket's lot/serial number is of its company."""

    boundary_module = "helpdesk_aftersales_sale_stock"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["stock.lot"].create(
            {
                "name": "A-SN-1",
                "product_id": cls.product_of_a.id,
                "company_id": cls.boundary_company_a.id,
            }
        )

    def test_company_boundaries(self):
        self.assertCompanyBoundaries()
