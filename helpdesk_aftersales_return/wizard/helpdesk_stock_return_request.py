from collections import defaultdict

from odoo import api, models
from odoo.tools import float_compare


class HelpdeskStockReturn(models.TransientModel):
    """The Return dialog of a ticket opened by a portal return request starts
    from the request: its deliveries, its products, quantities and reasons."""

    _inherit = "helpdesk.stock.return"

    @api.depends("allowed_picking_ids")
    def _compute_picking_ids(self):
        chosen = {wizard: wizard.picking_ids._origin for wizard in self}
        res = super()._compute_picking_ids()
        for wizard in self:
            allowed = wizard.allowed_picking_ids._origin
            requested = (
                wizard.helpdesk_ticket_id.return_request_line_ids.move_id.picking_id & allowed
            )
            if requested and not chosen[wizard] & allowed:
                wizard.picking_ids = requested
        return res

    def _aftersales_prepare_line_vals(self):
        """The requested products and reasons the ticket's returns have not
        taken back yet (``_aftersales_left_to_take_back`` of the request), at
        most what is still returnable; every returnable line when the chosen
        deliveries have none of it."""
        vals_list = super()._aftersales_prepare_line_vals()
        requests = self.helpdesk_ticket_id._origin.return_request_line_ids
        if not requests:
            return vals_list
        asked = defaultdict(float)
        reasons = {}
        for request, quantity in requests._aftersales_left_to_take_back().items():
            asked[request.move_id.id] += quantity
            reasons[request.move_id.id] = request.return_reason_id.id
        result = []
        for vals in vals_list:
            move_id = vals["move_id"]
            if move_id not in asked:
                continue
            rounding = self.env["stock.move"].browse(move_id).product_id.uom_id.rounding
            quantity = min(vals["quantity"], asked[move_id])
            if float_compare(quantity, 0.0, precision_rounding=rounding) <= 0:
                continue
            asked[move_id] -= quantity
            result.append({**vals, "quantity": quantity, "return_reason_id": reasons[move_id]})
        return result or vals_list
