import base64
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.convert import convert_file
from odoo.tools.misc import file_path

from .helpdesk_team_notify import NOTIFY_SWITCHES


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # The ticket's view of its team's After-Sales settings: they drive which
    # service buttons the ticket form shows.
    use_credit_notes = fields.Boolean(related="team_id.use_credit_notes")
    use_coupons = fields.Boolean(related="team_id.use_coupons")
    use_product_returns = fields.Boolean(related="team_id.use_product_returns")
    use_product_repairs = fields.Boolean(related="team_id.use_product_repairs")
    use_fsm = fields.Boolean(related="team_id.use_fsm")
    aftersales_close_when_done = fields.Boolean(related="team_id.aftersales_close_when_done")
    # What is still open, per kind of document: counts only, the same for every
    # agent of the ticket (they explain why the ticket cannot be closed yet).
    aftersales_open_summary = fields.Char(
        string="Open After-Sales",
        compute="_compute_aftersales_open_summary",
        groups="helpdesk_aftersales_platform.group_helpdesk_user",
    )

    # What the customer was already told: "<event>:<model>:<id>" keys, so that
    # each step of the loop is emailed once whatever calls it again (a
    # transfer validated twice, a repair's delivery told by two modules).
    # Written on the ticket's row: two transactions telling the same step at
    # once conflict there, the second is retried and sees the first's key.
    aftersales_notified_keys = fields.Json(
        string="Customer Emails Sent", copy=False, groups="base.group_system"
    )

    def _check_company_domain(self, companies):
        # A document of no company (e.g. a coupon of a program shared by the
        # companies) may be linked to a ticket of any company, as a record of
        # no company may be given any user (res.users does the same).
        if not companies:
            return []
        return super()._check_company_domain(companies)

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

    def _aftersales_attach_documents(self, documents, message):
        """The one way an after-sales document joins the ticket, whatever made
        it (a dialog, a validated transfer, a repair): link ``documents`` to
        the ticket and post ``message`` (a translated text with
        ``%(documents)s``) on its chatter, with a link to each.

        ``documents`` is a recordset, or a list of records of several models
        (e.g. returns and their credit notes, told in one message). Linked with
        sudo: agents may create documents they cannot write afterwards (e.g. a
        draft credit note without accounting rights); one write per model."""
        self.ensure_one()
        by_model = defaultdict(list)
        for doc in documents:
            by_model[doc._name].append(doc.id)
        for model_name, ids in by_model.items():
            records = self.env[model_name].sudo().browse(ids)
            records.filtered(lambda doc: doc.helpdesk_ticket_id != self).helpdesk_ticket_id = self
        self._aftersales_post_documents(documents, message)
        return documents

    def _aftersales_notify_templates(self):
        """``{event: {document model: mail.template xmlid}}``: the email of
        each step of the loop, per kind of document. Each bridge adds the
        templates of its documents with ``super()``."""
        return {}

    def _aftersales_notify_customer(self, event, documents):
        """Tell the customer of ``event`` (a step of the after-sales loop:
        ``return_authorised``, ``goods_received``, ``credit_note_issued``,
        ``product_shipped``) about ``documents``: the email the team sends
        for it, if any. Called once per event by the code that makes the
        event happen."""
        # One email per document of the event (its own reference, slip and
        # products), in the customer's language (the template's ``lang``),
        # when the team's switch of the event is on; never twice the same.
        self.ensure_one()
        ticket = self.sudo()
        if not documents or not ticket.partner_id or not ticket.team_id[NOTIFY_SWITCHES[event]]:
            return
        xmlid = self._aftersales_notify_templates().get(event, {}).get(documents._name)
        template = xmlid and self.env.ref(xmlid, raise_if_not_found=False)
        if not template:
            return
        sent = dict.fromkeys(ticket.aftersales_notified_keys or [])
        for document in documents:
            key = f"{event}:{document._name}:{document.id}"
            if key not in sent:
                sent[key] = None
                ticket._aftersales_post_template(template, document)
        ticket.aftersales_notified_keys = list(sent)

    def _aftersales_post_template(self, template, document):
        """Post ``template`` rendered on ``document`` on the ticket's chatter,
        to the ticket's customer (sudo: the user who validates a transfer may
        not read the ticket). The email waits in the outgoing queue: sending
        is not part of the user's click."""
        self.ensure_one()
        values = template.sudo()._generate_template(
            document.ids, ["subject", "body_html", "report_template_ids"]
        )[document.id]
        attachments = [
            (name, base64.b64decode(content)) for name, content in values.get("attachments", [])
        ]
        return self.with_context(mail_notify_force_send=False).message_post(
            body=values["body_html"],
            subject=values["subject"],
            partner_ids=self.partner_id.ids,
            attachments=attachments,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            email_layout_xmlid="mail.mail_notification_light",
        )

    def _aftersales_post_documents(self, documents, message):
        """Post ``message`` (a translated text with ``%(documents)s``) on the
        ticket's chatter with a link to each document."""
        self.ensure_one()
        links = Markup(", ").join(doc._get_html_link() for doc in documents)
        self.message_post(body=Markup(message) % {"documents": links})

    # Is after-sales done? ---------------------------------------------------

    def _aftersales_open_documents(self):
        """The after-sales documents of the tickets of ``self`` that are still
        open: ``{ticket id: {kind: documents}}``, ``kind`` being the translated
        label of the kind of document (the ticket's smart button), tickets with
        nothing open left out.

        Each bridge extends it with ``super()`` and one
        ``_aftersales_add_open_documents`` call (one query for all tickets).
        The documents are read with sudo: the truth whatever the current user
        may read, as closing a ticket relies on it. What a user is shown of them
        is filtered by ``_aftersales_open_documents_message``.
        """
        return {}

    def _aftersales_add_open_documents(self, result, kind, model_name, domain):
        """Add to ``result`` (see ``_aftersales_open_documents``) the
        ``model_name`` documents of the tickets of ``self`` matching ``domain``
        (what "still open" means for them), in one query for all tickets."""
        Model = self.env[model_name].sudo()
        if not self.ids:
            return result
        groups = Model._read_group(
            [("helpdesk_ticket_id", "in", self.ids), *domain],
            ["helpdesk_ticket_id"],
            ["id:array_agg"],
        )
        for ticket, ids in groups:
            result.setdefault(ticket.id, {})[kind] = Model.browse(sorted(ids))
        return result

    @api.depends_context("lang")
    def _compute_aftersales_open_summary(self):
        open_documents = self._aftersales_open_documents()
        for ticket in self:
            kinds = open_documents.get(ticket._origin.id, {})
            # " · " joins the kinds whatever the language (no comma to translate).
            ticket.aftersales_open_summary = " · ".join(
                self.env._("%(kind)s: %(count)s", kind=kind, count=len(documents))
                for kind, documents in kinds.items()
            )

    def _aftersales_open_documents_message(self, open_documents):
        """Lines naming the open documents of the tickets of ``self`` (see
        ``_aftersales_open_documents``): per ticket, one line per kind with the
        names of the documents the current user may read and a count of the
        others (they exist, the user may not know them). Access and names are
        read once per kind for all tickets."""
        by_kind = {}
        for kinds in open_documents.values():
            for kind, documents in kinds.items():
                by_kind[kind] = by_kind.get(kind, documents.browse()) | documents
        readable = set()
        for documents in by_kind.values():
            allowed = documents.with_env(self.env)._filtered_access("read")
            allowed.mapped("display_name")  # one read for all tickets
            readable.update((allowed._name, doc_id) for doc_id in allowed.ids)
        lines = []
        for ticket in self.filtered(lambda t: t.id in open_documents):
            lines.append(ticket.display_name)
            for kind, documents in open_documents[ticket.id].items():
                shown = documents.filtered(lambda doc: (doc._name, doc.id) in readable)
                names = shown.with_env(self.env).mapped("display_name")
                if hidden := len(documents) - len(shown):
                    names.append(self.env._("%(count)s you cannot access", count=hidden))
                lines.append(
                    self.env._("- %(kind)s: %(documents)s", kind=kind, documents=", ".join(names))
                )
        return lines

    def _aftersales_check_close(self, vals):
        """Refuse to move tickets of teams that close only when after-sales is
        done to a closing stage while some of their documents are open. What
        a closing stage is, is the helpdesk's (``_aftersales_is_closing_stage``
        of helpdesk_aftersales_platform)."""
        stage_id = vals.get("stage_id")
        if not stage_id or not isinstance(stage_id, int):
            return
        stage = self.stage_id.sudo().browse(stage_id).exists()
        if not stage or not self._aftersales_is_closing_stage(stage):
            return
        new_team = False
        if isinstance(vals.get("team_id"), int):
            new_team = self.team_id.sudo().browse(vals["team_id"]).exists()
        tickets = self.filtered(
            lambda ticket: ticket.stage_id != stage
            and (new_team or ticket.team_id).sudo().aftersales_close_when_done
        )
        open_documents = tickets._aftersales_open_documents()
        if not open_documents:
            return
        raise UserError(
            "\n".join(
                [
                    self.env._(
                        "After-sales is not done: this team closes a ticket only when its "
                        "after-sales documents are done. Still open:"
                    ),
                    *tickets._aftersales_open_documents_message(open_documents),
                    self.env._("Finish or cancel them, then close the ticket."),
                ]
            )
        )

    def write(self, vals):
        self._aftersales_check_close(vals)
        return super().write(vals)

    # Demo data ----------------------------------------------------------------

    @api.model
    def _aftersales_load_platform_demo(self, filename):
        """Load the helpdesk's version of the demo file ``filename`` of
        helpdesk_aftersales (``helpdesk_aftersales_platform/suite_demo/``: its
        records are of the helpdesk's models) as helpdesk_aftersales's own
        data, with its XML ids, whichever helpdesk the suite runs on."""
        done = self.env.ref("helpdesk_aftersales.helpdesk_team_aftersales", False)
        convert_file(
            self.env,
            "helpdesk_aftersales",
            filename,
            {},
            mode="update" if done else "init",
            noupdate=True,
            kind="demo",
            pathname=file_path(f"helpdesk_aftersales_platform/suite_demo/{filename}"),
        )

    @api.model
    def _aftersales_demo_team_write(self, values):
        """Demo data of the bridges: set ``values`` on the demo's After-Sales
        team (a demo file cannot name the helpdesk's team model)."""
        self.env.ref("helpdesk_aftersales.helpdesk_team_aftersales").write(values)
