from odoo import fields, models


class HelpdeskReturnReason(models.Model):
    """Why a customer sends products back: chosen on each line of a ticket's
    Return dialog and kept on the return's stock moves (Helpdesk ‣ Reporting ‣
    Returns)."""

    _name = "helpdesk.return.reason"
    _description = "Return Reason"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(string="Reason", required=True, translate=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company",
        string="Company",
        index=True,
        help="Leave empty to offer the reason in every company.",
    )
