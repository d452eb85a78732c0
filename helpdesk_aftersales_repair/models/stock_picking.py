from odoo import api, fields, models


class StockPicking(models.Model):
    _name = "stock.picking"
    _inherit = ["stock.picking", "helpdesk.aftersales.document.mixin"]

    # The repair whose product this delivery takes back to the customer.
    # Copied: a backorder still ships back the same repair.
    aftersales_repair_id = fields.Many2one(
        "repair.order",
        string="Repair Shipped Back",
        readonly=True,
        index="btree_not_null",
        check_company=True,
    )

    @api.constrains("aftersales_repair_id")
    def _check_aftersales_repair_company(self):
        # Transfers do not check their companies on write: the repair of
        # another company is refused here.
        self._check_company(["aftersales_repair_id"])

    def _aftersales_reserve_lot(self, lot):
        """Reserve the repaired product itself for this delivery back: its
        lot/serial number ``lot`` when it has one, not any other of the
        stock."""
        self.ensure_one()
        if not lot:
            self.action_assign()
            return
        # Confirming reserved the first serial number in stock: the
        # customer's own product instead.
        self.do_unreserve()
        move = self.move_ids
        self.env["stock.move.line"].create(
            {**move._prepare_move_line_vals(quantity=move.product_qty), "lot_id": lot.id}
        )

    # The customer is told when the delivery back is done by the one hook of
    # a ticket's transfers (``_action_done`` of helpdesk_aftersales_return,
    # which has the shipment's email): the delivery is the ticket's.

    def _create_backorder(self, backorder_moves=None):
        backorders = super()._create_backorder(backorder_moves=backorder_moves)
        # The rest of a repaired product still goes back: its ticket shows it.
        for backorder in backorders.filtered("aftersales_repair_id.helpdesk_ticket_id"):
            backorder.aftersales_repair_id.helpdesk_ticket_id.sudo()._aftersales_attach_documents(
                backorder, self.env._("Repaired product to ship back: %(documents)s")
            )
        return backorders
