from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase


@tagged("post_install", "-at_install")
class TestRefundTour(HelpdeskAftersalesCase, HttpCase):
    """An agent refunds the ticket's customer in a real browser: Refund,
    choose the invoice, lower a quantity in Products to Refund, Reverse; the
    credit note refunds that quantity and the Credit Notes smart button
    counts it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        product = cls.env["product.product"].create({"name": "Tour Chair", "list_price": 80.0})
        cls.invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.aftersales_customer.id,
                "invoice_line_ids": [Command.create({"product_id": product.id, "quantity": 3})],
            }
        )
        cls.invoice.action_post()

    def test_refund_tour(self):
        self.start_ticket_tour("helpdesk_aftersales_refund_tour")
        credit_note = self.aftersales_ticket.credit_note_ids
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.reversed_entry_id, self.invoice)
        self.assertEqual(credit_note.invoice_line_ids.quantity, 2.0)
