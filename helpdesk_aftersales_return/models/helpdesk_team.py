from odoo import api, fields, models

from odoo.addons.helpdesk_aftersales_platform.platform import TEAM_MODEL


class HelpdeskTeam(models.Model):
    _inherit = TEAM_MODEL

    return_reason_required = fields.Boolean(
        help="Every line of the Return dialog must have a return reason.",
    )
    receives_portal_returns = fields.Boolean(
        string="Receives Portal Return Requests",
        compute="_compute_receives_portal_returns",
        inverse="_inverse_receives_portal_returns",
        help="Customers request returns of their delivered orders from the portal: "
        "each request opens a ticket in this team (one team per company).",
    )

    @api.depends("company_id.helpdesk_return_team_id")
    def _compute_receives_portal_returns(self):
        for team in self:
            team.receives_portal_returns = bool(
                team.company_id and team.company_id.helpdesk_return_team_id == team._origin
            )

    def _inverse_receives_portal_returns(self):
        for team in self:
            company = team.company_id.sudo()
            if team.receives_portal_returns:
                company.helpdesk_return_team_id = team
            elif company.helpdesk_return_team_id == team:
                company.helpdesk_return_team_id = False
