from odoo import fields, models


class Project(models.Model):
    _inherit = "project.project"

    is_fsm = fields.Boolean(
        string="Field Service",
        help="Display tasks in the Field Service app and include the features "
        "related to on-site interventions.",
    )


class Task(models.Model):
    _inherit = "project.task"

    is_fsm = fields.Boolean(related="project_id.is_fsm", store=True, index=True)
