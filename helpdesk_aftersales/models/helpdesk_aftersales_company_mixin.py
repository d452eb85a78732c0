from odoo import models
from odoo.exceptions import UserError


class HelpdeskAftersalesCompanyMixin(models.AbstractModel):
    """For the suite's models whose company comes from a record they point
    to (``_aftersales_company_field``: a dialog's ticket, a line's dialog or
    ticket, a shared coupon): that record is set when the record is created
    and never changed. Odoo checks the record rules before a write only: a
    write of that field would move the record into a company its user may
    not reach (e.g. a line into another company's dialog)."""

    _name = "helpdesk.aftersales.company.mixin"
    _description = "Record whose company comes from the record it belongs to"

    _aftersales_company_field = None

    def write(self, vals):
        name = self._aftersales_company_field
        if name in vals and not self.env.su and any(rec[name].id != vals[name] for rec in self):
            raise UserError(
                self.env._(
                    "%(field)s cannot be changed: it is set when the record is created.",
                    field=self._fields[name]._description_string(self.env),
                )
            )
        return super().write(vals)
