from odoo.exceptions import UserError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales_platform.platform import USER_GROUP


@tagged("post_install", "-at_install")
class TestCreditPartially(HelpdeskAftersalesCase, AccountTestInvoicingCommon):
    """``account.move._aftersales_credit_partially``: the one way the suite
    credits part of an invoice (Return and Refund, credit on receipt) makes
    the credit note the Refund dialog makes for the same lines."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.customer = cls.aftersales_customer
        cls.customer.property_account_position_id = cls.fiscal_pos_a
        cls.ticket = cls.aftersales_ticket
        cls.currency = cls.setup_other_currency("EUR")
        cls.accountant = new_test_user(
            cls.env,
            login="credit_accountant",
            groups=f"{USER_GROUP},account.group_account_invoice",
        )
        cls.salesman = new_test_user(
            cls.env,
            login="credit_salesman",
            groups=f"{USER_GROUP},sales_team.group_sale_salesman_all_leads",
        )

    def _invoice(self):
        """Posted, in EUR, with the customer's fiscal position: 3 x product A
        at 100 less 10 %, 2 x product B at 50."""
        form = Form(self.env["account.move"].with_context(default_move_type="out_invoice"))
        form.partner_id = self.customer
        form.currency_id = self.currency
        form.invoice_date = "2019-01-01"
        for product, quantity, price, discount in (
            (self.product_a, 3, 100.0, 10.0),
            (self.product_b, 2, 50.0, 0.0),
        ):
            with form.invoice_line_ids.new() as line:
                line.product_id = product
                line.quantity = quantity
                line.price_unit = price
                line.discount = discount
        invoice = form.save()
        invoice.action_post()
        return invoice

    def _credit(self, invoice, quantity, user):
        line = invoice.invoice_line_ids.filtered(lambda line: line.product_id == self.product_a)
        Move = self.env["account.move"].with_user(user)
        return Move._aftersales_credit_partially({line: quantity}, self.ticket.with_user(user))

    def _refund_dialog(self, invoice, quantity):
        dialog = self.open_ticket_wizard(self.ticket, "action_refund", self.accountant)
        dialog.move_ids.add(invoice)
        dialog.helpdesk_line_ids.remove(1)
        with dialog.helpdesk_line_ids.edit(0) as line:
            line.quantity = quantity
        dialog.save().refund_moves()
        return invoice.reversal_move_ids

    def _summary(self, credit_note):
        return {
            "header": (
                credit_note.move_type,
                credit_note.state,
                credit_note.journal_id,
                credit_note.currency_id,
                credit_note.fiscal_position_id,
                credit_note.partner_id,
                credit_note.amount_untaxed,
                credit_note.amount_tax,
                credit_note.ref.replace(credit_note.reversed_entry_id.name, "<invoice>"),
            ),
            "lines": [
                (line.product_id, line.quantity, line.price_unit, line.discount, line.tax_ids)
                for line in credit_note.invoice_line_ids
            ],
        }

    def test_same_credit_note_as_the_refund_dialog(self):
        by_dialog = self._refund_dialog(self._invoice(), 1)
        invoice = self._invoice()
        credit_note = self._credit(invoice, 1, self.accountant)
        self.assertEqual(credit_note.reversed_entry_id, invoice)
        self.assertEqual(self._summary(credit_note), self._summary(by_dialog))
        self.assertRecordValues(
            credit_note,
            [{"currency_id": self.currency.id, "amount_untaxed": 90.0, "auto_post": "no"}],
        )
        self.assertIn(f"#{self.ticket.aftersales_reference}", credit_note.ref)
        self.assertEqual(credit_note.create_uid, self.accountant)

    def test_never_more_than_invoiced_minus_credited(self):
        invoice = self._invoice()
        self._credit(invoice, 2.0, self.accountant)
        with self.assertRaisesRegex(UserError, r"cannot refund 2.0 .* only 1.0 .* can still be"):
            self._credit(invoice, 2.0, self.accountant)
        self.assertEqual(len(invoice.reversal_move_ids), 1, "nothing more was created")
        self.assertFalse(self._credit(invoice, 0, self.accountant), "nothing to credit")

    def test_without_invoicing_rights_a_draft_that_never_posts_itself(self):
        invoice = self._invoice()
        credit_note = self._credit(invoice, 1, self.salesman)
        self.assertRecordValues(
            credit_note, [{"state": "draft", "auto_post": "no", "amount_untaxed": 90.0}]
        )
        self.assertEqual(credit_note.create_uid, self.salesman)
