from odoo.tests import HttpCase, tagged

from odoo.addons.helpdesk_aftersales_sale.tests.common import TicketSaleCase

from .common import sell_and_deliver


@tagged("post_install", "-at_install")
class TestTicketFormTour(TicketSaleCase, HttpCase):
    """The ticket form as an agent reads it in a browser: its reference, and
    the warranty of the product the customer received."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_ticket_sale()
        drawer = cls.env["product.product"].create(
            {
                "name": "Rolling Drawer Unit",
                "is_storable": True,
                "tracking": "serial",
                "warranty_months": 120,
            }
        )
        serial = cls.env["stock.lot"].create({"name": "DRW-0001", "product_id": drawer.id})
        order = sell_and_deliver(cls.env, cls.customer, drawer, serial)
        cls.aftersales_ticket.write(
            {"sale_order_id": order.id, "product_id": drawer.id, "lot_id": serial.id}
        )

    def test_ticket_form_tour(self):
        self.assertEqual(self.aftersales_ticket.warranty_state, "under")
        self.start_ticket_tour("helpdesk_aftersales_ticket_form_tour")
