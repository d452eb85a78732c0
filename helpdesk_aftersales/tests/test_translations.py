from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales_platform.platform import MANAGER_GROUP, TEAM_MODEL

from .common import HelpdeskAftersalesCase


@tagged("post_install", "-at_install")
class TestAftersalesTranslations(HelpdeskAftersalesCase, BaseCommon):
    """The suite speaks the user's language: what the de and zh_CN catalogues
    ship really reaches the screens once the language is loaded."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        langs = ["de_DE", "zh_CN"]
        for lang in langs:
            cls.env["res.lang"]._activate_lang(lang)
        modules = cls.env["ir.module.module"].search(
            [("name", "=like", "helpdesk_aftersales%"), ("state", "=", "installed")]
        )
        cls.env["ir.module.module"]._load_module_terms(modules.mapped("name"), langs)

    def test_team_settings_translated(self):
        expected = {
            "de_DE": ("After-Sales", "Rückerstattungen", "Außendienst"),
            "zh_CN": ("售后", "退款", "现场服务"),
        }
        for lang, (block, refunds, fsm) in expected.items():
            Team = self.env[TEAM_MODEL].with_context(lang=lang)
            fields = Team.fields_get(["use_credit_notes", "use_fsm"], ["string"])
            self.assertEqual(fields["use_credit_notes"]["string"], refunds)
            self.assertEqual(fields["use_fsm"]["string"], fsm)
            arch = Team.get_views([(False, "form")])["views"]["form"]["arch"]
            self.assertIn(block, arch, f"After-Sales block title in {lang}")

    def test_error_message_translated(self):
        module = self.env["ir.module.module"].search([("name", "=", "helpdesk_aftersales_fsm")])
        module.state = "uninstalled"
        manager = self.env["res.users"].create(
            {
                "name": "Manager",
                "login": "translated_manager",
                "lang": "de_DE",
                "groups_id": [(6, 0, self.env.ref(MANAGER_GROUP).ids)],
            }
        )
        team = self.env[TEAM_MODEL].create({"name": "Level 1"})
        with self.assertRaisesRegex(UserError, "Nur ein Administrator"):
            team.with_user(manager).with_context(lang="de_DE").write({"use_fsm": True})
        manager.lang = "zh_CN"
        with self.assertRaisesRegex(UserError, "只有管理员"):
            team.with_user(manager).with_context(lang="zh_CN").write({"use_fsm": True})
