from odoo import models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    def _aftersales_loop_after_receipt(self, steps):
        # A received return is credited once its ticket has a posted credit
        # note (a replacement or a shipment back, told first, wins).
        steps = super()._aftersales_loop_after_receipt(steps)
        received = self.filtered(lambda picking: steps[picking.id] == "received")
        if not received:
            return steps
        groups = (
            self.env["account.move"]
            .sudo()
            ._read_group(
                [
                    ("helpdesk_ticket_id", "in", received.helpdesk_ticket_id.ids),
                    ("move_type", "=", "out_refund"),
                    ("state", "=", "posted"),
                ],
                ["helpdesk_ticket_id"],
            )
        )
        credited = {ticket.id for (ticket,) in groups}
        for picking in received:
            if picking.helpdesk_ticket_id.id in credited:
                steps[picking.id] = "credited"
        return steps
