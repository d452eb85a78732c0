from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.helpdesk_aftersales.tests.common_access import (
    AftersalesAccessCase,
    AftersalesBoundaryCase,
)

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


@tagged("post_install", "-at_install")
class TestCouponBoundaries(AftersalesBoundaryCase, CouponAccessCase):
    """Issue 26: coupons and their dialogs stay in their company."""

    boundary_module = "helpdesk_aftersales_coupon"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales_boundaries()
        # A coupon of company A, generated from its ticket.
        dialog = cls.env["helpdesk.sale.coupon.generate"].with_context(
            active_model="helpdesk.ticket", active_id=cls.aftersales_ticket.id
        )
        cls.coupon_a = dialog.create({"program_id": cls.program.id})._aftersales_generate_coupon()
        # The latest coupon of company A, of a ticket that stays in A when a
        # probe moves the set-up's ticket to company B.
        dialog.with_context(active_id=cls.boundary_ticket_a.id).create(
            {"program_id": cls.program.id}
        )._aftersales_generate_coupon()

    def _boundary_sample(self, model_name):
        if model_name == "loyalty.card":
            return self.coupon_a
        if model_name == "helpdesk.coupon.share":
            return self.env[model_name].create({"coupon_id": self.coupon_a.id})
        return super()._boundary_sample(model_name)

    def test_company_boundaries(self):
        self.assertCompanyBoundaries()

    def test_share_dialog_shows_no_code_of_another_company(self):
        # The web client's call: create the dialog with company A's coupon,
        # read its code.
        Share = self._boundary_as(self.env["helpdesk.coupon.share"], self.boundary_agent)
        with self.assertRaises(AccessError):
            share = Share.create({"coupon_id": self.coupon_a.id})
            share.read(["code"])
        # Nor before it is saved (onchange).
        Share = self._boundary_as(Share, self.boundary_agent)
        with self.assertRaises(AccessError):
            Share.new({"coupon_id": self.coupon_a.id}).code  # noqa: B018

    def test_share_dialog_only_for_coupons_of_tickets(self):
        # A coupon of the agent's company, but not generated from a ticket.
        coupon = self.env["loyalty.card"].create(
            {"program_id": self.program.id, "partner_id": self.aftersales_customer.id}
        )
        salesman = self.access_users["salesman"]
        coupon.with_user(salesman).check_access("read")
        with self.assertRaises(AccessError):
            self.env["helpdesk.coupon.share"].with_user(salesman).create(
                {"coupon_id": coupon.id}
            ).read(["code"])

    def test_generate_refuses_a_coupon_it_did_not_generate(self):
        salesman = self.access_users["salesman"]
        Dialog = (
            self.env["helpdesk.sale.coupon.generate"]
            .with_user(salesman)
            .with_context(active_model="helpdesk.ticket", active_id=self.aftersales_ticket.id)
        )
        coupon = self.env["loyalty.card"].create(
            {"program_id": self.program.id, "partner_id": self.aftersales_customer.id}
        )
        with self.assertRaisesRegex(UserError, "generates its own coupon"):
            Dialog.create({"program_id": self.program.id, "coupon_id": coupon.id})
        dialog = Dialog.create({"program_id": self.program.id})
        with self.assertRaisesRegex(UserError, "generates its own coupon"):
            dialog.write({"coupon_id": coupon.id})
        self.assertFalse(dialog.coupon_id)
