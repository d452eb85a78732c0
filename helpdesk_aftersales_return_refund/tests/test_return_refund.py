from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from odoo.addons.helpdesk_aftersales_return.tests.common import sell_and_deliver

from .common import ReturnRefundCase, invoice_orders


@tagged("post_install", "-at_install")
class TestReturnRefund(ReturnRefundCase):
    def _return_and_refund(self, quantities=None, user=None):
        """Open Return on the ticket, set the quantities (``{line index:
        quantity}``), click Return and Refund; return the button's result."""
        dialog = self.dialog(user)
        for index, quantity in (quantities or {}).items():
            with dialog.line_ids.edit(index) as line:
                line.quantity = quantity
        return dialog.save().action_create_returns_and_refunds()

    def _validate(self, picking):
        picking.move_ids.picked = True
        self.assertIs(picking.button_validate(), True)

    # the credit note --------------------------------------------------------

    def test_credits_exactly_the_returned_quantity_at_the_invoiced_price(self):
        order = self.sell(5)
        invoice = order.invoice_ids
        sale_line = order.order_line
        self.assertEqual((sale_line.qty_delivered, sale_line.qty_invoiced), (5, 5))
        self.chair.list_price = 150.0  # a later price change does not matter

        action = self._return_and_refund({0: 2})

        returned = self.returns()
        self.assertEqual(returned.return_id, order.picking_ids - returned)
        self.assertEqual(returned.move_ids.product_uom_qty, 2)
        credit_note = self.credit_notes()
        self.assertRecordValues(
            credit_note,
            [
                {
                    "move_type": "out_refund",
                    "state": "draft",
                    "reversed_entry_id": invoice.id,
                    "partner_id": invoice.partner_id.id,
                    "journal_id": invoice.journal_id.id,
                    "auto_post": "no",
                    "amount_untaxed": 200.0,
                    "amount_total": 230.0,
                }
            ],
        )
        invoice_line = invoice.invoice_line_ids
        self.assertRecordValues(
            credit_note.invoice_line_ids,
            [
                {
                    "product_id": self.chair.id,
                    "quantity": 2.0,
                    "price_unit": invoice_line.price_unit,
                    "discount": invoice_line.discount,
                    "tax_ids": invoice_line.tax_ids.ids,
                    "sale_line_ids": sale_line.ids,
                }
            ],
        )
        self.assertEqual(sale_line.qty_invoiced, 3, "the credit note lowers the invoiced quantity")
        self.assertEqual(sale_line.qty_delivered, 5, "not received yet")
        self._validate(returned)
        self.assertEqual(sale_line.qty_delivered, 3, "the received return lowers the delivered")
        self.assertEqual(sale_line.qty_to_invoice, 0)
        # The agent sees the return, as with Return.
        self.assertEqual(action["res_model"], "stock.picking")
        self.assertEqual(action["res_id"], returned.id)
        # Smart buttons and chatter.
        self.ticket.invalidate_recordset()
        self.assertEqual((self.ticket.picking_count, self.ticket.credit_note_count), (1, 1))
        message = self.ticket.message_ids[0]
        self.assertIn("Return and draft credit note created", message.body)
        self.assertIn(f'data-oe-id="{returned.id}"', message.body)
        self.assertIn(f'data-oe-id="{credit_note.id}"', message.body)

    def test_two_invoices_latest_first(self):
        order = sell_and_deliver(self.env, self.customer, {self.chair: 5}, validate=False)
        self.ticket.sale_order_id = order
        first = order.picking_ids
        first.move_ids.quantity = 2
        first.move_ids.picked = True
        backorder = first.button_validate()
        Form.from_action(self.env, backorder).save().process()
        first_invoice = invoice_orders(self.env, order)
        second = order.picking_ids - first
        self._validate(second)
        second_invoice = invoice_orders(self.env, order)
        self.assertEqual(order.order_line.qty_invoiced, 5)

        # Return 2 of the first delivery and 2 of the second: 3 go on the
        # latest invoice (all it invoiced), the 4th on the first one.
        dialog = self.dialog()
        self.assertEqual(len(dialog.line_ids), 2)
        for index in range(2):
            with dialog.line_ids.edit(index) as line:
                line.quantity = 2
        dialog.save().action_create_returns_and_refunds()

        credit_notes = self.credit_notes()
        self.assertEqual(len(credit_notes), 2, "one credit note per invoice")
        by_invoice = credit_notes.grouped("reversed_entry_id")
        self.assertEqual(by_invoice[second_invoice].invoice_line_ids.quantity, 3)
        self.assertEqual(by_invoice[first_invoice].invoice_line_ids.quantity, 1)
        self.assertEqual(order.order_line.qty_invoiced, 1)

    def test_already_credited_is_not_credited_again(self):
        order = self.sell(5)
        invoice = order.invoice_ids
        # An accountant already credited 2 chairs (draft credit note).
        reversal = Form(
            self.env["account.move.reversal"].with_context(
                active_model="account.move", active_ids=invoice.ids
            )
        )
        reversal.save().refund_moves()
        earlier = invoice.reversal_move_ids
        with Form(earlier) as credit_note, credit_note.invoice_line_ids.edit(0) as line:
            line.quantity = 2
        self.assertEqual(order.order_line.qty_invoiced, 3)

        action = self._return_and_refund()  # all 5

        credit_note = self.credit_notes()
        self.assertEqual(credit_note.invoice_line_ids.quantity, 3, "5 invoiced - 2 credited")
        self.assertEqual(order.order_line.qty_invoiced, 0)
        self.assertEqual(len(self.returns().move_ids), 1)
        self.assertEqual(self.returns().move_ids.product_uom_qty, 5, "all 5 are returned")
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["type"], "warning")
        self.assertIn("except 2.00 Units of Office Chair", action["params"]["message"])
        self.assertEqual(action["params"]["next"]["res_id"], self.returns().id)

        # Nothing left to credit: a second return of the same chairs is
        # refused by the return's own check (more than delivered).
        with self.assertRaisesRegex(UserError, "There is no product to return"):
            self._return_and_refund()

    def test_nothing_invoiced_returns_and_says_so(self):
        self.sell(3, invoice=False)
        action = self._return_and_refund()
        self.assertEqual(len(self.returns()), 1, "the return is made")
        self.assertFalse(self.credit_notes())
        self.assertEqual(action["type"], "ir.actions.client")
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn(
            "nothing to credit for 3.00 Units of Office Chair", action["params"]["message"]
        )
        self.assertEqual(action["params"]["next"]["res_model"], "stock.picking")
        self.assertIn("nothing to credit", self.ticket.message_ids[0].body)

    def test_agent_without_invoicing_rights_prepares_a_draft(self):
        order = self.sell(4)
        self.assertEqual(len(order.invoice_ids), 1)
        self.assertFalse(self.sales_agent.has_group("account.group_account_invoice"))
        self._return_and_refund({0: 1}, user=self.sales_agent)
        credit_note = self.credit_notes()
        self.assertRecordValues(
            credit_note,
            [{"state": "draft", "auto_post": "no", "reversed_entry_id": order.invoice_ids[0].id}],
        )
        self.assertEqual(order.order_line.qty_invoiced, 3)
        self.assertEqual(self.ticket.with_user(self.sales_agent).credit_note_count, 1)

    # who may, and when ---------------------------------------------------

    def _button_in_dialog(self, user):
        arch = (
            self.env["helpdesk.stock.return"]
            .with_user(user)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        return 'name="action_create_returns_and_refunds"' in arch

    def test_button_for_sales_or_invoicing_rights_when_the_team_refunds(self):
        self.sell(2)
        self.assertTrue(self._button_in_dialog(self.accountant_agent))
        self.assertTrue(self._button_in_dialog(self.sales_agent))
        self.assertFalse(self._button_in_dialog(self.stock_agent))
        self.assertTrue(self.dialog().helpdesk_use_credit_notes)
        self.aftersales_team.use_credit_notes = False
        dialog = self.dialog()
        self.assertFalse(dialog.helpdesk_use_credit_notes, "the button is hidden")
        with self.assertRaisesRegex(UserError, "does not offer this after-sales service"):
            dialog.save().action_create_returns_and_refunds()
        self.assertFalse(self.returns())

    def test_refused_without_access_to_invoices(self):
        self.sell(2)
        dialog = self.dialog(self.stock_agent).save()
        with self.assertRaisesRegex(UserError, "needs read access to customer invoices"):
            dialog.action_create_returns_and_refunds()
        self.assertFalse(self.returns())
        self.assertFalse(self.credit_notes())

    # bad input ----------------------------------------------------------

    def test_more_than_delivered_or_negative_is_refused(self):
        self.sell(2)
        refusals = ((3, "only 2.0 Units can still be returned"), (-1, "must be positive"))
        for quantity, error in refusals:
            dialog = self.dialog()
            with dialog.line_ids.edit(0) as line:
                line.quantity = quantity
            with self.assertRaisesRegex(UserError, error):
                dialog.save().action_create_returns_and_refunds()
            self.assertFalse(self.returns())
            self.assertFalse(self.credit_notes())

    def test_leaves_nothing_when_the_last_step_fails(self):
        self.sell(2)
        for model_name in ("stock.picking", "account.move"):
            self.assertLeavesNothingWhenLastStepFails(
                self.ticket,
                lambda: self.dialog().save().action_create_returns_and_refunds(),
                model_name,
            )

    def test_no_return_left_when_the_credit_note_fails(self):
        self.sell(2)
        Move = self.registry["account.move"]

        def fail(*args, **kwargs):
            raise RuntimeError("the credit note cannot be made")

        pickings = self.env["stock.picking"].search_count([])
        with (
            patch.object(Move, "_reverse_moves", fail),
            self.assertRaisesRegex(RuntimeError, "the credit note cannot be made"),
            self.env.cr.savepoint(),
        ):
            self.dialog().save().action_create_returns_and_refunds()
        self.env.invalidate_all()
        self.assertEqual(self.env["stock.picking"].search_count([]), pickings, "no return left")
