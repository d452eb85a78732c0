from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL, float_round


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

    @api.model
    def _aftersales_reserved_quantities(self, moves):
        """What the customer's pending return requests still reserve of these
        done delivery moves: ``{move: quantity}`` in the product's unit of
        measure, for all of ``moves`` in one query (plus the batch reads of
        their returns).

        The rule (readme/USAGE.md): a request line reserves its quantity of
        its delivered move while its ticket is open, i.e. neither archived
        nor in a closing stage (a stage folded in the Kanban view, as for
        *Close Only When After-Sales Is Done*). The returns the agent makes
        from the ticket consume it: what the ticket's returns of that move
        take back (not cancelled: done ones for what they received, the
        others for what they expect) is no longer reserved, since it already
        counts as returned; never below zero. So a return made from the
        request is counted once, the rest of a request the agent returned in
        part stays reserved until the ticket is closed, and a cancelled
        return gives the request its quantities back.
        """
        reserved = defaultdict(float)
        if not moves:
            return reserved
        # Raw SQL (the ORM has no "stage not folded, or no stage"): write
        # what is pending first.
        self.env["helpdesk.return.request.line"].flush_model(["ticket_id", "move_id", "quantity"])
        self.env["helpdesk.ticket"].flush_model(["active", "stage_id"])
        self.env["helpdesk.stage"].flush_model(["fold"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT line.ticket_id, line.move_id, SUM(line.quantity)
                  FROM helpdesk_return_request_line line
                  JOIN helpdesk_ticket ticket ON ticket.id = line.ticket_id
             LEFT JOIN helpdesk_stage stage ON stage.id = ticket.stage_id
                 WHERE line.move_id IN %s
                   AND ticket.active
                   AND stage.fold IS NOT TRUE
              GROUP BY line.ticket_id, line.move_id
                """,
                tuple(moves.ids),
            )
        )
        if not rows:
            return reserved
        moves = moves.browse({move_id for __, move_id, __ in rows}).sudo()
        returned = moves._aftersales_returned_by_ticket()
        for ticket_id, move_id, quantity in rows:
            move = moves.browse(move_id)
            reserved[move] += max(quantity - returned[ticket_id, move_id], 0.0)
        for move, quantity in reserved.items():
            rounding = move.product_id.uom_id.rounding
            reserved[move] = float_round(quantity, precision_rounding=rounding)
        return reserved
