from odoo.tests import HttpCase, tagged

from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales_return.tests.common import sell_and_deliver

from .common import invoice_orders


@tagged("post_install", "-at_install")
class TestReturnRefundTour(HelpdeskAftersalesCase, HttpCase):
    """An agent takes products back and credits them in a real browser:
    Return, Return and Refund; the Returns and Credit Notes smart buttons
    count the return and the draft credit note."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.aftersales_team.return_credit_policy = "created"
        chair = cls.env["product.product"].create(
            {
                "name": "Tour Chair",
                "is_storable": True,
                "invoice_policy": "delivery",
                "list_price": 80.0,
            }
        )
        stock = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.env.company.id)], limit=1)
            .lot_stock_id
        )
        cls.env["stock.quant"]._update_available_quantity(chair, stock, 10)
        cls.order = sell_and_deliver(cls.env, cls.aftersales_customer, {chair: 2})
        cls.invoice = invoice_orders(cls.env, cls.order)

    def test_return_refund_tour(self):
        self.start_ticket_tour("helpdesk_aftersales_return_refund_tour")
        returned = self.aftersales_ticket.picking_ids
        self.assertEqual(returned.return_id, self.order.picking_ids - returned)
        self.assertEqual(returned.move_ids.product_uom_qty, 2)
        credit_note = self.aftersales_ticket.credit_note_ids
        self.assertEqual(credit_note.move_type, "out_refund")
        self.assertEqual(credit_note.reversed_entry_id, self.invoice)
        self.assertEqual(credit_note.state, "draft")
        self.assertEqual(self.order.order_line.qty_invoiced, 0)
