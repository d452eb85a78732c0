from odoo import fields, models


class HelpdeskReturnRequestLine(models.Model):
    """A product a customer asked to return from the portal (Request a
    Return on a delivered order): listed on the ticket the request opened,
    and proposed by the ticket's Return dialog."""

    _name = "helpdesk.return.request.line"
    _description = "Requested Return"
    _order = "ticket_id, id"
    _check_company_auto = True

    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Ticket", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    sale_line_id = fields.Many2one(
        "sale.order.line", string="Order Line", required=True, ondelete="cascade"
    )
    move_id = fields.Many2one(
        "stock.move",
        string="Delivered Move",
        required=True,
        ondelete="cascade",
        help="The done delivery move the product is returned from.",
    )
    picking_id = fields.Many2one(related="move_id.picking_id", string="Delivery")
    product_id = fields.Many2one(
        related="move_id.product_id", string="Product", store=True, readonly=True
    )
    quantity = fields.Float(digits="Product Unit of Measure", required=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit of Measure")
    return_reason_id = fields.Many2one(
        "helpdesk.return.reason", string="Return Reason", check_company=True
    )
