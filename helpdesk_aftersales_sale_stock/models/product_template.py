from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ProductTemplate(models.Model):
    _inherit = "product.template"

    warranty_months = fields.Integer(
        string="Warranty",
        help="How many months a product delivered to a customer is under warranty, "
        "from its delivery date. 0: no warranty.",
    )

    @api.constrains("warranty_months")
    def _check_warranty_months(self):
        for template in self:
            if template.warranty_months < 0:
                raise ValidationError(
                    self.env._(
                        "The warranty of the product %(product)s cannot be negative: "
                        "enter a number of months, or 0 for no warranty.",
                        product=template.display_name,
                    )
                )
