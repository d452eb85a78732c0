"""Two agents acting on the same document at the same time, in two real
PostgreSQL transactions: together they never return more than was delivered,
nor reverse an invoice twice; two portal return requests of the same order
never ask for more than was delivered; two validations of a return credited
on receipt make one credit note.

Agent 1 acts and holds its transaction open; agent 2 then tries the same
action, which must wait for agent 1's lock, fail to serialize when agent 1
commits, and on retry (what Odoo's RPC layer does) be refused."""

import textwrap

import pytest

from .odoo_shell import OdooDatabase

# The choreography both races share. The script before it defines the ids,
# ``act(env)`` (one agent's click, raising UserError when refused) and
# ``outcome(env)`` (what was created in the end, as a dict).
RACE = textwrap.dedent(
    """
    import json, threading, time
    import odoo
    from psycopg2.errors import SerializationFailure
    from odoo.exceptions import UserError

    registry = env.registry
    agent1_done, release_agent1 = threading.Event(), threading.Event()
    log = []

    def agent(name, hold):
        for attempt in range(5):
            try:
                with registry.cursor() as cr:
                    act(odoo.api.Environment(cr, AGENT_UID, {}))
                    log.append([name, attempt, "done"])
                    if hold:
                        agent1_done.set()
                        release_agent1.wait(30)
                return
            except SerializationFailure:
                log.append([name, attempt, "serialization failure, retry"])
            except UserError as exc:
                log.append([name, attempt, "refused: " + str(exc)[:80]])
                return
            finally:
                agent1_done.set()  # never leave agent 2 waiting on a crash

    t1 = threading.Thread(target=agent, args=("agent1", True))
    t1.start()
    agent1_done.wait(60)
    t2 = threading.Thread(target=agent, args=("agent2", False))
    t2.start()
    time.sleep(2)  # agent 2 is now waiting for agent 1's lock
    release_agent1.set()
    t1.join(60)
    t2.join(60)
    with registry.cursor() as cr:
        result = outcome(odoo.api.Environment(cr, odoo.SUPERUSER_ID, {}))
    print("RESULT:" + json.dumps({"log": log, **result}))
    """
)


def race(db, setup, act):
    """Run ``setup`` (it prints ``RESULT:{ids}``), then the two agents with
    ``act`` (formatted with those ids); return the race's result."""
    ids = db.shell(setup)
    return db.shell(act.format(**ids) + RACE)


def assert_one_done_one_refused(out):
    outcomes = {name: events[-1] for name, *events in out["log"]}
    assert outcomes["agent1"] == "done", out["log"]
    assert outcomes["agent2"].startswith("refused"), out["log"]
    assert any("serialization failure" in event for *_, event in out["log"]), (
        "agent 2 waited for agent 1's lock",
        out["log"],
    )


# Returns -----------------------------------------------------------------

RETURN_SETUP = textwrap.dedent(
    """
    from odoo import Command
    team = env["helpdesk.team"].create({"name": "Race", "use_product_returns": True})
    customer = env["res.partner"].create({"name": "Race customer"})
    product = env["product.product"].create({"name": "Chair", "type": "consu", "is_storable": True})
    order = env["sale.order"].create({
        "partner_id": customer.id,
        "order_line": [Command.create({"product_id": product.id, "product_uom_qty": 5})],
    })
    order.action_confirm()
    order.picking_ids.move_ids.quantity = 5
    order.picking_ids.move_ids.picked = True
    order.picking_ids.button_validate()
    ticket = env["helpdesk.ticket"].create({"name": "Race", "team_id": team.id,
                                            "partner_id": customer.id})
    env.cr.commit()
    print("RESULT:" + __import__("json").dumps({"ticket": ticket.id,
                                                "move": order.picking_ids.move_ids.id}))
    """
)

RETURN_ACT = textwrap.dedent(
    """
    import odoo
    TICKET, MOVE, AGENT_UID = {ticket}, {move}, odoo.SUPERUSER_ID

    def act(env):
        ctx = {{"active_model": "helpdesk.ticket", "active_id": TICKET}}
        wiz = env["helpdesk.stock.return"].with_context(**ctx).create({{}})
        wiz.line_ids.quantity = 5  # what the dialog proposed to both agents
        wiz.action_create_returns()

    def outcome(env):
        returns = env["stock.move"].search([("origin_returned_move_id", "=", MOVE)])
        return {{"returned": sum(returns.mapped("product_uom_qty"))}}
    """
)


@pytest.fixture(scope="module")
def race_db(platform_env, suite_db):
    """A copy of the database the Odoo tests installed the whole suite in;
    each race makes its own team, customer and documents."""
    db = OdooDatabase(platform_env, "ha_race", source=suite_db)
    yield db
    db.close()


