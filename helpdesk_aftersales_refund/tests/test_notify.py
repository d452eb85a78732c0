from odoo.tests import Form, new_test_user, tagged

from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase
from odoo.addons.helpdesk_aftersales_platform.platform import USER_GROUP


@tagged("post_install", "-at_install")
class TestCreditNoteIssuedEmail(HelpdeskAftersalesCase, AccountTestInvoicingCommon):
    """The customer is emailed once when a credit note of their ticket is
    posted, in their language, the credit note attached."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls._load_aftersales_languages(["helpdesk_aftersales", "helpdesk_aftersales_refund"])
        cls.ticket = cls.aftersales_ticket
        cls.accountant = new_test_user(
            cls.env,
            login="notify_accountant",
            groups=f"{USER_GROUP},account.group_account_invoice",
        )
        cls.invoice = cls.init_invoice(
            "out_invoice", partner=cls.aftersales_customer, post=True, products=cls.product_a
        )
        with Form(cls.aftersales_team) as team:
            team.aftersales_notify_credit_note_issued = True

    def _refund(self, button="refund_moves"):
        dialog = self.open_ticket_wizard(self.ticket, "action_refund", self.accountant)
        dialog.move_ids.add(self.invoice)
        getattr(dialog.save(), button)()
        return self.ticket.credit_note_ids

    def setUp(self):
        super().setUp()
        # What the helpdesk itself sent before (helpdesk_mgmt: the ticket's
        # creation) is not the loop's.
        self.mail_floor = self.env["mail.mail"].sudo().search([], order="id desc", limit=1).id or 0

    def customer_mails(self):
        return (
            self.env["mail.mail"]
            .sudo()
            .search(
                [
                    ("id", ">", self.mail_floor),
                    ("model", "=", "helpdesk.ticket"),
                    ("res_id", "=", self.ticket.id),
                    ("recipient_ids", "in", self.aftersales_customer.ids),
                ],
                order="id",
            )
        )

    def test_posted_draft_credit_note_told_once_in_german(self):
        self.aftersales_customer.lang = "de_DE"
        credit_note = self._refund()
        self.assertEqual(credit_note.state, "draft")
        self.assertFalse(self.customer_mails(), "a draft is not issued yet")
        credit_note.with_user(self.accountant).action_post()
        mail = self.customer_mails()
        self.assertEqual(len(mail), 1)
        self.assertIn(credit_note.name, mail.subject)
        self.assertIn("Gutschrift", mail.subject)
        self.assertEqual(len(mail.attachment_ids), 1, "the credit note")
        self.assertEqual(self.ticket.message_ids[0], mail.mail_message_id)
        # Reset to draft and posted again: the customer was already told.
        credit_note.with_user(self.accountant).button_draft()
        credit_note.with_user(self.accountant).action_post()
        self.assertEqual(len(self.customer_mails()), 1)

    def test_credit_note_posted_by_the_dialog_in_chinese(self):
        self.aftersales_customer.lang = "zh_CN"
        credit_note = self._refund("modify_moves")
        self.assertEqual(credit_note.state, "posted")
        mail = self.customer_mails()
        self.assertEqual(len(mail), 1)
        self.assertIn("贷记单据", mail.subject)

    def test_switch_off_sends_nothing(self):
        with Form(self.aftersales_team) as team:
            team.aftersales_notify_credit_note_issued = False
        self._refund("modify_moves")
        self.assertFalse(self.customer_mails())
