from odoo.tests import new_test_user, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common_close import AftersalesCloseCase
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES, USER_GROUP

from .common import sell_and_deliver


@tagged("post_install", "-at_install")
class TestReturnCloseWhenDone(AftersalesCloseCase, BaseCommon):
    """The ticket's transfers (returns, replacement deliveries) keep it open
    until they are done or cancelled."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        # Return for Exchange ships at once (When Received: test_replacement).
        cls.aftersales_team.replacement_policy = "at_once"
        cls._setup_aftersales_close()
        cls.stock_agent = cls.helpdesk_agent
        cls.stock_agent.groups_id |= cls.env.ref("stock.group_stock_user") | cls.env.ref(
            "sales_team.group_sale_salesman_all_leads"
        )
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.chair = cls.env["product.product"].create(
            {"name": "Office Chair", "type": "consu", "is_storable": True}
        )
        cls.env["stock.quant"]._update_available_quantity(cls.chair, warehouse.lot_stock_id, 100)
        cls.ticket = cls.aftersales_ticket
        cls.ticket.stage_id = cls.open_stage
        cls.order = sell_and_deliver(cls.env, cls.aftersales_customer, {cls.chair: 2})
        cls.ticket.sale_order_id = cls.order

    def _return(self, exchange=False, ticket=None):
        ticket = ticket or self.ticket
        dialog = self.open_ticket_wizard(ticket, "action_return", self.stock_agent)
        wizard = dialog.save()
        if exchange:
            wizard.action_create_exchanges()
        else:
            wizard.action_create_returns()
        return ticket.picking_ids

    def _validate(self, pickings):
        for picking in pickings.with_user(self.stock_agent):
            picking.move_ids.picked = True
            self.assertIs(picking.button_validate(), True)

    def test_return_keeps_the_ticket_open_until_validated(self):
        self.assertFalse(self.open_after_sales_line(self.ticket, self.stock_agent))
        returned = self._return()
        self.assertEqual(self.open_after_sales_line(self.ticket, self.stock_agent), "Returns: 1")
        message = self.assertCloseRefused(self.ticket, self.stock_agent)
        self.assertIn(f"- Returns: {returned.name}", message)
        self._validate(returned)
        self.assertFalse(self.open_after_sales_line(self.ticket, self.stock_agent))
        self.assertCloseAllowed(self.ticket, self.stock_agent)

    def test_exchange_names_the_return_and_the_replacement(self):
        pickings = self._return(exchange=True)
        self.assertEqual(len(pickings), 2)
        self.assertEqual(self.open_after_sales_line(self.ticket, self.stock_agent), "Returns: 2")
        message = self.assertCloseRefused(self.ticket, self.stock_agent)
        for picking in pickings:
            self.assertIn(picking.name, message)
        # The replacement is cancelled, the return received: done.
        replacement = pickings.filtered(lambda p: p.picking_type_code == "outgoing")
        replacement.with_user(self.stock_agent).action_cancel()
        self.assertEqual(self.open_after_sales_line(self.ticket, self.stock_agent), "Returns: 1")
        self._validate(pickings - replacement)
        self.assertCloseAllowed(self.ticket, self.stock_agent)

    def test_without_the_setting_the_ticket_closes(self):
        self._return()
        self.set_close_when_done(False)
        self.assertCloseAllowed(self.ticket, self.stock_agent)

    def test_agent_without_inventory_rights_is_refused_too(self):
        returned = self._return()
        # Not the ticket's sales order: an agent without Sales rights cannot
        # open the form of a ticket with a sales order since the sale glue's
        # sale_order_product_ids (AccessError, reported to the lead).
        self.ticket.sale_order_id = False
        agent = new_test_user(self.env, login="close_agent_no_stock", groups=USER_GROUP)
        self.assertFalse(self.env["stock.picking"].with_user(agent).has_access("read"))
        self.assertEqual(self.open_after_sales_line(self.ticket, agent), "Returns: 1")
        message = self.assertCloseRefused(self.ticket, agent)
        self.assertIn("- Returns: 1 you cannot access", message)
        self.assertNotIn(returned.name, message)

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
        # An open transfer per ticket (a copy of the delivery, not validated).
        delivery = self.order.picking_ids
        for ticket in tickets:
            delivery.copy({"helpdesk_ticket_id": ticket.id})
        self.assertOpenDocumentsQueriesIndependentOfTickets(tickets, user=self.stock_agent)
        # Measured: one grouped query per service with an open notion.
        self.assertCountQueriesAtMost(
            tickets, ["aftersales_open_summary"], 4, user=self.stock_agent
        )
