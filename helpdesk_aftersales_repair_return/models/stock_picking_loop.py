from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _aftersales_loop_after_receipt(self, steps):
        # A received return whose repair (the repair order's Return) is done
        # is repaired, until the product is shipped back (its delivery from
        # the ticket, not done yet, is not a replacement).
        steps = super()._aftersales_loop_after_receipt(steps)
        received = self.filtered(lambda picking: steps[picking.id] in ("received", "replaced"))
        if not received:
            return steps
        groups = (
            self.env["repair.order"]
            .sudo()
            ._read_group(
                [("picking_id", "in", received.ids), ("state", "=", "done")], ["picking_id"]
            )
        )
        for (picking,) in groups:
            steps[picking.id] = "repaired"
        return steps
