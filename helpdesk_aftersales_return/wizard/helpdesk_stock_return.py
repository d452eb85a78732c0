from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import float_compare, float_is_zero
from odoo.tools.misc import clean_context


class HelpdeskStockReturn(models.TransientModel):
    """Return dialog of a helpdesk ticket: send back products of one or several
    done deliveries of the ticket's customer, optionally with a replacement
    delivery. The transfers are created by the core return wizard
    (``stock.return.picking``), one return per delivery."""

    _name = "helpdesk.stock.return"
    _inherit = ["helpdesk.aftersales.wizard.mixin"]
    _description = "Return products from a helpdesk ticket"
    _aftersales_service_field = "use_product_returns"

    company_id = fields.Many2one(related="helpdesk_ticket_id.company_id")
    partner_id = fields.Many2one(
        related="helpdesk_ticket_id.commercial_partner_id", string="Customer"
    )
    return_reason_required = fields.Boolean(
        related="helpdesk_ticket_id.team_id.return_reason_required"
    )
    product_id = fields.Many2one(
        "product.product",
        string="Product",
        compute="_compute_ticket_values",
        store=True,
        readonly=False,
        help="Only the deliveries and lines of this product are proposed.",
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial Number",
        compute="_compute_ticket_values",
        store=True,
        readonly=False,
    )
    sale_order_id = fields.Many2one(
        "sale.order",
        string="Sales Order",
        compute="_compute_ticket_values",
        store=True,
        readonly=False,
        check_company=True,
        domain="[('partner_id', 'child_of', partner_id), ('state', '=', 'sale')]",
    )
    allowed_picking_ids = fields.Many2many(
        "stock.picking", string="Allowed Deliveries", compute="_compute_allowed_picking_ids"
    )
    picking_ids = fields.Many2many(
        "stock.picking",
        "helpdesk_stock_return_picking_rel",
        "wizard_id",
        "picking_id",
        string="Delivery to Return",
        compute="_compute_picking_ids",
        store=True,
        readonly=False,
        check_company=True,
        domain="[('id', 'in', allowed_picking_ids)]",
    )
    line_ids = fields.One2many(
        "helpdesk.stock.return.line",
        "wizard_id",
        string="Products to Return",
        compute="_compute_line_ids",
        store=True,
        readonly=False,
    )
    location_id = fields.Many2one(
        "stock.location",
        string="Return Location",
        compute="_compute_location_id",
        store=True,
        readonly=False,
        check_company=True,
        domain="[('usage', '=', 'internal'), ('company_id', '=', company_id)]",
        help="Where the returned products go once received.",
    )

    @api.depends("helpdesk_ticket_id")
    def _compute_ticket_values(self):
        for wizard in self:
            ticket = wizard.helpdesk_ticket_id
            wizard.sale_order_id = ticket.sale_order_id
            wizard.product_id = ticket.product_id
            wizard.lot_id = ticket.lot_id

    def _get_picking_domain(self):
        """The done deliveries of the ticket's customer and company, narrowed by
        the order and the product when they are set."""
        self.ensure_one()
        domain = [
            ("partner_id", "child_of", self.partner_id.id),
            ("picking_type_code", "=", "outgoing"),
            ("state", "=", "done"),
            ("company_id", "=", self.company_id.id),
        ]
        if self.sale_order_id:
            domain.append(("sale_id", "=", self.sale_order_id.id))
        if self.product_id:
            domain.append(("move_ids.product_id", "=", self.product_id.id))
        return domain

    @api.depends("partner_id", "company_id", "sale_order_id", "product_id")
    def _compute_allowed_picking_ids(self):
        for wizard in self:
            if not wizard.partner_id:
                wizard.allowed_picking_ids = False
                continue
            wizard.allowed_picking_ids = self.env["stock.picking"].search(
                wizard._get_picking_domain(), order="date_done desc, id desc"
            )

    @api.depends("allowed_picking_ids")
    def _compute_picking_ids(self):
        for wizard in self:
            allowed = wizard.allowed_picking_ids._origin
            # Keep what the agent chose that still fits the order/product;
            # otherwise propose the order's deliveries, or the only one.
            pickings = wizard.picking_ids._origin & allowed
            if not pickings and (wizard.sale_order_id or len(allowed) == 1):
                pickings = allowed
            wizard.picking_ids = pickings

    @api.depends("picking_ids", "product_id", "lot_id")
    def _compute_line_ids(self):
        for wizard in self:
            commands = [Command.clear()]
            for vals in wizard._prepare_line_vals():
                commands.append(Command.create(vals))
            wizard.line_ids = commands

    def _prepare_line_vals(self):
        """One line per product of the deliveries (one per lot/serial number for
        tracked products), for what is still returnable."""
        self.ensure_one()
        moves = self.picking_ids._origin.move_ids.filtered(
            lambda m: m.state == "done"
            and not m.scrapped
            and (not self.product_id or m.product_id == self.product_id._origin)
        )
        vals_list = []
        returnable = moves._aftersales_returnable_quantities()
        for move in moves:
            quantity, by_lot = returnable[move]
            rounding = move.product_id.uom_id.rounding
            if float_is_zero(quantity, precision_rounding=rounding):
                continue
            if move.has_tracking == "none" or not by_lot:
                vals_list.append(
                    {"move_id": move.id, "product_id": move.product_id.id, "quantity": quantity}
                )
                continue
            for lot, lot_quantity in by_lot.items():
                if self.lot_id and self.lot_id._origin != lot:
                    continue
                lot_quantity = min(lot_quantity, quantity)
                if float_is_zero(lot_quantity, precision_rounding=rounding):
                    continue
                quantity -= lot_quantity
                vals_list.append(
                    {
                        "move_id": move.id,
                        "product_id": move.product_id.id,
                        "lot_id": lot.id,
                        "quantity": lot_quantity,
                    }
                )
        return vals_list

    @api.depends("picking_ids")
    def _compute_location_id(self):
        for wizard in self:
            if wizard.location_id:
                continue
            wizard.location_id = wizard._get_default_location()

    def _get_default_location(self):
        """Where core would put the return of the first delivery: the default
        destination of the return operation type, else the delivery's source,
        else the stock of a warehouse of the company."""
        self.ensure_one()
        picking = self.picking_ids._origin[:1]
        return_type = picking.picking_type_id.return_picking_type_id
        if return_type.code == "incoming" and return_type.default_location_dest_id:
            location = return_type.default_location_dest_id
        else:
            location = picking.location_id
        if location.usage != "internal":
            location = picking.picking_type_id.warehouse_id.lot_stock_id
        if not location and self.company_id:
            location = (
                self.env["stock.warehouse"]
                .search([("company_id", "=", self.company_id.id)], limit=1)
                .lot_stock_id
            )
        return location

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def _check_return(self):
        """Everything the dialog received is checked here, before anything is
        created: the values may come from a forged RPC call."""
        self.ensure_one()
        ticket = self._aftersales_check_ticket()
        customer = ticket.commercial_partner_id
        if not customer:
            raise UserError(self.env._("Set a customer on the ticket before returning products."))
        for picking in self.picking_ids:
            if picking.picking_type_code != "outgoing" or picking.state != "done":
                raise UserError(
                    self.env._(
                        "Only done deliveries can be returned: %(picking)s is not one.",
                        picking=picking.display_name,
                    )
                )
            if (
                picking.partner_id.commercial_partner_id != customer
                or picking.company_id != ticket.company_id
            ):
                raise UserError(
                    self.env._(
                        "The delivery %(picking)s is not a delivery of the ticket's "
                        "customer %(customer)s in the company %(company)s.",
                        picking=picking.display_name,
                        customer=customer.display_name,
                        company=ticket.company_id.display_name,
                    )
                )
        if not self.line_ids:
            raise UserError(self.env._("There is no product to return: add a delivery."))
        location = self.location_id
        if not location:
            raise UserError(self.env._("Choose the return location."))
        if location.usage != "internal" or location.company_id != ticket.company_id:
            raise UserError(
                self.env._(
                    "The return location %(location)s must be an internal location of "
                    "the company %(company)s.",
                    location=location.display_name,
                    company=ticket.company_id.display_name,
                )
            )
        self._aftersales_check_return_reasons(ticket)
        moves = self.line_ids.move_id
        moves._aftersales_lock_for_return()
        returnable = moves._aftersales_returnable_quantities()
        asked = defaultdict(float)
        asked_by_lot = defaultdict(float)
        for line in self.line_ids:
            move = line.move_id
            if not move or move.picking_id not in self.picking_ids or move.state != "done":
                raise UserError(
                    self.env._(
                        "The line %(product)s does not come from the deliveries to return.",
                        product=line.product_id.display_name,
                    )
                )
            if line.product_id != move.product_id:
                raise UserError(
                    self.env._(
                        "The line %(product)s does not match the delivered product %(delivered)s.",
                        product=line.product_id.display_name,
                        delivered=move.product_id.display_name,
                    )
                )
            rounding = move.product_id.uom_id.rounding
            if float_compare(line.quantity, 0.0, precision_rounding=rounding) <= 0:
                raise UserError(
                    self.env._(
                        "The quantity to return of %(product)s must be positive. Remove "
                        "the line to not return it.",
                        product=line.product_id.display_name,
                    )
                )
            if move.has_tracking != "none" and returnable[move][1]:
                if line.lot_id not in returnable[move][1]:
                    raise UserError(
                        self.env._(
                            "Choose a lot/serial number of %(product)s that was delivered "
                            "in %(picking)s.",
                            product=line.product_id.display_name,
                            picking=move.picking_id.display_name,
                        )
                    )
                asked_by_lot[move, line.lot_id] += line.quantity
            elif line.lot_id:
                raise UserError(
                    self.env._(
                        "The lot/serial number %(lot)s was not delivered in %(picking)s.",
                        lot=line.lot_id.display_name,
                        picking=move.picking_id.display_name,
                    )
                )
            asked[move] += line.quantity
        for (move, lot), quantity in asked_by_lot.items():
            available = returnable[move][1][lot]
            if float_compare(quantity, available, precision_rounding=move.product_uom.rounding) > 0:
                raise UserError(
                    self.env._(
                        "You cannot return %(quantity)s %(uom)s of %(product)s with the "
                        "lot/serial number %(lot)s: only %(available)s %(uom)s can still be "
                        "returned.",
                        quantity=quantity,
                        available=available,
                        uom=move.product_id.uom_id.name,
                        product=move.product_id.display_name,
                        lot=lot.display_name,
                    )
                )
        for move, quantity in asked.items():
            available = returnable[move][0]
            if float_compare(quantity, available, precision_rounding=move.product_uom.rounding) > 0:
                raise UserError(
                    self.env._(
                        "You cannot return %(quantity)s %(uom)s of %(product)s from "
                        "%(picking)s: only %(available)s %(uom)s can still be returned.",
                        quantity=quantity,
                        available=available,
                        uom=move.product_id.uom_id.name,
                        product=move.product_id.display_name,
                        picking=move.picking_id.display_name,
                    )
                )
        return ticket

    def _aftersales_check_return_reasons(self, ticket):
        """The lines' return reasons: of the ticket's company (or shared),
        required when the team says so, and one reason per delivered move (a
        return move keeps one reason)."""
        self.ensure_one()
        reason_by_move = {}
        for line in self.line_ids:
            reason = line.return_reason_id
            if not reason:
                if ticket.team_id.return_reason_required:
                    raise UserError(
                        self.env._(
                            "The team %(team)s requires a return reason: choose one for "
                            "%(product)s.",
                            team=ticket.team_id.display_name,
                            product=line.product_id.display_name,
                        )
                    )
            elif reason.company_id and reason.company_id != ticket.company_id:
                raise UserError(
                    self.env._(
                        "The return reason %(reason)s belongs to another company than the "
                        "ticket's company %(company)s.",
                        reason=reason.display_name,
                        company=ticket.company_id.display_name,
                    )
                )
            if reason_by_move.setdefault(line.move_id, reason) != reason:
                raise UserError(
                    self.env._(
                        "The lines of %(product)s from %(picking)s have different return "
                        "reasons: return them with one reason, or in two returns.",
                        product=line.product_id.display_name,
                        picking=line.move_id.picking_id.display_name,
                    )
                )

    def _create_returns(self, exchange=False):
        """Create one return (and with ``exchange`` its replacement delivery)
        per delivery with the core return wizard; return the new transfers."""
        self.ensure_one()
        # Replace (not extend) the context: the dialog's default_* keys must
        # not leak into the returns the core wizard creates.
        ReturnPicking = self.env["stock.return.picking"].with_env(
            self.env(context=clean_context(self.env.context))
        )
        Move = self.env["stock.move"]
        last_move = Move.search([], order="id desc", limit=1)
        returns = self.env["stock.picking"]
        lines_by_picking = self.line_ids.grouped(lambda line: line.move_id.picking_id)
        for picking in self.picking_ids:
            lines = lines_by_picking.get(picking)
            if not lines:
                continue
            quantities = defaultdict(float)
            for line in lines:
                quantities[line.move_id] += line.quantity
            wizard = ReturnPicking.create(
                {
                    "picking_id": picking.id,
                    "aftersales_location_dest_id": self.location_id.id,
                }
            )
            reasons = {line.move_id: line.return_reason_id for line in lines}
            for return_line in wizard.product_return_moves:
                return_line.quantity = quantities.get(return_line.move_id, 0.0)
                return_line.aftersales_return_reason_id = reasons.get(return_line.move_id)
            if exchange:
                action = wizard.action_create_exchanges()
                return_picking = self.env["stock.picking"].browse(action["res_id"])
            else:
                return_picking = wizard._create_return()
            self._set_return_lots(return_picking, lines)
            returns |= return_picking
        exchanges = self.env["stock.picking"]
        if exchange:
            # The replacement goes through the warehouse rules (procurement), as
            # in core: find the transfers it created.
            new_moves = Move.search([("id", ">", last_move.id), ("picking_id", "!=", False)])
            exchanges = new_moves.picking_id - returns
        return returns | exchanges

    def _set_return_lots(self, return_picking, lines):
        """Receive tracked products under the lot/serial numbers the lines
        name (core proposes no lot on returns)."""
        for move in return_picking.move_ids:
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

    def _action_done(self, pickings, message):
        self._aftersales_link_documents(pickings, message)
        return self.helpdesk_ticket_id._aftersales_action_view(
            "stock.action_picking_tree_all", pickings
        )

    def action_create_returns(self):
        self._check_return()
        pickings = self._create_returns()
        return self._action_done(pickings, self.env._("Return created: %(documents)s"))

    def action_create_exchanges(self):
        self._check_return()
        pickings = self._create_returns(exchange=True)
        return self._action_done(
            pickings, self.env._("Return and replacement delivery created: %(documents)s")
        )


class HelpdeskStockReturnLine(models.TransientModel):
    _name = "helpdesk.stock.return.line"
    _description = "Product to return from a helpdesk ticket"
    _rec_name = "product_id"
    _check_company_auto = True

    wizard_id = fields.Many2one("helpdesk.stock.return", required=True, ondelete="cascade")
    move_id = fields.Many2one("stock.move", string="Origin Move", required=True)
    picking_id = fields.Many2one(related="move_id.picking_id", string="Delivery")
    product_id = fields.Many2one("product.product", string="Product", required=True)
    tracking = fields.Selection(related="product_id.tracking")
    lot_id = fields.Many2one(
        "stock.lot", string="Lot/Serial Number", domain="[('product_id', '=', product_id)]"
    )
    quantity = fields.Float(digits="Product Unit of Measure", required=True)
    uom_id = fields.Many2one(related="product_id.uom_id", string="Unit of Measure")
    company_id = fields.Many2one(related="wizard_id.company_id")
    return_reason_id = fields.Many2one(
        "helpdesk.return.reason",
        string="Return Reason",
        check_company=True,
        help="Why the customer sends the product back: kept on the return's stock move.",
    )
