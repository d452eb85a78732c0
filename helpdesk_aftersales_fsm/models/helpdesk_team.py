from odoo import fields, models

from odoo.addons.helpdesk_aftersales_platform.platform import TEAM_MODEL


class HelpdeskTeam(models.Model):
    _inherit = TEAM_MODEL

    fsm_project_id = fields.Many2one(
        "project.project",
        string="Field Service Project",
        check_company=True,
        domain="[('is_fsm', '=', True), ('company_id', 'in', (company_id, False))]",
        help="Project of the Field Service tasks planned from this team's tickets.",
    )
