from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from odoo.addons.base.tests.common import BaseCommon
from odoo.addons.helpdesk_aftersales_platform.platform import TEAM_MODEL, TICKET_REQUIRED_VALUES

from .common_close import AftersalesCloseCase


@tagged("post_install", "-at_install")
class TestCloseWhenDone(AftersalesCloseCase, BaseCommon):
    """The base of *Close Only When After-Sales Is Done*: the team setting,
    the ticket form's line and the check, whatever bridge is installed (each
    bridge tests its own documents)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_aftersales()
        cls._setup_aftersales_close()

    def test_setting_in_the_after_sales_block(self):
        with Form(self.env[TEAM_MODEL]) as team:
            team.name = "Level 2"
            self.assertFalse(team.aftersales_close_when_done, "off on a new team")
        Team = self.env[TEAM_MODEL]
        self.assertEqual(
            Team._fields["aftersales_close_when_done"].string,
            "Close Only When After-Sales Is Done",
        )
        arch = etree.fromstring(Team.get_views([(False, "form")])["views"]["form"]["arch"])
        self.assertTrue(
            arch.xpath(
                "//div[@name='after_sales']//setting[@id='aftersales_close_when_done']"
                "//field[@name='aftersales_close_when_done']"
            )
        )
        self.assertTrue(self.aftersales_team.aftersales_close_when_done)
        self.assertTrue(self.aftersales_ticket.aftersales_close_when_done)

    def test_nothing_open_the_ticket_closes(self):
        ticket = self.aftersales_ticket
        self.assertFalse(self.open_after_sales_line(ticket, self.helpdesk_agent))
        self.assertCloseAllowed(ticket, self.helpdesk_agent)

    def test_open_line_hidden_when_nothing_is_open(self):
        arch = etree.fromstring(
            self.aftersales_ticket.get_views([(False, "form")])["views"]["form"]["arch"]
        )
        [alert] = arch.xpath("//div[@name='aftersales_open_documents']")
        self.assertEqual(alert.get("invisible"), "not aftersales_open_summary")
        self.assertTrue(alert.xpath(".//field[@name='aftersales_open_summary']"))

    def test_refusal_leaves_the_tickets_unchanged(self):
        """With something open (a bridge's documents, stood in for here by a
        hook returning the ticket's customer), a multi-ticket write is refused
        as a whole and writes nothing, the other values included."""
        ticket = self.aftersales_ticket
        other = self.env["helpdesk.ticket"].create(
            {**TICKET_REQUIRED_VALUES, "name": "Nothing open", "team_id": self.aftersales_team.id}
        )
        customer = self.aftersales_customer
        Ticket = self.registry["helpdesk.ticket"]
        original = Ticket._aftersales_open_documents

        def open_documents(tickets):
            result = original(tickets)
            if ticket.id in tickets.ids:
                result.setdefault(ticket.id, {})["Contacts"] = customer.sudo()
            return result

        self.patch(Ticket, "_aftersales_open_documents", open_documents)
        self.assertEqual(
            self.open_after_sales_line(ticket, self.helpdesk_agent).split(" · ")[-1],
            "Contacts: 1",
        )
        tickets = (ticket | other).with_user(self.helpdesk_agent)
        priorities = (ticket | other).mapped("priority")
        with self.assertRaises(UserError) as refusal:
            tickets.write({"stage_id": self.closing_stage.id, "priority": "3"})
        message = refusal.exception.args[0]
        self.assertIn(f"{ticket.display_name}\n- Contacts: {customer.display_name}", message)
        self.assertNotIn(other.display_name, message)
        self.env.invalidate_all()
        self.assertEqual((ticket | other).mapped("priority"), priorities, "nothing written")
        self.assertNotIn("3", priorities)
        self.assertNotIn(self.closing_stage, (ticket | other).stage_id)
        # Other stages and other fields stay editable.
        tickets.write({"stage_id": self.open_stage.id, "priority": "3"})
        self.assertEqual((ticket | other).stage_id, self.open_stage)
        # Without the setting, the ticket closes.
        self.set_close_when_done(False)
        self.assertCloseAllowed(ticket, self.helpdesk_agent)
        # Moving the ticket to a team that closes only when done, into a
        # closing stage in the same write, is checked against the new team.
        tickets.write({"stage_id": self.open_stage.id})
        strict = self.env[TEAM_MODEL].create({"name": "Strict", "aftersales_close_when_done": True})
        with self.assertRaises(UserError):
            ticket.with_user(self.helpdesk_agent).write(
                {"team_id": strict.id, "stage_id": self.closing_stage.id}
            )
        self.env.invalidate_all()
        self.assertEqual(ticket.team_id, self.aftersales_team)

    def test_setting_and_refusal_translated(self):
        self._load_aftersales_languages(["helpdesk_aftersales"])
        ticket = self.aftersales_ticket
        Ticket = self.registry["helpdesk.ticket"]
        original = Ticket._aftersales_open_documents

        def open_documents(tickets):
            result = original(tickets)
            result.setdefault(ticket.id, {})["X"] = self.aftersales_customer.sudo()
            return result

        self.patch(Ticket, "_aftersales_open_documents", open_documents)
        expected = {
            "de_DE": (
                "Erst schließen, wenn die After-Sales-Vorgänge erledigt sind",
                "X: 1",
                "Noch offen:",
            ),
            # Full-width colons (\uff1a), as Chinese catalogues write them.
            "zh_CN": ("售后完成后才可关闭", "X\uff1a1", "仍未完成\uff1a"),
        }
        for lang, (setting, line, refusal) in expected.items():
            self.helpdesk_agent.lang = lang
            Team = self.env[TEAM_MODEL].with_context(lang=lang)
            self.assertEqual(
                Team.fields_get(["aftersales_close_when_done"], ["string"])[
                    "aftersales_close_when_done"
                ]["string"],
                setting,
            )
            self.assertEqual(
                self.open_after_sales_line(
                    ticket.with_context(lang=lang), self.helpdesk_agent
                ).split(" · ")[-1],
                line,
            )
            with self.assertRaisesRegex(UserError, refusal):
                self.move_ticket_to(
                    ticket.with_context(lang=lang), self.closing_stage, self.helpdesk_agent
                )
