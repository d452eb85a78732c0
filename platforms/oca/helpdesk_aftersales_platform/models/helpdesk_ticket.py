from odoo import api, fields, models


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

    # The suite writes to a ticket's followers (a coupon sent by email) and
    # expects its customer among them, as on the helpdesk named "helpdesk";
    # helpdesk_mgmt only suggests the customer as a recipient.
    @api.model_create_multi
    def create(self, vals_list):
        tickets = super().create(vals_list)
        for ticket in tickets.filtered("partner_id"):
            ticket.message_subscribe(partner_ids=ticket.partner_id.ids)
        return tickets

    def write(self, vals):
        res = super().write(vals)
        if vals.get("partner_id"):
            for ticket in self:
                ticket.message_subscribe(partner_ids=ticket.partner_id.ids)
        return res
