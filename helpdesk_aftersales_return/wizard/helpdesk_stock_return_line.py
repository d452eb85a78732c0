from odoo import api, fields, models
from odoo.tools import float_compare


class HelpdeskStockReturnLine(models.TransientModel):
    _name = "helpdesk.stock.return.line"
    _inherit = ["helpdesk.aftersales.company.mixin"]
    _description = "Product to return from a helpdesk ticket"
    _rec_name = "product_id"
    _check_company_auto = True
    _aftersales_company_field = "wizard_id"

    wizard_id = fields.Many2one("helpdesk.stock.return", required=True, ondelete="cascade")
    move_id = fields.Many2one("stock.move", string="Origin Move", required=True, check_company=True)
    picking_id = fields.Many2one(
        related="move_id.picking_id", compute_sudo=False, string="Delivery"
    )
    product_id = fields.Many2one(
        "product.product", string="Product", required=True, check_company=True
    )
    tracking = fields.Selection(related="product_id.tracking", compute_sudo=False)
    lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial Number",
        check_company=True,
        domain="[('product_id', '=', product_id)]",
    )
    quantity = fields.Float(digits="Product Unit of Measure", required=True)
    uom_id = fields.Many2one(
        related="product_id.uom_id", compute_sudo=False, string="Unit of Measure"
    )
    company_id = fields.Many2one(related="wizard_id.company_id", compute_sudo=False)
    return_reason_id = fields.Many2one(
        "helpdesk.return.reason",
        string="Return Reason",
        check_company=True,
        help="Why the customer sends the product back: kept on the return's stock move.",
    )
    product_tmpl_id = fields.Many2one(related="product_id.product_tmpl_id", compute_sudo=False)
    replacement_product_id = fields.Many2one(
        "product.product",
        string="Replacement",
        compute="_compute_replacement_product_id",
        store=True,
        readonly=False,
        check_company=True,
        # The variants of the returned product (another size, another
        # colour), or any saleable product when the agent asks for it.
        # In parentheses: check_company prepends the company's domain.
        domain="([('sale_ok', '=', True), ('type', '=', 'consu')]"
        " if parent.replacement_any_product"
        " else [('product_tmpl_id', '=', product_tmpl_id)])",
        help="What the customer gets in exchange (Return for Exchange): the returned "
        "product by default.",
    )
    currency_id = fields.Many2one("res.currency", compute="_compute_price_difference")
    price_difference = fields.Monetary(
        compute="_compute_price_difference",
        help="What the replacement costs the customer more (or less, negative) than the "
        "returned product, for the quantity, at the prices of the order.",
    )

    @api.depends("product_id")
    def _compute_replacement_product_id(self):
        for line in self:
            if not line.replacement_product_id:
                line.replacement_product_id = line.product_id

    @api.depends("replacement_product_id", "quantity", "move_id")
    def _compute_price_difference(self):
        for line in self:
            move = line.move_id._origin
            line.currency_id = move.sale_line_id.currency_id or line.company_id.currency_id
            line.price_difference = (
                line.quantity
                * move._aftersales_replacement_unit_difference(line.replacement_product_id._origin)
                if move
                else 0.0
            )

    def _aftersales_line_refusal(self, returnable_lots):
        """What is wrong with the line, or None: it returns a positive quantity
        of a product of the selected deliveries, under a lot/serial number that
        was delivered (``returnable_lots``: what is still returnable of its move
        per lot, from ``stock.move._aftersales_returnable_lot_quantities``)."""
        move = self.move_id
        if not move or move.picking_id not in self.wizard_id.picking_ids or move.state != "done":
            return self.env._(
                "The line %(product)s does not come from the deliveries to return.",
                product=self.product_id.display_name,
            )
        if self.product_id != move.product_id:
            return self.env._(
                "The line %(product)s does not match the delivered product %(delivered)s.",
                product=self.product_id.display_name,
                delivered=move.product_id.display_name,
            )
        rounding = move.product_id.uom_id.rounding
        if float_compare(self.quantity, 0.0, precision_rounding=rounding) <= 0:
            return self.env._(
                "The quantity to return of %(product)s must be positive. Remove "
                "the line to not return it.",
                product=self.product_id.display_name,
            )
        return self._aftersales_lot_refusal(returnable_lots)

    def _aftersales_lot_refusal(self, delivered_lots):
        """A delivered lot/serial number when the move delivered some, none
        otherwise; else what is wrong."""
        picking = self.move_id.picking_id
        if delivered_lots and self.lot_id not in delivered_lots:
            return self.env._(
                "Choose a lot/serial number of %(product)s that was delivered in %(picking)s.",
                product=self.product_id.display_name,
                picking=picking.display_name,
            )
        if not delivered_lots and self.lot_id:
            return self.env._(
                "The lot/serial number %(lot)s was not delivered in %(picking)s.",
                lot=self.lot_id.display_name,
                picking=picking.display_name,
            )
        return None

    def _aftersales_replacement_refusal(self):
        """The replacement is shipped as the returned product was: a
        saleable good (no service), tracked in stock as the returned one is,
        counted in the same kind of unit; else what is wrong."""
        replacement = self.replacement_product_id
        product = self.product_id
        if not replacement or replacement == product:
            return None
        if (
            not replacement.sale_ok
            or replacement.type != product.type
            or replacement.is_storable != product.is_storable
        ):
            return self.env._(
                "%(replacement)s cannot replace %(product)s: choose a saleable product "
                "that is delivered as %(product)s is (a good, tracked in stock or not as "
                "it is).",
                replacement=replacement.display_name,
                product=product.display_name,
            )
        if replacement.uom_id.category_id != product.uom_id.category_id:
            return self.env._(
                "%(replacement)s cannot replace %(product)s: their units of measure "
                "are of different kinds.",
                replacement=replacement.display_name,
                product=product.display_name,
            )
        return None
