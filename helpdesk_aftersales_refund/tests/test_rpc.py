from odoo.tests import HttpCase, tagged

from odoo.addons.helpdesk_aftersales.tests.common_rpc import AftersalesRpcCase

from .test_access import RefundAccessCase


@tagged("post_install", "-at_install")
class TestRefundRpc(AftersalesRpcCase, RefundAccessCase, HttpCase):
    rpc_model = "account.move.reversal"
    rpc_confirm = "refund_moves"
    rpc_role = "accountant"

    def test_malformed_values(self):
        ticket = self.aftersales_ticket
        journal = self.company_data["default_journal_sale"].id
        invoice = [[6, 0, self.invoice.ids]]
        cases = {
            "wrong id": {"move_ids": [[6, 0, [2_000_000_000]]]},
            "id of another model": {"move_ids": [[6, 0, [self.rpc_foreign_id("account.move")]]]},
            "string for an id": {"move_ids": [[6, 0, ["abc"]]]},
            "string for the ids": {"move_ids": "abc"},
            "string for a journal": {"move_ids": invoice, "journal_id": "abc"},
            "negative id": {"move_ids": [[4, -1]]},
            "no invoice": {"move_ids": [], "journal_id": journal},
        }
        for case, values in cases.items():
            with self.subTest(case):
                if case == "no invoice":
                    self.assertRpcRefused(ticket, values)
                else:  # a forged id: the ORM's refusal (type, foreign key)
                    self.assertRpcFails(ticket, values)

    def test_far_dates(self):
        ticket = self.aftersales_ticket
        values = {
            "move_ids": [[6, 0, self.invoice.ids]],
            "journal_id": self.company_data["default_journal_sale"].id,
        }
        self.assertRpcRefused(
            ticket, {**values, "date": "0001-01-01"}, "cannot be dated before the invoice"
        )
        # Far in the future: core schedules the credit note, nothing is refunded
        # before that date.
        self.assertRpcAccepted(ticket, {**values, "date": "9999-12-31"})
        credit_note = self._access_documents(ticket)
        self.assertEqual(
            (credit_note.state, credit_note.auto_post, str(credit_note.date)),
            ("draft", "at_date", "9999-12-31"),
        )

    def test_forged_reversal_without_journal(self):
        # Issue 26: a clear error, not the database's NOT NULL constraint
        # (an ERROR in the server log).
        self.assertRpcRefused(
            self.aftersales_ticket,
            {"move_ids": [[6, 0, self.invoice.ids]], "journal_id": False},
            "Choose a sales journal",
        )
