from odoo import api, fields, models
from odoo.exceptions import UserError


class HelpdeskAftersalesWizardMixin(models.AbstractModel):
    """What every after-sales dialog opened from a ticket shares: the ticket
    (from ``active_id``), its company and customer, the checks that the agent may
    act on this ticket, and the bookkeeping once documents are created (link them
    to the ticket, tell the ticket's chatter)."""

    _name = "helpdesk.aftersales.wizard.mixin"
    _description = "After-sales dialog opened from a helpdesk ticket"

    # Set by each bridge: the team flag that enables its service.
    _aftersales_service_field = None

    helpdesk_ticket_id = fields.Many2one("helpdesk.ticket", string="Helpdesk Ticket", readonly=True)

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if (
            "helpdesk_ticket_id" in fields_list
            and not res.get("helpdesk_ticket_id")
            and self.env.context.get("active_model") == "helpdesk.ticket"
            and self.env.context.get("active_id")
        ):
            res["helpdesk_ticket_id"] = self.env.context["active_id"]
        return res

    def _aftersales_check_ticket(self):
        """The dialog acts for the agent on the ticket: the agent must be allowed
        to change the ticket and the team must offer the service."""
        self.ensure_one()
        ticket = self.helpdesk_ticket_id
        if not ticket:
            raise UserError(self.env._("Open this dialog from a helpdesk ticket."))
        ticket.check_access("write")
        field = self._aftersales_service_field
        if field and not ticket.team_id[field]:
            raise UserError(
                self.env._(
                    "The team %(team)s does not offer this after-sales service. Enable "
                    "it in the team's After-Sales settings.",
                    team=ticket.team_id.display_name,
                )
            )
        return ticket

    def _aftersales_link_documents(self, documents, message):
        """Link ``documents`` to the ticket and post ``message`` (a translated
        text with ``%(documents)s``) on the ticket's chatter, with a link to each.

        Documents are linked with sudo: agents may create documents they cannot
        write afterwards (e.g. a draft credit note without accounting rights).
        """
        ticket = self.helpdesk_ticket_id
        documents.sudo().helpdesk_ticket_id = ticket
        ticket._aftersales_post_documents(documents, message)
        return documents
