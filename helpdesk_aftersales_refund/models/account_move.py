from odoo import models


class AccountMove(models.Model):
    _name = "account.move"
    _inherit = ["account.move", "helpdesk.aftersales.document.mixin"]

    def _aftersales_portal_status(self):
        # A posted credit note (the portal shows no draft): paid back, or
        # still to be paid back (or deducted from an invoice).
        self.ensure_one()
        _ = self.env._
        if self.state == "cancel" or self.payment_state == "reversed":
            return _("Cancelled"), "danger"
        if self.payment_state in ("paid", "in_payment"):
            return _("Refunded"), "success"
        return _("To be refunded"), "info"
