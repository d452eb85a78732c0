from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.helpdesk_aftersales_fsm.tests.test_fsm import TestHelpdeskFsm


@tagged("post_install", "-at_install")
class TestFsmWorksheet(TestHelpdeskFsm):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.template = cls.env["worksheet.template"].create({"name": "Chair repair"})
        cls.other_template = cls.env["worksheet.template"].create({"name": "Inspection"})
        cls.fsm_project.write({"allow_worksheets": True, "worksheet_template_id": cls.template.id})
        cls.plain_project = cls.env["project.project"].create(
            {"name": "FSM without worksheets", "is_fsm": True}
        )

    def test_worksheet_default_and_visibility(self):
        dialog = self._dialog()
        self.assertEqual(dialog.worksheet_template_id, self.template)
        self.assertFalse(dialog._get_modifier("worksheet_template_id", "invisible"))
        dialog.worksheet_template_id = self.other_template
        dialog.save().action_generate_task()
        self.assertEqual(self.ticket.fsm_task_ids.worksheet_template_id, self.other_template)

    def test_project_without_worksheets_hides_the_field(self):
        dialog = self._dialog()
        dialog.project_id = self.plain_project
        self.assertTrue(dialog._get_modifier("worksheet_template_id", "invisible"))
        self.assertFalse(dialog.worksheet_template_id)

    def test_template_not_allowed_for_project(self):
        with self.assertRaisesRegex(UserError, "does not use worksheets"):
            self._forged(
                project_id=self.plain_project.id, worksheet_template_id=self.template.id
            ).action_generate_task()
        self.assertFalse(self.ticket.fsm_task_ids)

    def test_changing_project_proposes_its_template(self):
        inspections = self.env["project.project"].create(
            {
                "name": "Inspections",
                "is_fsm": True,
                "allow_worksheets": True,
                "worksheet_template_id": self.other_template.id,
            }
        )
        dialog = self._dialog()
        dialog.project_id = inspections
        self.assertEqual(dialog.worksheet_template_id, self.other_template)
        dialog.save().action_generate_task()
        task = self.ticket.fsm_task_ids
        self.assertEqual(task.project_id, inspections)
        self.assertEqual(task.worksheet_template_id, self.other_template)

    def test_template_of_another_company(self):
        other_company = self.env["res.company"].create({"name": "Other Co"})
        foreign_template = self.env["worksheet.template"].create(
            {"name": "Foreign", "company_id": other_company.id}
        )
        with self.assertRaisesRegex(UserError, "belongs to another company"):
            self._forged(worksheet_template_id=foreign_template.id).action_generate_task()
        self.assertFalse(self.ticket.fsm_task_ids)
