"""The measures of `make bench` (bench/run.py) that run inside `odoo-bin shell`.

One function per mode, each given the shell's ``env`` and returning what
bench/run.py renders: ``counts``, ``list`` and ``actions`` (``MODES``).
bench/run.py pipes a short script into `odoo-bin shell` (``SHELL_SCRIPT``):
it imports this module, calls ``main(env)``, which runs the mode named by
HA_BENCH_MODE, rolls the transaction back and prints one line
"BENCH:<json>". Piping this file itself into the shell does the same.
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


def actions(env):
    """Each service's dialog opened and confirmed for a customer with 1 and
    with HA_BENCH_HISTORY (1000) documents. Opening: HA_BENCH_OPEN_SAMPLES
    (15) samples per size after one warm-up each; confirming:
    HA_BENCH_CONFIRM_SAMPLES (9) per size, each on a subject of its own (a
    confirm consumes it: with 1 document, a new customer each time; with
    1000, one more document of the same customer per further sample, 1008
    in all). Sizes are measured in turn (1, 1000, 1, 1000, ...) so that the
    machine's load hits both alike.

    Returns {size: {row: {"queries": [...], "seconds": [...]}}, "samples":
    {"open": n, "confirm": m}, "history_seconds": {...}}."""
    # Each action is opened as the web client does (the button's action, then
    # the dialog's form with its defaults and onchanges: ``Form``) and
    # confirmed with its button, for a customer with 1 and with N documents of
    # the kind the action looks at. History is made with batched creates,
    # without chatter tracking, to keep ``make bench`` short.
    from odoo import Command
    from odoo.tests import Form
    from odoo.tools import SQL

    QUIET = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
    qenv = env(context=dict(env.context, **QUIET))
    fsm_project = env["project.project"].create({"name": "Bench FSM", "is_fsm": True})
    team = env["helpdesk.team"].create(
        {
            "name": "Bench",
            "use_credit_notes": True,
            "use_coupons": True,
            "use_product_returns": True,
            "use_product_repairs": True,
            "use_fsm": True,
            "fsm_project_id": fsm_project.id,
        }
    )
    product = env["product.product"].create(
        {"name": "Bench chair", "is_storable": True, "list_price": 10.0}
    )
    warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
    env["stock.quant"]._update_available_quantity(product, warehouse.lot_stock_id, 100000)
    program = env["loyalty.program"].create(
        {
            "name": "Bench sorry coupon",
            "program_type": "coupons",
            "trigger": "with_code",
            "applies_on": "current",
            "rule_ids": [Command.create({"reward_point_mode": "order", "minimum_qty": 0})],
            "reward_ids": [
                Command.create({"reward_type": "discount", "discount": 10, "required_points": 1})
            ],
        }
    )

    def new_customer(size, kind):
        return env["res.partner"].create({"name": f"Customer with {size} {kind}"})

    def ticket_of(customer, **values):
        return env["helpdesk.ticket"].create(
            {"name": "Bench", "team_id": team.id, "partner_id": customer.id, **values}
        )

    # Invoices and deliveries are slow to make through the ORM (1000 of each
    # would take minutes): one real document is made, then copied with its
    # lines at SQL level (new names, same customer, state and amounts).
    _columns = {}

    def copy_rows(table, where_column, where_id, **overrides):
        if table not in _columns:
            env.cr.execute(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_name = %s AND column_name != 'id' ORDER BY ordinal_position",
                [table],
            )
            _columns[table] = [row[0] for row in env.cr.fetchall()]
        cols = _columns[table]
        env.cr.execute(
            SQL(
                "INSERT INTO %s (%s) SELECT %s FROM %s WHERE %s = %s RETURNING id",
                SQL.identifier(table),
                SQL(", ").join(SQL.identifier(col) for col in cols),
                SQL(", ").join(
                    overrides[col] if col in overrides else SQL.identifier(col) for col in cols
                ),
                SQL.identifier(table),
                SQL.identifier(where_column),
                where_id,
            )
        )
        return [row[0] for row in env.cr.fetchall()]

    # Each history maker takes a size and makes a customer with that many
    # documents, or, given a ``customer``, adds ``size`` documents to theirs.
    def with_invoices(size, customer=None):
        customer = customer or new_customer(size, "invoices")
        invoice = qenv["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": customer.id,
                "invoice_line_ids": [Command.create({"product_id": product.id})],
            }
        )
        invoice.action_post()
        copy_invoice(invoice, size - 1)
        return ticket_of(customer), invoice

    def copy_invoice(invoice, count):
        env.flush_all()
        for i in range(count):
            name = f"{invoice.name}-H{i}"
            [copy] = copy_rows("account_move", "id", invoice.id, name=name)
            copy_rows("account_move_line", "move_id", invoice.id, move_id=copy, move_name=name)
        env.invalidate_all()

    def with_deliveries(size, customer=None):
        """``size`` done deliveries, the one of the sales order the ticket is
        about and copies of it."""
        customer = customer or new_customer(size, "deliveries")
        order = env["sale.order"].create(
            {"partner_id": customer.id, "order_line": [Command.create({"product_id": product.id})]}
        )
        order.action_confirm()
        delivery = order.picking_ids
        delivery.move_ids.picked = True
        delivery.with_context(skip_sms=True, skip_backorder=True).button_validate()
        assert delivery.state == "done", delivery.state
        env.flush_all()
        [move] = delivery.move_ids.ids
        for i in range(size - 1):
            [picking] = copy_rows(
                "stock_picking", "id", delivery.id, name=f"{delivery.name}-H{i}", sale_id=None
            )
            [new_move] = copy_rows("stock_move", "id", move, picking_id=picking, sale_line_id=None)
            copy_rows("stock_move_line", "move_id", move, move_id=new_move, picking_id=picking)
        env.invalidate_all()
        return ticket_of(customer, sale_order_id=order.id)

    def with_invoiced_deliveries(size, customer=None):
        """``size`` done deliveries and ``size`` posted invoices: the order the
        ticket is about, delivered and invoiced, and copies of both."""
        ticket = with_deliveries(size, customer)
        invoice = ticket.sale_order_id._create_invoices()
        invoice.action_post()
        copy_invoice(invoice, size - 1)
        return ticket

    def with_coupons(size, customer=None):
        customer = customer or new_customer(size, "coupons")
        qenv["loyalty.card"].create(
            [{"program_id": program.id, "partner_id": customer.id, "points": 1}] * size
        )
        return ticket_of(customer)

    def with_repairs(size, customer=None):
        customer = customer or new_customer(size, "repairs")
        qenv["repair.order"].create([{"partner_id": customer.id, "product_id": product.id}] * size)
        return ticket_of(customer, product_id=product.id)

    def with_tasks(size, customer=None):
        customer = customer or new_customer(size, "tasks")
        qenv["project.task"].create(
            [
                {"name": f"Visit {i}", "project_id": fsm_project.id, "partner_id": customer.id}
                for i in range(size)
            ]
        )
        return ticket_of(customer)

    def dialog(ticket, method):
        action = getattr(ticket, method)()
        view = next((v for v, mode in action.get("views", []) if mode == "form"), False)
        model = env[action["res_model"]].with_context(**action.get("context", {}))
        return Form(model, view=view or None)

    def open_refund(subject):
        ticket, invoice = subject
        form = dialog(ticket, "action_refund")
        form.move_ids.add(invoice)
        return form

    ACTIONS = [
        # (label, history maker, open the dialog, confirm it)
        ("refund", with_invoices, open_refund, lambda f: f.save().refund_moves()),
        (
            "coupon",
            with_coupons,
            lambda t: dialog(t, "action_generate_coupon"),
            lambda f: (setattr(f, "program_id", program), f.save().action_generate()),
        ),
        (
            "return",
            with_deliveries,
            lambda t: dialog(t, "action_return"),
            lambda f: f.save().action_create_returns(),
        ),
        (
            "return and refund",
            with_invoiced_deliveries,
            lambda t: dialog(t, "action_return"),
            lambda f: f.save().action_create_returns_and_refunds(),
        ),
        # The Repair button opens the Repairs app's form: saving it confirms.
        ("repair", with_repairs, lambda t: dialog(t, "action_repair"), lambda f: f.save()),
        (
            "field service",
            with_tasks,
            lambda t: dialog(t, "action_generate_fsm_task"),
            lambda f: f.save().action_generate_task(),
        ),
    ]

    history = [1, int(os.environ.get("HA_BENCH_HISTORY", "1000"))]
    open_samples = int(os.environ.get("HA_BENCH_OPEN_SAMPLES", "15"))
    confirm_samples = int(os.environ.get("HA_BENCH_CONFIRM_SAMPLES", "9"))
    out = {"samples": {"open": open_samples, "confirm": confirm_samples}}
    timings = {}

    def made(label, size, make_history, customer=None):
        """``make_history(size, customer)``, its time added to ``timings``."""
        t0 = time.perf_counter()
        subject = make_history(size, customer)
        env.flush_all()
        key = f"{label} history ({size if customer is None else 'more'})"
        timings[key] = timings.get(key, 0.0) + time.perf_counter() - t0
        return subject

    def customer_of(subject):
        ticket = subject[0] if isinstance(subject, tuple) else subject
        return ticket.partner_id

    for label, make_history, open_dialog, confirm in ACTIONS:
        # Warm-up on a throwaway customer: views, access rights, sequences.
        confirm(open_dialog(make_history(1)))
        # Opening: one subject per size, opened again and again (a dialog's
        # form that is not saved creates nothing).
        subjects = {size: [made(label, size, make_history)] for size in history}
        opened = {size: {"queries": [], "seconds": []} for size in history}
        for sample in range(open_samples + 1):
            for size in history:
                subject = subjects[size][0]
                queries, seconds = timed(functools.partial(open_dialog, subject), env)
                if sample:  # the first of each size: a warm-up
                    opened[size]["queries"].append(queries)
                    opened[size]["seconds"].append(seconds)
        # Confirming consumes its subject (the invoice refunded, the delivery
        # returned, ...): one per sample. With 1 document, a customer of its
        # own each time; with more, one more document of the same customer
        # each time (making 1000 again each time would take minutes).
        for size in history:
            customer = customer_of(subjects[size][0]) if size > 1 else None
            for _ in range(confirm_samples - 1):
                subjects[size].append(made(label, 1, make_history, customer))
        confirmed = {size: {"queries": [], "seconds": []} for size in history}
        for sample in range(confirm_samples):
            for size in history:
                form = open_dialog(subjects[size][sample])
                queries, seconds = timed(functools.partial(confirm, form), env)
                confirmed[size]["queries"].append(queries)
                confirmed[size]["seconds"].append(seconds)
        for size in history:
            row = out.setdefault(str(size), {})
            row[f"{label}: open the dialog"] = opened[size]
            row[f"{label}: confirm"] = confirmed[size]
    out["history_seconds"] = timings
    return out


MODES = {"counts": counts, "list": list_, "actions": actions}

# What bench/run.py pipes into `odoo-bin shell` (``env`` given by the shell).
SHELL_SCRIPT = """
import sys
sys.path.insert(0, {bench_dir!r})
import bench_shell
bench_shell.main(env)
"""


def main(env):
    """Run the mode HA_BENCH_MODE names, roll back, print "BENCH:<json>"."""
    try:
        out = MODES[os.environ["HA_BENCH_MODE"]](env)
    finally:
        env.cr.rollback()
    print("BENCH:" + json.dumps(out))


if "env" in globals():  # this file piped into `odoo-bin shell` itself
    main(env)  # noqa: F821 (the shell gives `env`)