def test_two_agents_cannot_return_more_than_delivered(race_db):
    out = race(race_db, RETURN_SETUP, RETURN_ACT)
    assert out["returned"] == 5, out
    assert_one_done_one_refused(out)


# Refunds -----------------------------------------------------------------

REFUND_SETUP = textwrap.dedent(
    """
    from odoo import Command
    team = env["helpdesk.team"].create({"name": "Race", "use_credit_notes": True})
    customer = env["res.partner"].create({"name": "Race customer"})
    product = env["product.product"].create({"name": "Chair", "list_price": 100})
    invoice = env["account.move"].create({
        "move_type": "out_invoice",
        "partner_id": customer.id,
        "invoice_line_ids": [Command.create({"product_id": product.id, "price_unit": 100})],
    })
    invoice.action_post()
    ticket = env["helpdesk.ticket"].create({"name": "Race", "team_id": team.id,
                                            "partner_id": customer.id})
    accountant = env["res.users"].create({
        "name": "Race accountant", "login": "race_accountant",
        "email": "race.accountant@example.com",
        "groups_id": [Command.set([env.ref("helpdesk.group_helpdesk_user").id,
                                   env.ref("account.group_account_invoice").id])],
    })
    env.cr.commit()
    print("RESULT:" + __import__("json").dumps({
        "ticket": ticket.id, "invoice": invoice.id, "journal": invoice.journal_id.id,
        "accountant": accountant.id}))
    """
)

# Reverse and Create Invoice: the credit note is posted and reverses the whole
# invoice, so a second one would refund more than was invoiced.
REFUND_ACT = textwrap.dedent(
    """
    TICKET, INVOICE, JOURNAL, AGENT_UID = {ticket}, {invoice}, {journal}, {accountant}

    def act(env):
        ctx = {{"active_model": "helpdesk.ticket", "active_id": TICKET}}
        wiz = env["account.move.reversal"].with_context(**ctx).create(
            {{"move_ids": [(6, 0, [INVOICE])], "journal_id": JOURNAL}}
        )
        wiz.modify_moves()

    def outcome(env):
        credit_notes = env["account.move"].search(
            [("reversed_entry_id", "=", INVOICE), ("move_type", "=", "out_refund")]
        )
        return {{
            "credit_notes": len(credit_notes),
            "refunded": sum(credit_notes.mapped("amount_total")),
            "invoiced": env["account.move"].browse(INVOICE).amount_total,
            "linked": credit_notes.helpdesk_ticket_id.ids,
        }}
    """
)


def test_two_agents_cannot_reverse_an_invoice_twice(race_db):
    out = race(race_db, REFUND_SETUP, REFUND_ACT)
    assert out["credit_notes"] == 1, out
    assert out["refunded"] == out["invoiced"], out
    assert_one_done_one_refused(out)
    assert "already fully reversed" in out["log"][-1][-1], out["log"]


# Credit on receipt ---------------------------------------------------------

RECEIPT_SETUP = textwrap.dedent(
    """
    from odoo import Command
    from odoo.addons.helpdesk_aftersales_platform.platform import (
        TEAM_MODEL, TICKET_REQUIRED_VALUES, USER_GROUP)
    team = env[TEAM_MODEL].create({"name": "Race", "use_product_returns": True,
                                   "use_credit_notes": True})
    team.return_credit_policy = "received"
    customer = env["res.partner"].create({"name": "Race customer"})
    product = env["product.product"].create({"name": "Chair", "is_storable": True,
                                             "invoice_policy": "delivery", "list_price": 100})
    warehouse = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
    env["stock.quant"]._update_available_quantity(product, warehouse.lot_stock_id, 5)
    order = env["sale.order"].create({
        "partner_id": customer.id,
        "order_line": [Command.create({"product_id": product.id, "product_uom_qty": 5})],
    })
    order.action_confirm()
    order.picking_ids.move_ids.quantity = 5
    order.picking_ids.move_ids.picked = True
    order.picking_ids.button_validate()
    order._create_invoices().action_post()
    ticket = env["helpdesk.ticket"].create({**TICKET_REQUIRED_VALUES, "name": "Race",
                                            "team_id": team.id, "partner_id": customer.id,
                                            "sale_order_id": order.id})
    ctx = {"active_model": "helpdesk.ticket", "active_id": ticket.id}
    wiz = env["helpdesk.stock.return"].with_context(**ctx).create({})
    wiz.line_ids.quantity = 2
    wiz.action_create_returns_and_refunds()
    returned = ticket.picking_ids.filtered(lambda picking: picking.aftersales_credit_on_receipt)
    assert len(returned) == 1, ticket.picking_ids
    agents = env["res.users"].create([{
        "name": f"Race warehouse {index}", "login": f"race_warehouse_{index}",
        "groups_id": [Command.set([env.ref(USER_GROUP).id,
                                   env.ref("stock.group_stock_user").id])],
    } for index in (1, 2)])
    env.cr.commit()
    print("RESULT:" + __import__("json").dumps({
        "picking": returned.id, "invoice": order.invoice_ids.id,
        "agent": agents[0].id, "other": agents[1].id}))
    """
)

