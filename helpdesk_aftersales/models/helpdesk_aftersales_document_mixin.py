from odoo import fields, models


class HelpdeskAftersalesDocumentMixin(models.AbstractModel):
    """Link from an after-sales document (credit note, coupon, transfer, repair,
    task) back to the ticket it was created from.

    Bridges add it to the document model with
    ``_inherit = ["account.move", "helpdesk.aftersales.document.mixin"]``.
    """

    _name = "helpdesk.aftersales.document.mixin"
    _description = "Document created from a helpdesk ticket"

    helpdesk_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Helpdesk Ticket",
        index="btree_not_null",
        copy=False,
        readonly=True,
        ondelete="set null",
    )
