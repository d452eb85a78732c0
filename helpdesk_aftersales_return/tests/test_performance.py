from odoo.tests import Form, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_queries import AftersalesQueriesMixin
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES

from .common import sell_and_deliver


@tagged("post_install", "-at_install")
class TestReturnPerformance(AftersalesQueriesMixin, HelpdeskAftersalesCase, BaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.helpdesk_agent.groups_id |= cls.env.ref("stock.group_stock_user") | cls.env.ref(
            "sales_team.group_sale_salesman_all_leads"
        )
        warehouse = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.env.company.id)], limit=1
        )
        cls.chair = cls.env["product.product"].create(
            {"name": "Office Chair", "type": "consu", "is_storable": True}
        )
        cls.env["stock.quant"]._update_available_quantity(cls.chair, warehouse.lot_stock_id, 1000)
        cls.reason = cls.env["helpdesk.return.reason"].create({"name": "Wrong item"})

    def _customer_with_deliveries(self, size):
        """A ticket about the last of ``size`` delivered orders of a new
        customer."""
        customer = self.env["res.partner"].create({"name": f"Customer with {size} deliveries"})
        orders = sell_and_deliver(self.env, customer, {self.chair: 1}, count=size)
        return self.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": "Wrong colour",
                "team_id": self.aftersales_team.id,
                "partner_id": customer.id,
                "sale_order_id": orders[-1].id,
            }
        )

    def _return(self, ticket):
        dialog = self.open_ticket_wizard(ticket, "action_return", self.helpdesk_agent)
        self.assertEqual(dialog.picking_ids[0], ticket.sale_order_id.picking_ids)
        with dialog.line_ids.edit(0) as line:
            line.return_reason_id = self.reason
        dialog.save().action_create_returns()
        self.assertEqual(ticket.picking_count, 1)
        self.assertEqual(ticket.picking_ids.move_ids.helpdesk_return_reason_id, self.reason)

    def test_return_independent_of_delivery_history(self):
        # The line has a return reason (the team requires one): the reason
        # costs the same queries whatever the customer's history.
        self.aftersales_team.return_reason_required = True
        self.assertQueriesIndependentOfHistory(self._customer_with_deliveries, self._return)

    def test_return_counts_query_ceiling(self):
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
        # Measured: 5 queries for 10 tickets, as for one.
        self.assertCountQueriesAtMost(
            tickets, ["has_partner_deliveries", "picking_count"], 5, user=self.helpdesk_agent
        )

    def _order_with_pending_requests(self, size):
        """A delivered order of ``size`` products, each with a pending portal
        return request of one of its two units (one ticket per product)."""
        customer = self.env["res.partner"].create({"name": f"Customer of {size} products"})
        stock = (
            self.env["stock.warehouse"]
            .search([("company_id", "=", self.env.company.id)], limit=1)
            .lot_stock_id
        )
        products = self.env["product.product"].create(
            [{"name": f"Stool {i}", "type": "consu", "is_storable": True} for i in range(size)]
        )
        for product in products:
            self.env["stock.quant"]._update_available_quantity(product, stock, 2)
        order = sell_and_deliver(self.env, customer, dict.fromkeys(products, 2))
        for line in order.order_line:
            vals_list = order._aftersales_prepare_portal_return({str(line.id): "1"}, {})
            order._aftersales_create_portal_return(vals_list)
        return order.sudo()

    def _request_page(self, order):
        """What the Request a Return page computes (GET), then the check of
        a request of the last unit of every product (POST)."""
        offered = order._aftersales_portal_returnable_lines()
        self.assertEqual({item["returnable"] for item in offered}, {1.0})
        self.assertEqual({item["requested"] for item in offered}, {1.0})
        order._aftersales_prepare_portal_return(
            {str(item["sale_line"].id): "1" for item in offered}, {}
        )

    def test_portal_request_independent_of_order_lines(self):
        # The reservations of pending requests are read in one query for
        # all the order's lines, not per line.
        with Form(self.aftersales_team) as team:
            team.receives_portal_returns = True
        self.assertQueriesIndependentOfHistory(
            self._order_with_pending_requests, self._request_page, sizes=(1, 10)
        )
