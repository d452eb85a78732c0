from odoo import api, fields, models


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
        check_company=True,
    )

    @api.constrains("helpdesk_ticket_id")
    def _check_aftersales_ticket_company(self):
        # Not every document model checks its companies on write
        # (``_check_company_auto``: coupons and tasks do not): the link to the
        # ticket is checked here for all of them. A document of no company
        # (a coupon of a program shared by the companies) fits any ticket
        # (``helpdesk.ticket._check_company_domain``).
        self._check_company(["helpdesk_ticket_id"])

    def _aftersales_portal_status(self):
        """``(label, tone)``: the status of this document as its customer
        reads it on the ticket's portal page, in their words, not the
        document's internal state; ``tone`` is the badge's colour, one of
        Bootstrap's (``success``, ``info``, ``warning``, ``danger``), as core's
        portal pages colour theirs. Each bridge says it for its documents."""
        self.ensure_one()
        raise NotImplementedError(self._name)
