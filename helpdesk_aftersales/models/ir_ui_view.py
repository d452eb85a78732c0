from odoo import api, models


class IrUiView(models.Model):
    _inherit = "ir.ui.view"

    @api.model_create_multi
    def create(self, vals_list):
        # The suite's extensions of the helpdesk's team form name no model:
        # the team model is the helpdesk's (helpdesk.team, helpdesk.ticket.team),
        # so they take their parent's, the one model they can apply to (Odoo
        # applies an extension only to views of its own model).
        for vals in vals_list:
            if vals.get("inherit_id") and not vals.get("model"):
                parent = self.browse(vals["inherit_id"])
                if parent.model:
                    vals["model"] = parent.model
        return super().create(vals_list)
