from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # The ticket's view of its team's After-Sales settings: they drive which
    # service buttons the ticket form shows.
    use_credit_notes = fields.Boolean(related="team_id.use_credit_notes")
    use_coupons = fields.Boolean(related="team_id.use_coupons")
    use_product_returns = fields.Boolean(related="team_id.use_product_returns")
    use_product_repairs = fields.Boolean(related="team_id.use_product_repairs")
    use_fsm = fields.Boolean(related="team_id.use_fsm")

    def _aftersales_count(self, model_name, domain=None):
        """Number of ``model_name`` documents linked to each ticket of ``self``,
        in one query whatever the number of tickets.

        Counts what the current user may read; a user without read access to
        the model gets 0 (its smart button hides) rather than an error on the
        ticket form. The count is the user's own: the compute calling this
        declares ``@api.depends_context("uid")`` so that it is never served
        from a cache filled for another user.
        """
        Model = self.env[model_name]
        if not self.ids or not Model.has_access("read"):
            return {}
        groups = Model._read_group(
            [("helpdesk_ticket_id", "in", self.ids)] + (domain or []),
            ["helpdesk_ticket_id"],
            ["__count"],
        )
        return {ticket.id: count for ticket, count in groups}

    def _aftersales_set_count(self, count_field, model_name, domain=None):
        counts = self._aftersales_count(model_name, domain)
        for ticket in self:
            ticket[count_field] = counts.get(ticket._origin.id, 0)

    def _aftersales_check_service(self, service_field):
        """The agent acts on the ticket for the customer: they must be allowed
        to change the ticket, and its team must offer the service
        (``service_field``, a team flag such as ``use_product_repairs``)."""
        self.ensure_one()
        self.check_access("write")
        if service_field and not self.team_id[service_field]:
            raise UserError(
                self.env._(
                    "The team %(team)s does not offer this after-sales service. Enable "
                    "it in the team's After-Sales settings.",
                    team=self.team_id.display_name,
                )
            )

    def _aftersales_check_may_use(self, needs, refusal):
        """Raise ``refusal`` (a translated text) unless the user has ``needs``:
        ``(model, operation)`` for an access right, or a group's xmlid. Checked
        before a dialog opens, rather than a dialog the user cannot confirm."""
        if isinstance(needs, str):
            allowed = self.env.user.has_group(needs)
        else:
            model_name, operation = needs
            allowed = self.env[model_name].has_access(operation)
        if not allowed:
            raise UserError(refusal)

    def _aftersales_open_dialog(self, model_name, title, view_xmlid=None, needs=None, refusal=None):
        """The pop-up of a service, opened on this ticket (what every ticket
        button of the bridges returns); with ``needs``, only for users who have
        it (see ``_aftersales_check_may_use``), the others get ``refusal``."""
        self.ensure_one()
        if needs:
            self._aftersales_check_may_use(needs, refusal)
        view = self.env.ref(view_xmlid) if view_xmlid else False
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": model_name,
            "view_mode": "form",
            "views": [(view.id if view else False, "form")],
            "target": "new",
            "context": {
                "active_model": "helpdesk.ticket",
                "active_id": self.id,
                "active_ids": self.ids,
            },
        }

    def _aftersales_action_view(self, action_xmlid, documents, form_view_xmlid=None):
        """Open ``documents`` with ``action_xmlid``: the form when there is one,
        the list otherwise (as core smart buttons do)."""
        action = self.env["ir.actions.actions"]._for_xml_id(action_xmlid)
        action["context"] = {"create": False}
        if len(documents) == 1:
            form_view = self.env.ref(form_view_xmlid) if form_view_xmlid else False
            action.update(
                res_id=documents.id,
                view_mode="form",
                views=[(form_view.id if form_view else False, "form")],
            )
        else:
            action["domain"] = [("id", "in", documents.ids)]
        return action

    def _aftersales_post_documents(self, documents, message):
        """Post ``message`` (a translated text with ``%(documents)s``) on the
        ticket's chatter with a link to each document."""
        self.ensure_one()
        links = Markup(", ").join(doc._get_html_link() for doc in documents)
        self.message_post(body=Markup(message) % {"documents": links})
