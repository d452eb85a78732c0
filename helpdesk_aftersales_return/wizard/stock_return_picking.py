from odoo import api, fields, models


class StockReturnPicking(models.TransientModel):
    _inherit = "stock.return.picking"

    # Set by the helpdesk Return dialog: where the returned goods go, instead of
    # the default destination of the return operation type.
    aftersales_location_dest_id = fields.Many2one(
        "stock.location",
        string="Return Location",
        check_company=True,
        domain="[('usage', '=', 'internal')]",
    )

    @api.constrains("aftersales_location_dest_id")
    def _check_aftersales_location_company(self):
        # check_company=True is only enforced on write by models with
        # _check_company_auto, which core's return dialog is not.
        self._check_company(["aftersales_location_dest_id"])

    @api.model
    def _aftersales_default_location_dest(self, picking):
        """Where core's return of ``picking`` goes (the destination core's own
        return values give it), or the stock of its warehouse when that is
        not an internal location (the return goes back into stock)."""
        values = self._prepare_picking_default_values_based_on(picking)
        location = self.env["stock.location"].browse(values["location_dest_id"])
        if location.usage != "internal":
            location = picking.picking_type_id.warehouse_id.lot_stock_id
        return location

    def _prepare_picking_default_values(self):
        vals = super()._prepare_picking_default_values()
        if self.aftersales_location_dest_id:
            vals["location_dest_id"] = self.aftersales_location_dest_id.id
        return vals


class StockReturnPickingLine(models.TransientModel):
    _inherit = "stock.return.picking.line"

    # The line has no company of its own: its return's, for check_company.
    company_id = fields.Many2one(related="wizard_id.company_id")
    # Set by the helpdesk Return dialog: kept on the return move.
    aftersales_return_reason_id = fields.Many2one(
        "helpdesk.return.reason", string="Return Reason", check_company=True
    )

    @api.constrains("aftersales_return_reason_id")
    def _check_aftersales_return_reason_company(self):
        # check_company=True is only enforced on write by models with
        # _check_company_auto, which core's return dialog is not.
        self._check_company(["aftersales_return_reason_id"])

    def _prepare_move_default_values(self, new_picking):
        vals = super()._prepare_move_default_values(new_picking)
        if self.aftersales_return_reason_id and new_picking.picking_type_id.code == "incoming":
            vals["helpdesk_return_reason_id"] = self.aftersales_return_reason_id.id
        return vals
