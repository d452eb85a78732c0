from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common_access import AftersalesBoundaryCase

from .common import TicketSaleCase


class TicketSaleBoundaryCase(AftersalesBoundaryCase, TicketSaleCase, BaseCommon):
    """Records of company A for the company guards (issue 26)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_ticket_sale()
        cls._setup_aftersales_boundaries()
        cls.product_of_a = cls.env["product.product"].create(
            {"name": "Company A Desk", "company_id": cls.boundary_company_a.id}
        )
        cls._order(cls.customer, cls.product_of_a)


@tagged("post_install", "-at_install")
class TestTicketSaleBoundaries(TicketSaleBoundaryCase):
    """Issue 26: a ticket's order and product are of its company."""

    boundary_module = "helpdesk_aftersales_sale"

    def test_company_boundaries(self):
        self.assertCompanyBoundaries()
