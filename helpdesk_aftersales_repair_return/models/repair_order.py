from odoo import fields, models


class RepairOrder(models.Model):
    _inherit = "repair.order"

    # Core domain of the Return field, plus: a repair of a ticket is for one
    # of the ticket's returns (receipts linked to the ticket).
    picking_id = fields.Many2one(
        domain="[('return_id', '!=', False), ('product_id', '=?', product_id),"
        " ('helpdesk_ticket_id', '=?', helpdesk_ticket_id),"
        " ('picking_type_code', '=?', helpdesk_ticket_id and 'incoming')]",
    )
