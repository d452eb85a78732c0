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
        # _check_company_auto, which the stock move is not.
        self._check_company(["helpdesk_return_reason_id"])

    def _aftersales_returnable_quantities(self):
        """What the customer may still send back of these done deliveries.

        Returns ``{move: (quantity, {lot: quantity})}`` in the product's unit of
        measure: the delivered quantity minus every return of the move that is
        not cancelled (done returns count for what they received, pending ones
        for what they expect), and the same per lot/serial number for tracked
        products (returns count per lot for the lots they name).
        """
        result = {}
        for move in self:
            uom = move.product_id.uom_id
            rounding = uom.rounding
            returned = 0.0
            returned_by_lot = defaultdict(float)
            for return_move in move.returned_move_ids:
                if return_move.state == "cancel":
                    continue
                quantity = (
                    return_move.quantity
                    if return_move.state == "done"
                    else return_move.product_uom_qty
                )
                returned += return_move.product_uom._compute_quantity(quantity, uom)
                for line in return_move.move_line_ids:
                    if line.lot_id:
                        returned_by_lot[line.lot_id] += line.product_uom_id._compute_quantity(
                            line.quantity, uom
                        )
            delivered = move.product_uom._compute_quantity(move.quantity, uom)
            by_lot = defaultdict(float)
            if move.has_tracking != "none":
                for line in move.move_line_ids:
                    if line.lot_id:
                        by_lot[line.lot_id] += line.product_uom_id._compute_quantity(
                            line.quantity, uom
                        )
            result[move] = (
                float_round(max(delivered - returned, 0.0), precision_rounding=rounding),
                {
                    lot: float_round(
                        max(quantity - returned_by_lot[lot], 0.0), precision_rounding=rounding
                    )
                    for lot, quantity in by_lot.items()
                },
            )
        return result

    def _aftersales_returned_by_ticket(self):
        """What the returns made from tickets take back of these done
        deliveries: ``{(ticket id, move id): quantity}`` in the product's unit
        of measure, counted as in ``_aftersales_returnable_quantities`` (not
        cancelled; done returns for what they received, the others for what
        they expect). A portal return request is consumed by what its
        ticket's returns take back of its move."""
        returned = defaultdict(float)
        for move in self:
            uom = move.product_id.uom_id
            for return_move in move.returned_move_ids:
                ticket = return_move.picking_id.helpdesk_ticket_id
                if not ticket or return_move.state == "cancel":
                    continue
                quantity = (
                    return_move.quantity
                    if return_move.state == "done"
                    else return_move.product_uom_qty
                )
                returned[ticket.id, move.id] += return_move.product_uom._compute_quantity(
                    quantity, uom
                )
        return returned

    def _aftersales_return_line_vals(self, lot=None):
        """Lines of the Return dialog for what is still returnable of these
        done moves: one per move, one per lot/serial number for tracked
        products (only ``lot`` when given)."""
        vals_list = []
        returnable = self._aftersales_returnable_quantities()
        for move in self:
            quantity, by_lot = returnable[move]
            rounding = move.product_id.uom_id.rounding
            if float_is_zero(quantity, precision_rounding=rounding):
                continue
            if move.has_tracking == "none" or not by_lot:
                vals_list.append(
                    {"move_id": move.id, "product_id": move.product_id.id, "quantity": quantity}
                )
                continue
            for line_lot, lot_quantity in by_lot.items():
                if lot and lot != line_lot:
                    continue
                lot_quantity = min(lot_quantity, quantity)
                if float_is_zero(lot_quantity, precision_rounding=rounding):
                    continue
                quantity -= lot_quantity
                vals_list.append(
                    {
                        "move_id": move.id,
                        "product_id": move.product_id.id,
                        "lot_id": line_lot.id,
                        "quantity": lot_quantity,
                    }
                )
        return vals_list
