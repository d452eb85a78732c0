from odoo.exceptions import UserError
from odoo.tests import tagged

from .test_fsm import TestHelpdeskFsm


@tagged("post_install", "-at_install")
class TestFsmTranslations(TestHelpdeskFsm):
    """The ticket button, the dialog and its errors in German and Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_aftersales_languages(["helpdesk_aftersales", "helpdesk_aftersales_fsm"])

    def test_screens_and_errors_translated(self):
        expected = {
            "de_DE": ("Einsatz planen", "Aufgaben", "Aufgabe erstellen &amp; anzeigen", "Titel"),
            "zh_CN": ("安排现场服务", "任务", "创建并查看任务", "标题"),
        }
        dialog_view = self.env.ref("helpdesk_aftersales_fsm.helpdesk_create_fsm_task_view_form")
        for lang, terms in expected.items():
            ticket_arch = (
                self.env["helpdesk.ticket"]
                .with_user(self.planner)
                .with_context(lang=lang)
                .get_views([(False, "form")])["views"]["form"]["arch"]
            )
            Dialog = self.env["helpdesk.create.fsm.task"].with_user(self.planner)
            dialog_arch = Dialog.with_context(lang=lang).get_views([(dialog_view.id, "form")])[
                "views"
            ]["form"]["arch"]
            title = Dialog.with_context(lang=lang).fields_get(["name"])["name"]["string"]
            self.assertIn(terms[0], ticket_arch, "Plan Intervention button")
            self.assertIn(terms[1], ticket_arch, "Tasks smart button")
            self.assertIn(terms[2], dialog_arch)
            self.assertEqual(title, terms[3], "Title field")
            self.assertNotIn("Create &amp; View Task", dialog_arch)
        with self.assertRaisesRegex(UserError, "Geben Sie der Aufgabe einen Titel"):
            self._forged(name=" ").with_context(lang="de_DE").action_generate_task()
        with self.assertRaisesRegex(UserError, "请为任务填写标题"):
            self._forged(name=" ").with_context(lang="zh_CN").action_generate_task()
