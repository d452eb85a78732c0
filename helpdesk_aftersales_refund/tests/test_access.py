from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.helpdesk_aftersales.tests.common_access import AftersalesAccessCase


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
