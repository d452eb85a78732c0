"""What the agents of the load benchmark do (bench/load.py), each action as
the web client runs it: the suite's from the ticket (its button, the dialog's
defaults, save, confirm), core's equivalents from the invoice and the
delivery (Reverse: ``account.move.reversal``; Return: ``stock.return.picking``).

``d``: the agent's documents (bench/load_setup.py), the suite's on its ticket's
order, core's on an order of their own; ``ids``: the shared ones.
"""

from agent import COUNT_FIELDS, dialog, from_document, ticket_button


def open_ticket(agent, d, ids):
    """The ticket form (its smart-button counts); returns the counts."""
    spec = agent.spec("helpdesk.ticket")
    record = agent.call("helpdesk.ticket", "web_read", [[d["ticket"]]], specification=spec)
    return {f: record[0][f] for f in COUNT_FIELDS}


def refund(agent, d, ids, quantity=1):
    """Refund from the ticket, one unit of the invoice's line (Partial Refund)."""
    model, ctx, view = ticket_button(agent, d["ticket"], "action_refund")
    line = {"invoice_line_id": d["invoice_line"], "quantity": quantity}
    values = {"move_ids": [[6, 0, [d["invoice"]]]], "journal_id": ids["journal"]}
    dialog(agent, model, dict(values, helpdesk_line_ids=[[0, 0, line]]), "refund_moves", ctx, view)


def ticket_return(agent, d, ids, confirm="action_create_returns", quantity=1):
    """Return from the ticket: one unit of the delivery (Return, or Return and Refund)."""
    model, ctx, view = ticket_button(agent, d["ticket"], "action_return")
    line = {"move_id": d["move"], "product_id": ids["product"], "quantity": quantity}
    values = {"picking_ids": [[6, 0, [d["picking"]]]], "line_ids": [[0, 0, line]]}
    dialog(agent, model, values, confirm, ctx, view)


def return_and_refund(agent, d, ids):
    ticket_return(agent, d, ids, "action_create_returns_and_refunds")


def core_refund(agent, d, ids):
    """Invoice ‣ Reverse (core's dialog, Reverse: a draft credit note)."""
    invoice = d["core_invoice"]
    ctx = from_document(agent, "account.action_view_account_move_reversal", "account.move", invoice)
    values = {"move_ids": [[6, 0, [invoice]]], "journal_id": ids["journal"]}
    dialog(agent, "account.move.reversal", values, "refund_moves", ctx)


def core_return(agent, d, ids):
    """Delivery ‣ Return (core's dialog), one unit."""
    picking = d["core_picking"]
    ctx = from_document(agent, "stock.act_stock_return_picking", "stock.picking", picking)
    line = {"move_id": d["core_move"], "product_id": ids["product"], "quantity": 1}
    values = {"picking_id": picking, "product_return_moves": [[0, 0, line]]}
    dialog(agent, "stock.return.picking", values, "action_create_returns", ctx)


def core_return_and_refund(agent, d, ids):
    """Core's way to the same: Return on the delivery, then Reverse on the invoice."""
    core_return(agent, d, ids)
    core_refund(agent, d, ids)


def coupon(agent, d, ids):
    model, ctx, view = ticket_button(agent, d["ticket"], "action_generate_coupon")
    dialog(agent, model, {"program_id": ids["program"]}, "action_generate", ctx, view)


def repair(agent, d, ids):
    """The Repair button opens core's Repairs form (not a dialog): Save, Confirm Repair."""
    model, ctx, view = ticket_button(agent, d["ticket"], "action_repair")
    dialog(agent, model, {"product_id": ids["product"]}, "action_validate", ctx, view)


def field_service(agent, d, ids):
    model, ctx, view = ticket_button(agent, d["ticket"], "action_generate_fsm_task")
    values = {"project_id": ids["project"], "name": f"{agent.login}: visit"}
    dialog(agent, model, values, "action_generate_task", ctx, view)


# The suite's three actions that have a core equivalent, each with it.
PAIRS = {
    "refund": ("core refund", refund, core_refund),
    "return": ("core return", ticket_return, core_return),
    "return and refund": ("core return and refund", return_and_refund, core_return_and_refund),
}
# The other actions of a round, timed alone.
OTHERS = {
    "open ticket": open_ticket,
    "coupon": coupon,
    "repair": repair,
    "field service": field_service,
}
ACTIONS = [name for suite, (core, _, _) in PAIRS.items() for name in (suite, core)]
ACTIONS += list(OTHERS)
# The documents each action makes (the consistency check counts them).
MAKES = {
    "refund": ["credit_notes"],
    "return": ["returns"],
    "return and refund": ["returns", "credit_notes"],
    "core refund": ["core_credit_notes"],
    "core return": ["core_returns"],
    "core return and refund": ["core_returns", "core_credit_notes"],
    "coupon": ["coupons"],
    "repair": ["repairs"],
    "field service": ["tasks"],
}


def round_of(round_no):
    """[(name, function)] of one round: each suite action and its core
    equivalent back to back, the suite first in even rounds and core first in
    odd ones (so neither always follows the same action), then the others."""
    steps = []
    for suite, (core, suite_fn, core_fn) in PAIRS.items():
        pair = [(suite, suite_fn), (core, core_fn)]
        steps += pair if round_no % 2 == 0 else pair[::-1]
    return steps + list(OTHERS.items())
