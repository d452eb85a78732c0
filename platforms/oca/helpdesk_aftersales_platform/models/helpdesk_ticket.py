from odoo import fields, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # The ticket's number as the helpdesk shows it (HT00012): credit note
    # reasons, return origins, chatter.
    aftersales_reference = fields.Char(related="number", string="Ticket Reference")
    # This helpdesk marks its closing stages (``closed``); the customer may
    # move a ticket to those that allow it from the portal (/ticket/close).
    aftersales_closed = fields.Boolean(related="stage_id.closed", string="In a Closing Stage")

    def _aftersales_is_closing_stage(self, stage):
        """Whether moving a ticket to ``stage`` (a stage record) closes it."""
        return stage.closed
