from odoo import api, fields, models

# The steps of a ticket's return, in the order the customer lives them; the
# badge colour of each (Bootstrap's, as the portal's statuses).
LOOP_STEPS = [
    ("requested", "Requested"),
    ("authorised", "Authorised"),
    ("received", "Received"),
    ("credited", "Credited"),
    ("replaced", "Replaced"),
    ("repaired", "Repaired"),
    ("shipped", "Shipped Back"),
    ("cancelled", "Cancelled"),
]
LOOP_TONES = {
    "requested": "secondary",
    "authorised": "info",
    "received": "primary",
    "credited": "success",
    "replaced": "primary",
    "repaired": "primary",
    "shipped": "success",
    "cancelled": "danger",
}


class StockPicking(models.Model):
    _inherit = "stock.picking"

    aftersales_loop_step = fields.Selection(
        LOOP_STEPS,
        string="After-Sales Step",
        compute="_compute_aftersales_loop_step",
        help="Where the return of a ticket stands: authorised until its products are "
        "received, then credited, replaced or repaired, and shipped back.",
    )

    @api.depends("state", "helpdesk_ticket_id", "picking_type_code")
    def _compute_aftersales_loop_step(self):
        steps = self._aftersales_loop_steps()
        for picking in self:
            picking.aftersales_loop_step = steps.get(picking.id, False)

    def _aftersales_loop_steps(self):
        """``{return id: step}`` for the returns of tickets among ``self``
        (incoming transfers linked to a ticket): authorised until received,
        then what the ticket did next (``_aftersales_loop_after_receipt``)."""
        returns = self.filtered(
            lambda picking: picking.helpdesk_ticket_id and picking.picking_type_code == "incoming"
        )
        steps = {}
        for picking in returns:
            if picking.state == "cancel":
                steps[picking.id] = "cancelled"
            elif picking.state == "done":
                steps[picking.id] = "received"
            else:
                steps[picking.id] = "authorised"
        received = returns.filtered(lambda picking: steps[picking.id] == "received")
        received._aftersales_loop_after_receipt(steps)
        return steps

    def _aftersales_loop_after_receipt(self, steps):
        """Move the received returns of ``self`` on in ``steps`` with what
        their ticket did after them. Here: a transfer to the customer made
        from the ticket after the return (a replacement, a repaired product)
        is "replaced" until shipped, then "shipped". Glue modules add their
        steps (credited, repaired) with ``super()``, for returns still at
        "received"."""
        for picking in self:
            deliveries = picking.helpdesk_ticket_id.picking_ids.filtered(
                lambda delivery, picking=picking: delivery.picking_type_code == "outgoing"
                and delivery.state != "cancel"
                and delivery.id > picking.id
            )
            if any(delivery.state == "done" for delivery in deliveries):
                steps[picking.id] = "shipped"
            elif deliveries:
                steps[picking.id] = "replaced"
        return steps

    def _action_done(self):
        # A ticket's transfer validated: its return received, its replacement
        # (or repaired product) shipped. Only the transfers this call moves to
        # done: validating a done transfer again tells nothing twice.
        pending = self.filtered(
            lambda picking: picking.helpdesk_ticket_id and picking.state not in ("done", "cancel")
        )
        res = super()._action_done()
        done = pending.filtered(lambda picking: picking.state == "done")
        for ticket, pickings in done.grouped("helpdesk_ticket_id").items():
            received = pickings.filtered(lambda picking: picking.picking_type_code == "incoming")
            shipped = pickings.filtered(lambda picking: picking.picking_type_code == "outgoing")
            if received:
                ticket._aftersales_notify_customer("goods_received", received)
            if shipped:
                ticket._aftersales_notify_customer("product_shipped", shipped)
        return res

    def _create_backorder_picking(self):
        # What a partial receipt leaves to receive stays the ticket's: its
        # backorder keeps the ticket open (Close Only When After-Sales Is
        # Done) and waiting for the customer's goods (core copies the
        # transfer, and the link to the ticket is not copied).
        backorder = super()._create_backorder_picking()
        if self.helpdesk_ticket_id:
            backorder.sudo().helpdesk_ticket_id = self.helpdesk_ticket_id
        return backorder
