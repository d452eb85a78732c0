from odoo import api, fields, models


class AccountMoveReversal(models.TransientModel):
    """The ticket's Refund dialog, with Inventory: the invoices offered are
    also narrowed by the lot/serial number delivered."""

    _inherit = "account.move.reversal"

    helpdesk_tracking = fields.Selection(related="helpdesk_product_id.tracking", compute_sudo=False)
    helpdesk_lot_id = fields.Many2one(
        "stock.lot",
        string="Lot/Serial Number",
        check_company=True,
        domain="[('product_id', '=', helpdesk_product_id)]",
        help="Only the invoices of orders delivered with this lot/serial number are offered.",
    )
    # The id of the lot, for the invoices' domain in the view: the lot field is
    # only in the view of Inventory users, the domain is in everyone's.
    helpdesk_lot_filter = fields.Integer(
        string="Lot/Serial Number Filter", compute="_compute_helpdesk_lot_filter"
    )

    @api.depends("helpdesk_lot_id")
    def _compute_helpdesk_lot_filter(self):
        for wizard in self:
            wizard.helpdesk_lot_filter = wizard.helpdesk_lot_id.id

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        ticket = self.env["helpdesk.ticket"].browse(res.get("helpdesk_ticket_id"))
        # Only for Inventory users: the others neither see nor could clear it.
        if ticket and self.env.user.has_group("stock.group_stock_user"):
            res["helpdesk_lot_id"] = ticket.lot_id.id
        return res

    def _aftersales_invoice_domain(self):
        domain = super()._aftersales_invoice_domain()
        if self.helpdesk_lot_id:
            domain.append(
                (
                    "invoice_line_ids.sale_line_ids.move_ids.move_line_ids.lot_id",
                    "=",
                    self.helpdesk_lot_id.id,
                )
            )
        return domain

    @api.depends("helpdesk_ticket_id", "sale_order_id", "helpdesk_product_id", "helpdesk_lot_id")
    def _compute_helpdesk_has_invoice(self):
        return super()._compute_helpdesk_has_invoice()

    @api.onchange("helpdesk_product_id")
    def _onchange_aftersales_product_id(self):
        lot = self.helpdesk_lot_id.sudo()
        if lot and lot.product_id != self.helpdesk_product_id:
            self.helpdesk_lot_id = False

    @api.onchange("helpdesk_lot_id")
    def _onchange_aftersales_lot_id(self):
        self._onchange_aftersales_filters()
