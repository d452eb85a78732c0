from odoo.exceptions import UserError
from odoo.tests import tagged

from .test_refund import TestHelpdeskRefund


@tagged("post_install", "-at_install")
class TestRefundTranslations(TestHelpdeskRefund):
    """The ticket button, the dialog and its errors in German and Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_aftersales_languages(["helpdesk_aftersales", "helpdesk_aftersales_refund"])

    def test_screens_and_errors_translated(self):
        expected = {
            "de_DE": ("Rückerstattung", "Gutschriften", "Zu erstattende Rechnungen", "Stornodatum"),
            "zh_CN": ("退款", "贷记单据", "要退款的发票", "撤销日期"),
        }
        dialog_view = self.env.ref("helpdesk_aftersales_refund.account_move_reversal_view_form")
        for lang, terms in expected.items():
            ticket_arch = (
                self.env["helpdesk.ticket"]
                .with_context(lang=lang)
                .get_views([(False, "form")])["views"]["form"]["arch"]
            )
            dialog_arch = (
                self.env["account.move.reversal"]
                .with_context(lang=lang)
                .get_views([(dialog_view.id, "form")])["views"]["form"]["arch"]
            )
            self.assertIn(terms[0], ticket_arch, "Refund button")
            self.assertIn(terms[1], ticket_arch, "Credit Notes smart button")
            self.assertIn(terms[2], dialog_arch)
            self.assertIn(terms[3], dialog_arch)
            self.assertNotIn("Invoices to Refund", dialog_arch)
        with self.assertRaisesRegex(UserError, "Wählen Sie die zu erstattenden Rechnungen"):
            self._forged().with_context(lang="de_DE").refund_moves()
        with self.assertRaisesRegex(UserError, "请选择要退款的发票"):
            self._forged().with_context(lang="zh_CN").refund_moves()
