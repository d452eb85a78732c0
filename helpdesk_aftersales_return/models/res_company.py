from odoo import fields, models

from odoo.addons.helpdesk_aftersales_platform.platform import TEAM_MODEL


class ResCompany(models.Model):
    _inherit = "res.company"

    # One team per company by construction: set from the team's form
    # (Receives Portal Return Requests), read by the portal's Request a Return.
    helpdesk_return_team_id = fields.Many2one(
        TEAM_MODEL,
        string="Team of Portal Return Requests",
        check_company=True,
        help="The helpdesk team in which the returns customers request from the portal "
        "open a ticket.",
    )
