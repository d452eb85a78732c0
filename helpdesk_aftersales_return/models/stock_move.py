from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import float_is_zero, float_round


class StockMove(models.Model):
    _inherit = "stock.move"

    helpdesk_return_reason_id = fields.Many2one(
        "helpdesk.return.reason",
        string="Return Reason",
        check_company=True,
        copy=False,
        index="btree_not_null",
        help="Why the customer sent the product back (the ticket's Return dialog).",
    )
    # Stored for the Returns report (group by team).
    helpdesk_team_id = fields.Many2one(
        related="picking_id.helpdesk_ticket_id.team_id",
        string="Helpdesk Team",
        store=True,
        index="btree_not_null",
    )

    @api.constrains("helpdesk_return_reason_id")
    def _check_aftersales_return_reason_company(self):
        # check_company=True is only enforced on write by models with
        # _check_company_auto, which the stock move is not. This is the one
        # check of a return move's reason, whichever dialog made it.
        self._check_company(["helpdesk_return_reason_id"])

    # ------------------------------------------------------------------
    # What is returnable: the one owner of the rule (the Return dialog, the
    # portal's Request a Return and the requests' reservations use it).
    # ------------------------------------------------------------------

    def _aftersales_taken_back_quantity(self, uom):
        """What this return move takes back of its delivered move, in ``uom``:
        nothing once cancelled, what it received once done, else what it
        expects."""
        self.ensure_one()
        if self.state == "cancel":
            return 0.0
        quantity = self.quantity if self.state == "done" else self.product_uom_qty
        return self.product_uom._compute_quantity(quantity, uom)

    def _aftersales_taken_back_lot_quantities(self, uom):
        """``{lot: quantity}`` this return move takes back (in ``uom``), for
        the lots its lines name."""
        self.ensure_one()
        by_lot = defaultdict(float)
        if self.state == "cancel":
            return by_lot
        for line in self.move_line_ids.filtered("lot_id"):
            by_lot[line.lot_id] += line.product_uom_id._compute_quantity(line.quantity, uom)
        return by_lot

    def _aftersales_returnable_quantities(self):
        """What the customer may still send back of these done deliveries:
        ``{move: quantity}`` in the product's unit of measure, the delivered
        quantity minus what every return of the move takes back."""
        result = {}
        for move in self:
            uom = move.product_id.uom_id
            delivered = move.product_uom._compute_quantity(move.quantity, uom)
            returned = sum(
                return_move._aftersales_taken_back_quantity(uom)
                for return_move in move.returned_move_ids
            )
            result[move] = float_round(
                max(delivered - returned, 0.0), precision_rounding=uom.rounding
            )
        return result

    def _aftersales_returnable_lot_quantities(self):
        """The same per lot/serial number of tracked products: ``{move: {lot:
        quantity}}`` (empty for a move of an untracked product or without
        lots), the returns counted for the lots they name."""
        result = {}
        for move in self:
            uom = move.product_id.uom_id
            by_lot = defaultdict(float)
            if move.has_tracking != "none":
                for line in move.move_line_ids.filtered("lot_id"):
                    by_lot[line.lot_id] += line.product_uom_id._compute_quantity(line.quantity, uom)
                for return_move in move.returned_move_ids:
                    taken = return_move._aftersales_taken_back_lot_quantities(uom)
                    for lot, quantity in taken.items():
                        if lot in by_lot:
                            by_lot[lot] -= quantity
            result[move] = {
                lot: float_round(max(quantity, 0.0), precision_rounding=uom.rounding)
                for lot, quantity in by_lot.items()
            }
        return result

    def _aftersales_returned_by_ticket(self):
        """What the returns made from tickets take back of these done
        deliveries: ``{ticket: {move: quantity}}`` in the product's unit of
        measure (``_aftersales_taken_back_quantity``). A portal return request
        is consumed by what its ticket's returns take back of its move."""
        returned = defaultdict(lambda: defaultdict(float))
        for move in self:
            uom = move.product_id.uom_id
            for return_move in move.returned_move_ids:
                ticket = return_move.picking_id.helpdesk_ticket_id
                if ticket:
                    returned[ticket][move] += return_move._aftersales_taken_back_quantity(uom)
        return returned

    def _aftersales_return_line_vals(self, lot=None):
        """Lines of the Return dialog for what is still returnable of these
        done moves: one per move, one per lot/serial number for tracked
        products (only ``lot`` when given)."""
        vals_list = []
        returnable = self._aftersales_returnable_quantities()
        returnable_lots = self._aftersales_returnable_lot_quantities()
        for move in self:
            quantity = returnable[move]
            rounding = move.product_id.uom_id.rounding
            if float_is_zero(quantity, precision_rounding=rounding):
                continue
            line_vals = {"move_id": move.id, "product_id": move.product_id.id}
            if not returnable_lots[move]:
                vals_list.append({**line_vals, "quantity": quantity})
                continue
            for line_lot, lot_quantity in returnable_lots[move].items():
                if lot and lot != line_lot:
                    continue
                lot_quantity = min(lot_quantity, quantity)
                if float_is_zero(lot_quantity, precision_rounding=rounding):
                    continue
                quantity -= lot_quantity
                vals_list.append({**line_vals, "lot_id": line_lot.id, "quantity": lot_quantity})
        return vals_list
