from odoo.tests import Form, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales_platform.platform import USER_GROUP
from odoo.addons.helpdesk_aftersales_sale.tests.common import TicketSaleCase


@tagged("post_install", "-at_install")
class TestTicketLot(TicketSaleCase, BaseCommon):
    """The lot/serial number on the ticket, through the ticket's form."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_ticket_sale()
        cls.drawer = cls.env["product.product"].create(
            {"name": "Rolling Drawer Unit", "is_storable": True, "tracking": "serial"}
        )
        cls.cabinet = cls.env["product.product"].create(
            {"name": "Cabinet", "is_storable": True, "tracking": "lot"}
        )
        cls.drawer_serials = cls.env["stock.lot"].create(
            [{"name": f"DRW-000{i}", "product_id": cls.drawer.id} for i in (1, 2)]
        )
        cls.cabinet_lot = cls.env["stock.lot"].create(
            {"name": "CAB-A", "product_id": cls.cabinet.id}
        )
        cls.sales_agent = cls.agent
        cls.agent = new_test_user(
            cls.env,
            login="helpdesk_stock_agent",
            groups=f"{USER_GROUP},sales_team.group_sale_salesman_all_leads,"
            "stock.group_stock_user",
        )

    def test_lot_field_only_for_tracked_products(self):
        ticket = self.ticket_form()
        self.assertFalse(self.visible(ticket, "lot_id"), "no product")
        ticket.product_id = self.desk
        self.assertFalse(self.visible(ticket, "lot_id"), "the desk is not tracked")
        ticket.product_id = self.drawer
        self.assertTrue(self.visible(ticket, "lot_id"), "serial numbers")
        ticket.product_id = self.cabinet
        self.assertTrue(self.visible(ticket, "lot_id"), "lots")

    def test_only_the_products_lots_are_offered(self):
        ticket = self.ticket_form()
        ticket.product_id = self.drawer
        self.assertEqual(self.offered(ticket, "lot_id"), self.drawer_serials)
        ticket.product_id = self.cabinet
        self.assertEqual(self.offered(ticket, "lot_id"), self.cabinet_lot)

    def test_changing_the_product_clears_the_lot(self):
        ticket = self.ticket_form()
        ticket.product_id = self.drawer
        ticket.lot_id = self.drawer_serials[0]
        ticket.save()
        self.assertEqual(self.aftersales_ticket.lot_id, self.drawer_serials[0])
        ticket.product_id = self.cabinet
        self.assertFalse(ticket.lot_id, "the drawer's serial number is not the cabinet's")
        ticket.save()
        self.assertFalse(self.aftersales_ticket.lot_id)

    def test_an_order_narrows_the_products_then_the_lots(self):
        order = self._order(self.customer, self.drawer | self.desk)
        ticket = self.ticket_form()
        ticket.sale_order_id = order
        self.assertEqual(self.offered(ticket, "product_id"), self.drawer | self.desk)
        ticket.product_id = self.drawer
        ticket.lot_id = self.drawer_serials[1]
        ticket.partner_id = self.other_customer
        self.assertFalse(ticket.sale_order_id, "another customer's order is dropped")
        self.assertEqual(ticket.lot_id, self.drawer_serials[1], "the product and lot stay")

    def test_agent_without_inventory_rights(self):
        # Lots are Inventory records: a salesperson's ticket form leaves the
        # field out, and opening or changing a ticket with a lot works.
        self.aftersales_ticket.write(
            {"product_id": self.drawer.id, "lot_id": self.drawer_serials[0].id}
        )
        ticket = Form(self.aftersales_ticket.with_user(self.sales_agent))
        self.assertNotIn("lot_id", ticket._view["fields"])
        self.assertEqual(ticket.product_id, self.drawer)
        ticket.product_id = self.cabinet
        ticket.save()
        self.assertFalse(self.aftersales_ticket.lot_id, "the drawer's serial number is cleared")
