from odoo import api, models


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    def _aftersales_repair_returns(self):
        """The ticket's returns a repair can come from: receipts linked to the
        ticket, not cancelled, with the ticket's product (if any)."""
        self.ensure_one()
        domain = [
            ("helpdesk_ticket_id", "=", self.id),
            ("return_id", "!=", False),
            ("picking_type_code", "=", "incoming"),
            ("state", "!=", "cancel"),
        ]
        if self.product_id:
            domain.append(("product_id", "=", self.product_id.id))
        return self.env["stock.picking"].search(domain)

    def _aftersales_repair_defaults(self):
        defaults = super()._aftersales_repair_defaults()
        if self.env["stock.picking"].has_access("read"):
            returns = self._aftersales_repair_returns()
            # Only an unambiguous return: with several, the user picks one.
            if len(returns) == 1:
                defaults["picking_id"] = returns.id
                # The product is repaired where the return brings it, as
                # core's Repair button on a return says.
                defaults["product_location_src_id"] = returns.location_dest_id.id
                # What the customer sends back (received, else expected).
                moves = returns.move_ids.filtered(lambda m: m.product_id == self.product_id)
                quantity = sum(
                    m.product_uom._compute_quantity(
                        m.quantity or m.product_uom_qty, self.product_id.uom_id
                    )
                    for m in moves
                )
                if quantity:
                    defaults["product_qty"] = quantity
        return defaults

    @api.depends("picking_ids.state")
    def _compute_aftersales_repair_impossible(self):
        # A replacement delivered from the ticket clears the hint.
        return super()._compute_aftersales_repair_impossible()

    def _aftersales_compensated_since(self, since):
        # A replacement: a delivery to the customer made from the ticket
        # (Return for Exchange, or the Return dialog's replacement), not
        # cancelled. A return alone replaces nothing.
        return super()._aftersales_compensated_since(since) | (
            self._aftersales_tickets_with_documents_since(
                "stock.picking",
                [("picking_type_code", "=", "outgoing"), ("state", "!=", "cancel")],
                since,
            )
        )
