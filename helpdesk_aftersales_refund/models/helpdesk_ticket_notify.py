from odoo import models


class HelpdeskTicket(models.Model):
    # The after-sales loop's own file (issue 29), apart from the ticket's
    # services while the parallel branches merge.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    def _aftersales_notify_templates(self):
        templates = super()._aftersales_notify_templates()
        templates.setdefault("credit_note_issued", {})["account.move"] = (
            "helpdesk_aftersales_refund.mail_template_credit_note_issued"
        )
        return templates

    def _aftersales_attach_documents(self, documents, message):
        # A credit note posted before it joins its ticket (the Refund dialog's
        # Reverse posts it at once) is issued when it joins.
        documents = super()._aftersales_attach_documents(documents, message)
        moves = [doc for doc in documents if doc._name == "account.move"]
        if moves:
            self.env["account.move"].union(*moves)._aftersales_notify_credit_notes()
        return documents
