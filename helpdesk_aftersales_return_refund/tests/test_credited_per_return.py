from odoo.tests import Form, tagged

from .common import ReturnRefundCase


@tagged("post_install", "-at_install")
class TestCreditedPerReturn(ReturnRefundCase):
    """A credit note made for a return (Return and Refund, When Created or
    When Received) remembers it: the ticket shows that return Credited once
    the credit note is posted, and only that one."""

    def steps(self):
        self.env.invalidate_all()
        rows = self.ticket.with_user(self.accountant_agent)._aftersales_loop_rows()
        return {row["reference"]: row["label"] for row in rows}

    def _return_and_refund(self, quantity):
        before = self.returns()
        dialog = self.dialog()
        with dialog.line_ids.edit(0) as line:
            line.quantity = quantity
        dialog.save().action_create_returns_and_refunds()
        return self.returns() - before

    def _receive(self, picking):
        picking = picking.with_user(self.stock_agent)
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        self.assertIs(picking.button_validate(), True)

    def test_two_returns_one_credited_when_received(self):
        self.aftersales_team.return_credit_policy = "received"
        self.sell(5)
        first = self._return_and_refund(2)
        second = self._return_and_refund(1)
        self._receive(first)
        self._receive(second)
        first_credit, second_credit = self.credit_notes().sorted("id")
        self.assertEqual(first_credit.aftersales_return_picking_id, first)
        self.assertEqual(second_credit.aftersales_return_picking_id, second)
        first_credit.with_user(self.accountant_agent).action_post()
        self.assertEqual(self.steps(), {first.name: "Credited", second.name: "Received"})

    def test_backorder_is_credited_on_its_own(self):
        # A partial receipt's backorder stays on the ticket, a return of its
        # own: its receipt's credit note is its own, and so is its step.
        self.aftersales_team.return_credit_policy = "received"
        self.sell(5)
        returned = self._return_and_refund(3).with_user(self.stock_agent)
        returned.move_ids.quantity = 1
        returned.move_ids.picked = True
        Form.from_action(self.env, returned.button_validate()).save().process()
        backorder = returned.backorder_ids
        self._receive(backorder)
        first, second = self.credit_notes().sorted("id")
        self.assertEqual(first.aftersales_return_picking_id, returned)
        self.assertEqual(second.aftersales_return_picking_id, backorder)
        first.with_user(self.accountant_agent).action_post()
        self.assertEqual(self.steps(), {returned.name: "Credited", backorder.name: "Received"})

    def test_two_returns_one_credited_when_created(self):
        self.sell(5)
        credited = self._return_and_refund(2)
        self.dialog().save().action_create_returns()
        plain = self.returns() - credited
        self.assertEqual(self.credit_notes().aftersales_return_picking_id, credited)
        self._receive(credited)
        self._receive(plain)
        self.credit_notes().with_user(self.accountant_agent).action_post()
        self.assertEqual(self.steps(), {credited.name: "Credited", plain.name: "Received"})

    def test_refund_dialog_credits_the_ticket(self):
        # The Refund dialog credits invoices, not returns: its credit note
        # still marks every received return of the ticket Credited.
        order = self.sell(5)
        self.dialog().save().action_create_returns()
        returned = self.returns()
        self._receive(returned)
        self.assertEqual(self.steps(), {returned.name: "Received"})
        dialog = self.open_ticket_wizard(self.ticket, "action_refund", self.accountant_agent)
        dialog.move_ids.add(order.invoice_ids)
        dialog.save().refund_moves()
        credit_note = self.credit_notes()
        self.assertFalse(credit_note.aftersales_return_picking_id)
        credit_note.with_user(self.accountant_agent).action_post()
        self.assertEqual(self.steps(), {returned.name: "Credited"})

    def test_credit_note_form_shows_its_return(self):
        self.sell(5)
        returned = self._return_and_refund(2)
        credit_note = self.credit_notes().with_user(self.accountant_agent)
        form = Form(credit_note)
        self.assertEqual(form.aftersales_return_picking_id, returned)
        billing = self.env["res.users"].create(
            {
                "name": "Billing only",
                "login": "retref_billing",
                "groups_id": [(6, 0, self.env.ref("account.group_account_invoice").ids)],
            }
        )
        arch = credit_note.with_user(billing).get_views([(False, "form")])["views"]["form"]
        self.assertNotIn("aftersales_return_picking_id", arch["arch"], "no transfer rights")
