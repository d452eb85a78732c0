from collections import defaultdict

from odoo import models
from odoo.tools.misc import clean_context


class StockPicking(models.Model):
    _name = "stock.picking"
    _inherit = ["stock.picking", "helpdesk.aftersales.document.mixin"]

    def _aftersales_portal_status(self):
        # The words of the order's portal page (sale_stock) for the same
        # transfers: a return awaits the customer's parcel, a replacement is
        # prepared, then shipped.
        self.ensure_one()
        _ = self.env._
        if self.state == "cancel":
            return _("Cancelled"), "danger"
        if self.picking_type_code == "incoming":
            if self.state == "done":
                return _("Received"), "success"
            return _("Awaiting arrival"), "info"
        if self.state == "done":
            return _("Shipped"), "success"
        return _("Preparation"), "info"

    def _aftersales_create_return(self, lines, location, exchange=False):
        """Return ``lines`` of this delivery (``helpdesk.stock.return.line``)
        into ``location`` with the core return wizard, and with ``exchange``
        also deliver their replacement; return the return transfer."""
        self.ensure_one()
        quantities = defaultdict(float)
        for line in lines:
            quantities[line.move_id] += line.quantity
        # Replace (not extend) the context: the dialog's default_* keys must
        # not leak into the returns the core wizard creates.
        wizard = (
            self.env["stock.return.picking"]
            .with_env(self.env(context=clean_context(self.env.context)))
            .create({"picking_id": self.id, "aftersales_location_dest_id": location.id})
        )
        reasons = {line.move_id: line.return_reason_id for line in lines}
        for return_line in wizard.product_return_moves:
            return_line.quantity = quantities.get(return_line.move_id, 0.0)
            return_line.aftersales_return_reason_id = reasons.get(return_line.move_id)
        if exchange:
            action = wizard.action_create_exchanges()
            return_picking = self.browse(action["res_id"])
        else:
            return_picking = wizard._create_return()
        return_picking._aftersales_set_return_lots(lines)
        return return_picking

    def _aftersales_set_return_lots(self, lines):
        """Receive tracked products under the lot/serial numbers ``lines``
        name (core proposes no lot on returns)."""
        for move in self.move_ids:
            if move.has_tracking == "none":
                continue
            lot_lines = lines.filtered(
                lambda line, move=move: line.move_id == move.origin_returned_move_id and line.lot_id
            )
            if not lot_lines:
                continue
            move.move_line_ids.unlink()
            self.env["stock.move.line"].create(
                [
                    {
                        **move._prepare_move_line_vals(),
                        "product_uom_id": move.product_id.uom_id.id,
                        "lot_id": line.lot_id.id,
                        "quantity": line.quantity,
                    }
                    for line in lot_lines
                ]
            )
