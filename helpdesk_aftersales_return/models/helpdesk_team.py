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
    # Teams of a database upgraded from a version without this setting keep
    # "At Once", the exchange they had (migrations/18.0.1.1.0): the default
    # is for the teams created from now on.
    replacement_policy = fields.Selection(
        [("at_once", "At Once"), ("received", "When Received")],
        string="Ship the Replacement",
        default="received",
        required=True,
        help="When Return for Exchange ships the replacement. At Once: the replacement "
        "delivery is made with the return (advance exchange). When Received: the return "
        "is made alone, and validating its receipt makes the replacement delivery for "
        "the quantities received.",
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
