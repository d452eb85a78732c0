from odoo import api, fields, models

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

    @api.constrains("fsm_project_id")
    def _check_aftersales_fsm_project_company(self):
        # check_company=True is only enforced on write by models with
        # _check_company_auto, which the team is not.
        self._check_company(["fsm_project_id"])
