from odoo.tests import HttpCase, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_portal import AftersalesPortalCase

from .common import sell_and_deliver, storable_products


@tagged("post_install", "-at_install")
class TestReturnPortal(AftersalesPortalCase, HelpdeskAftersalesCase, BaseCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls._setup_aftersales_portal()
        cls.helpdesk_agent.groups_id |= cls.env.ref("stock.group_stock_user") | cls.env.ref(
            "sales_team.group_sale_salesman_all_leads"
        )
        cls.chair, cls.lamp = storable_products(cls.env, ["Office Chair", "Desk Lamp"])
        cls.ticket = cls.aftersales_ticket

    def test_return_reference_state_products_and_quantities(self):
        order = sell_and_deliver(self.env, self.aftersales_customer, {self.chair: 5, self.lamp: 1})
        self.ticket.sale_order_id = order
        # As the agent does: Return on the ticket, 2 of the 5 chairs, the lamp.
        form = self.open_ticket_wizard(self.ticket, "action_return", user=self.helpdesk_agent)
        for index in range(len(form.line_ids)):
            with form.line_ids.edit(index) as line:
                if line.product_id == self.chair:
                    line.quantity = 2
        form.save().action_create_returns()
        returned = self.ticket.picking_ids
        self.assertEqual(len(returned), 1)
        self.assertEqual(returned.state, "assigned")
        page = self.assertOnlyCustomerSees(
            self.ticket,
            'id="aftersales_returns"',
            returned.name,
            "Office Chair",
            "Desk Lamp",
        )
        # Its state in the customer's words (those of the order's portal
        # page for the same return), in a badge of core's colours.
        self.assertStatusBadge(page, "aftersales_returns", "Awaiting arrival", "info")
        chair_move = returned.move_ids.filtered(lambda move: move.product_id == self.chair)
        self.assertEqual(chair_move.product_uom_qty, 2)
        self.assertRegex(page.text, r"2\.00\s*</span>\s*<span>Units</span>\s*<span>Office Chair")
        # The parcel arrives: received.
        returned.move_ids.picked = True
        returned.button_validate()
        page = self.ticket_page(self.ticket, "portal_customer_a")
        self.assertStatusBadge(page, "aftersales_returns", "Received", "success")
