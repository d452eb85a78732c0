from odoo import api, fields, models

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

    @api.constrains("helpdesk_return_team_id")
    def _check_aftersales_return_team_company(self):
        # check_company=True is only enforced on write by models with
        # _check_company_auto, which the company is not.
        self._check_company(["helpdesk_return_team_id"])
