from odoo import fields, models


class StockReturnPicking(models.TransientModel):
    _inherit = "stock.return.picking"

    # Set by the helpdesk Return dialog: where the returned goods go, instead of
    # the default destination of the return operation type.
    aftersales_location_dest_id = fields.Many2one(
        "stock.location", string="Return Location", domain="[('usage', '=', 'internal')]"
    )

    def _prepare_picking_default_values(self):
        vals = super()._prepare_picking_default_values()
        if self.aftersales_location_dest_id:
            vals["location_dest_id"] = self.aftersales_location_dest_id.id
        return vals


class StockReturnPickingLine(models.TransientModel):
    _inherit = "stock.return.picking.line"

    # Set by the helpdesk Return dialog: kept on the return move.
    aftersales_return_reason_id = fields.Many2one("helpdesk.return.reason", string="Return Reason")

    def _prepare_move_default_values(self, new_picking):
        vals = super()._prepare_move_default_values(new_picking)
        if self.aftersales_return_reason_id and new_picking.picking_type_id.code == "incoming":
            vals["helpdesk_return_reason_id"] = self.aftersales_return_reason_id.id
        return vals
