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
    # Set by Return for Exchange on the return's moves: what the customer
    # gets for what they send back. Copied (the default) into a backorder's
    # moves: core splits a move by copying it.
    aftersales_replacement_product_id = fields.Many2one(
        "product.product",
        string="Replacement",
        check_company=True,
        readonly=True,
        help="The product the customer gets in exchange for this returned product "
        "(Return for Exchange).",
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

    @api.constrains("aftersales_replacement_product_id")
    def _check_aftersales_replacement_company(self):
        # check_company=True is only enforced on write by models with
        # _check_company_auto, which the stock move is not.
        self._check_company(["aftersales_replacement_product_id"])

    def _aftersales_received_quantity(self):
        """What this done return move received that its return's receipt
        acts on (the replacement shipped, the credit note drafted), in the
        move's unit: at most what it asked for (more received is neither
        replaced nor credited)."""
        self.ensure_one()
        return min(self.quantity, self.product_uom_qty)

    # ------------------------------------------------------------------
    # Price: what the replacement costs the customer more (or less)
    # ------------------------------------------------------------------

    def _aftersales_replacement_unit_difference(self, replacement):
        """Per unit of this delivered move's product: the price of
        ``replacement`` for the customer minus the unit price they paid, in
        the order's currency; 0.0 for the same product or a delivery of no
        sales order line.

        The replacement's price is what its order would charge today: a new
        line of the order (``new``: nothing is written), priced by core's
        rules (pricelist, fiscal position, discount). The price paid is the
        order line's, after discount, per unit of the product's unit."""
        self.ensure_one()
        sale_line = self.sale_line_id
        if not sale_line or not replacement or replacement == self.product_id:
            return 0.0
        offer = self.env["sale.order.line"].new(
            {"order_id": sale_line.order_id.id, "product_id": replacement.id, "product_uom_qty": 1}
        )
        paid = sale_line.product_uom._compute_price(
            sale_line.price_unit * (1 - sale_line.discount / 100), self.product_id.uom_id
        )
        price = offer.product_uom._compute_price(
            offer.price_unit * (1 - offer.discount / 100), replacement.uom_id
        )
        return price - paid

    # ------------------------------------------------------------------
    # The replacement delivery
    # ------------------------------------------------------------------

    def _aftersales_replacement_procurement(self, quantity):
        """The procurement of the replacement of ``quantity`` (in this
        return move's unit) of this return move: what core's Return for
        Exchange runs (``stock.return.picking.action_create_exchanges``,
        with its values from ``_get_proc_values``: the order line's with
        sale_stock), for the replacement product."""
        self.ensure_one()
        delivered = self.origin_returned_move_id
        delivery = delivered.picking_id
        product = self.aftersales_replacement_product_id or self.product_id
        wizard = self.env["stock.return.picking"].new({"picking_id": delivery.id})
        line = self.env["stock.return.picking.line"].new(
            {"move_id": delivered.id, "product_id": product.id}
        )
        values = wizard._get_proc_values(line)
        if product != delivered.product_id:
            # The order line sold another product: the replacement is no
            # delivery of it (its delivered quantity stays what it was).
            values.pop("sale_line_id", None)
        return self.env["procurement.group"].Procurement(
            product,
            self.product_uom._compute_quantity(quantity, product.uom_id),
            product.uom_id,
            delivered.location_dest_id or delivery.location_dest_id,
            product.display_name,
            delivery.origin,
            delivery.company_id,
            values,
        )

    def _aftersales_replace(self, quantities):
        """Replace ``quantities`` (``{return move: quantity}``, moves of
        ``self``); return the documents made, a list: the replacement
        transfers here, glue modules add theirs (with Refunds, the price
        difference's draft invoice or credit note)."""
        return list(self._aftersales_ship_replacements(quantities))

    def _aftersales_ship_replacements(self, quantities):
        """Ship the replacement of ``quantities`` (``{return move: quantity}``,
        moves of ``self``) through the warehouse's rules, as core's exchange
        does; return the transfers the procurements made."""
        procurements = [
            move._aftersales_replacement_procurement(quantity)
            for move, quantity in quantities.items()
            if not float_is_zero(quantity, precision_rounding=move.product_uom.rounding)
        ]
        Move = self.env["stock.move"]
        if not procurements:
            return self.env["stock.picking"]
        last_move = Move.search([], order="id desc", limit=1)
        self.env["procurement.group"].run(procurements)
        # The rules may chain transfers (pick, pack, ship): all are new.
        new_moves = Move.search([("id", ">", last_move.id), ("picking_id", "!=", False)])
        return new_moves.picking_id
