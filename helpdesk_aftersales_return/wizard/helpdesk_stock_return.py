from collections import defaultdict
from itertools import chain

from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.tools import float_compare


class HelpdeskStockReturn(models.TransientModel):
    """Return dialog of a helpdesk ticket: send back products of one or several
    done deliveries of the ticket's customer, optionally with a replacement
    delivery. The transfers are created by the core return wizard
    (``stock.return.picking``), one return per delivery."""

    _name = "helpdesk.stock.return"
    _inherit = ["helpdesk.aftersales.wizard.mixin"]
    _description = "Return products from a helpdesk ticket"
    _aftersales_service_field = "use_product_returns"
    _check_company_auto = True

    company_id = fields.Many2one(related="helpdesk_ticket_id.company_id", compute_sudo=False)
    partner_id = fields.Many2one(
        related="helpdesk_ticket_id.commercial_partner_id", compute_sudo=False, string="Customer"
    )
    return_reason_required = fields.Boolean(
        related="helpdesk_ticket_id.team_id.return_reason_required", compute_sudo=False
    )
    product_id = fields.Many2one(
        "product.product",
        string="Product",
        compute="_compute_ticket_values",
        store=True,
        readonly=False,
        check_company=True,
        help="Only the deliveries and lines of this product are proposed.",
    )
    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial Number",
        compute="_compute_ticket_values",
        store=True,
        readonly=False,
        check_company=True,
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
    nothing_to_return = fields.Char(
        string="Nothing to Return",
        compute="_compute_nothing_to_return",
        help="Why a chosen delivery offers no product: all of it is already returned "
        "or on a return.",
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
    replacement_any_product = fields.Boolean(
        string="Replace with Any Product",
        help="Offer every saleable product as the replacement of a line, not only the "
        "variants of the returned product (Return for Exchange).",
    )
    currency_id = fields.Many2one("res.currency", compute="_compute_price_difference_total")
    price_difference_total = fields.Monetary(
        string="Total Price Difference",
        compute="_compute_price_difference_total",
        help="What the replacements cost the customer more (or less, negative) than the "
        "returned products, at the prices of their order.",
    )

    @api.depends("helpdesk_ticket_id")
    def _compute_ticket_values(self):
        for wizard in self:
            ticket = wizard.helpdesk_ticket_id
            wizard.sale_order_id = ticket.sale_order_id
            wizard.product_id = ticket.product_id
            wizard.lot_id = ticket.lot_id

    @api.onchange("product_id")
    def _onchange_product_id(self):
        # The lot/serial number narrows the product's lines: it goes with it.
        if self.lot_id and self.lot_id.product_id != self.product_id:
            self.lot_id = False

    def _aftersales_picking_domain(self):
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
                wizard._aftersales_picking_domain(), order="date_done desc, id desc"
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
            for vals in wizard._aftersales_prepare_line_vals():
                commands.append(Command.create(vals))
            wizard.line_ids = commands

    def _aftersales_delivered_moves(self):
        """The done moves of the deliveries, of the product when one is set."""
        self.ensure_one()
        return self.picking_ids._origin.move_ids.filtered(
            lambda m: m.state == "done"
            and not m.scrapped
            and (not self.product_id or m.product_id == self.product_id._origin)
        )

    def _aftersales_prepare_line_vals(self):
        """One line per product of the deliveries (one per lot/serial number for
        tracked products), for what is still returnable."""
        self.ensure_one()
        return self._aftersales_delivered_moves()._aftersales_return_line_vals(self.lot_id._origin)

    @api.depends("line_ids.price_difference", "company_id")
    def _compute_price_difference_total(self):
        for wizard in self:
            currencies = wizard.line_ids.currency_id
            # One total only in one currency (one order's, or the company's).
            wizard.currency_id = (
                currencies if len(currencies) == 1 else wizard.company_id.currency_id
            )
            wizard.price_difference_total = (
                sum(wizard.line_ids.mapped("price_difference")) if len(currencies) == 1 else 0.0
            )

    @api.depends("picking_ids", "product_id", "lot_id")
    def _compute_nothing_to_return(self):
        for wizard in self:
            wizard.nothing_to_return = wizard._aftersales_nothing_to_return_message()

    def _aftersales_nothing_to_return_message(self):
        """Say it when a chosen delivery offers nothing because everything of
        it (of the product) is already on returns, naming them; else False."""
        self.ensure_one()
        moves = self._aftersales_delivered_moves()
        offered = {vals["move_id"] for vals in self._aftersales_prepare_line_vals()}
        messages = []
        for picking, picking_moves in moves.grouped("picking_id").items():
            returns = picking_moves.returned_move_ids.filtered(
                lambda m: m.state != "cancel"
            ).picking_id
            if not returns or any(move.id in offered for move in picking_moves):
                continue
            values = {
                "picking": picking.display_name,
                "returns": ", ".join(returns.mapped("display_name")),
            }
            if self.product_id:
                messages.append(
                    self.env._(
                        "There is no product to return: everything of %(product)s in "
                        "%(picking)s is already returned or being returned (%(returns)s).",
                        product=self.product_id.display_name,
                        **values,
                    )
                )
            else:
                messages.append(
                    self.env._(
                        "There is no product to return: everything of %(picking)s is "
                        "already returned or being returned (%(returns)s).",
                        **values,
                    )
                )
        return "\n".join(messages) or False

    @api.depends("picking_ids")
    def _compute_location_id(self):
        for wizard in self:
            if wizard.location_id:
                continue
            wizard.location_id = wizard._aftersales_default_location()

    def _aftersales_default_location(self):
        """Where core would put the return of the first delivery, else the
        stock of a warehouse of the company."""
        self.ensure_one()
        picking = self.picking_ids._origin[:1]
        location = self.env["stock.location"]
        if picking:
            location = self.env["stock.return.picking"]._aftersales_default_location_dest(picking)
        if not location and self.company_id:
            location = (
                self.env["stock.warehouse"]
                .search([("company_id", "=", self.company_id.id)], limit=1)
                .lot_stock_id
            )
        return location

    # ------------------------------------------------------------------
    # Checks: everything the dialog received, before anything is created
    # (the values may come from a forged RPC call). The company of the
    # deliveries and of the location is the ORM's (check_company).
    # ------------------------------------------------------------------

    def _aftersales_refusals(self):
        yield from super()._aftersales_refusals()
        # Each check says what is wrong or nothing: only the messages refuse.
        yield from filter(None, self._aftersales_return_checks())

    def _aftersales_return_checks(self):
        """The return's checks in order, a message or None each. Lazy: the
        delivered moves are locked and counted only once the values that
        choose them passed, and a line is checked only once its delivery is."""
        yield self._aftersales_customer_refusal()
        yield self._aftersales_delivery_refusal()
        yield self._aftersales_location_refusal()
        yield self._aftersales_return_reason_refusal()
        moves = self.line_ids.move_id
        self._aftersales_lock(moves)
        moves.invalidate_recordset(["returned_move_ids"])
        returnable = moves._aftersales_returnable_quantities()
        returnable_lots = moves._aftersales_returnable_lot_quantities()
        for line in self.line_ids:
            yield line._aftersales_line_refusal(returnable_lots[line.move_id])
            yield line._aftersales_replacement_refusal()
        yield self._aftersales_one_replacement_refusal()
        yield self._aftersales_quantity_refusal(returnable, returnable_lots)

    def _aftersales_customer_refusal(self):
        if not self.helpdesk_ticket_id.commercial_partner_id:
            return self.env._("Set a customer on the ticket before returning products.")
        return None

    def _aftersales_delivery_refusal(self):
        """Done deliveries of the ticket's customer, with something to return."""
        ticket = self.helpdesk_ticket_id
        customer = ticket.commercial_partner_id
        for picking in self.picking_ids:
            if picking.picking_type_code != "outgoing" or picking.state != "done":
                return self.env._(
                    "Only done deliveries can be returned: %(picking)s is not one.",
                    picking=picking.display_name,
                )
            if picking.partner_id.commercial_partner_id != customer:
                return self.env._(
                    "The delivery %(picking)s is not a delivery of the ticket's "
                    "customer %(customer)s in the company %(company)s.",
                    picking=picking.display_name,
                    customer=customer.display_name,
                    company=ticket.company_id.display_name,
                )
        if not self.line_ids:
            return self._aftersales_no_line_message()
        return None

    def _aftersales_no_line_message(self):
        """Why the dialog has no product to return, in the agent's terms."""
        if not self.picking_ids:
            return self.env._("There is no product to return: add a delivery.")
        return self._aftersales_nothing_to_return_message() or self.env._(
            "There is no product to return: choose the delivery again to list its products."
        )

    def _aftersales_location_refusal(self):
        location = self.location_id
        if not location:
            return self.env._("Choose the return location.")
        if location.usage != "internal":
            return self.env._(
                "The return location %(location)s must be an internal location of "
                "the company %(company)s.",
                location=location.display_name,
                company=self.company_id.display_name,
            )
        return None

    def _aftersales_return_reason_refusal(self):
        """The lines' return reasons: of the ticket's company (or shared: the
        ORM's check_company, also for a reason moved to another company since
        it was chosen), required when the team says so, and one reason per
        delivered move (a return move keeps one reason)."""
        team = self.helpdesk_ticket_id.team_id
        self.line_ids._check_company(["return_reason_id"])
        reason_by_move = {}
        for line in self.line_ids:
            reason = line.return_reason_id
            if not reason and team.return_reason_required:
                return self.env._(
                    "The team %(team)s requires a return reason: choose one for %(product)s.",
                    team=team.display_name,
                    product=line.product_id.display_name,
                )
            if reason_by_move.setdefault(line.move_id, reason) != reason:
                return self.env._(
                    "The lines of %(product)s from %(picking)s have different return "
                    "reasons: return them with one reason, or in two returns.",
                    product=line.product_id.display_name,
                    picking=line.move_id.picking_id.display_name,
                )
        return None

    def _aftersales_one_replacement_refusal(self):
        """One replacement per delivered move: its return move ships one."""
        replacement_by_move = {}
        for line in self.line_ids:
            replacement = line.replacement_product_id or line.product_id
            if replacement_by_move.setdefault(line.move_id, replacement) != replacement:
                return self.env._(
                    "The lines of %(product)s from %(picking)s have different replacements: "
                    "exchange them for one product, or in two returns.",
                    product=line.product_id.display_name,
                    picking=line.move_id.picking_id.display_name,
                )
        return None

    def _aftersales_quantity_refusal(self, returnable, returnable_lots):
        """No more than what is still returnable, per lot then per move
        (``stock.move``'s ``_aftersales_returnable_quantities`` and
        ``_aftersales_returnable_lot_quantities``)."""
        asked = defaultdict(float)
        asked_by_lot = defaultdict(float)
        for line in self.line_ids:
            asked[line.move_id] += line.quantity
            if line.lot_id:
                asked_by_lot[line.move_id, line.lot_id] += line.quantity
        refusals = (
            self._aftersales_excess_message(
                move, quantity, returnable_lots[move].get(lot, 0.0), lot
            )
            for (move, lot), quantity in asked_by_lot.items()
            if returnable_lots[move]
        )
        moves_refusals = (
            self._aftersales_excess_message(move, quantity, returnable[move])
            for move, quantity in asked.items()
        )
        return next(filter(None, chain(refusals, moves_refusals)), None)

    def _aftersales_excess_message(self, move, quantity, available, lot=None):
        """Say it when ``quantity`` is more than the ``available`` of ``move``
        (of ``lot`` when given); else None."""
        if float_compare(quantity, available, precision_rounding=move.product_uom.rounding) <= 0:
            return None
        values = {
            "quantity": quantity,
            "available": available,
            "uom": move.product_id.uom_id.name,
            "product": move.product_id.display_name,
        }
        if lot:
            return self.env._(
                "You cannot return %(quantity)s %(uom)s of %(product)s with the "
                "lot/serial number %(lot)s: only %(available)s %(uom)s can still be "
                "returned.",
                lot=lot.display_name,
                **values,
            )
        return self.env._(
            "You cannot return %(quantity)s %(uom)s of %(product)s from "
            "%(picking)s: only %(available)s %(uom)s can still be returned.",
            picking=move.picking_id.display_name,
            **values,
        )

    # ------------------------------------------------------------------
    # Documents
    # ------------------------------------------------------------------

    def _aftersales_create_documents(self, exchange=False):
        """Create one return per delivery with the core return wizard; with
        ``exchange``, ship their replacement now (the team's Ship the
        Replacement: At Once) or mark them to be replaced on receipt (When
        Received). Return the new documents (a list with the replacements,
        which glue modules may complete)."""
        returns = self.env["stock.picking"]
        lines_by_picking = self.line_ids.grouped(lambda line: line.move_id.picking_id)
        for picking in self.picking_ids:
            lines = lines_by_picking.get(picking)
            if lines:
                returns |= picking._aftersales_create_return(lines, self.location_id)
        if not exchange:
            return returns
        if self.helpdesk_ticket_id.team_id.replacement_policy == "received":
            returns.aftersales_replace_on_receipt = True
            return returns
        quantities = {move: move.product_uom_qty for move in returns.move_ids}
        return [*returns, *returns.move_ids._aftersales_replace(quantities)]

    def _aftersales_reasons_text(self):
        """The lines' return reasons for the chatter message, e.g.
        "Damaged (Office Chair)", or an empty string."""
        reasons = [
            self.env._(
                "%(reason)s (%(product)s)",
                reason=line.return_reason_id.display_name,
                product=line.product_id.display_name,
            )
            for line in self.line_ids
            if line.return_reason_id
        ]
        return ", ".join(dict.fromkeys(reasons))

    def _aftersales_return(self, message, exchange=False):
        reasons = self._aftersales_reasons_text()
        if reasons:
            # The message is formatted again with the documents' links:
            # the reasons are escaped, their "%" doubled.
            reasons = self.env._("Return Reason: %(reasons)s", reasons=reasons)
            message = Markup("%s<br/>%s") % (Markup(message), reasons.replace("%", "%%"))
        documents = self._aftersales_check_create_attach(message, exchange=exchange)
        pickings = self.env["stock.picking"].union(
            *(doc for doc in documents if doc._name == "stock.picking")
        )
        return self.helpdesk_ticket_id._aftersales_action_view(
            "stock.action_picking_tree_all", pickings
        )

    def action_create_returns(self):
        return self._aftersales_return(self.env._("Return created: %(documents)s"))

    def action_create_exchanges(self):
        if self.helpdesk_ticket_id.team_id.replacement_policy == "received":
            message = self.env._(
                "Return created, the replacement ships when the goods are received: "
                "%(documents)s"
            )
        else:
            message = self.env._("Return and replacement delivery created: %(documents)s")
        return self._aftersales_return(message, exchange=True)
