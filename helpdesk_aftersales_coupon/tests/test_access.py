from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.helpdesk_aftersales.tests.common_access import AftersalesAccessCase

from .test_coupon import CouponCase


class CouponAccessCase(AftersalesAccessCase, CouponCase):
    """Users and documents of the access tests (also used by test_rpc)."""

    access_header_button = "action_generate_coupon"
    access_smart_button = "action_view_coupons"
    access_document_model = "loyalty.card"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales_access()

    def _access_run_wizard(self, ticket, user):
        dialog = self.open_ticket_wizard(ticket, "action_generate_coupon", user)
        dialog.program_id = self.program
        dialog.save().action_generate()


@tagged("post_install", "-at_install")
class TestCouponAccess(CouponAccessCase):
    def test_access_matrix(self):
        # Coupons are a Sales matter: Sales / User (own documents) generates
        # and opens them; the others are told to ask for Sales rights.
        self.assertAccessMatrix(
            {
                "agent": (False, UserError, False, False),
                "manager": (False, UserError, False, False),
                "salesman": (True, True, True, True),
                "accountant": (False, UserError, False, False),
                "stock_user": (False, UserError, False, False),
                "portal": (False, UserError, False, False),
                "public": (False, UserError, False, False),
            }
        )

    def test_ticket_of_another_company(self):
        salesman = self.access_users["salesman"]
        ticket_b = self._aftersales_company_b_ticket(salesman)
        program_b = self.program.copy({"name": "B coupon", "company_id": ticket_b.company_id.id})
        self.assertEqual(self.program.company_id, self.env.company)
        Wizard = ticket_b.env["helpdesk.sale.coupon.generate"].with_context(
            active_model="helpdesk.ticket", active_id=ticket_b.id
        )
        wizard = Wizard.create({})
        self.assertIn(program_b, self.assertNotOffered(wizard, "program_id", self.program))
        self.assertRefusedAndNothingCreated(
            ticket_b,
            lambda: Wizard.create({"program_id": self.program.id}).action_generate(),
            "another company",
        )
