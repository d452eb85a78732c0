from odoo.tests import tagged

from .common import ReturnRefundCase


@tagged("post_install", "-at_install")
class TestReturnRefundTranslations(ReturnRefundCase):
    """The button and what it tells the agent speak German and Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_aftersales_languages(["helpdesk_aftersales_return_refund"])

    def test_button_and_notification_translated(self):
        self.sell(2, invoice=False)
        expected = {
            "de_DE": ("Retoure und Rückerstattung", "nichts gutzuschreiben"),
            "zh_CN": ("退货并退款", "无可贷记内容"),
        }
        for lang, (button, _nothing) in expected.items():
            Wizard = self.env["helpdesk.stock.return"].with_context(lang=lang)
            arch = Wizard.get_views([(False, "form")])["views"]["form"]["arch"]
            self.assertIn(button, arch)
        dialog = self.dialog().save()
        action = dialog.with_context(lang="de_DE").action_create_returns_and_refunds()
        self.assertIn(expected["de_DE"][1], action["params"]["message"])
        self.assertEqual(action["params"]["title"], "Retoure und Rückerstattung")
