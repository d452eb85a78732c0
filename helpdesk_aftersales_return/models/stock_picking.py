from collections import defaultdict

from odoo import api, fields, models
from odoo.tools.misc import clean_context

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
    _name = "stock.picking"
    _inherit = ["stock.picking", "helpdesk.aftersales.document.mixin"]

    aftersales_loop_step = fields.Selection(
        LOOP_STEPS,
        string="After-Sales Step",
        compute="_compute_aftersales_loop_step",
        help="Where the return of a ticket stands: authorised until its products are "
        "received, then credited, replaced or repaired, and shipped back.",
    )

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

    def _aftersales_create_return(self, lines, location):
        """Return ``lines`` of this delivery (``helpdesk.stock.return.line``)
        into ``location`` with the core return wizard; return the return
        transfer, each move knowing its line's replacement (Return for
        Exchange ships it)."""
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
        return_picking = wizard._create_return()
        return_picking._aftersales_set_return_lots(lines)
        return_picking._aftersales_set_replacements(lines)
        return return_picking

    def _aftersales_set_replacements(self, lines):
        """Write on this return's moves the replacement ``lines`` chose
        (one per delivered move: the dialog's checks), when it is another
        product than the returned one."""
        replacements = {
            line.move_id: line.replacement_product_id
            for line in lines
            if line.replacement_product_id and line.replacement_product_id != line.product_id
        }
        for move in self.move_ids:
            replacement = replacements.get(move.origin_returned_move_id)
            if replacement:
                move.aftersales_replacement_product_id = replacement

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
        # done: validating a done transfer again tells nothing twice. A return
        # marked to do more on receipt does it for the moves done now.
        marked = self._aftersales_lock_marked_returns()
        pending = self.filtered(
            lambda picking: picking.helpdesk_ticket_id and picking.state not in ("done", "cancel")
        )
        moves = marked.move_ids.filtered(lambda move: move.state not in ("done", "cancel"))
        res = super()._action_done()
        pending.filtered(lambda picking: picking.state == "done")._aftersales_notify_validated()
        received = moves.filtered(lambda move: move.state == "done")
        for picking in marked:
            picking._aftersales_after_receipt(
                received.filtered(lambda move, picking=picking: move.picking_id == picking)
            )
        return res

    def _aftersales_notify_validated(self):
        """Tell the customers of these validated transfers of tickets: goods
        received, product shipped."""
        for ticket, pickings in self.grouped("helpdesk_ticket_id").items():
            received = pickings.filtered(lambda picking: picking.picking_type_code == "incoming")
            shipped = pickings.filtered(lambda picking: picking.picking_type_code == "outgoing")
            if received:
                ticket._aftersales_notify_customer("goods_received", received)
            if shipped:
                ticket._aftersales_notify_customer("product_shipped", shipped)

    def _create_backorder_picking(self):
        # What a partial receipt leaves to receive stays the ticket's: its
        # backorder keeps the ticket open (Close Only When After-Sales Is
        # Done) and waiting for the customer's goods (core copies the
        # transfer, and the link to the ticket is not copied), and does on
        # its receipt what the return was marked to do.
        backorder = super()._create_backorder_picking()
        if self.helpdesk_ticket_id:
            backorder.sudo().helpdesk_ticket_id = self.helpdesk_ticket_id
        marks = {mark: True for mark in self._aftersales_receipt_marks() if self[mark]}
        if marks:
            backorder.write(marks)
        return backorder

    # Returns that do more on receipt ----------------------------------------

    def _aftersales_receipt_marks(self):
        """Names of the boolean fields that mark a return whose validation
        does more than receive (ship the replacement, draft the credit
        note): each module adds its own with ``super()``. A backorder keeps
        the marks (``_create_backorder_picking``)."""
        return []

    def _aftersales_lock_marked_returns(self):
        """The returns of ``self`` with a mark (``_aftersales_receipt_marks``),
        locked: of two validations at once, the second waits, is retried and
        finds them done (core's Validate skips done transfers), so nothing is
        done twice."""
        marks = self._aftersales_receipt_marks()
        marked = self.filtered(lambda picking: any(picking[mark] for mark in marks))
        if marked:
            self.env["helpdesk.aftersales.wizard.mixin"]._aftersales_lock(marked)
        return marked

    def _aftersales_after_receipt(self, moves):
        """What validating this marked return does more with ``moves`` (its
        moves this validation did): each module extends it with ``super()``
        for its mark."""
