from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales.tests.common_queries import AftersalesQueriesMixin
from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES, USER_GROUP

from .common import offered


@tagged("post_install", "-at_install")
class TestHelpdeskRefund(
    AftersalesQueriesMixin, HelpdeskAftersalesCase, AccountTestInvoicingCommon
):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.customer = cls.aftersales_customer
        cls.ticket = cls.aftersales_ticket
        cls.accountant = new_test_user(
            cls.env,
            login="helpdesk_accountant",
            groups=f"{USER_GROUP},account.group_account_invoice",
        )
        cls.salesman = new_test_user(
            cls.env,
            login="helpdesk_salesman",
            groups=f"{USER_GROUP},sales_team.group_sale_salesman_all_leads",
        )
        cls.invoice_a = cls._invoice(cls.product_a)
        cls.invoice_b = cls._invoice(cls.product_b)

    @classmethod
    def _invoice(cls, product, partner=None, post=True):
        return cls.init_invoice(
            "out_invoice", partner=partner or cls.customer, post=post, products=product
        )

    def _suitable(self, dialog):
        return offered(dialog).with_env(self.env)

    def _dialog(self, user=None, ticket=None):
        return self.open_ticket_wizard(
            ticket or self.ticket, "action_refund", user or self.accountant
        )

    def _credit_notes(self):
        return self.env["account.move"].search(
            [("helpdesk_ticket_id", "=", self.ticket.id), ("move_type", "=", "out_refund")]
        )

    # defaults and filters ------------------------------------------------

    def test_defaults(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [Command.create({"product_id": self.product_a.id})],
            }
        )
        order.action_confirm()
        self.ticket.write({"sale_order_id": order.id, "product_id": self.product_a.id})
        dialog = self._dialog()
        self.assertEqual(dialog.sale_order_id, order)
        self.assertEqual(dialog.helpdesk_product_id, self.product_a)
        self.assertEqual(dialog.reason, f"#{self.ticket.aftersales_reference}")
        self.assertEqual(dialog.date, fields.Date.context_today(self.ticket))
        self.assertFalse(dialog.move_ids, "Invoices to Refund is chosen by the agent")

    def test_journal_and_reason_reach_the_credit_note(self):
        dialog = self._dialog()
        dialog.move_ids.add(self.invoice_a)
        self.assertEqual(dialog.journal_id, self.invoice_a.journal_id, "the invoice's journal")
        refund_journal = self.env["account.journal"].create(
            {"name": "Customer Refunds", "code": "CREF", "type": "sale"}
        )
        dialog.journal_id = refund_journal
        dialog.reason = "Broken on delivery"
        dialog.date = fields.Date.to_date("2019-02-01")
        dialog.save().refund_moves()
        credit_note = self._credit_notes()
        self.assertEqual(credit_note.journal_id, refund_journal)
        self.assertEqual(credit_note.date, fields.Date.to_date("2019-02-01"))
        self.assertIn("Broken on delivery", credit_note.ref)
        self.assertIn(self.invoice_a.name, credit_note.ref)

    def test_default_reason_is_the_ticket_reference(self):
        dialog = self._dialog()
        dialog.move_ids.add(self.invoice_a)
        dialog.save().refund_moves()
        self.assertIn(f"#{self.ticket.aftersales_reference}", self._credit_notes().ref)

    def test_sale_order_filter(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [Command.create({"product_id": self.product_a.id})],
            }
        )
        order.action_confirm()
        order_invoice = order._create_invoices()
        order_invoice.action_post()
        other_order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [Command.create({"product_id": self.product_b.id})],
            }
        )
        other_order.action_confirm()
        dialog = self._dialog()
        self.assertFalse(dialog.sale_order_id, "the ticket has no sales order")
        self.assertEqual(set(offered(dialog, "sale_order_id").ids), {order.id, other_order.id})
        dialog.helpdesk_product_id = self.product_a
        self.assertEqual(offered(dialog, "sale_order_id").ids, order.ids)
        dialog.helpdesk_product_id = self.env["product.product"]
        dialog.move_ids.add(self.invoice_b)
        dialog.sale_order_id = order
        self.assertEqual(self._suitable(dialog), order_invoice)
        self.assertFalse(dialog.move_ids, "an invoice outside the new filter is dropped")

    def test_invoice_filters(self):
        other_customer = self.env["res.partner"].create({"name": "Someone else"})
        other = self._invoice(self.product_a, partner=other_customer)
        draft = self._invoice(self.product_a, post=False)
        bill = self.init_invoice(
            "in_invoice", partner=self.customer, post=True, products=self.product_a
        )
        dialog = self._dialog()
        suitable = self._suitable(dialog)
        self.assertIn(self.invoice_a, suitable)
        self.assertIn(self.invoice_b, suitable)
        for move in (other, draft, bill):
            self.assertNotIn(move, suitable)
        dialog.helpdesk_product_id = self.product_b
        self.assertEqual(self._suitable(dialog), self.invoice_b)

    def test_no_invoice_means_empty_list(self):
        ticket = self.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": "New customer",
                "team_id": self.aftersales_team.id,
                "partner_id": self.env["res.partner"].create({"name": "New"}).id,
            }
        )
        dialog = self._dialog(ticket=ticket)
        self.assertFalse(self._suitable(dialog))
        self.assertTrue(self._no_invoice_notice_shown(dialog), "the dialog says why")
        # With an invoice to choose, the notice is gone (the field's
        # placeholder invites to choose).
        self.assertTrue(self._suitable(self._dialog()))
        self.assertFalse(self._no_invoice_notice_shown(self._dialog()))

    def _no_invoice_notice_shown(self, dialog):
        """Whether the dialog shows its "No posted invoice" line, by its
        ``invisible`` expression evaluated as the web client does."""
        from odoo.tools.safe_eval import safe_eval

        nodes = dialog._view["tree"].xpath(
            "//div[@role='status'][contains(., 'No posted invoice of this customer')]"
        )
        self.assertEqual(len(nodes), 1)
        return not safe_eval(nodes[0].get("invisible"), dialog._get_eval_context())

    # the two buttons ---------------------------------------------------

    def test_reverse_creates_draft_credit_notes_one_per_invoice(self):
        dialog = self._dialog()
        dialog.move_ids.add(self.invoice_a)
        dialog.move_ids.add(self.invoice_b)
        dialog.save().refund_moves()
        credit_notes = self._credit_notes()
        self.assertEqual(len(credit_notes), 2)
        self.assertEqual(set(credit_notes.mapped("state")), {"draft"})
        self.assertEqual(credit_notes.reversed_entry_id, self.invoice_a | self.invoice_b)
        self.assertEqual(self.ticket.credit_note_count, 2)
        message = self.ticket.message_ids[0]
        for credit_note in credit_notes:
            self.assertIn(f'data-oe-id="{credit_note.id}"', message.body)

    def test_partial_refund_by_editing_the_draft(self):
        dialog = self._dialog()
        dialog.move_ids.add(self.invoice_a)
        dialog.save().refund_moves()
        credit_note = self._credit_notes()
        with Form(credit_note) as form:
            with form.invoice_line_ids.edit(0) as line:
                line.price_unit = 30.0
        credit_note.action_post()
        self.assertEqual(credit_note.amount_untaxed, 30.0)
        self.assertNotEqual(self.invoice_a.payment_state, "reversed")

    def test_reverse_and_create_invoice(self):
        dialog = self._dialog()
        dialog.move_ids.add(self.invoice_a)
        self.assertFalse(dialog.helpdesk_modify_unavailable_reason)
        dialog.save().modify_moves()
        credit_note = self._credit_notes()
        self.assertEqual(credit_note.state, "posted")
        self.assertEqual(self.invoice_a.payment_state, "reversed")
        new_invoice = self.env["account.move"].search(
            [("helpdesk_ticket_id", "=", self.ticket.id), ("move_type", "=", "out_invoice")]
        )
        self.assertEqual(new_invoice.state, "draft")
        self.assertEqual(new_invoice.invoice_line_ids.product_id, self.product_a)
        chatter = "".join(self.ticket.message_ids.mapped("body"))
        for document in credit_note | new_invoice:
            self.assertIn(f'data-oe-id="{document.id}"', chatter)
        # A fully reversed invoice is no longer offered.
        self.assertNotIn(self.invoice_a, self._suitable(self._dialog()))

    def test_paid_invoice_cannot_be_modified(self):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=self.invoice_a.ids
        ).create({})._create_payments()
        self.assertIn(self.invoice_a.payment_state, ("paid", "in_payment"))
        dialog = self._dialog()
        dialog.move_ids.add(self.invoice_a)
        self.assertIn("paid invoices", dialog.helpdesk_modify_unavailable_reason)
        with self.assertRaisesRegex(UserError, "paid invoices"):
            dialog.save().modify_moves()
        self.assertFalse(self._credit_notes())

    def test_partially_paid_invoice_cannot_be_modified(self):
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=self.invoice_a.ids
        ).create({"amount": 100.0})._create_payments()
        self.assertEqual(self.invoice_a.payment_state, "partial")
        dialog = self._dialog()
        dialog.move_ids.add(self.invoice_a)
        self.assertIn("paid invoices", dialog.helpdesk_modify_unavailable_reason)
        # Reverse stays available: the draft credit note is reconciled by hand.
        dialog.save().refund_moves()
        self.assertEqual(self._credit_notes().state, "draft")

    # bad input -----------------------------------------------------------

    def _forged(self, **vals):
        """What a forged RPC call could send past the dialog's domains."""
        ctx = {"active_model": "helpdesk.ticket", "active_id": self.ticket.id}
        # The dialog computes the journal; a forged call has to send one.
        vals.setdefault("journal_id", self.company_data["default_journal_sale"].id)
        if vals.get("move_ids"):
            vals["move_ids"] = [Command.set(vals["move_ids"])]
        Reversal = self.env["account.move.reversal"].with_user(self.accountant)
        return Reversal.with_context(**ctx).create(vals)

    def test_bad_inputs(self):
        other_customer = self.env["res.partner"].create({"name": "Someone else"})
        draft = self._invoice(self.product_a, post=False)
        cancelled = self._invoice(self.product_a)
        cancelled.button_draft()
        cancelled.button_cancel()
        reversed_invoice = self._invoice(self.product_a)
        reversed_invoice._reverse_moves(cancel=True)
        cases = {
            "not posted": draft,
            "is not posted": cancelled,
            "not an invoice of the ticket's customer": self._invoice(
                self.product_a, partner=other_customer
            ),
            "not a customer invoice|same type": self.init_invoice(
                "in_invoice", partner=self.customer, post=True, products=self.product_a
            ),
            "already fully reversed": reversed_invoice,
        }
        for message, move in cases.items():
            with self.subTest(message):
                with self.assertRaisesRegex(UserError, message):
                    self._forged(move_ids=move.ids).refund_moves()
        with self.assertRaisesRegex(UserError, "Choose the invoices"):
            self._forged().refund_moves()
        self.assertFalse(self._credit_notes(), "nothing was created")

    def test_other_company_invoice_refused(self):
        other_company = self.setup_other_company()["company"]
        self.accountant.company_ids |= other_company
        foreign = self.init_invoice(
            "out_invoice",
            partner=self.customer,
            post=True,
            products=self.product_a,
            company=other_company,
        )
        self.assertNotIn(foreign, self._suitable(self._dialog()))
        with self.assertRaisesRegex(UserError, "another company"):
            self._forged(move_ids=foreign.ids).with_context(
                allowed_company_ids=(self.env.company | other_company).ids
            ).refund_moves()
        self.assertFalse(self._credit_notes())

    def test_wrong_journal_type_refused(self):
        with self.assertRaisesRegex(UserError, "sales journal|same type"):
            self._forged(
                move_ids=self.invoice_a.ids,
                journal_id=self.company_data["default_journal_purchase"].id,
            ).refund_moves()
        self.assertFalse(self._credit_notes())

    def test_team_without_refunds(self):
        self.aftersales_team.use_credit_notes = False
        with self.assertRaisesRegex(UserError, "does not offer"):
            self._forged(move_ids=self.invoice_a.ids).refund_moves()

    # smart button, access --------------------------------------------------

    def test_smart_button(self):
        dialog = self._dialog()
        dialog.move_ids.add(self.invoice_a)
        dialog.save().refund_moves()
        action = self.ticket.action_view_credit_notes()
        self.assertEqual(action["res_id"], self._credit_notes().id)
        self.assertEqual(action["view_mode"], "form")
        dialog = self._dialog()
        dialog.move_ids.add(self.invoice_b)
        dialog.save().refund_moves()
        action = self.ticket.action_view_credit_notes()
        self.assertEqual(self.env["account.move"].search(action["domain"]), self._credit_notes())
        self.assertEqual(self.ticket.credit_note_count, 2)

    def test_count_queries_do_not_grow_with_tickets(self):
        tickets = self.env["helpdesk.ticket"].create(
            [
                {**TICKET_REQUIRED_VALUES, "name": f"T{i}", "team_id": self.aftersales_team.id}
                for i in range(10)
            ]
        )

        self.assertQueriesIndependentOfTickets(tickets, ["credit_note_count"])

    def test_salesman_prepares_drafts_only(self):
        dialog = self._dialog(user=self.salesman)
        self.assertIn("invoicing rights", dialog.helpdesk_modify_unavailable_reason)
        dialog.move_ids.add(self.invoice_a)
        action = dialog.save().refund_moves()
        self.assertEqual(action["type"], "ir.actions.act_window_close")
        credit_note = self._credit_notes()
        self.assertEqual(credit_note.state, "draft")
        self.assertEqual(credit_note.create_uid, self.salesman)
        forged = (
            self.env["account.move.reversal"]
            .with_user(self.salesman)
            .with_context(active_model="helpdesk.ticket", active_id=self.ticket.id)
            .create(
                {
                    "move_ids": [Command.set(self.invoice_b.ids)],
                    "journal_id": self.company_data["default_journal_sale"].id,
                }
            )
        )
        with self.assertRaisesRegex(UserError, "invoicing rights"):
            forged.modify_moves()
        self.assertEqual(self.invoice_b.reversal_move_ids, self.env["account.move"])

    def _refund_at_future_date(self, user):
        """Reverse invoice A from the ticket's Refund dialog as ``user``, with
        a Reversal Date ten days ahead; return the credit note and its date."""
        future = fields.Date.context_today(self.ticket) + timedelta(days=10)
        dialog = self._dialog(user=user)
        dialog.move_ids.add(self.invoice_a)
        dialog.date = future
        dialog.save().refund_moves()
        return self._credit_notes(), future

    def _run_auto_post_cron_on(self, day):
        with freeze_time(day):
            self.env.ref("account.ir_cron_auto_post_draft_entry").method_direct_trigger()
        self.env.invalidate_all()

    def test_salesman_future_date_credit_note_stays_draft(self):
        credit_note, future = self._refund_at_future_date(self.salesman)
        self.assertEqual(credit_note.date, future)
        self.assertEqual(credit_note.state, "draft")
        self.assertEqual(credit_note.auto_post, "no", "not posted by the scheduled action")
        self._run_auto_post_cron_on(future)
        self.assertEqual(credit_note.state, "draft", "still a draft for an accountant to post")

    def test_accountant_future_date_credit_note_posts_itself(self):
        # Odoo's own behaviour for users who may post: the credit note posts
        # itself on its date.
        credit_note, future = self._refund_at_future_date(self.accountant)
        self.assertEqual(credit_note.state, "draft")
        self.assertEqual(credit_note.auto_post, "at_date")
        self._run_auto_post_cron_on(future)
        self.assertEqual(credit_note.state, "posted")

    def test_agent_without_sales_or_invoicing_rights(self):
        with self.assertRaisesRegex(UserError, "read access to customer invoices"):
            self.ticket.with_user(self.helpdesk_agent).action_refund()
        self.assertEqual(self.ticket.with_user(self.helpdesk_agent).credit_note_count, 0)

    def test_nothing_left_when_the_last_step_fails(self):
        wizard = self._forged(move_ids=self.invoice_a.ids)
        self.assertLeavesNothingWhenLastStepFails(self.ticket, wizard.refund_moves, "account.move")

    # refund by line ------------------------------------------------------

    def _two_line_invoice(self, partner=None):
        """A posted invoice of 3 x product A at 100 and 2 x product B at 50."""
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": (partner or self.customer).id,
                "invoice_date": "2019-01-01",
                "invoice_line_ids": [
                    Command.create(
                        {"product_id": self.product_a.id, "quantity": 3, "price_unit": 100.0}
                    ),
                    Command.create(
                        {"product_id": self.product_b.id, "quantity": 2, "price_unit": 50.0}
                    ),
                ],
            }
        )
        invoice.action_post()
        return invoice

    def _dialog_for(self, invoice, quantities=None):
        """The Refund dialog with ``invoice`` chosen and its Products to Refund
        edited as ``quantities`` says (``{line index: quantity}``)."""
        dialog = self._dialog()
        dialog.move_ids.add(invoice)
        for index, quantity in (quantities or {}).items():
            with dialog.helpdesk_line_ids.edit(index) as line:
                line.quantity = quantity
        return dialog

    def _lines(self, dialog):
        """Products to Refund as the agent sees them: invoice, product,
        quantity, unit price."""

        def record(model, value):
            return self.env[model].browse(value if isinstance(value, int) else value and value[0])

        return [
            (
                record("account.move", vals["move_id"]),
                record("product.product", vals["product_id"]),
                vals["quantity"],
                vals["price_unit"],
            )
            for vals in dialog.helpdesk_line_ids._records
        ]

    def _credited(self, credit_note):
        return [
            (line.product_id, line.quantity)
            for line in credit_note.invoice_line_ids.sorted("sequence")
        ]

    def test_products_to_refund_lists_every_line(self):
        invoice = self._two_line_invoice()
        dialog = self._dialog()
        dialog.move_ids.add(invoice)
        self.assertEqual(
            self._lines(dialog),
            [(invoice, self.product_a, 3.0, 100.0), (invoice, self.product_b, 2.0, 50.0)],
        )
        self.assertFalse(dialog.helpdesk_modify_unavailable_reason, "whole invoice")
        dialog.save().refund_moves()
        self.assertEqual(
            self._credited(self._credit_notes()), [(self.product_a, 3.0), (self.product_b, 2.0)]
        )

    def test_lower_a_quantity_and_remove_a_line(self):
        invoice = self._two_line_invoice()
        dialog = self._dialog_for(invoice, {0: 1})
        self.assertIn("whole invoices", dialog.helpdesk_modify_unavailable_reason)
        dialog.helpdesk_line_ids.remove(1)
        wizard = dialog.save()
        with self.assertRaisesRegex(UserError, "whole invoices"):
            wizard.modify_moves()
        self.assertFalse(self._credit_notes(), "Reverse and Create Invoice made nothing")
        wizard.refund_moves()
        credit_note = self._credit_notes()
        self.assertEqual(credit_note.state, "draft")
        self.assertEqual(self._credited(credit_note), [(self.product_a, 1.0)])
        self.assertEqual(credit_note.amount_untaxed, 100.0)
        self.assertEqual(credit_note.reversed_entry_id, invoice)
        # What is left to refund of the invoice's lines.
        refundable = invoice.invoice_line_ids._aftersales_refundable_quantity()
        self.assertEqual(sorted(refundable.values()), [2.0, 2.0])

    def test_product_proposes_only_its_lines(self):
        invoice = self._two_line_invoice()
        dialog = self._dialog()
        dialog.helpdesk_product_id = self.product_b
        dialog.move_ids.add(invoice)
        self.assertEqual(self._lines(dialog), [(invoice, self.product_b, 2.0, 50.0)])
        self.assertIn("whole invoices", dialog.helpdesk_modify_unavailable_reason)
        dialog.save().refund_moves()
        self.assertEqual(self._credited(self._credit_notes()), [(self.product_b, 2.0)])

    def test_already_credited_quantity_is_not_proposed_again(self):
        invoice = self._two_line_invoice()
        dialog = self._dialog_for(invoice, {0: 2})
        dialog.save().refund_moves()
        dialog = self._dialog()
        dialog.move_ids.add(invoice)
        self.assertEqual(
            self._lines(dialog),
            [(invoice, self.product_a, 1.0, 100.0)],
            "what the draft credit note refunds (2 of A, all of B) is no longer offered",
        )
        self.assertIn("whole invoices", dialog.helpdesk_modify_unavailable_reason)

    def test_crediting_more_than_invoiced_refused(self):
        invoice = self._two_line_invoice()
        dialog = self._dialog_for(invoice, {0: 2})
        dialog.save().refund_moves()
        before = self._credit_notes()
        dialog = self._dialog_for(invoice, {0: 2})
        with self.assertRaisesRegex(UserError, r"cannot refund 2.0 .* only 1.0 .* can still be"):
            dialog.save().refund_moves()
        self.assertEqual(self._credit_notes(), before, "nothing more was created")

    def test_negative_quantity_refused(self):
        invoice = self._two_line_invoice()
        for quantity in (-1, 0):
            with self.subTest(quantity=quantity):
                dialog = self._dialog_for(invoice, {0: quantity})
                with self.assertRaisesRegex(UserError, "must be positive"):
                    dialog.save().refund_moves()
        self.assertFalse(self._credit_notes())

    def test_line_of_another_invoice_or_customer_refused(self):
        invoice = self._two_line_invoice()
        other_customer = self.env["res.partner"].create({"name": "Someone else"})
        others = {
            "another invoice": self._two_line_invoice(),
            "another customer": self._two_line_invoice(partner=other_customer),
        }
        for case, other in others.items():
            with self.subTest(case):
                wizard = self._forged(move_ids=invoice.ids)
                # What a forged call could write past the dialog.
                wizard.write(
                    {
                        "helpdesk_line_ids": [
                            Command.create(
                                {"invoice_line_id": other.invoice_line_ids[0].id, "quantity": 1}
                            )
                        ]
                    }
                )
                with self.assertRaisesRegex(UserError, "not a line of the invoices to refund"):
                    wizard.refund_moves()
        self.assertFalse(self._credit_notes())

    def test_invoice_without_product_to_refund_refused(self):
        invoice = self._two_line_invoice()
        dialog = self._dialog()
        dialog.move_ids.add(invoice)
        dialog.helpdesk_line_ids.remove(1)
        dialog.helpdesk_line_ids.remove(0)
        with self.assertRaisesRegex(UserError, "no product to refund on the invoice"):
            dialog.save().refund_moves()
        self.assertFalse(self._credit_notes())

    def test_refund_by_line_updates_the_order_invoiced_quantity(self):
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    Command.create({"product_id": self.product_a.id, "product_uom_qty": 3})
                ],
            }
        )
        order.action_confirm()
        invoice = order._create_invoices()
        invoice.action_post()
        self.assertEqual(order.order_line.qty_invoiced, 3.0)
        dialog = self._dialog_for(invoice, {0: 1})
        dialog.save().refund_moves()
        credit_note = self._credit_notes()
        self.assertEqual(credit_note.invoice_line_ids.sale_line_ids, order.order_line)
        credit_note.action_post()
        self.assertEqual(order.order_line.qty_invoiced, 2.0)
