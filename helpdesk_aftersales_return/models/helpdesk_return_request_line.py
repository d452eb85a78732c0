from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import float_round


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
        index=True,
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
    pending_quantity = fields.Float(
        string="Still Requested",
        digits="Product Unit of Measure",
        compute="_compute_pending_quantity",
        help="What the request still reserves, so that the customer cannot request it "
        "again from the portal: the requested quantity minus what the ticket's returns "
        "take back; nothing once the ticket is closed or archived.",
    )

    @api.depends(
        "quantity",
        "ticket_id.active",
        "ticket_id.aftersales_closed",
        "move_id.returned_move_ids.state",
        "move_id.returned_move_ids.quantity",
        "move_id.returned_move_ids.product_uom_qty",
        "move_id.returned_move_ids.picking_id.helpdesk_ticket_id",
    )
    def _compute_pending_quantity(self):
        """The rule of what a portal return request reserves (readme/USAGE.md).

        A request line reserves its quantity of its delivered move while its
        ticket is open, i.e. neither archived nor in a closing stage (a stage
        of the helpdesk, as for *Close Only When After-Sales Is Done*:
        ``aftersales_closed``). The returns made from the ticket consume it: what the
        ticket's returns of that move take back (not cancelled: done ones for
        what they received, the others for what they expect) already counts
        as returned, so it is no longer reserved; never below zero. A return
        made from the request is thus counted once, the rest of a request the
        agent returned in part stays reserved until the ticket is closed, and
        a cancelled return gives the request its quantities back. (A request
        has one line per delivered move; lines of one ticket and move, if
        any, are consumed in turn.)
        """
        returned = self.move_id.sudo()._aftersales_returned_by_ticket()
        for line in self:
            ticket = line.ticket_id.sudo()
            if not ticket.active or ticket.aftersales_closed:
                line.pending_quantity = 0.0
                continue
            key = (ticket._origin.id, line.move_id.id)
            taken = min(line.quantity, returned[key])
            returned[key] -= taken
            line.pending_quantity = float_round(
                line.quantity - taken, precision_rounding=line.product_id.uom_id.rounding
            )

    @api.model
    def _aftersales_reserved_quantities(self, moves):
        """What the customer's pending return requests still reserve of these
        done delivery moves (``pending_quantity``, where the rule is):
        ``{move: quantity}`` in the product's unit of measure, for all of
        ``moves`` at once (one search, then batch reads)."""
        reserved = defaultdict(float)
        if moves:
            for line in self.sudo().search([("move_id", "in", moves.ids)]):
                reserved[line.move_id] += line.pending_quantity
        for move, quantity in reserved.items():
            rounding = move.product_id.uom_id.rounding
            reserved[move] = float_round(quantity, precision_rounding=rounding)
        return reserved
