from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales.tests.common import HelpdeskAftersalesCase


@tagged("post_install", "-at_install")
class TestRepairTranslations(HelpdeskAftersalesCase, BaseCommon):
    """The ticket's Repair button, smart button and errors speak German and
    Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls.langs = ["de_DE", "zh_CN"]
        for lang in cls.langs:
            cls.env["res.lang"]._activate_lang(lang)
        cls.env["ir.module.module"]._load_module_terms(["helpdesk_aftersales_repair"], cls.langs)

    def test_ticket_buttons_translated(self):
        expected = {"de_DE": ("Reparatur", "Reparaturen"), "zh_CN": ("维修", "维修")}
        for lang, (button, smart_button) in expected.items():
            Ticket = self.env["helpdesk.ticket"].with_context(lang=lang)
            arch = Ticket.get_views([(False, "form")])["views"]["form"]["arch"]
            self.assertIn(f'string="{button}"', arch)
            self.assertIn(f'string="{smart_button}"', arch)
            strings = Ticket.fields_get(["repair_count"], ["string"])
            self.assertIn(smart_button, strings["repair_count"]["string"])

    def test_error_translated(self):
        self.aftersales_ticket.partner_id = False
        for lang, text in (("de_DE", "Legen Sie den Kunden"), ("zh_CN", "请先设置工单的客户")):
            with self.assertRaisesRegex(UserError, text):
                self.aftersales_ticket.with_context(lang=lang).action_repair()
