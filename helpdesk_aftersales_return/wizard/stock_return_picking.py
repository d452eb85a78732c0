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
