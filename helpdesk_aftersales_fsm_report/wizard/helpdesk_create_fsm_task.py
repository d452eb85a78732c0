from odoo import api, fields, models
from odoo.exceptions import UserError


class HelpdeskCreateFsmTask(models.TransientModel):
    _inherit = "helpdesk.create.fsm.task"

    allow_worksheets = fields.Boolean(related="project_id.allow_worksheets")
    worksheet_template_id = fields.Many2one(
        "worksheet.template",
        string="Worksheet Template",
        compute="_compute_worksheet_template_id",
        store=True,
        readonly=False,
        domain="[('company_id', 'in', (company_id, False))]",
    )

    @api.depends("project_id")
    def _compute_worksheet_template_id(self):
        for wizard in self:
            project = wizard.project_id
            wizard.worksheet_template_id = (
                project.worksheet_template_id if project.allow_worksheets else False
            )

    def _check_task_values(self):
        ticket = super()._check_task_values()
        template = self.worksheet_template_id
        if template and not self.project_id.allow_worksheets:
            raise UserError(
                self.env._(
                    "The project %(project)s does not use worksheets: leave the worksheet "
                    "template empty or choose a project with worksheets.",
                    project=self.project_id.display_name,
                )
            )
        if template.company_id and template.company_id != ticket.company_id:
            raise UserError(
                self.env._(
                    "The worksheet template %(template)s belongs to another company.",
                    template=template.display_name,
                )
            )
        return ticket

    def _prepare_task_values(self):
        values = super()._prepare_task_values()
        if self.project_id.allow_worksheets:
            values["worksheet_template_id"] = self.worksheet_template_id.id
        return values
