from odoo import fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # The ticket's number as the helpdesk shows it (credit note reasons,
    # return origins, chatter).
    aftersales_reference = fields.Char(related="ticket_ref", string="Ticket Reference")
    # A closing stage of this helpdesk is a stage folded in the Kanban view:
    # its stages have no other notion of a closed ticket.
    aftersales_closed = fields.Boolean(related="stage_id.fold", string="In a Closing Stage")

    def _aftersales_is_closing_stage(self, stage):
        """Whether moving a ticket to ``stage`` (a stage record) closes it."""
        return stage.fold
