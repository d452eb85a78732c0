import ast

from odoo import fields, models


class HelpdeskTeam(models.Model):
    _name = "helpdesk.team"
    _inherit = ["mail.alias.mixin", "mail.thread"]
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
    alias_id = fields.Many2one(
        help="The email address of the team: every email sent to it opens a ticket in the "
        "team for its sender."
    )

    def _alias_get_creation_values(self):
        # Emails to the team's alias open tickets of the team (as a project's alias
        # opens tasks of the project).
        values = super()._alias_get_creation_values()
        values["alias_model_id"] = self.env["ir.model"]._get("helpdesk.ticket").id
        if self.id:
            values["alias_defaults"] = defaults = ast.literal_eval(self.alias_defaults or "{}")
            defaults["team_id"] = self.id
        return values
