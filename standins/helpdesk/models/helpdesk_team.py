from odoo import fields, models


class HelpdeskTeam(models.Model):
    _name = "helpdesk.team"
    _inherit = ["mail.thread"]
    _description = "Helpdesk Team"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True, tracking=True)
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    member_ids = fields.Many2many(
        "res.users",
        string="Team Members",
        domain=lambda self: [("groups_id", "in", self.env.ref("helpdesk.group_helpdesk_user").id)],
    )
    stage_ids = fields.Many2many(
        "helpdesk.stage",
        string="Stages",
        default=lambda self: self.env["helpdesk.stage"].search([]),
    )
    ticket_ids = fields.One2many("helpdesk.ticket", "team_id", string="Tickets")
