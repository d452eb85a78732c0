from odoo.exceptions import UserError
from odoo.tests import tagged

from .test_worksheet import TestFsmWorksheet


@tagged("post_install", "-at_install")
class TestFsmWorksheetTranslations(TestFsmWorksheet):
    """The worksheet field of the dialog and its error in German and Chinese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._load_aftersales_languages(
            ["helpdesk_aftersales_fsm", "helpdesk_aftersales_fsm_report"]
        )

    def test_screens_and_errors_translated(self):
        Dialog = self.env["helpdesk.create.fsm.task"].with_user(self.planner)
        for lang, term in {"de_DE": "Arbeitsblattvorlage", "zh_CN": "工作表模板"}.items():
            fields = Dialog.with_context(lang=lang).fields_get(["worksheet_template_id"])
            self.assertEqual(fields["worksheet_template_id"]["string"], term)
        messages = {"de_DE": "verwendet keine Arbeitsblätter", "zh_CN": "未使用工作表"}
        for lang, message in messages.items():
            wizard = self._forged(
                project_id=self.plain_project.id, worksheet_template_id=self.template.id
            )
            with self.assertRaisesRegex(UserError, message):
                wizard.with_context(lang=lang).action_generate_task()
