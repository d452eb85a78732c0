from odoo.tests import tagged

from odoo.addons.helpdesk_aftersales.tests.common_queries import AftersalesQueriesMixin
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES
from odoo.addons.helpdesk_aftersales_return.tests.common import sell_and_deliver

from .common import ReturnRefundCase, invoice_orders


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

    # Credit on receipt ------------------------------------------------------

    def _return_of(self, size, credit, history=0):
        """A return of ``size`` products (one line each, of an invoiced order
        of a new customer who has ``history`` other invoiced orders), made by
        Return and Refund for a team that credits When Received (``credit``)
        or by Return."""
        customer = self.env["res.partner"].create({"name": f"Customer of {size} lamps"})
        products = self.env["product.product"].create(
            [
                {
                    "name": f"Lamp {index}",
                    "is_storable": True,
                    "invoice_policy": "delivery",
                    "list_price": 10.0 + index,
                }
                for index in range(size)
            ]
        )
        stock = self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)], limit=1
        )
        for product in products:
            self.env["stock.quant"]._update_available_quantity(product, stock.lot_stock_id, 100)
        for _ in range(history + 1):
            order = sell_and_deliver(self.env, customer, dict.fromkeys(products, 2))
            invoice_orders(self.env, order)
        ticket = self.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": "Wrong colour",
                "team_id": self.aftersales_team.id,
                "partner_id": customer.id,
                "sale_order_id": order.id,
            }
        )
        dialog = self.open_ticket_wizard(ticket, "action_return", self.accountant_agent)
        self.assertEqual(dialog.picking_ids[:], order.picking_ids, "the ticket's delivery")
        if credit:
            dialog.save().action_create_returns_and_refunds()
        else:
            dialog.save().action_create_returns()
        returned = ticket.picking_ids
        for move in returned.move_ids:
            move.quantity = move.product_uom_qty
        returned.move_ids.picked = True
        return returned

    def _validation_queries(self, size, credit, history=0):
        returned = self._return_of(size, credit, history).with_user(self.stock_agent)
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        self.assertIs(returned.button_validate(), True)
        self.env.flush_all()
        count = self.env.cr.sql_log_count - start
        credit_notes = returned.sudo().helpdesk_ticket_id.credit_note_ids
        self.assertEqual(len(credit_notes), int(credit), "credited on receipt only")
        return count

    def _credit_on_receipt_queries(self, size, history=0):
        """How many queries validating a return of ``size`` lines costs more
        when it credits on receipt than when it does not."""
        return self._validation_queries(size, True, history) - self._validation_queries(
            size, False, history
        )

    def test_credit_on_receipt_queries_independent_of_lines(self):
        """Validating a return that credits on receipt costs a fixed number of
        queries more than validating a plain return of the same lines,
        whatever the number of lines (measured on 2026-12-07: 92 more for 1
        line as for 4, give or take one or two; before, 2 more per line:
        core's tax sync rewrote each line of the credit note,
        account.move.line._aftersales_credit_amounts)."""
        self.aftersales_team.return_credit_policy = "received"
        self._validation_queries(1, True)  # warm-up: access rights, sequences...
        self._validation_queries(1, False)
        # Within 2 queries: the count varies by one or two from run to run
        # (seen on helpdesk_mgmt: 93 vs 92, 92 vs 94) whatever the lines; two
        # queries a line, as before, would be 10 more for 6 lines than for 1.
        self.assertAlmostEqual(
            self._credit_on_receipt_queries(6), self._credit_on_receipt_queries(1), delta=2
        )

    def test_credit_on_receipt_queries_independent_of_invoices(self):
        """... and whatever the customer's other invoices (the invoices to
        credit are searched and their credit notes counted in one query)."""
        self.aftersales_team.return_credit_policy = "received"
        self._validation_queries(1, True)
        self._validation_queries(1, False)
        self.assertAlmostEqual(
            self._credit_on_receipt_queries(2, history=5),
            self._credit_on_receipt_queries(2),
            delta=2,
        )
