from odoo import api, fields, models
from odoo.exceptions import UserError


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

    def _aftersales_check_reason_company(self, reason):
        if reason.company_id and reason.company_id != self.company_id:
            raise UserError(
                self.env._(
                    "The return reason %(reason)s belongs to another company than the "
                    "transfer %(picking)s.",
                    reason=reason.display_name,
                    picking=self.picking_id.display_name,
                )
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

    @api.constrains("aftersales_return_reason_id")
    def _check_aftersales_return_reason_company(self):
        # The line has no company of its own: its return's.
        for line in self:
            line.wizard_id._aftersales_check_reason_company(line.aftersales_return_reason_id)

    def _prepare_move_default_values(self, new_picking):
        vals = super()._prepare_move_default_values(new_picking)
        if self.aftersales_return_reason_id and new_picking.picking_type_id.code == "incoming":
            vals["helpdesk_return_reason_id"] = self.aftersales_return_reason_id.id
        return vals
