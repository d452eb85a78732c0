from lxml import etree

from odoo.tests import Form, new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_queries import AftersalesQueriesMixin
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES, USER_GROUP

HINT = "//div[@name='aftersales_repair_impossible']"


@tagged("post_install", "-at_install")
class TestRepairRefund(AftersalesQueriesMixin, HelpdeskAftersalesCase, AccountTestInvoicingCommon):
    """Issue 29, item 3: a product that cannot be repaired ends in a refund
    from the same ticket, and the ticket's hint is then done."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.ticket = cls.aftersales_ticket
        cls.customer = cls.aftersales_customer
        cls.repair_user = new_test_user(
            cls.env,
            login="unrepairable_repair_user",
            groups=f"{USER_GROUP},stock.group_stock_user",
        )
        cls.accountant = new_test_user(
            cls.env,
            login="unrepairable_accountant",
            groups=f"{USER_GROUP},account.group_account_invoice",
        )
        cls.chair = cls.env["product.product"].create(
            {"name": "Office Chair", "type": "consu", "list_price": 100.0}
        )
        cls.ticket.product_id = cls.chair

    def _cancelled_repair(self, ticket=None):
        """Click Repair on the ticket, save the repair, cancel it."""
        ticket = (ticket or self.ticket).with_user(self.repair_user)
        context = ticket.action_repair()["context"]
        repair = Form(self.env["repair.order"].with_user(self.repair_user).with_context(**context))
        repair = repair.save()
        repair.action_repair_cancel()
        return repair

    def _refund(self, ticket=None):
        """Invoice the customer's chair, click Refund on the ticket, choose the
        invoice, refund: the ticket's new credit note."""
        ticket = ticket or self.ticket
        invoice = self.init_invoice(
            "out_invoice", partner=self.customer, post=True, products=self.chair
        )
        dialog = self.open_ticket_wizard(ticket, "action_refund", self.accountant)
        dialog.move_ids.add(invoice)
        dialog.save().refund_moves()
        return ticket.credit_note_ids.sorted("id")[-1:]

    def _ticket(self, name):
        return self.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": name,
                "team_id": self.aftersales_team.id,
                "partner_id": self.customer.id,
                "product_id": self.chair.id,
            }
        )

    def _hint_buttons(self, user):
        """The buttons of the hint in the ticket's form as ``user`` gets it."""
        views = self.ticket.with_user(user).get_views([(False, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        return {button.get("name"): button.get("class") for button in arch.xpath(f"{HINT}//button")}

    def test_refund_ends_the_unrepairable_hint(self):
        ticket = self.ticket.with_user(self.helpdesk_agent)
        self._cancelled_repair()
        self.assertTrue(ticket.aftersales_repair_impossible)
        # The hint's Refund button, highlighted, for the users who may refund.
        self.assertIn("btn-primary", self._hint_buttons(self.accountant)["action_refund"])
        self.assertNotIn("action_refund", self._hint_buttons(self.helpdesk_agent))
        credit_note = self._refund()
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.state, "draft")
        self.assertFalse(ticket.aftersales_repair_impossible)

    def test_other_documents_keep_the_hint(self):
        other_ticket = self._ticket("Another chair")
        self._cancelled_repair()
        # A credit note of another ticket, and this ticket's credit note
        # cancelled, refund nothing here.
        self._refund(other_ticket)
        self.assertTrue(self.ticket.aftersales_repair_impossible)
        credit_note = self._refund()
        credit_note.button_cancel()
        self.assertEqual(credit_note.state, "cancel")
        self.assertTrue(self.ticket.aftersales_repair_impossible)

    def test_credit_note_before_the_cancellation_keeps_the_hint(self):
        credit_note = self._refund()
        # Made an hour before the repair is cancelled (one test, one
        # transaction: every record has the transaction's time).
        self.env.cr.execute(
            "UPDATE account_move SET create_date = create_date - interval '1 hour' WHERE id = %s",
            [credit_note.id],
        )
        self.env.invalidate_all()
        self._cancelled_repair()
        self.assertTrue(self.ticket.aftersales_repair_impossible)

    def test_hint_queries(self):
        tickets = self.env["helpdesk.ticket"]
        for index in range(5):
            tickets |= self._ticket(f"T{index}")
        for ticket in tickets:
            self._cancelled_repair(ticket)
        self._refund(tickets[0])
        self.assertQueriesIndependentOfTickets(
            tickets, ["aftersales_repair_impossible"], user=self.helpdesk_agent
        )
        # Measured: one grouped read of the repairs, one per kind of
        # document (credit notes here, and deliveries with Returns).
        self.assertCountQueriesAtMost(
            tickets, ["aftersales_repair_impossible"], 3, user=self.helpdesk_agent
        )
        self.assertEqual(
            tickets.mapped("aftersales_repair_impossible"), [False, True, True, True, True]
        )
