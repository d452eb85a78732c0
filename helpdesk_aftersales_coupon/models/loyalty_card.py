from odoo import models


class LoyaltyCard(models.Model):
    _name = "loyalty.card"
    _inherit = ["loyalty.card", "helpdesk.aftersales.document.mixin"]
