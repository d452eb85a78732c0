from odoo.tests import HttpCase, tagged

from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase

from .common import sell_and_deliver


@tagged("post_install", "-at_install")
class TestReturnTour(HelpdeskAftersalesCase, HttpCase):
    """An agent takes products back in a real browser: Return, the customer's
    delivery is proposed, a return reason chosen on its line, Return; the
    Returns smart button counts the return."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        chair = cls.env["product.product"].create(
            {"name": "Tour Chair", "type": "consu", "is_storable": True}
        )
        stock = (
            cls.env["stock.warehouse"]
            .search([("company_id", "=", cls.env.company.id)], limit=1)
            .lot_stock_id
        )
        cls.env["stock.quant"]._update_available_quantity(chair, stock, 10)
        cls.reason = cls.env.ref("helpdesk_aftersales_return.return_reason_wrong_item")
        cls.delivery = sell_and_deliver(cls.env, cls.aftersales_customer, {chair: 2}).picking_ids

    def test_return_tour(self):
        self.assertEqual(self.delivery.state, "done")
        self.start_ticket_tour("helpdesk_aftersales_return_tour")
        returned = self.aftersales_ticket.picking_ids
        self.assertEqual(returned.return_id, self.delivery)
        self.assertEqual(returned.move_ids.product_uom_qty, 2)
        self.assertEqual(returned.move_ids.helpdesk_return_reason_id, self.reason)
