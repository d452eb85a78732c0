from odoo import fields, models


class HelpdeskTeam(models.Model):
    _inherit = "helpdesk.team"

    fsm_project_id = fields.Many2one(
        "project.project",
        string="Field Service Project",
        check_company=True,
        domain="[('is_fsm', '=', True), ('company_id', 'in', (company_id, False))]",
        help="Project of the Field Service tasks planned from this team's tickets.",
    )
