from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.helpdesk_aftersales.tests.common_access import (
    AftersalesAccessCase,
    AftersalesBoundaryCase,
)


class RefundAccessCase(AftersalesAccessCase, AccountTestInvoicingCommon):
    """Users and documents of the access tests (also used by test_rpc)."""

    access_header_button = "action_refund"
    access_smart_button = "action_view_credit_notes"
    access_document_model = "account.move"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls._setup_aftersales_access()
        # The salesperson of the customer's invoice: Sales / User (own
        # documents) reads it.
        cls.invoice = cls.init_invoice(
            "out_invoice", partner=cls.aftersales_customer, products=cls.product_a
        )
        cls.invoice.invoice_user_id = cls.access_users["salesman"]
        cls.invoice.action_post()

    def _access_run_wizard(self, ticket, user):
        dialog = self.open_ticket_wizard(ticket, "action_refund", user)
        dialog.move_ids.add(self.invoice.with_user(user))
        dialog.save().refund_moves()


@tagged("post_install", "-at_install")
class TestRefundAccess(RefundAccessCase):
    def test_access_matrix(self):
        self.assertAccessMatrix(
            {
                # Refunding reads invoices: Sales or Invoicing rights.
                "agent": (False, UserError, False, False),
                "manager": (False, UserError, False, False),
                "salesman": (True, True, True, True),
                "accountant": (True, True, True, True),
                "stock_user": (False, UserError, False, False),
                "portal": (False, AccessError, False, False),
                "public": (False, UserError, False, False),
            }
        )

    def test_ticket_of_another_company(self):
        accountant = self.access_users["accountant"]
        ticket_b = self._aftersales_company_b_ticket(accountant)
        company_b = ticket_b.company_id
        journal_b = self.env["account.journal"].create(
            {"name": "B Sales", "code": "BSAL", "type": "sale", "company_id": company_b.id}
        )
        Wizard = ticket_b.env["account.move.reversal"].with_context(
            active_model="helpdesk.ticket", active_id=ticket_b.id
        )
        # What the dialog offers: the customer's invoices of company B only.
        wizard = Wizard.create({"journal_id": journal_b.id})
        self.assertNotOffered(
            wizard,
            "move_ids",
            self.invoice,
            view="helpdesk_aftersales_refund.account_move_reversal_view_form",
        )
        # A forged call with company A's invoice.
        self.assertRefusedAndNothingCreated(
            ticket_b,
            lambda: Wizard.create(
                {"move_ids": [Command.set(self.invoice.ids)], "journal_id": journal_b.id}
            ).refund_moves(),
        )
        self.assertFalse(self.invoice.reversal_move_ids)


class RefundBoundaryCase(AftersalesBoundaryCase, RefundAccessCase):
    """Records of company A for the company guards (issue 26)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales_boundaries()
        company_a = cls.boundary_company_a
        cls.product_of_a = cls.env["product.product"].create(
            {"name": "Company A Desk", "company_id": company_a.id}
        )
        cls.order_of_a = cls.env["sale.order"].create({"partner_id": cls.aftersales_customer.id})
        # A dialog that stays in company A when a probe moves the set-up's ticket.
        cls._boundary_reversal(cls.boundary_ticket_a)

    @classmethod
    def _boundary_reversal(cls, ticket):
        return (
            cls.env["account.move.reversal"]
            .with_context(active_model="helpdesk.ticket", active_id=ticket.id)
            .create(
                {
                    "move_ids": [Command.set(cls.invoice.ids)],
                    "journal_id": cls.company_data["default_journal_sale"].id,
                }
            )
        )

    def _boundary_sample(self, model_name):
        if model_name == "account.move.reversal":
            return self._boundary_reversal(self.aftersales_ticket)
        if model_name == "helpdesk.refund.line":
            return self._boundary_reversal(self.aftersales_ticket).helpdesk_line_ids[:1]
        if model_name == "account.move":
            return self.invoice
        return super()._boundary_sample(model_name)


@tagged("post_install", "-at_install")
class TestRefundBoundaries(RefundBoundaryCase):
    """Issue 26: the Refund dialog and its lines stay in their company."""

    boundary_module = "helpdesk_aftersales_refund"

    def test_company_boundaries(self):
        self.assertCompanyBoundaries()

    def test_products_to_refund_shows_no_other_invoice_line(self):
        """The issue's step: Products to Refund given a line of another
        customer's invoice shows its product and price; refused when the
        line is saved."""
        other = self.init_invoice(
            "out_invoice",
            partner=self.env["res.partner"].create({"name": "Someone else"}),
            products=self.product_b,
            post=True,
        )
        accountant = self.access_users["accountant"]
        reversal = self._boundary_reversal(self.aftersales_ticket).with_user(accountant)
        with self.assertRaisesRegex(UserError, "not a line of the invoices to refund"):
            reversal.write(
                {
                    "helpdesk_line_ids": [
                        Command.create(
                            {"invoice_line_id": other.invoice_line_ids.id, "quantity": 1}
                        )
                    ]
                }
            )
            reversal.helpdesk_line_ids.read(["product_id", "price_unit"])
