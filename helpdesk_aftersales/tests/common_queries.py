import freezegun

from odoo import fields


class AftersalesQueriesMixin:
    """Query-count assertions of the suite (docs/BENCHMARKS.md): counts that
    do not grow with the number of tickets or with a customer's history.
    Combine it with ``HelpdeskAftersalesCase`` (or a case built on it) in a
    test class that measures queries."""

    def assertQueriesIndependentOfTickets(self, tickets, field_names, user=None):
        """Computing ``field_names`` (smart-button counts, button flags) costs
        the same number of queries for one ticket as for all of ``tickets``:
        they are computed in batch, never per record."""

        def queries(records):
            records.env.invalidate_all()
            records = records.with_user(user) if user else records
            start = self.env.cr.sql_log_count
            for name in field_names:
                records.mapped(name)
            return self.env.cr.sql_log_count - start

        queries(tickets)  # warm the caches of the user, access rights, ...
        self.assertGreater(len(tickets), 1)
        self.assertEqual(queries(tickets[:1]), queries(tickets))

    def assertCountQueriesAtMost(self, tickets, field_names, ceiling, user=None):
        """Computing ``field_names`` on all of ``tickets`` (warm caches) takes at
        most ``ceiling`` queries: a fixed budget, so that a new query per
        service, not only per ticket, is noticed."""
        tickets = tickets.with_user(user) if user else tickets
        for name in field_names:  # warm-up: access rights, ormcaches
            tickets.mapped(name)
        self.env.invalidate_all()
        with self.assertQueryCount(ceiling):
            for name in field_names:
                tickets.mapped(name)

    @staticmethod
    def list_view_specification(model):
        """What the web client asks ``web_search_read`` for when it shows the
        list view of ``model``: every column of the view (as the user sees it),
        with the name of related records."""
        from lxml import etree

        arch = model.get_views([(False, "list")])["views"]["list"]["arch"]
        spec = {}
        for node in etree.fromstring(arch).iter("field"):
            field = model._fields[node.get("name")]
            spec[field.name] = {"fields": {"display_name": {}}} if field.relational else {}
        return spec

    def assertListReadIndependentOfTickets(self, tickets, user=None):
        """Reading the ticket list (the list view's columns, as the web client
        does) costs the same number of queries for one ticket as for all of
        ``tickets``. Returns that number."""
        Ticket = self.env["helpdesk.ticket"].with_user(user or self.env.user)
        spec = self.list_view_specification(Ticket)

        def queries(records):
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            result = Ticket.web_search_read([("id", "in", records.ids)], spec)
            self.assertEqual(len(result["records"]), len(records))
            return self.env.cr.sql_log_count - start

        queries(tickets)  # warm-up
        self.assertGreater(len(tickets), 1)
        one = queries(tickets[:1])
        self.assertEqual(one, queries(tickets), "the list costs queries per ticket")
        return one

    def assertQueriesIndependentOfHistory(self, build_history, action, sizes=(1, 20)):
        """``action`` (open a dialog and confirm it) costs the same number of
        queries for a customer with ``sizes[0]`` documents of history as for one
        with ``sizes[-1]``: what the dialog offers is searched in one query, and
        nothing is read per document of the customer's past.

        ``build_history(size)`` creates a new customer with ``size`` documents
        and returns what ``action`` takes (its ticket, the document to act
        on, ...). Returns the query counts, one per size."""

        def queries(size):
            subject = build_history(size)
            self.env.flush_all()
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            # The clock stands still: core writes a date again when its
            # recomputed value differs, e.g. a new transfer's scheduled date
            # (its creation's "now") when a second has passed before its moves
            # (theirs): one more query, whatever the history, now and then.
            with freezegun.freeze_time(fields.Datetime.now()):
                action(subject)
                self.env.flush_all()
            return self.env.cr.sql_log_count - start

        queries(sizes[0])  # warm-up: access rights, views, sequences, ...
        counts = [queries(size) for size in sizes]
        self.assertEqual(
            counts[0],
            counts[-1],
            f"queries for a customer with {sizes[0]} vs {sizes[-1]} documents",
        )
        return counts
