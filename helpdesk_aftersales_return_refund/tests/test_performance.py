from odoo.tests import tagged

from odoo.addons.helpdesk_aftersales.tests.common_queries import AftersalesQueriesMixin
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES

from .common import ReturnRefundCase


@tagged("post_install", "-at_install")
class TestReturnRefundPerformance(AftersalesQueriesMixin, ReturnRefundCase):
    def _customer_with_invoiced_deliveries(self, size):
        """A ticket about the last of ``size`` delivered and invoiced orders of
        a new customer."""
        customer = self.env["res.partner"].create({"name": f"Customer with {size} orders"})
        orders = self.env["sale.order"]
        for _ in range(size):
            orders |= self.sell(1, customer=customer)
        return self.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": "Wrong colour",
                "team_id": self.aftersales_team.id,
                "partner_id": customer.id,
                "sale_order_id": orders[-1].id,
            }
        )

    def _return_and_refund(self, ticket):
        dialog = self.open_ticket_wizard(ticket, "action_return", self.accountant_agent)
        self.assertEqual(dialog.picking_ids[0], ticket.sale_order_id.picking_ids)
        dialog.save().action_create_returns_and_refunds()
        self.assertEqual((ticket.picking_count, ticket.credit_note_count), (1, 1))

    def test_return_and_refund_independent_of_history(self):
        self.assertQueriesIndependentOfHistory(
            self._customer_with_invoiced_deliveries, self._return_and_refund, sizes=(1, 10)
        )
