from odoo import fields, models


class HelpdeskTeam(models.Model):
    _inherit = "helpdesk.team"

    return_reason_required = fields.Boolean(
        help="Every line of the Return dialog must have a return reason.",
    )
