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

    def _aftersales_portal_status(self):
        """``(label, tone)``: the status of this document as its customer
        reads it on the ticket's portal page, in their words, not the
        document's internal state; ``tone`` is the badge's colour, one of
        Bootstrap's (``success``, ``info``, ``warning``, ``danger``), as core's
        portal pages colour theirs. Each bridge says it for its documents."""
        self.ensure_one()
        raise NotImplementedError(self._name)
