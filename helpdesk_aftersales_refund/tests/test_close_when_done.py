from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.helpdesk_aftersales.tests.common_close import AftersalesCloseCase
from odoo.addons.helpdesk_aftersales_platform.platform import (
    STAGES,
    TICKET_REQUIRED_VALUES,
    USER_GROUP,
)


@tagged("post_install", "-at_install")
class TestRefundCloseWhenDone(AftersalesCloseCase, AccountTestInvoicingCommon):
    """A draft credit note keeps the ticket open; once posted (or cancelled),
    the ticket closes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls._setup_aftersales_close()
        cls.ticket = cls.aftersales_ticket
        cls.ticket.stage_id = cls.open_stage
        cls.accountant = new_test_user(
            cls.env,
            login="close_accountant",
            groups=f"{USER_GROUP},account.group_account_invoice",
        )
        cls.invoice = cls.init_invoice(
            "out_invoice", partner=cls.aftersales_customer, post=True, products=cls.product_a
        )

    def _refund(self, ticket=None):
        """Refund the invoice from the ticket with *Reverse*: a draft credit note."""
        ticket = ticket or self.ticket
        dialog = self.open_ticket_wizard(ticket, "action_refund", self.accountant)
        dialog.move_ids.add(self.invoice)
        dialog.save().refund_moves()
        action = ticket.with_user(self.accountant).action_view_credit_notes()
        credit_note = self.env["account.move"].browse(action["res_id"])
        self.assertEqual(credit_note.state, "draft")
        return credit_note

    def test_draft_credit_note_keeps_the_ticket_open(self):
        self.assertFalse(self.open_after_sales_line(self.ticket, self.accountant))
        credit_note = self._refund()
        self.assertEqual(
            self.open_after_sales_line(self.ticket, self.accountant), "Credit Notes: 1"
        )
        message = self.assertCloseRefused(self.ticket, self.accountant)
        self.assertIn(f"- Credit Notes: {credit_note.display_name}", message)
        # Moving to a stage that does not close the ticket stays possible.
        self.move_ticket_to(self.ticket, self.env.ref(STAGES["new"]), self.accountant)
        # The accountant posts the credit note: after-sales is done.
        credit_note.with_user(self.accountant).action_post()
        self.assertFalse(self.open_after_sales_line(self.ticket, self.accountant))
        self.assertCloseAllowed(self.ticket, self.accountant)

    def test_cancelled_credit_note_is_done(self):
        credit_note = self._refund()
        credit_note.with_user(self.accountant).button_cancel()
        self.assertCloseAllowed(self.ticket, self.accountant)

    def test_without_the_setting_the_ticket_closes(self):
        self._refund()
        self.set_close_when_done(False)
        self.assertEqual(
            self.open_after_sales_line(self.ticket, self.accountant),
            "Credit Notes: 1",
            "the form still shows what is open",
        )
        self.assertCloseAllowed(self.ticket, self.accountant)

    def test_agent_without_accounting_rights_is_refused_too(self):
        """The check reads the credit notes whatever the agent may read; the
        agent is told there is one, not its name."""
        credit_note = self._refund()
        agent = self.helpdesk_agent
        self.assertFalse(self.env["account.move"].with_user(agent).has_access("read"))
        self.assertEqual(self.open_after_sales_line(self.ticket, agent), "Credit Notes: 1")
        message = self.assertCloseRefused(self.ticket, agent)
        self.assertIn("- Credit Notes: 1 you cannot access", message)
        self.assertNotIn(credit_note.display_name, message)
        credit_note.with_user(self.accountant).action_post()
        self.assertCloseAllowed(self.ticket, agent)

    def test_several_tickets_closed_at_once_name_theirs(self):
        other = self.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": "Second refund",
                "team_id": self.aftersales_team.id,
                "partner_id": self.aftersales_customer.id,
            }
        )
        credit_note = self._refund()
        done = self.env["helpdesk.ticket"].create(
            {**TICKET_REQUIRED_VALUES, "name": "Nothing to do", "team_id": self.aftersales_team.id}
        )
        tickets = (self.ticket | other | done).with_user(self.accountant)
        with self.assertRaises(UserError) as refusal:
            tickets.write({"stage_id": self.closing_stage.id})
        message = refusal.exception.args[0]
        self.assertIn(self.ticket.display_name, message)
        self.assertIn(credit_note.display_name, message)
        self.assertNotIn(other.display_name, message, "nothing open on the other ticket")
        self.assertNotIn(done.display_name, message)
        self.env.invalidate_all()
        self.assertNotEqual(done.stage_id, self.closing_stage, "nothing written")

    def test_open_documents_queries_independent_of_tickets(self):
        tickets = self.env["helpdesk.ticket"].create(
            [
                {
                    **TICKET_REQUIRED_VALUES,
                    "name": f"T{i}",
                    "team_id": self.aftersales_team.id,
                    "partner_id": self.aftersales_customer.id,
                }
                for i in range(10)
            ]
        )
        self.env["account.move"].create(
            [
                {
                    "move_type": "out_refund",
                    "partner_id": self.aftersales_customer.id,
                    "helpdesk_ticket_id": ticket.id,
                    "invoice_line_ids": [
                        Command.create({"product_id": self.product_a.id, "price_unit": 10.0})
                    ],
                }
                for ticket in tickets
            ]
        )
        self.assertOpenDocumentsQueriesIndependentOfTickets(tickets, user=self.accountant)
        # Measured: one grouped query per service with an open notion
        # (refund, return, repair, field service) for all the tickets.
        self.assertCountQueriesAtMost(tickets, ["aftersales_open_summary"], 4, user=self.accountant)
