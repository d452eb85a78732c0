from odoo import fields, models

from odoo.addons.helpdesk_aftersales_platform.platform import TEAM_MODEL


class HelpdeskTeam(models.Model):
    _inherit = TEAM_MODEL

    # Teams of a database upgraded from a version without this setting keep
    # "When Created", the behaviour they had (migrations/18.0.1.1.0): the
    # default is for the teams created from now on.
    return_credit_policy = fields.Selection(
        [("created", "When Created"), ("received", "When Received")],
        string="Credit the Customer",
        default="received",
        required=True,
        help="When Return and Refund credits the customer. When Created: the draft credit "
        "note is made with the return. When Received: the return is made alone, and "
        "validating its receipt drafts the credit note for the quantities received.",
    )
