from odoo import api, fields, models


class WorksheetTemplate(models.Model):
    _name = "worksheet.template"
    _description = "Worksheet Template"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)


class Project(models.Model):
    _inherit = "project.project"

    allow_worksheets = fields.Boolean(
        string="Worksheets",
        help="Enables customizable worksheets on tasks.",
    )
    worksheet_template_id = fields.Many2one(
        "worksheet.template",
        string="Default Worksheet",
        check_company=True,
    )


class Task(models.Model):
    _inherit = "project.task"

    allow_worksheets = fields.Boolean(related="project_id.allow_worksheets")
    worksheet_template_id = fields.Many2one(
        "worksheet.template",
        string="Worksheet Template",
        compute="_compute_worksheet_template_id",
        store=True,
        readonly=False,
        check_company=True,
    )

    @api.depends("project_id")
    def _compute_worksheet_template_id(self):
        for task in self:
            if not task.worksheet_template_id and task.project_id.allow_worksheets:
                task.worksheet_template_id = task.project_id.worksheet_template_id
