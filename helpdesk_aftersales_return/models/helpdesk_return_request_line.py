from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero, float_round
from odoo.tools.misc import formatLang


def shown_quantity(env, value):
    """A quantity as the portal page shows it: 2.00 (2,00 to a German customer)."""
    return formatLang(env, value, dp="Product Unit of Measure")


class EmptyReturnRequest(UserError):
    """A return request with no quantity: the form is shown again with its
    error, as any form the customer has not filled in yet (no HTTP error)."""


class HelpdeskReturnRequestLine(models.Model):
    """A product a customer asked to return from the portal (Request a
    Return on a delivered order): listed on the ticket the request opened,
    and proposed by the ticket's Return dialog."""

    _name = "helpdesk.return.request.line"
    _inherit = ["helpdesk.aftersales.company.mixin"]
    _description = "Requested Return"
    _order = "ticket_id, id"
    _check_company_auto = True
    _aftersales_company_field = "ticket_id"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Ticket", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    sale_line_id = fields.Many2one(
        "sale.order.line",
        string="Order Line",
        required=True,
        ondelete="cascade",
        check_company=True,
    )
    move_id = fields.Many2one(
        "stock.move",
        string="Delivered Move",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
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

        A request line reserves what its ticket's returns have not taken back
        yet (``_aftersales_left_to_take_back``) while its ticket is open, i.e.
        neither archived nor in a closing stage (a stage of the helpdesk, as
        for *Close Only When After-Sales Is Done*: ``aftersales_closed``). The
        rest of a request the agent returned in part thus stays reserved until
        the ticket is closed, and a cancelled return gives the request its
        quantities back.
        """
        left = self._aftersales_left_to_take_back()
        for line in self:
            ticket = line.ticket_id.sudo()
            open_ticket = ticket.active and not ticket.aftersales_closed
            line.pending_quantity = left[line] if open_ticket else 0.0

    def _aftersales_left_to_take_back(self):
        """What of each request line its ticket's returns have not taken back:
        ``{line: quantity}`` in the product's unit of measure. What the
        ticket's returns of the line's move take back (not cancelled: done
        ones for what they received, the others for what they expect) counts
        as returned, so that a return made from the request is counted once;
        never below zero. Lines of one ticket and move, if any, are consumed
        in turn. (Read as superuser: the returns are counted whoever reads.)"""
        returned = self.move_id.sudo()._aftersales_returned_by_ticket()
        left = {}
        for line in self:
            taken_by_move = returned[line.ticket_id._origin]
            taken = min(line.quantity, taken_by_move[line.move_id._origin])
            taken_by_move[line.move_id._origin] -= taken
            left[line] = float_round(
                line.quantity - taken, precision_rounding=line.product_id.uom_id.rounding
            )
        return left

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

    # ------------------------------------------------------------------
    # The portal's Request a Return: what it offers, and the check of a
    # request (the controller reads the form, sale.order glues the route).
    # ------------------------------------------------------------------

    @api.model
    def _aftersales_requestable_quantities(self, moves):
        """What the customer may still request of these done delivery moves:
        ``{move: quantity}``, what is still returnable (``stock.move``'s
        ``_aftersales_returnable_quantities``, as in the Return dialog) minus
        what pending requests reserve (``_aftersales_reserved_quantities``)."""
        returnable = moves._aftersales_returnable_quantities()
        reserved = self._aftersales_reserved_quantities(moves)
        return {
            move: float_round(
                max(returnable[move] - reserved[move], 0.0),
                precision_rounding=move.product_id.uom_id.rounding,
            )
            for move in moves
        }

    @api.model
    def _aftersales_portal_offer(self, order):
        """What Request a Return offers of ``order``: one dict per order line
        with done deliveries (``_aftersales_portal_offer_item``), in the
        order of the lines."""
        moves = order._aftersales_delivered_moves()
        requestable = self._aftersales_requestable_quantities(moves)
        reserved = self._aftersales_reserved_quantities(moves)
        moves_by_line = moves.grouped("sale_line_id")
        return [
            self._aftersales_portal_offer_item(
                sale_line, moves_by_line[sale_line], requestable, reserved
            )
            for sale_line in order.order_line
            if sale_line in moves_by_line
        ]

    @api.model
    def _aftersales_portal_offer_item(self, sale_line, moves, requestable, reserved):
        """``sale_line`` as Request a Return offers it, in the product's unit
        of measure: its delivered ``moves``, ``delivered``, ``returnable``
        (what can still be requested), ``requested`` (what pending requests
        reserve) and ``requestable`` (``{move: quantity}``)."""
        uom = sale_line.product_id.uom_id
        delivered = sum(move.product_uom._compute_quantity(move.quantity, uom) for move in moves)
        return {
            "sale_line": sale_line,
            "moves": moves,
            "delivered": float_round(delivered, precision_rounding=uom.rounding),
            "returnable": float_round(
                sum(requestable[move] for move in moves), precision_rounding=uom.rounding
            ),
            "requested": float_round(
                sum(reserved[move] for move in moves), precision_rounding=uom.rounding
            ),
            "requestable": {move: requestable[move] for move in moves},
        }

    def _aftersales_check_portal_request(self, order):
        """Check these requested lines (new records of the posted form: an
        order line, a quantity, a reason) against what ``order`` offers, under
        the lock of its delivered moves; return the values of the request
        lines, each quantity spread over the order line's delivered moves."""
        moves = order._aftersales_delivered_moves()
        # Two requests of the same products posted at once: the second waits
        # here until the first is committed, then its transaction fails and
        # is retried (see _aftersales_lock), and it sees the first request's
        # lines. The agent's Return dialog takes the same lock.
        self.env["helpdesk.aftersales.wizard.mixin"]._aftersales_lock(moves)
        offer = {item["sale_line"]: item for item in self._aftersales_portal_offer(order)}
        refusal = next(filter(None, self._aftersales_portal_checks(order, offer)), None)
        if refusal:
            raise UserError(refusal)
        vals_list = [
            vals
            for request in self
            if request._aftersales_portal_asks_something()
            for vals in request._aftersales_spread_over_moves(offer[request.sale_line_id])
        ]
        if not vals_list:
            raise EmptyReturnRequest(
                self.env._("Enter the quantity to return of at least one product.")
            )
        return vals_list

    def _aftersales_portal_checks(self, order, offer):
        """The request's checks in order, a message or None each: ``order``
        offers something (``offer``: its items of ``_aftersales_portal_offer``
        by order line), and each line asks for what it offers."""
        if not offer:
            yield self.env._(
                "The order %(order)s has no delivered products yet: a return can be "
                "requested once they are delivered.",
                order=order.name,
            )
        for request in self:
            if request.sale_line_id not in offer:
                yield self.env._(
                    "The order %(order)s has no delivered product to return under this "
                    "line: reload the page and try again.",
                    order=order.name,
                )
            else:
                yield request._aftersales_portal_quantity_refusal(offer[request.sale_line_id])

    def _aftersales_portal_asks_something(self):
        """Whether this line asks for a quantity (the form posts every line)."""
        rounding = self.sale_line_id.product_id.uom_id.rounding
        return not float_is_zero(self.quantity, precision_rounding=rounding)

    def _aftersales_portal_quantity_refusal(self, offered):
        """What is wrong with this line's quantity, or None: not negative, and
        not above what is still requestable (``offered``: its item of
        ``_aftersales_portal_offer``)."""
        _ = self.env._
        product = self.sale_line_id.product_id
        rounding = product.uom_id.rounding
        if float_compare(self.quantity, 0.0, precision_rounding=rounding) < 0:
            return _(
                "The quantity to return of %(product)s cannot be negative.",
                product=product.display_name,
            )
        left = offered["returnable"]
        if not self._aftersales_portal_asks_something() or (
            float_compare(self.quantity, left, precision_rounding=rounding) <= 0
        ):
            return None
        values = {
            "quantity": shown_quantity(self.env, self.quantity),
            "available": shown_quantity(self.env, left),
            "uom": product.uom_id.name,
            "product": product.display_name,
        }
        if not float_is_zero(offered["requested"], precision_rounding=rounding):
            return _(
                "You cannot return %(quantity)s %(uom)s of %(product)s: only "
                "%(available)s %(uom)s can still be requested, %(requested)s "
                "%(uom)s are already requested in your pending return requests.",
                requested=shown_quantity(self.env, offered["requested"]),
                **values,
            )
        return _(
            "You cannot return %(quantity)s %(uom)s of %(product)s: only "
            "%(available)s %(uom)s can still be returned.",
            **values,
        )

    def _aftersales_spread_over_moves(self, offered):
        """The values of this requested line's request lines: its quantity
        spread over the order line's delivered moves, in the order they were
        delivered, as much as each can still be requested."""
        vals_list = []
        left = self.quantity
        rounding = self.sale_line_id.product_id.uom_id.rounding
        for move in offered["moves"].sorted("id"):
            if float_is_zero(left, precision_rounding=rounding):
                break
            taken = min(left, offered["requestable"][move])
            if float_is_zero(taken, precision_rounding=rounding):
                continue
            left -= taken
            vals_list.append(
                {
                    "sale_line_id": self.sale_line_id.id,
                    "move_id": move.id,
                    "quantity": taken,
                    "return_reason_id": self.return_reason_id.id,
                }
            )
        return vals_list
