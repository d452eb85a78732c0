# Consistency check of the load benchmark (bench/load.py), run in `odoo-bin shell`
# on its database afterwards. HA_LOAD_CHECK: {"ids": load_setup.py's result,
# "done": {ticket id: {document kind: how many the agents' confirmed actions made}}}.
# Prints RESULT:<json> with the problems found and the race's outcome in the database.
# ruff: noqa: F821  (``env`` is the shell's)
import json
import os

data = json.loads(os.environ["HA_LOAD_CHECK"])
ids, done = data["ids"], data["done"]
Move, Picking, StockMove = env["account.move"], env["stock.picking"], env["stock.move"]
problems = []


def expect(what, got, wanted):
    if got != wanted:
        problems.append(f"{what}: {got}, expected {wanted}")


def documents_of_ticket(d, want):
    """The ticket's documents: as many as its confirmed dialogs made, each of its own order."""
    t = d["ticket"]
    credit_notes = Move.search([("helpdesk_ticket_id", "=", t)])
    expect(f"ticket {t} credit notes", len(credit_notes), want.get("credit_notes", 0))
    mine = credit_notes.filtered(lambda m: m.reversed_entry_id.id == d["invoice"])
    expect(f"ticket {t} credit notes of its invoice", len(mine), len(credit_notes))
    returns = Picking.search([("helpdesk_ticket_id", "=", t)])
    expect(f"ticket {t} returns", len(returns), want.get("returns", 0))
    mine = returns.filtered(lambda p: p.return_id.id == d["picking"])
    expect(f"ticket {t} returns of its delivery", len(mine), len(returns))
    for model, kind, domain in (
        ("loyalty.card", "coupons", []),
        ("repair.order", "repairs", [("state", "=", "confirmed")]),
        ("project.task", "tasks", []),
    ):
        count = env[model].search_count([("helpdesk_ticket_id", "=", t), *domain])
        expect(f"ticket {t} {kind}", count, want.get(kind, 0))
    return credit_notes


def core_documents(d, want):
    """Core's credit notes and returns: made from its own invoice and delivery, no ticket."""
    core_cn = Move.search([("reversed_entry_id", "=", d["core_invoice"])])
    expect(
        f"invoice {d['core_invoice']} credit notes", len(core_cn), want.get("core_credit_notes", 0)
    )
    expect(f"invoice {d['core_invoice']} on a ticket", bool(core_cn.helpdesk_ticket_id), False)
    core_ret = Picking.search([("return_id", "=", d["core_picking"])])
    expect(f"delivery {d['core_picking']} returns", len(core_ret), want.get("core_returns", 0))
    expect(f"delivery {d['core_picking']} on a ticket", bool(core_ret.helpdesk_ticket_id), False)
    return core_cn


def returned(move_id):
    """Quantity returned of a move, never more than delivered."""
    move = StockMove.browse(move_id)
    back = StockMove.search([("origin_returned_move_id", "=", move_id), ("state", "!=", "cancel")])
    quantity = sum(back.mapped("product_uom_qty"))
    if quantity > move.quantity:
        problems.append(f"move {move_id}: {quantity} returned of {move.quantity}")
    return quantity


def credited_at_most_invoiced(invoice_id):
    invoice = Move.browse(invoice_id)
    posted = Move.search([("reversed_entry_id", "=", invoice_id), ("state", "=", "posted")])
    for line in invoice.invoice_line_ids:
        lines = posted.invoice_line_ids.filtered(lambda x, p=line.product_id: x.product_id == p)
        if sum(lines.mapped("quantity")) > line.quantity:
            problems.append(f"invoice {invoice_id}: {sum(lines.mapped('quantity'))} credited")


drafts = 0
for d in (d for agent in ids["agents"] for d in agent["rounds"]):
    want = done.get(str(d["ticket"]), {})
    both = documents_of_ticket(d, want) | core_documents(d, want)
    drafts += len(both.filtered(lambda m: m.state == "draft"))
    expect(f"move {d['move']} returned", returned(d["move"]), want.get("returns", 0))
    expect(f"move {d['core_move']} returned", returned(d["core_move"]), want.get("core_returns", 0))
    for invoice_id in (d["invoice"], d["core_invoice"]):
        credited_at_most_invoiced(invoice_id)
race = ids["race"]
credited_at_most_invoiced(race["invoice"])
race_cn = Move.search([("reversed_entry_id", "=", race["invoice"])])
result = {
    "problems": problems,
    "draft_credit_notes": drafts,
    "race": {
        "returned": returned(race["move"]),
        "delivered": StockMove.browse(race["move"]).quantity,
        "return_pickings": Picking.search_count([("return_id", "=", race["picking"])]),
        "credit_notes": len(race_cn),
        "credited": sum(race_cn.filtered(lambda m: m.state == "posted").mapped("amount_total")),
        "invoiced": Move.browse(race["invoice"]).amount_total,
        "linked": race_cn.helpdesk_ticket_id.ids == [race["ticket"]],
    },
}
print("RESULT:" + json.dumps(result))
