"""The measures of `make bench` (bench/run.py) that run inside `odoo-bin shell`,
this file piped into it as bench/load.py's scripts are: the mode HA_BENCH_MODE
names (``counts``, ``list`` or ``receipt``, ``MODES``) runs, the transaction is
rolled back, and "RESULT:<json>" is printed for bench/run.py to render.
"""

import functools
import json
import os
import statistics
import time

SIZES = [1, 100, 1000]


def timed(fn, env):
    """(queries, seconds) of one call of ``fn`` on a cold cache of ``env``."""
    env.flush_all()
    env.invalidate_all()
    env.registry.clear_cache()
    q0 = env.cr.sql_log_count
    t0 = time.perf_counter()
    fn()
    env.flush_all()
    return env.cr.sql_log_count - q0, time.perf_counter() - t0


def measure(fn, env, repeat=1):
    """(queries, median seconds) of ``fn`` on a cold cache."""
    runs = [timed(fn, env) for _ in range(repeat)]
    return runs[-1][0], statistics.median(t for _, t in runs)


def make_tickets(count, env):
    team = env["helpdesk.team"].search([], limit=1) or env["helpdesk.team"].create(
        {"name": "Bench"}
    )
    partner = env["res.partner"].create({"name": "Bench customer"})
    return env["helpdesk.ticket"].create(
        [
            {"name": f"Ticket {i}", "team_id": team.id, "partner_id": partner.id}
            for i in range(count)
        ]
    )


def counts(env):
    """Queries and time of every smart-button count on 1, 100, 1000 tickets."""
    out = {}
    tickets = make_tickets(max(SIZES), env)
    Ticket = env["helpdesk.ticket"]
    count_fields = sorted(
        name
        for name, field in Ticket._fields.items()
        if name.endswith("_count")
        and field.compute
        and any(m.startswith("helpdesk_aftersales") for m in (field._modules or ()))
    )
    out["fields"] = count_fields
    assert count_fields, "no smart-button count field found"
    for size in SIZES:
        batch = tickets[:size]
        q, t = measure(functools.partial(batch.read, count_fields), env, repeat=3)
        out[str(size)] = {"queries": q, "seconds": t}
    return out


def list_(env):
    """1000 tickets read with the list view's fields, in this database (the
    suite) and in HA_BENCH_OTHER_DB (the stand-in helpdesk alone)."""
    # Both databases in this one process, read in turn: the ratio compares
    # reads made at the same moments, so the load of the machine hits both
    # alike (two processes at two moments gave ratios 0.1 apart).
    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry

    from odoo.addons.helpdesk_aftersales.tests.common_queries import AftersalesQueriesMixin

    standin_cr = Registry(os.environ["HA_BENCH_OTHER_DB"]).cursor()
    # The same user context (lang, tz) as the shell's own environment.
    standin_env = api.Environment(standin_cr, SUPERUSER_ID, dict(env.context))

    def list_read(env_):
        """What the web client asks for: the test kit's list_view_specification
        (every column of the list view, with the name of related records)."""
        make_tickets(1000, env_)
        Ticket = env_["helpdesk.ticket"]
        spec = AftersalesQueriesMixin.list_view_specification(Ticket)
        return list(spec), lambda: Ticket.web_search_read([], spec, limit=1000)

    try:
        suite_names, suite_read = list_read(env)
        standin_names, standin_read = list_read(standin_env)
        runs = {"suite": [], "standin": []}
        for _ in range(15):
            runs["suite"].append(timed(suite_read, env))
            runs["standin"].append(timed(standin_read, standin_env))
    finally:
        standin_cr.rollback()
        standin_cr.close()
    return {
        name: {
            "fields": fields_,
            "queries": runs[name][-1][0],
            "seconds": statistics.median(t for _, t in runs[name][1:]),  # 1st: warm-up
        }
        for name, fields_ in (("suite", suite_names), ("standin", standin_names))
    }


RECEIPT_SAMPLES = 15
RECEIPT_LINES = 3