# Validate on the return's form, two warehouse agents having the same form
# open. Core's Validate skips a transfer already done: agent 2 waits for
# agent 1, is retried, and sees the return Done with agent 1's credit note.
RECEIPT_ACT = textwrap.dedent(
    """
    import threading
    PICKING, INVOICE, AGENT_UID, OTHER_UID = {picking}, {invoice}, {agent}, {other}
    AGENTS = {{}}

    def act(env):
        # Two agents, two users (one user's second click would clash on
        # following the return: core's own refusal, not this race's).
        if threading.get_ident() not in AGENTS:
            AGENTS[threading.get_ident()] = (AGENT_UID, OTHER_UID)[len(AGENTS)]
        picking = env(user=AGENTS[threading.get_ident()])["stock.picking"].browse(PICKING)
        if picking.state != "done":  # what the form shows: Validate
            picking.move_ids.quantity = 2
            picking.move_ids.picked = True
        assert picking.button_validate() is True

    def outcome(env):
        credit_notes = env["account.move"].search(
            [("reversed_entry_id", "=", INVOICE), ("move_type", "=", "out_refund")]
        )
        picking = env["stock.picking"].browse(PICKING)
        return {{
            "credit_notes": len(credit_notes),
            "credited": sum(credit_notes.invoice_line_ids.mapped("quantity")),
            "state": picking.state,
            "received": sum(picking.move_ids.mapped("quantity")),
        }}
    """
)


def test_two_agents_validating_a_return_credit_it_once(race_db):
    out = race(race_db, RECEIPT_SETUP, RECEIPT_ACT)
    assert out == {**out, "credit_notes": 1, "credited": 2.0, "state": "done", "received": 2.0}
    outcomes = {name: events[-1] for name, *events in out["log"]}
    assert outcomes == {"agent1": "done", "agent2": "done"}, out["log"]
    assert any("serialization failure" in event for *_, event in out["log"]), (
        "agent 2 waited for agent 1's validation",
        out["log"],
    )


# Portal return requests --------------------------------------------------

PORTAL_SETUP = textwrap.dedent(
    """
    from odoo import Command
    team = env["helpdesk.team"].create({"name": "Race", "use_product_returns": True})
    team.receives_portal_returns = True
    customer = env["res.partner"].create({"name": "Race customer"})
    product = env["product.product"].create({"name": "Chair", "type": "consu", "is_storable": True})
    order = env["sale.order"].create({
        "partner_id": customer.id,
        "order_line": [Command.create({"product_id": product.id, "product_uom_qty": 3})],
    })
    order.action_confirm()
    order.picking_ids.move_ids.quantity = 3
    order.picking_ids.move_ids.picked = True
    order.picking_ids.button_validate()
    env.cr.commit()
    print("RESULT:" + __import__("json").dumps({"order": order.id,
                                                "line": order.order_line.id}))
    """
)

# The customer sends Request a Return twice at once (two browser tabs): 2 of
# the 3 delivered chairs each time. What the controller runs, as superuser.
PORTAL_ACT = textwrap.dedent(
    """
    import odoo
    ORDER, LINE, AGENT_UID = {order}, {line}, odoo.SUPERUSER_ID

    def act(env):
        order = env["sale.order"].browse(ORDER)
        vals_list = order._aftersales_prepare_portal_return({{str(LINE): "2"}}, {{}})
        order._aftersales_create_portal_return(vals_list)

    def outcome(env):
        lines = env["helpdesk.return.request.line"].search([("sale_line_id", "=", LINE)])
        return {{"requested": sum(lines.mapped("quantity")), "tickets": len(lines.ticket_id)}}
    """
)


def test_two_portal_requests_cannot_ask_for_more_than_delivered(race_db):
    out = race(race_db, PORTAL_SETUP, PORTAL_ACT)
    assert out == {**out, "requested": 2.0, "tickets": 1}, out
    assert_one_done_one_refused(out)
    assert "only 1.00 Units can still be requested" in out["log"][-1][-1], out["log"]
