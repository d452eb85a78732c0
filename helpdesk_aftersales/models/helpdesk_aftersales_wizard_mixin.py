from odoo import Command, api, fields, models
from odoo.exceptions import MissingError, UserError, ValidationError


def _check_relational_values(model, vals):
    """Refuse relational values that are no ids of existing records (a
    string, a list, an id of nothing), in ``vals`` and in the lines they
    create: posted by a forged RPC call, they would otherwise reach the
    database and answer a traceback instead of a message."""
    for name, value in vals.items():
        field = model._fields.get(name)
        if not field or not field.relational or (field.compute and not field.store):
            continue
        ids = []
        if field.type == "many2one":
            ids = [value] if value not in (False, None) else []
        elif not isinstance(value, list | tuple):
            ids = [value]
        else:
            for command in value:
                if not isinstance(command, list | tuple) or not command:
                    ids.append(command)
                elif command[0] in (Command.CREATE, Command.UPDATE) and len(command) == 3:
                    if command[0] == Command.UPDATE:
                        ids.append(command[1])
                    if not isinstance(command[2], dict):
                        ids.append(command[2])
                    else:
                        _check_relational_values(model.env[field.comodel_name], command[2])
                elif command[0] in (Command.DELETE, Command.UNLINK, Command.LINK):
                    ids.append(command[1] if len(command) > 1 else None)
                elif command[0] == Command.SET and len(command) == 3:
                    if isinstance(command[2], list | tuple):
                        ids.extend(command[2])
                    else:
                        ids.append(command[2])
                elif command[0] != Command.CLEAR:
                    ids.append(command)
        if any(type(id_) is not int or id_ <= 0 for id_ in ids):
            raise ValidationError(
                model.env._(
                    "Invalid value for %(field)s: choose a record in the list.",
                    field=field._description_string(model.env),
                )
            )
        # Existence only (sudo): what the user may use is checked by the action.
        if len(model.env[field.comodel_name].sudo().browse(ids).exists()) != len(set(ids)):
            raise MissingError(
                model.env._(
                    "The record chosen for %(field)s does not exist (any more): reload the "
                    "page and choose again.",
                    field=field._description_string(model.env),
                )
            )


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

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            _check_relational_values(self, vals)
        return super().create(vals_list)

    def write(self, vals):
        _check_relational_values(self, vals)
        return super().write(vals)

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
