from odoo import Command
from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_queries import AftersalesQueriesMixin
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES, USER_GROUP

from .common import offered


@tagged("post_install", "-at_install")
class TestRefundPerformance(
    AftersalesQueriesMixin, HelpdeskAftersalesCase, AccountTestInvoicingCommon
):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.accountant = new_test_user(
            cls.env,
            login="perf_accountant",
            groups=f"{USER_GROUP},account.group_account_invoice",
        )

    def _customer_with_invoices(self, size):
        """A ticket of a new customer who has ``size`` posted invoices, and the
        invoice the ticket is about."""
        customer = self.env["res.partner"].create({"name": f"Customer with {size} invoices"})
        invoices = self.env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": customer.id,
                    "invoice_date": "2019-01-01",
                    "invoice_line_ids": [
                        Command.create({"product_id": self.product_a.id, "price_unit": 100.0})
                    ],
                }
                for _ in range(size)
            ]
        )
        invoices.action_post()
        ticket = self.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": "Refund me",
                "team_id": self.aftersales_team.id,
                "partner_id": customer.id,
            }
        )
        return ticket, invoices[-1]

    def _refund(self, subject):
        ticket, invoice = subject
        dialog = self.open_ticket_wizard(ticket, "action_refund", self.accountant)
        self.assertIn(invoice.id, offered(dialog).ids)
        dialog.move_ids.add(invoice)
        dialog.save().refund_moves()
        self.assertEqual(ticket.credit_note_count, 1)

    def test_refund_independent_of_invoice_history(self):
        self.assertQueriesIndependentOfHistory(self._customer_with_invoices, self._refund)

    def test_credit_note_count_query_ceiling(self):
        tickets = self.env["helpdesk.ticket"].create(
            [
                {**TICKET_REQUIRED_VALUES, "name": f"T{i}", "team_id": self.aftersales_team.id}
                for i in range(10)
            ]
        )
        # Measured: 1 query for 10 tickets, as for one (one grouped count of the credit notes).
        self.assertCountQueriesAtMost(tickets, ["credit_note_count"], 1, user=self.accountant)
