from odoo import Command, api, fields, models
from odoo.exceptions import MissingError, UserError, ValidationError
from odoo.tools import SQL


def _collect_ids(model, vals, found):
    """Add to ``found`` (``{field: [ids]}``) what ``vals`` gives as ids to
    relational fields, also in the lines it creates or updates. A value that
    is not an id (a string, a list...) is added as it is, to be refused."""
    for name, value in vals.items():
        field = model._fields.get(name)
        if not field or not field.relational or (field.compute and not field.store):
            continue
        ids = found.setdefault(field, [])
        if field.type == "many2one":
            if value not in (False, None):
                ids.append(value)
        elif not isinstance(value, list | tuple):
            ids.append(value)
        else:
            for command in value:
                _collect_command_ids(model.env[field.comodel_name], command, ids, found)


def _collect_command_ids(comodel, command, ids, found):
    """The ids of an x2many command (``Command.*``), or the value itself."""
    if not isinstance(command, list | tuple) or not command or command[0] not in range(7):
        ids.append(command)
        return
    code, id_, payload = (*command, None, None)[:3]
    if code in (Command.UPDATE, Command.DELETE, Command.UNLINK, Command.LINK):
        ids.append(id_)
    if code in (Command.CREATE, Command.UPDATE):
        if isinstance(payload, dict):
            _collect_ids(comodel, payload, found)
        else:
            ids.append(payload)
    elif code == Command.SET:
        ids.extend(payload if isinstance(payload, list | tuple) else [payload])


class HelpdeskAftersalesWizardMixin(models.AbstractModel):
    """What every after-sales dialog opened from a ticket shares: the ticket
    (from ``active_id``), the checks that the agent may act on this ticket, and
    the path from the confirm button to the documents: check, create, link them
    to the ticket and tell the ticket's chatter (``_aftersales_deliver``).

    A dialog of the suite sets ``_check_company_auto = True`` and
    ``check_company=True`` on its relational fields: the ORM refuses a record
    of another company than the ticket's (``company_id``, related to it)."""

    _name = "helpdesk.aftersales.wizard.mixin"
    _inherit = ["helpdesk.aftersales.company.mixin"]
    _description = "After-sales dialog opened from a helpdesk ticket"

    _aftersales_company_field = "helpdesk_ticket_id"

    # Set by each bridge: the team flag that enables its service.
    _aftersales_service_field = None

    helpdesk_ticket_id = fields.Many2one("helpdesk.ticket", string="Helpdesk Ticket", readonly=True)

    def _aftersales_is_ticket_dialog(self, vals):
        """Whether the record (to create with ``vals``) is a dialog of a ticket:
        a model that mixes this in for more (e.g. core's reversal dialog) is
        only checked when it comes from a ticket."""
        return bool(
            vals.get("helpdesk_ticket_id")
            or self.helpdesk_ticket_id
            or self.env.context.get("active_model") == "helpdesk.ticket"
        )

    def _aftersales_check_relational_values(self, vals):
        """Refuse, with a message, relational values that are no ids of
        existing records. Left to the ORM, a string or a list where an id
        belongs answers a database traceback, and an id of nothing (wrong,
        negative, of another model) the foreign key's "another model requires
        the record being deleted" after an ERROR "bad query" in the server
        log: see the bridges' ``tests/test_rpc.py``."""
        if not self._aftersales_is_ticket_dialog(vals):
            return
        found = {}
        _collect_ids(self, vals, found)
        for field, ids in found.items():
            label = field._description_string(self.env)
            if any(type(id_) is not int for id_ in ids):
                raise ValidationError(
                    self.env._(
                        "Invalid value for %(field)s: choose a record in the list.", field=label
                    )
                )
            # Existence only (sudo): what the user may use is checked by the action.
            # Distinct ids: two lines may name the same record (two serial
            # numbers of one delivered move), and exists() keeps duplicates.
            unique_ids = list(dict.fromkeys(ids))
            if len(self.env[field.comodel_name].sudo().browse(unique_ids).exists()) != len(
                unique_ids
            ):
                raise MissingError(
                    self.env._(
                        "The record chosen for %(field)s does not exist (any more): reload the "
                        "page and choose again.",
                        field=label,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._aftersales_check_relational_values(vals)
        return super().create(vals_list)

    def write(self, vals):
        for dialog in self:
            dialog._aftersales_check_relational_values(vals)
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

    # ------------------------------------------------------------------
    # The path of the confirm button: checks -> documents -> link and chatter
    # ------------------------------------------------------------------

    def _aftersales_deliver(self, message, **options):
        """Check the dialog, create its documents, link them to the ticket and
        post ``message`` (a translated text with ``%(documents)s``) on its
        chatter; return the documents. ``options`` go to the bridge's
        ``_aftersales_create_documents``. Everything is checked before anything
        is created: a refusal leaves nothing behind."""
        self.ensure_one()
        self._aftersales_check_ticket()
        self._aftersales_check_values()
        documents = self._aftersales_create_documents(**options)
        return self._aftersales_link_documents(documents, message)

    def _aftersales_check_ticket(self):
        """The dialog acts for the agent on the ticket: the agent must be allowed
        to change the ticket and the team must offer the service."""
        self.ensure_one()
        ticket = self.helpdesk_ticket_id
        if not ticket:
            raise UserError(self.env._("Open this dialog from a helpdesk ticket."))
        ticket._aftersales_check_service(self._aftersales_service_field)
        return ticket

    def _aftersales_check_values(self):
        """The bridge's checks of what the dialog received (the values may come
        from a forged call), each a small ``_aftersales_check_*``."""

    def _aftersales_create_documents(self, **options):
        """The bridge's documents (a recordset), created from checked values."""
        raise NotImplementedError

    def _aftersales_lock(self, records):
        """Serialize two dialogs acting on the same ``records`` (e.g. two
        agents returning the same delivered moves, reversing the same invoice).

        A no-op update takes the rows' lock and makes a new row version: a
        concurrent transaction doing the same waits, then fails with a
        serialization error when this one commits, and the RPC layer retries
        it; on retry it sees what this one created and refuses what is no
        longer possible. (A plain SELECT ... FOR UPDATE would not make it fail
        under Odoo's REPEATABLE READ isolation.)
        """
        if records.ids:
            self.env.cr.execute(
                SQL(
                    "UPDATE %s SET write_date = write_date WHERE id IN %s",
                    SQL.identifier(records._table),
                    tuple(records.ids),
                )
            )

    def _aftersales_link_documents(self, documents, message):
        """Link ``documents`` to the dialog's ticket and tell its chatter
        (``helpdesk.ticket._aftersales_attach_documents``)."""
        return self.helpdesk_ticket_id._aftersales_attach_documents(documents, message)
