from odoo.tests import Form, new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales_platform.platform import USER_GROUP

from .common import TicketSaleCase


@tagged("post_install", "-at_install")
class TestTicketSale(TicketSaleCase, BaseCommon):
    """Sales order and product on the ticket, through the ticket's form."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_ticket_sale()
        cls.desk_order = cls._order(cls.customer, cls.desk | cls.assembly)
        cls.chair_order = cls._order(cls.customer_contact, cls.chair)
        cls.draft_order = cls._order(cls.customer, cls.desk, confirm=False)
        cls.other_order = cls._order(cls.other_customer, cls.desk)

    def test_only_the_customers_confirmed_orders_are_offered(self):
        ticket = self.ticket_form()
        self.assertTrue(self.visible(ticket, "sale_order_id"))
        # The customer's and its contacts' confirmed orders; not a quotation,
        # not another customer's order.
        self.assertEqual(self.offered(ticket, "sale_order_id"), self.desk_order | self.chair_order)
        ticket.partner_id = self.other_customer
        self.assertEqual(self.offered(ticket, "sale_order_id"), self.other_order)
        ticket.partner_id = self.env["res.partner"]
        self.assertFalse(self.visible(ticket, "sale_order_id"), "no customer, no order")

    def test_only_the_orders_goods_are_offered(self):
        ticket = self.ticket_form()
        offered = self.offered(ticket, "product_id")
        self.assertIn(self.desk, offered)
        self.assertIn(self.chair, offered)
        self.assertNotIn(self.assembly, offered, "services are not offered")
        ticket.sale_order_id = self.desk_order
        self.assertEqual(self.offered(ticket, "product_id"), self.desk)
        ticket.product_id = self.desk
        ticket.save()
        self.assertEqual(self.aftersales_ticket.sale_order_id, self.desk_order)
        self.assertEqual(self.aftersales_ticket.product_id, self.desk)

    def test_an_agent_without_sales_rights_opens_a_ticket_with_an_order(self):
        self.aftersales_ticket.write(
            {"sale_order_id": self.desk_order.id, "product_id": self.desk.id}
        )
        agent = new_test_user(self.env, login="helpdesk_only_agent", groups=USER_GROUP)
        ticket = Form(self.aftersales_ticket.with_user(agent))
        self.assertEqual(ticket.product_id, self.desk)
        ticket.name = "Desk wobbles"
        ticket.save()
        self.assertEqual(self.aftersales_ticket.name, "Desk wobbles")
        as_agent = self.aftersales_ticket.with_user(agent)
        self.assertEqual(as_agent.sale_order_product_ids, self.desk)

    def test_changing_the_order_drops_a_product_it_does_not_contain(self):
        ticket = self.ticket_form()
        ticket.sale_order_id = self.desk_order
        ticket.product_id = self.desk
        ticket.sale_order_id = self.chair_order
        self.assertFalse(ticket.product_id, "the desk is not in the chair order")
        ticket.product_id = self.chair
        ticket.sale_order_id = self.env["sale.order"]
        self.assertEqual(ticket.product_id, self.chair, "no order: the product stays")

    def test_changing_the_customer_drops_an_order_of_another_customer(self):
        ticket = self.ticket_form()
        ticket.sale_order_id = self.desk_order
        ticket.partner_id = self.customer_contact
        self.assertEqual(ticket.sale_order_id, self.desk_order, "same company: kept")
        ticket.partner_id = self.other_customer
        self.assertFalse(ticket.sale_order_id, "the previous customer's order is dropped")
        ticket.sale_order_id = self.other_order
        ticket.save()
        self.assertEqual(self.aftersales_ticket.partner_id, self.other_customer)
        self.assertEqual(self.aftersales_ticket.sale_order_id, self.other_order)
