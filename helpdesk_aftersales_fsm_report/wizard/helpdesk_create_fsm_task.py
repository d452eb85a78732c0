from odoo import api, fields, models


class HelpdeskCreateFsmTask(models.TransientModel):
    _inherit = "helpdesk.create.fsm.task"

    allow_worksheets = fields.Boolean(related="project_id.allow_worksheets", compute_sudo=False)
    worksheet_template_id = fields.Many2one(
        "worksheet.template",
        string="Worksheet Template",
        compute="_compute_worksheet_template_id",
        store=True,
        readonly=False,
        check_company=True,
        domain="[('company_id', 'in', (company_id, False))]",
    )

    @api.depends("project_id")
    def _compute_worksheet_template_id(self):
        for wizard in self:
            project = wizard.project_id
            wizard.worksheet_template_id = (
                project.worksheet_template_id if project.allow_worksheets else False
            )

    def _aftersales_refusals(self):
        yield from super()._aftersales_refusals()
        if self.worksheet_template_id and not self.project_id.allow_worksheets:
            yield self.env._(
                "The project %(project)s does not use worksheets: leave the worksheet "
                "template empty or choose a project with worksheets.",
                project=self.project_id.display_name,
            )

    def _aftersales_prepare_task_values(self):
        values = super()._aftersales_prepare_task_values()
        if self.project_id.allow_worksheets:
            values["worksheet_template_id"] = self.worksheet_template_id.id
        return values
