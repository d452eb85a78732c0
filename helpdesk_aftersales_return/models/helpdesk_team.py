from odoo import fields, models


class HelpdeskTeam(models.Model):
    _inherit = "helpdesk.team"

    return_reason_required = fields.Boolean(
        string="Return Reason Required",
        help="Every line of the Return dialog must have a return reason.",
    )
