import base64

from odoo import fields, models

from .helpdesk_team_notify import NOTIFY_SWITCHES


class HelpdeskTicket(models.Model):
    # The after-sales loop's own file (issue 29), apart from the ticket's
    # services while the parallel branches merge.
    _inherit = "helpdesk.ticket"  # pylint: disable=consider-merging-classes-inherited

    # What the customer was already told: "<event>:<model>:<id>" keys, so that
    # each step of the loop is emailed once whatever calls it again (a
    # transfer validated twice, a repair's delivery told by two modules).
    # Written on the ticket's row: two transactions telling the same step at
    # once conflict there, the second is retried and sees the first's key.
    aftersales_notified_keys = fields.Json(
        string="Customer Emails Sent", copy=False, groups="base.group_system"
    )

    def _aftersales_notify_templates(self):
        """``{event: {document model: mail.template xmlid}}``: the email of
        each step of the loop, per kind of document. Each bridge adds the
        templates of its documents with ``super()``."""
        return {}

    def _aftersales_notify_customer(self, event, documents):
        # One email per document of the event (its own reference, slip and
        # products), in the customer's language (the template's ``lang``),
        # when the team's switch of the event is on; never twice the same.
        super()._aftersales_notify_customer(event, documents)
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
