from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class HelpdeskAftersalesWizardMixin(models.AbstractModel):
    """What every after-sales dialog opened from a ticket shares: the ticket
    (from ``active_id``), the checks that the agent may act on this ticket, and
    the path from the confirm button to the documents: check, create, attach
    them to the ticket (``_aftersales_check_create_attach``).

    What the values of a dialog may be is the ORM's: a dialog of the suite sets
    ``_check_company_auto = True`` and ``check_company=True`` on its relational
    fields (a record of another company than the ticket's, ``company_id``
    related to it, is refused when the dialog is saved), the record rules
    decide what its user may read, and an id of no record is refused by the
    column's foreign key, before anything is created. The bridge checks only
    what is its own business (``_aftersales_check_values``)."""

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

    def _aftersales_check_create_attach(self, message, **options):
        """The confirm button's path: check the dialog, create its documents
        and attach them to the ticket (link, and ``message``, a translated text
        with ``%(documents)s``, on its chatter); return the documents.
        ``options`` go to the bridge's ``_aftersales_create_documents``.
        Everything is checked before anything is created: a refusal leaves
        nothing behind."""
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
        """Refuse the dialog's first refusal (``_aftersales_refusals``) with a
        ``UserError``: the one place a dialog's values are refused. A check
        that passes yields nothing (``None``): it is skipped."""
        refusal = next(filter(None, self._aftersales_refusals()), None)
        if refusal:
            raise UserError(refusal)

    def _aftersales_refusals(self):
        """What is wrong with what the dialog received (the values may come
        from a forged call): translated messages, most basic first. A bridge
        extends it as a generator, ``yield from super()._aftersales_refusals()``
        then one ``yield`` per refusal, each computed by a small
        ``_aftersales_*_refusal`` method that returns a message or nothing.
        Only the first is shown, and what follows it is not computed: a check
        may rely on the ones before it having passed."""
        return iter(())

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
