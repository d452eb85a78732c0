import importlib.util
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.modules.module import get_module_path
from odoo.tests import Form, tagged
from odoo.tools import SQL

from odoo.addons.helpdesk_aftersales_platform.platform import TEAM_MODEL

from .common import ReturnRefundCase


@tagged("post_install", "-at_install")
class TestCreditOnReceipt(ReturnRefundCase):
    """A team that credits the customer When Received: Return and Refund
    makes the return alone, and validating its receipt drafts the credit note
    for what was received."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.aftersales_team.return_credit_policy = "received"

    def _return_and_refund(self, quantity):
        """Return and Refund ``quantity`` chairs; returns the new return."""
        before = self.returns()
        dialog = self.dialog()
        with dialog.line_ids.edit(0) as line:
            line.quantity = quantity
        dialog.save().action_create_returns_and_refunds()
        return self.returns() - before

    def _receive(self, picking, quantity, backorder=True, user=None):
        """Validate ``picking`` as the warehouse does, having received
        ``quantity`` (as ``user``: a warehouse agent without access to
        invoices by default); with less than asked, create the backorder or
        not."""
        picking = picking.with_user(user or self.stock_agent)
        picking.move_ids.quantity = quantity
        picking.move_ids.picked = True
        action = picking.button_validate()
        if action is not True:
            wizard = Form.from_action(self.env, action).save().with_user(user or self.stock_agent)
            wizard.process() if backorder else wizard.process_cancel_backorder()
        return picking

    def _credited(self):
        """What the ticket's credit notes credit: ``[(state, quantity)]``."""
        return [
            (credit_note.state, credit_note.invoice_line_ids.quantity)
            for credit_note in self.credit_notes().sorted("id")
        ]

    def test_new_teams_credit_when_received(self):
        team = self.env[TEAM_MODEL].create({"name": "New after-sales team"})
        self.assertEqual(team.return_credit_policy, "received")

    def test_the_receipt_is_credited(self):
        order = self.sell(5)
        invoice = order.invoice_ids
        sale_line = order.order_line
        returned = self._return_and_refund(2)
        self.assertTrue(returned.aftersales_credit_on_receipt)
        self.assertFalse(self.credit_notes(), "nothing credited before the goods arrive")
        self.assertEqual(sale_line.qty_invoiced, 5)
        self.assertIn("to be credited when the goods are received", self.ticket.message_ids[0].body)

        self._receive(returned, 2)

        credit_note = self.credit_notes()
        invoice_line = invoice.invoice_line_ids
        self.assertRecordValues(
            credit_note,
            [
                {
                    "state": "draft",
                    "auto_post": "no",
                    "reversed_entry_id": invoice.id,
                    "amount_untaxed": 200.0,
                    "create_uid": self.stock_agent.id,
                }
            ],
        )
        self.assertRecordValues(
            credit_note.invoice_line_ids,
            [
                {
                    "quantity": 2.0,
                    "price_unit": invoice_line.price_unit,
                    "sale_line_ids": sale_line.ids,
                }
            ],
        )
        self.assertEqual(sale_line.qty_invoiced, 3)
        self.assertEqual(self.ticket.credit_note_count, 1)
        message = self.ticket.message_ids[0]
        self.assertIn("Returned goods received, draft credit note created", message.body)
        self.assertIn(f'data-oe-id="{credit_note.id}"', message.body)

    def test_partial_receipt_then_its_backorder(self):
        self.sell(5)
        returned = self._return_and_refund(4)
        self._receive(returned, 1)
        self.assertEqual(self._credited(), [("draft", 1.0)])
        backorder = self.env["stock.picking"].search([("backorder_id", "=", returned.id)])
        self.assertTrue(backorder.aftersales_credit_on_receipt)
        self._receive(backorder, 3)
        self.assertEqual(self._credited(), [("draft", 1.0), ("draft", 3.0)])
        self.assertEqual(self.ticket.sale_order_id.order_line.qty_invoiced, 1)

    def test_partial_receipt_without_backorder(self):
        self.sell(5)
        self._receive(self._return_and_refund(4), 1, backorder=False)
        self.assertEqual(self._credited(), [("draft", 1.0)])

    def test_cancelled_return_credits_nothing(self):
        self.sell(5)
        returned = self._return_and_refund(4)
        returned.action_cancel()
        self.assertFalse(self.credit_notes())
        # A backorder cancelled after a partial receipt: the part only.
        returned = self._return_and_refund(4)
        self._receive(returned, 1)
        self.env["stock.picking"].search([("backorder_id", "=", returned.id)]).action_cancel()
        self.assertEqual(self._credited(), [("draft", 1.0)])

    # bad input ---------------------------------------------------------------

    def test_more_received_than_asked_credits_what_was_asked(self):
        self.sell(5)
        self._receive(self._return_and_refund(2), 3)
        self.assertEqual(self._credited(), [("draft", 2.0)])

    def test_validated_twice_or_cancelled_after_credit_credits_once(self):
        self.sell(5)
        returned = self._receive(self._return_and_refund(2), 2)
        self.assertEqual(self._credited(), [("draft", 2.0)])
        returned.button_validate()
        with self.assertRaisesRegex(UserError, "cannot cancel a stock move that has been set"):
            returned.action_cancel()
        self.assertEqual(self._credited(), [("draft", 2.0)])
        self.assertEqual(returned.state, "done")

    def test_never_more_than_invoiced_minus_credited(self):
        order = self.sell(5)
        returned = self._return_and_refund(4)
        # Meanwhile an accountant credits 3 of the 5 chairs from the invoice.
        reversal = Form(
            self.env["account.move.reversal"].with_context(
                active_model="account.move", active_ids=order.invoice_ids.ids
            )
        )
        reversal.save().refund_moves()
        with Form(order.invoice_ids.reversal_move_ids) as credit_note:
            with credit_note.invoice_line_ids.edit(0) as line:
                line.quantity = 3
        self._receive(returned, 4)
        self.assertEqual(self._credited(), [("draft", 2.0)], "5 invoiced - 3 credited")
        self.assertEqual(order.order_line.qty_invoiced, 0)

    def test_nothing_invoiced_says_so(self):
        self.sell(3, invoice=False)
        self._receive(self._return_and_refund(3), 3)
        self.assertFalse(self.credit_notes())
        self.assertIn("nothing to credit", self.ticket.message_ids[0].body)

    def test_two_validations_at_once_are_serialized(self):
        self.sell(5)
        returned = self._return_and_refund(2)
        Mixin = self.registry["helpdesk.aftersales.wizard.mixin"]
        locked = []
        original = Mixin._aftersales_lock

        def lock(mixin, records):
            locked.append(records)
            return original(mixin, records)

        with patch.object(Mixin, "_aftersales_lock", lock):
            self._receive(returned, 2)
        self.assertIn(returned, locked, "the return is locked before it is credited")
        self.assertEqual(self._credited(), [("draft", 2.0)])

    # upgrade -----------------------------------------------------------------

    def test_upgraded_teams_keep_when_created(self):
        path = get_module_path("helpdesk_aftersales_return_refund")
        spec = importlib.util.spec_from_file_location(
            "pre_migrate", f"{path}/migrations/18.0.1.1.0/pre-migrate.py"
        )
        script = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(script)
        table = SQL.identifier(TEAM_MODEL.replace(".", "_"))
        self.env.flush_all()
        # The database of a version without the setting.
        self.env.cr.execute(SQL("ALTER TABLE %s DROP COLUMN return_credit_policy", table))
        script.migrate(self.env.cr, "18.0.1.0.0")
        self.env.cr.execute(SQL("SELECT DISTINCT return_credit_policy FROM %s", table))
        self.assertEqual(self.env.cr.fetchall(), [("created",)])
        self.env.invalidate_all()