class ReceiptBench:
    """Returns to validate, alike (``RECEIPT_LINES`` products of an order
    delivered and invoiced, one of each returned), made three ways: core's
    Return of the delivery, the ticket's Return, and the ticket's Return and
    Refund for a team that credits When Received."""

    def __init__(self, env):
        from odoo import Command

        from odoo.addons.helpdesk_aftersales_platform.platform import TEAM_MODEL, USER_GROUP

        self.env = env
        self.team = env[TEAM_MODEL].create(
            {"name": "Bench receipt", "use_product_returns": True, "use_credit_notes": True}
        )
        self.team.return_credit_policy = "received"
        self.customer = env["res.partner"].create({"name": "Bench receipt customer"})
        self.products = env["product.product"].create(
            [
                {"name": f"Bench lamp {i}", "is_storable": True, "invoice_policy": "delivery"}
                for i in range(RECEIPT_LINES)
            ]
        )
        stock = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
        for product in self.products:
            env["stock.quant"]._update_available_quantity(product, stock.lot_stock_id, 10000)
        groups = [env.ref(USER_GROUP).id, env.ref("stock.group_stock_user").id]
        self.warehouse = env["res.users"].create(
            {
                "name": "Bench warehouse",
                "login": "bench_receipt_warehouse",
                "groups_id": [Command.set(groups)],
            }
        )

    def delivered_order(self):
        from odoo import Command

        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    Command.create({"product_id": product.id, "product_uom_qty": 2})
                    for product in self.products
                ],
            }
        )
        order.action_confirm()
        order.picking_ids.move_ids.picked = True
        order.picking_ids.button_validate()
        order._create_invoices().action_post()
        return order

    def core_return(self):
        delivery = self.delivered_order().picking_ids
        dialog = (
            self.env["stock.return.picking"]
            .with_context(active_model="stock.picking", active_id=delivery.id)
            .create({"picking_id": delivery.id})
        )
        dialog.product_return_moves.quantity = 1
        return self.env["stock.picking"].browse(dialog.action_create_returns()["res_id"])

    def ticket_return(self, confirm="action_create_returns"):
        from odoo.addons.helpdesk_aftersales_platform.platform import TICKET_REQUIRED_VALUES

        ticket = self.env["helpdesk.ticket"].create(
            {
                **TICKET_REQUIRED_VALUES,
                "name": "Bench receipt",
                "team_id": self.team.id,
                "partner_id": self.customer.id,
                "sale_order_id": self.delivered_order().id,
            }
        )
        ctx = {"active_model": "helpdesk.ticket", "active_id": ticket.id}
        dialog = self.env["helpdesk.stock.return"].with_context(**ctx).create({})
        dialog.line_ids.quantity = 1
        getattr(dialog, confirm)()
        return ticket.picking_ids

    def credited_return(self):
        return self.ticket_return("action_create_returns_and_refunds")

    def validate(self, picking):
        """(queries, seconds) of the warehouse user's Validate of ``picking``."""
        env = self.env
        picking = picking.with_user(self.warehouse)
        picking.move_ids.picked = True
        env.flush_all()
        env.invalidate_all()
        q0 = env.cr.sql_log_count
        t0 = time.perf_counter()
        assert picking.button_validate() is True, picking.name
        env.flush_all()
        return env.cr.sql_log_count - q0, time.perf_counter() - t0

    def validate_then_reverse(self, picking):
        """(queries, seconds) of core's way to the same as a credit on
        receipt: the warehouse user's Validate of ``picking`` (a core return),
        then an accountant's Reverse of the delivered order's invoice (core's
        dialog, a draft credit note)."""
        env = self.env
        invoice = picking.move_ids.origin_returned_move_id.sale_line_id.invoice_lines.move_id
        queries, seconds = self.validate(picking)
        env.invalidate_all()
        q0 = env.cr.sql_log_count
        t0 = time.perf_counter()
        reversal = (
            env["account.move.reversal"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id, "reason": "Bench receipt"})
        )
        reversal.refund_moves()
        env.flush_all()
        return queries + env.cr.sql_log_count - q0, seconds + time.perf_counter() - t0


def receipt(env):
    """Validating a return credited on receipt against core's way to the same
    (Validate, then Reverse on the invoice), core's validation alone and the
    ticket's plain return, each sample of the four taken in turn, the order
    reversed every other sample: queries and median time of each."""
    bench = ReceiptBench(env)
    makers = {
        "core": bench.core_return,
        "core_credit": bench.core_return,
        "ticket": bench.ticket_return,
        "credit": bench.credited_return,
    }
    measures = {"core_credit": bench.validate_then_reverse}
    runs = {name: [] for name in makers}
    for sample in range(RECEIPT_SAMPLES + 1):  # the first: warm-up
        order = list(makers) if sample % 2 else list(makers)[::-1]
        returns = {name: makers[name]() for name in order}
        for name in order:
            measured = measures.get(name, bench.validate)(returns[name])
            if sample:
                runs[name].append(measured)
    credited = env["account.move"].search_count(
        [("helpdesk_ticket_id.team_id", "=", bench.team.id), ("move_type", "=", "out_refund")]
    )
    assert credited == RECEIPT_SAMPLES + 1, f"{credited} credit notes"
    result = {
        name: {
            "queries": statistics.median(q for q, _ in run),
            "seconds": statistics.median(t for _, t in run),
            "samples": len(run),
        }
        for name, run in runs.items()
    }
    return {**result, "lines": RECEIPT_LINES}


MODES = {"counts": counts, "list": list_, "receipt": receipt}


def main(env):
    try:
        out = MODES[os.environ["HA_BENCH_MODE"]](env)
    finally:
        env.cr.rollback()
    print("RESULT:" + json.dumps(out))


if "env" in globals():  # piped into `odoo-bin shell`, which gives ``env``
    main(env)  # noqa: F821
