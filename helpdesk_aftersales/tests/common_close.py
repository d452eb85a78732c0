from odoo.exceptions import UserError
from odoo.tests import Form

from odoo.addons.helpdesk_aftersales_platform.platform import STAGES, add_team_stages

from .common import HelpdeskAftersalesCase
from .common_queries import AftersalesQueriesMixin


class AftersalesCloseCase(AftersalesQueriesMixin, HelpdeskAftersalesCase):
    """A ticket that knows when after-sales is done (issue 18, item 5): the
    team setting *Close Only When After-Sales Is Done*, the ticket form's
    *Open after-sales* line and the refusal to close. Each bridge's
    ``tests/test_close_when_done.py`` builds on it; call
    ``cls._setup_aftersales_close()`` after ``cls._setup_aftersales()``."""

    @classmethod
    def _setup_aftersales_close(cls):
        # A closing stage of the helpdesk and an open one.
        cls.closing_stage = cls.env.ref(STAGES["solved"])
        cls.open_stage = cls.env.ref(STAGES["in_progress"])
        Ticket = cls.env["helpdesk.ticket"]
        assert Ticket._aftersales_is_closing_stage(cls.closing_stage)
        assert not Ticket._aftersales_is_closing_stage(cls.open_stage)
        add_team_stages(cls.aftersales_team, cls.closing_stage | cls.open_stage)
        # The manager ticks the setting in the team's After-Sales block.
        with Form(cls.aftersales_team) as team:
            team.aftersales_close_when_done = True

    def set_close_when_done(self, value):
        with Form(self.aftersales_team) as team:
            team.aftersales_close_when_done = value

    def move_ticket_to(self, ticket, stage, user=None):
        """Click ``stage`` in the status bar of the ticket's form (as
        ``user``): the form saves the new stage."""
        ticket.invalidate_recordset()
        form = Form(ticket.with_user(user) if user else ticket)
        form.stage_id = stage
        form.save()

    def open_after_sales_line(self, ticket, user=None):
        """The *Open after-sales* line of the ticket's form, as ``user``
        reads it; ``False`` when the form hides it (nothing open)."""
        self.env.invalidate_all()
        form = Form(ticket.with_user(user) if user else ticket)
        return form.aftersales_open_summary or False

    def assertCloseRefused(self, ticket, user=None):
        """Moving the ticket to the closing stage (as ``user``) is refused:
        return the message; the ticket keeps its stage."""
        stage = ticket.stage_id
        with self.assertRaises(UserError) as refusal:
            self.move_ticket_to(ticket, self.closing_stage, user)
        self.env.invalidate_all()
        self.assertEqual(ticket.stage_id, stage, "the ticket keeps its stage")
        message = refusal.exception.args[0]
        self.assertIn("After-sales is not done", message)
        self.assertIn(ticket.display_name, message)
        return message

    def assertCloseAllowed(self, ticket, user=None):
        self.move_ticket_to(ticket, self.closing_stage, user)
        self.env.invalidate_all()
        self.assertEqual(ticket.stage_id, self.closing_stage)

    def assertOpenDocumentsQueriesIndependentOfTickets(self, tickets, user=None):
        """The *Open after-sales* line, and the refusal to close, cost the same
        number of queries for one ticket as for all of ``tickets`` (each with
        something open). Returns the count of the refusal."""
        self.assertQueriesIndependentOfTickets(tickets, ["aftersales_open_summary"], user=user)

        def refusal_queries(records):
            records = records.with_user(user) if user else records
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            with self.assertRaises(UserError):
                records._aftersales_check_close({"stage_id": self.closing_stage.id})
            return self.env.cr.sql_log_count - start

        refusal_queries(tickets)  # warm-up
        one = refusal_queries(tickets[:1])
        self.assertEqual(one, refusal_queries(tickets), "the refusal costs queries per ticket")
        return one
