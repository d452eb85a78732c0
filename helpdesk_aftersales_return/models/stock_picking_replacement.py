from odoo import fields, models


class StockPicking(models.Model):
    _inherit = "stock.picking"

    aftersales_replace_on_receipt = fields.Boolean(
        string="Replace on Receipt",
        copy=False,
        readonly=True,
        help="Made by Return for Exchange for a team that ships the replacement when the "
        "goods are received: validating this return makes the replacement delivery for "
        "the quantities received.",
    )

    def _create_backorder_picking(self):
        # What the backorder receives later is replaced then.
        backorder = super()._create_backorder_picking()
        if self.aftersales_replace_on_receipt:
            backorder.aftersales_replace_on_receipt = True
        return backorder

    def _action_done(self):
        """Validating a return made by Return for Exchange to be replaced on
        receipt ships the replacement of what the moves done now received.
        The returns are locked first: of two validations at once, the second
        waits, is retried and finds them done (core's Validate skips done
        transfers), so nothing is replaced twice."""
        to_replace = self.filtered("aftersales_replace_on_receipt")
        if not to_replace:
            return super()._action_done()
        self.env["helpdesk.aftersales.wizard.mixin"]._aftersales_lock(to_replace)
        moves = to_replace.move_ids.filtered(lambda move: move.state not in ("done", "cancel"))
        result = super()._action_done()
        received = moves.filtered(lambda move: move.state == "done")
        for picking in to_replace:
            picking._aftersales_replace_received(
                received.filtered(lambda move, picking=picking: move.picking_id == picking)
            )
        return result

    def _aftersales_replace_received(self, moves):
        """Ship the replacement of what ``moves`` (done moves of this return)
        received, at most what each asked for (more received is not
        replaced), and link it to the ticket with a message on its chatter.
        As superuser: the warehouse agent who validates may not read the
        ticket nor the order."""
        self.ensure_one()
        ticket = self.helpdesk_ticket_id.sudo()
        if not ticket or not moves:
            return
        quantities = {move: min(move.quantity, move.product_uom_qty) for move in moves.sudo()}
        documents = moves.sudo()._aftersales_replace(quantities)
        if not documents:
            return
        ticket._aftersales_attach_documents(
            documents,
            self.env._("Returned goods received, replacement delivery created: %(documents)s"),
        )
