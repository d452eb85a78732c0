# Runs inside `odoo-bin shell` (``env`` is given). Prints one line "BENCH:<json>".
# Mode from the environment: HA_BENCH_MODE = "counts" | "list" | "actions".
import json
import os
import statistics
import time

MODE = os.environ["HA_BENCH_MODE"]
SIZES = [1, 100, 1000]
out = {}


def measure(fn, repeat=1):
    """(queries, median seconds) of ``fn`` on a cold cache."""
    times, queries = [], None
    for _ in range(repeat):
        env.invalidate_all()
        env.registry.clear_cache()
        q0 = env.cr.sql_log_count
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
        queries = env.cr.sql_log_count - q0
    return queries, statistics.median(times)


def make_tickets(count):
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


if MODE == "counts":
    tickets = make_tickets(max(SIZES))
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
        q, t = measure(lambda: batch.read(count_fields), repeat=3)
        out[str(size)] = {"queries": q, "seconds": t}
elif MODE == "list":
    tickets = make_tickets(1000)
    arch = env["helpdesk.ticket"].get_views([(False, "list")])["views"]["list"]["arch"]
    from lxml import etree

    names = [n.get("name") for n in etree.fromstring(arch).iter("field")]
    spec = {name: {} for name in names}
    Ticket = env["helpdesk.ticket"]
    q, t = measure(lambda: Ticket.web_search_read([], spec, limit=1000), repeat=7)
    out = {"fields": names, "queries": q, "seconds": t}
elif MODE == "actions":
    from odoo import Command

    HISTORY = [1, int(os.environ.get("HA_BENCH_HISTORY", "1000"))]
    team = env["helpdesk.team"].create(
        {"name": "Bench", "use_credit_notes": True, "use_product_returns": True}
    )
    product = env["product.product"].create(
        {"name": "Bench chair", "is_storable": True, "list_price": 10.0}
    )
    journal = env["account.journal"].search(
        [("type", "=", "sale"), ("company_id", "=", env.company.id)], limit=1
    )

    def customer_with_history(size):
        customer = env["res.partner"].create({"name": f"Customer with {size}"})
        invoices = env["account.move"].create(
            [
                {
                    "move_type": "out_invoice",
                    "partner_id": customer.id,
                    "journal_id": journal.id,
                    "invoice_line_ids": [Command.create({"product_id": product.id})],
                }
                for _ in range(size)
            ]
        )
        invoices.action_post()
        orders = env["sale.order"].create(
            [
                {
                    "partner_id": customer.id,
                    "order_line": [Command.create({"product_id": product.id})],
                }
                for _ in range(size)
            ]
        )
        orders.action_confirm()
        moves = orders.picking_ids.move_ids
        for move in moves:
            move.quantity = move.product_uom_qty
        moves.picked = True
        orders.picking_ids.with_context(skip_sms=True, skip_backorder=True).button_validate()
        ticket = env["helpdesk.ticket"].create(
            {"name": "Bench", "team_id": team.id, "partner_id": customer.id}
        )
        return ticket, invoices[:1], orders.picking_ids[:1]

    for size in HISTORY:
        ticket, invoice, delivery = customer_with_history(size)
        ctx = {"active_model": "helpdesk.ticket", "active_id": ticket.id}
        row = {}
        Reversal = env["account.move.reversal"].with_context(**ctx)

        def open_refund():
            wizard = Reversal.create({"journal_id": journal.id})
            wizard.helpdesk_suitable_move_ids.ids  # noqa: B018 - what the dialog displays
            return wizard

        row["refund: open dialog"] = measure(open_refund)

        def confirm_refund():
            wizard = Reversal.create(
                {"journal_id": journal.id, "move_ids": [Command.set(invoice.ids)]}
            )
            wizard.refund_moves()

        row["refund: Reverse"] = measure(confirm_refund)
        Return = env["helpdesk.stock.return"].with_context(**ctx)

        def open_return():
            wizard = Return.create({"picking_ids": [Command.set(delivery.ids)]})
            wizard.allowed_picking_ids.ids  # noqa: B018 - what the dialog displays
            return wizard

        row["return: open dialog"] = measure(open_return)
        row["return: Return"] = measure(lambda: open_return().action_create_returns())
        out[str(size)] = row
env.cr.rollback()
print("BENCH:" + json.dumps(out))
